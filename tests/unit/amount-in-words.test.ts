import { describe, expect, test } from 'vitest';
import { amountInWords } from '~/utils/amount-in-words';

const SOM = 100;

describe('an agreement writes the amount in words', () => {
  test('74 000,01 som, the awkward 70/30 grant, in the three languages', () => {
    expect(amountInWords(74_000 * SOM + 1, 'KGS', 'ky')).toBe('жетимиш төрт миң сом 01 тыйын');
    expect(amountInWords(74_000 * SOM + 1, 'KGS', 'ru')).toBe(
      'семьдесят четыре тысячи сомов 01 тыйын',
    );
    expect(amountInWords(74_000 * SOM + 1, 'KGS', 'en')).toBe('seventy-four thousand som 01 tyiyn');
  });

  test('Russian agrees the thousand (feminine) and the unit with the last digits', () => {
    expect(amountInWords(1_000 * SOM, 'KGS', 'ru')).toBe('одна тысяча сомов 00 тыйынов');
    expect(amountInWords(2_000 * SOM, 'KGS', 'ru')).toBe('две тысячи сомов 00 тыйынов');
    expect(amountInWords(21 * SOM + 22, 'KGS', 'ru')).toBe('двадцать один сом 22 тыйына');
    expect(amountInWords(111_111 * SOM + 11, 'KGS', 'ru')).toBe(
      'сто одиннадцать тысяч сто одиннадцать сомов 11 тыйынов',
    );
    expect(amountInWords(51_800 * SOM, 'KZT', 'ru')).toBe(
      'пятьдесят одна тысяча восемьсот тенге 00 тиынов',
    );
  });

  test('Kyrgyz counts hundreds and thousands above one, and says "жүз" and "миң" alone for one', () => {
    expect(amountInWords(1_000 * SOM, 'KGS', 'ky')).toBe('миң сом 00 тыйын');
    expect(amountInWords(150_000 * SOM + 50, 'KGS', 'ky')).toBe('жүз элүү миң сом 50 тыйын');
    expect(amountInWords(22_200 * SOM + 1, 'KGS', 'ky')).toBe(
      'жыйырма эки миң эки жүз сом 01 тыйын',
    );
    expect(amountInWords(1_001_001 * SOM, 'KZT', 'ky')).toBe('бир миллион миң бир теңге 00 тыйын');
  });

  test('English: "and" before the last tens, singular for one', () => {
    expect(amountInWords(1 * SOM + 1, 'KGS', 'en')).toBe('one som 01 tyiyn');
    expect(amountInWords(1_005 * SOM, 'KZT', 'en')).toBe('one thousand and five tenge 00 tiyn');
    expect(amountInWords(305_019 * SOM + 99, 'KGS', 'en')).toBe(
      'three hundred and five thousand and nineteen som 99 tyiyn',
    );
  });

  test('zero and the refusals', () => {
    expect(amountInWords(5, 'KGS', 'ky')).toBe('нөл сом 05 тыйын');
    expect(amountInWords(0, 'KGS', 'ru')).toBe('ноль сомов 00 тыйынов');
    expect(() => amountInWords(-1, 'KGS', 'en')).toThrow(RangeError);
    expect(() => amountInWords(1.5, 'KGS', 'en')).toThrow(RangeError);
  });
});

describe('Kazakh and Uzbek count as Kyrgyz does, with their own words', () => {
  test('74 000,01 and 150 000,50 in Kazakh', () => {
    expect(amountInWords(74_000 * SOM + 1, 'KZT', 'kk')).toBe('жетпіс төрт мың теңге 01 тиын');
    expect(amountInWords(150_000 * SOM + 50, 'KZT', 'kk')).toBe('жүз елу мың теңге 50 тиын');
    expect(amountInWords(1_000 * SOM, 'KGS', 'kk')).toBe('мың сом 00 тиын');
  });

  test('22 200,01 and a million in Uzbek (Cyrillic)', () => {
    expect(amountInWords(22_200 * SOM + 1, 'KGS', 'uz')).toBe(
      'йигирма икки минг икки юз сом 01 тийин',
    );
    expect(amountInWords(1_001_001 * SOM, 'KZT', 'uz')).toBe('бир миллион минг бир тенге 00 тийин');
    expect(amountInWords(0, 'KGS', 'uz')).toBe('нол сом 00 тийин');
  });
});
