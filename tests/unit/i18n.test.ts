import { describe, expect, test } from 'vitest';
import { INTL_TAGS, LOCALES, NAMESPACES, type Locale } from '~/i18n/config';
import { fixedT, localeFromAcceptLanguage } from '~/i18n/i18n.server';
import { resources } from '~/i18n/resources';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Every leaf of a namespace as "a.b.c" → text. */
function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      for (const [k, v] of flatten(child, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
    }
  } else {
    out.set(prefix, value);
  }
  return out;
}

function leaves(locale: Locale, namespace: (typeof NAMESPACES)[number]) {
  return flatten(resources[locale][namespace]);
}

function baseKey(key: string): string {
  return key.replace(PLURAL_SUFFIX, '');
}

/** Plural base key → the categories it has ("count" → {one, other}). */
function pluralGroups(keys: Iterable<string>): Map<string, Set<string>> {
  const groups = new Map<string, Set<string>>();
  for (const key of keys) {
    const match = PLURAL_SUFFIX.exec(key);
    if (!match) continue;
    const base = baseKey(key);
    if (!groups.has(base)) groups.set(base, new Set());
    groups.get(base)!.add(match[1]!);
  }
  return groups;
}

function variables(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]!);
}

/** Base key → the interpolation variables used in any of its forms. */
function variablesByBaseKey(entries: Map<string, unknown>): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const [key, text] of entries) {
    const base = baseKey(key);
    if (!out.has(base)) out.set(base, new Set());
    for (const name of variables(String(text))) out.get(base)!.add(name);
  }
  return new Map([...out].map(([k, v]) => [k, [...v].sort()]));
}

const OTHER_LOCALES = LOCALES.filter((l) => l !== 'en');

describe('translation files', () => {
  test('every language has every namespace, and no English namespace is empty', () => {
    for (const locale of LOCALES) {
      expect(Object.keys(resources[locale]).sort()).toEqual([...NAMESPACES].sort());
    }
    for (const namespace of NAMESPACES) expect(leaves('en', namespace).size).toBeGreaterThan(0);
  });

  describe.each(OTHER_LOCALES)('%s', (locale) => {
    test.each(NAMESPACES)('namespace %s has the same keys as English', (namespace) => {
      const english = new Set([...leaves('en', namespace).keys()].map(baseKey));
      const translated = new Set([...leaves(locale, namespace).keys()].map(baseKey));
      const missing = [...english].filter((k) => !translated.has(k));
      const extra = [...translated].filter((k) => !english.has(k));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });

    test.each(NAMESPACES)(
      'namespace %s uses the same {{variables}} as English in every text',
      (namespace) => {
        const english = variablesByBaseKey(leaves('en', namespace));
        const translated = variablesByBaseKey(leaves(locale, namespace));
        const differing = [...english]
          .filter(([key, vars]) => JSON.stringify(translated.get(key)) !== JSON.stringify(vars))
          .map(([key, vars]) => ({ key, en: vars, [locale]: translated.get(key) }));
        expect(differing).toEqual([]);
      },
    );
  });

  describe.each(LOCALES)('%s', (locale) => {
    const needed = new Intl.PluralRules(INTL_TAGS[locale]).resolvedOptions().pluralCategories;

    test('every plural text has exactly the plural forms the language needs', () => {
      const expected = [...needed].sort();
      for (const namespace of NAMESPACES) {
        const groups = pluralGroups(leaves(locale, namespace).keys());
        for (const [base, categories] of groups) {
          expect([...categories].sort(), `${locale} ${namespace}:${base}`).toEqual(expected);
        }
      }
    });

    test('a text is plural in this language exactly when it is plural in English', () => {
      for (const namespace of NAMESPACES) {
        const english = [...pluralGroups(leaves('en', namespace).keys()).keys()].sort();
        const here = [...pluralGroups(leaves(locale, namespace).keys()).keys()].sort();
        expect(here, namespace).toEqual(english);
      }
    });

    test('no text is empty or not a string', () => {
      for (const namespace of NAMESPACES) {
        for (const [key, text] of leaves(locale, namespace)) {
          expect(typeof text, `${locale} ${namespace}:${key}`).toBe('string');
          expect((text as string).trim(), `${locale} ${namespace}:${key}`).not.toBe('');
        }
      }
    });
  });

  test('Russian chooses one / few / many by the count', () => {
    const t = fixedT('ru');
    expect(t('admin:users.count', { count: 1 })).toBe('1 пользователь');
    expect(t('admin:users.count', { count: 3 })).toBe('3 пользователя');
    expect(t('admin:users.count', { count: 5 })).toBe('5 пользователей');
    expect(t('admin:users.count', { count: 21 })).toBe('21 пользователь');
  });

  test('English chooses one / other by the count', () => {
    const t = fixedT('en');
    expect(t('admin:users.count', { count: 1 })).toBe('1 person');
    expect(t('admin:users.count', { count: 2 })).toBe('2 people');
  });

  test('each language answers in its own words, with the variable filled in', () => {
    expect(fixedT('ky')('email:greeting', { name: 'Айгүл' })).toBe('Саламатсызбы, Айгүл!');
    expect(fixedT('ru')('email:greeting', { name: 'Айгүл' })).toBe('Здравствуйте, Айгүл!');
    expect(fixedT('en')('email:greeting', { name: 'Айгүл' })).toBe('Hello, Айгүл!');
  });
});

describe('the language before sign-in, from the browser', () => {
  test.each([
    ['ru-RU,ru;q=0.9', 'ru'],
    ['ky', 'ky'],
    ['ky-KG,ru;q=0.8', 'ky'],
    ['en-US', 'en'],
    ['ru-KG', 'ru'],
    // A preference lower in the list wins when the first is a language Ishenim does not speak.
    ['tg-TJ,ru;q=0.8', 'ru'],
    // Kazakh and Uzbek, with or without region and script.
    ['kk-KZ,ru;q=0.8', 'kk'],
    ['kk', 'kk'],
    ['uz', 'uz'],
    ['uz-Cyrl', 'uz'],
    ['uz-Cyrl-UZ,ru;q=0.5', 'uz'],
    ['uz-Latn-UZ', 'uz'],
    ['ru-RU,uz;q=0.9', 'ru'],
    // q-values, not order, decide.
    ['ru;q=0.5, en;q=0.9', 'en'],
  ] as const)('%s → %s', (header, locale) => {
    expect(localeFromAcceptLanguage(header)).toBe(locale);
  });

  test.each([null, '', '*', 'fr-FR', 'en-US;q=0', 'not a language!!'])(
    'Kyrgyz by default (%j)',
    (header) => {
      expect(localeFromAcceptLanguage(header)).toBe('ky');
    },
  );
});
