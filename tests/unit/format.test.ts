import { describe, expect, test } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  pluralCategory,
} from '~/i18n/format';

/** Intl separates groups with U+00A0 or U+202F; compare what a reader sees. */
function spaced(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

describe('formatMoney', () => {
  test('150 000 som in Kyrgyz, from tyiyn, with a non-breaking space so it never wraps', () => {
    const text = formatMoney(15_000_000, 'KGS', 'ky');
    expect(spaced(text)).toBe('150 000,00 сом');
    // The exact characters: a space that does not break a line between digits and before "сом".
    expect(text).toMatch(/^150[\u00a0\u202f]000,00[\u00a0\u202f]сом$/);
  });

  test('tyiyn are shown as the two decimals, in Russian too', () => {
    expect(spaced(formatMoney(15_000_050, 'KGS', 'ru'))).toBe('150 000,50 сом');
    expect(spaced(formatMoney(1, 'KGS', 'ru'))).toBe('0,01 сом');
    expect(spaced(formatMoney(0, 'KGS', 'ky'))).toBe('0,00 сом');
  });

  test('English groups with commas and a decimal point', () => {
    expect(spaced(formatMoney(15_000_000, 'KGS', 'en'))).toMatch(/^(KGS|сом) ?150,000\.00$/);
  });

  test('tenge (KZT) also has 100 minor units', () => {
    const text = spaced(formatMoney(250_000_075, 'KZT', 'ru'));
    expect(text).toMatch(/^2 500 000,75 (KZT|₸)$/);
    expect(spaced(formatMoney(250_000_075, 'KZT', 'en'))).toMatch(/^(KZT|₸) ?2,500,000\.75$/);
  });

  test('a debt is shown with its minus sign', () => {
    expect(spaced(formatMoney(-12_345, 'KGS', 'ky'))).toMatch(/^[-−]123,45 сом$/);
  });

  test.each([150.5, 0.1, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses %s: money is a whole number of minor units, never a float',
    (amount) => {
      expect(() => formatMoney(amount, 'KGS', 'ky')).toThrow(/integer/);
    },
  );
});

describe('formatNumber', () => {
  test('groups thousands as each language does', () => {
    expect(spaced(formatNumber(1_234_567, 'ru'))).toBe('1 234 567');
    expect(spaced(formatNumber(1_234_567, 'ky'))).toBe('1 234 567');
    expect(formatNumber(1_234_567, 'en')).toBe('1,234,567');
  });
});

describe('dates and times are shown in Bishkek time (UTC+6)', () => {
  // 15 March 2024, 18:30 UTC is already 16 March, 00:30 in Bishkek.
  const instant = new Date(Date.UTC(2024, 2, 15, 18, 30));

  test('formatDateTime moves the clock and the date', () => {
    expect(spaced(formatDateTime(instant, 'en'))).toBe('16 Mar 2024, 00:30');
    expect(spaced(formatDateTime(instant, 'ru'))).toMatch(/^16 мар\.? 2024 г\., 00:30$/);
    const ky = spaced(formatDateTime(instant, 'ky'));
    expect(ky).toContain('2024');
    expect(ky).toContain('16');
    expect(ky).toContain('00:30');
    expect(ky).not.toContain('18:30');
  });

  test('the same instant in UTC still says 15 March, 18:30', () => {
    expect(spaced(formatDateTime(instant, 'en', 'UTC'))).toBe('15 Mar 2024, 18:30');
  });

  test('in summer too: Kyrgyzstan keeps UTC+6 all year, with no daylight saving', () => {
    const noon = Date.UTC(2024, 6, 1, 6, 0);
    expect(spaced(formatDateTime(noon, 'en'))).toBe('1 Jul 2024, 12:00');
  });

  test('formatDate spells the month in the reader’s language', () => {
    expect(formatDate(instant, 'en')).toBe('16 March 2024');
    expect(spaced(formatDate(instant, 'ru'))).toBe('16 марта 2024 г.');
    expect(formatDate(instant, 'ky')).toMatch(/16/);
    expect(formatDate(instant, 'ky')).toMatch(/март/);
  });
});

describe('pluralCategory', () => {
  test.each([
    [1, 'one'],
    [2, 'few'],
    [4, 'few'],
    [5, 'many'],
    [11, 'many'],
    [21, 'one'],
    [22, 'few'],
    [25, 'many'],
    [1.5, 'other'],
  ] as const)('Russian %s → %s', (count, category) => {
    expect(pluralCategory(count, 'ru')).toBe(category);
  });

  test.each([
    [1, 'one'],
    [2, 'other'],
    [5, 'other'],
    [0, 'other'],
  ] as const)('Kyrgyz and English %s → %s', (count, category) => {
    expect(pluralCategory(count, 'ky')).toBe(category);
    expect(pluralCategory(count, 'en')).toBe(category);
  });
});
