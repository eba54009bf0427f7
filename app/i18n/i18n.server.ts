import { match } from '@formatjs/intl-localematcher';
import {
  DEFAULT_LOCALE,
  LOCALES,
  NAMESPACES,
  isLocale,
  type AppTFunction,
  type Locale,
} from './config';
import { createI18nInstance } from './instances';
import { resources } from './resources';

// One instance per language, made once at start-up (a per-request instance costs ~0.5 ms).
const instances = Object.fromEntries(
  LOCALES.map((locale) => [locale, createI18nInstance(locale, resources[locale])]),
) as Record<Locale, ReturnType<typeof createI18nInstance>>;

export function i18nFor(locale: Locale) {
  return instances[locale];
}

// Made once per language, like the instances.
const fixedTs = Object.fromEntries(
  LOCALES.map((locale) => [locale, instances[locale].getFixedT(locale, NAMESPACES)]),
) as Record<Locale, AppTFunction>;

/** The server's `t` in a language, reading every namespace ("auth:signIn.title"). */
export function fixedT(locale: Locale): AppTFunction {
  return fixedTs[locale];
}

/** Parses Accept-Language into tags ordered by preference. */
function acceptedLanguages(header: string | null): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.trim(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter(({ tag, q }) => tag && tag !== '*' && Number.isFinite(q) && q > 0)
    .sort((a, b) => b.q - a.q)
    .map(({ tag }) => tag)
    .filter((tag) => {
      try {
        return Intl.getCanonicalLocales(tag).length > 0;
      } catch {
        return false;
      }
    });
}

/**
 * The tags a browser's languages are matched against. Plain "uz" means Uzbek in Latin script to
 * the matcher, so "uz-Cyrl" stands for our Cyrillic Uzbek; "uz" (Latin) is kept too, so that a
 * reader from Uzbekistan's schools gets Uzbek in Cyrillic rather than Kyrgyz.
 */
const MATCHABLE: Record<string, Locale> = {
  ky: 'ky',
  ru: 'ru',
  en: 'en',
  kk: 'kk',
  'uz-Cyrl': 'uz',
  uz: 'uz',
};

export function localeFromAcceptLanguage(header: string | null): Locale {
  const requested = acceptedLanguages(header);
  if (requested.length === 0) return DEFAULT_LOCALE;
  const matched = match(requested, Object.keys(MATCHABLE), DEFAULT_LOCALE, {
    algorithm: 'best fit',
  });
  const locale = MATCHABLE[matched];
  return locale && isLocale(locale) ? locale : DEFAULT_LOCALE;
}
