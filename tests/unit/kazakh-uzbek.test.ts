// Kazakh (kk-KZ) and Uzbek in Cyrillic (uz-Cyrl-UZ) as Node's ICU formats them (README
// "Languages" lists what it lacks), the order a staff text falls back in for their readers, and
// whether the two languages' files hold translations rather than copies of the Kyrgyz ones.
import { describe, expect, test } from 'vitest';
import { INTL_TAGS, LOCALES, NAMESPACES } from '~/i18n/config';
import { formatDate, formatMoney, pluralCategory } from '~/i18n/format';
import { collatorFor } from '~/i18n/intl-cache';
import { localityName } from '~/i18n/locality';
import { pickLocalized } from '~/i18n/localized-text';
import { resources } from '~/i18n/resources';

/** Intl separates groups with U+00A0 or U+202F; compare what a reader sees. */
const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

const MARCH_15 = Date.UTC(2026, 2, 15, 6, 0);

describe('Intl speaks Kazakh and Uzbek in Cyrillic', () => {
  test('ICU has both tags, not a fallback to the bare language or to root', () => {
    for (const locale of ['kk', 'uz'] as const) {
      expect(new Intl.DateTimeFormat(INTL_TAGS[locale]).resolvedOptions().locale).toBe(
        INTL_TAGS[locale],
      );
      expect(new Intl.NumberFormat(INTL_TAGS[locale]).resolvedOptions().locale).toBe(
        INTL_TAGS[locale],
      );
    }
  });

  test('tenge in Kazakh with its sign ₸; som shown by its code (ICU has no Kazakh name for it)', () => {
    expect(spaced(formatMoney(15_000_050, 'KZT', 'kk'))).toBe('150 000,50 ₸');
    expect(spaced(formatMoney(15_000_050, 'KGS', 'kk'))).toBe('150 000,50 KGS');
  });

  test('Uzbek groups with spaces and a decimal comma; both currencies by their codes', () => {
    expect(spaced(formatMoney(15_000_050, 'KGS', 'uz'))).toBe('150 000,50 KGS');
    expect(spaced(formatMoney(15_000_050, 'KZT', 'uz'))).toBe('150 000,50 KZT');
  });

  test('month names are Cyrillic words of each language', () => {
    expect(formatDate(MARCH_15, 'kk', 'Asia/Almaty')).toBe('2026 ж. 15 наурыз');
    expect(formatDate(MARCH_15, 'uz')).toBe('15 март, 2026');
    // Never Latin letters in either.
    for (const locale of ['kk', 'uz'] as const) {
      for (let month = 0; month < 12; month += 1) {
        expect(formatDate(Date.UTC(2026, month, 10), locale)).not.toMatch(/[A-Za-z]/);
      }
    }
  });

  test('plurals have exactly the forms "one" and "other"', () => {
    for (const locale of ['kk', 'uz'] as const) {
      expect(new Intl.PluralRules(INTL_TAGS[locale]).resolvedOptions().pluralCategories).toEqual([
        'one',
        'other',
      ]);
      expect(pluralCategory(1, locale)).toBe('one');
      expect(pluralCategory(5, locale)).toBe('other');
    }
  });

  test('names sort with the letters of Kazakh (Ә after А, Қ after К)', () => {
    const names = ['Қанат', 'Әлия', 'Бақыт', 'Айгүл', 'Кенже'];
    expect(names.sort(collatorFor(INTL_TAGS.kk, undefined).compare)).toEqual([
      'Айгүл',
      'Әлия',
      'Бақыт',
      'Кенже',
      'Қанат',
    ]);
  });
});

describe('a text staff wrote falls back in the reader’s own order', () => {
  const onlyRuKy = { ky: 'Кыргызча', ru: 'По-русски' };

  test('a Kazakh reader reads Russian before Kyrgyz; an Uzbek reader Kyrgyz before Russian', () => {
    expect(pickLocalized(onlyRuKy, 'kk')).toEqual({
      text: 'По-русски',
      shownIn: 'ru',
      isFallback: true,
    });
    expect(pickLocalized(onlyRuKy, 'uz')).toEqual({
      text: 'Кыргызча',
      shownIn: 'ky',
      isFallback: true,
    });
  });

  test('her own language first, without a note', () => {
    expect(pickLocalized({ ...onlyRuKy, kk: 'Қазақша' }, 'kk')).toEqual({
      text: 'Қазақша',
      shownIn: 'kk',
      isFallback: false,
    });
    expect(pickLocalized({ ...onlyRuKy, uz: 'Ўзбекча' }, 'uz')?.isFallback).toBe(false);
  });

  test('a text written only in Kazakh or Uzbek still reaches every reader', () => {
    for (const locale of LOCALES) {
      expect(pickLocalized({ kk: 'Қазақша' }, locale)?.text).toBe('Қазақша');
      expect(pickLocalized({ uz: 'Ўзбекча' }, locale)?.text).toBe('Ўзбекча');
    }
  });

  test('village names: Russian for a Kazakh reader, Kyrgyz for an Uzbek reader', () => {
    const village = { nameKy: 'Өзгөн', nameRu: 'Узген', nameEn: 'Uzgen' };
    expect(localityName(village, 'kk')).toBe('Узген');
    expect(localityName(village, 'uz')).toBe('Өзгөн');
  });
});

/** Every leaf text of a namespace, by key. */
function leaves(value: unknown, prefix = '', out = new Map<string, string>()) {
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value))
      leaves(child, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, String(value));
  }
  return out;
}

// Passes once the translators' files replace the placeholders (copies of the Kyrgyz files).
// Some texts are rightly the same (a name, a word Kazakh shares with Kyrgyz), so what is checked
// is the share, namespace by namespace: at most a quarter of the texts with words.
describe.each(['kk', 'uz'] as const)('%s files hold translations, not Kyrgyz copies', (locale) => {
  test.each([...NAMESPACES])('namespace %s', (namespace) => {
    const own = leaves(resources[locale][namespace]);
    const kyrgyz = leaves(resources.ky[namespace]);
    const words = [...own].filter(([, text]) =>
      /\p{L}{3,}/u.test(text.replace(/\{\{[^}]*\}\}/g, '')),
    );
    const copied = words.filter(([key, text]) => kyrgyz.get(key) === text).map(([key]) => key);
    expect(
      copied.length,
      `${locale}:${namespace} has ${copied.length} of ${words.length} texts as in Kyrgyz, e.g. ${copied.slice(0, 5).join(', ')}`,
    ).toBeLessThanOrEqual(Math.max(3, Math.floor(words.length * 0.25)));
  });
});
