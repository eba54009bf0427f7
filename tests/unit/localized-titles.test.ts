// Texts staff write in three languages (issue 10): a round's title follows the reader's language
// with the same fallback as competitions, and feedback not in the family's language is marked.
import { describe, expect, test } from 'vitest';
import { firstGivenText, roundTitle } from '~/i18n/localized-text';
import { feedbackLanguage } from '~/services/feedback-language.server';

describe("a round's title", () => {
  const round = { name: 'Бизнес идеялар', nameKy: 'Бизнес идеялар', nameRu: 'Бизнес-идеи' };

  test("is in the reader's language when written, else another with its language named", () => {
    expect(roundTitle(round, 'ru')).toEqual({
      text: 'Бизнес-идеи',
      shownIn: 'ru',
      isFallback: false,
    });
    expect(roundTitle(round, 'en')).toEqual({
      text: 'Бизнес идеялар',
      shownIn: 'ky',
      isFallback: true,
    });
  });

  test('saved before titles took three languages, it shows its one name as written', () => {
    expect(roundTitle({ name: '1-тур' }, 'en')).toEqual({
      text: '1-тур',
      shownIn: 'en',
      isFallback: false,
    });
  });

  test('keeps the first language given as its single name', () => {
    expect(firstGivenText({ ky: '', ru: 'Защита', en: 'Defence' })).toBe('Защита');
  });
});

describe('feedback and the language the family reads', () => {
  test('is marked only when it is known to be in another language', () => {
    const base = { feedback: 'Жакшы идея.', familyLocale: 'ky' as const };
    expect(feedbackLanguage({ ...base, feedbackLocale: 'ru' }).missingInHers).toBe(true);
    expect(feedbackLanguage({ ...base, feedbackLocale: 'ky' }).missingInHers).toBe(false);
    expect(feedbackLanguage({ ...base, feedbackLocale: null }).missingInHers).toBe(false);
    expect(feedbackLanguage({ feedback: '  ', familyLocale: 'ky', feedbackLocale: 'ru' })).toEqual({
      reads: 'ky',
      writtenIn: null,
      missingInHers: false,
    });
    // A family without an account: her facilitator tells her; nothing to compare with.
    expect(
      feedbackLanguage({ feedback: 'Текст.', familyLocale: null, feedbackLocale: 'ru' })
        .missingInHers,
    ).toBe(false);
  });
});
