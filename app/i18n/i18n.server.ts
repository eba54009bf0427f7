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

export function localeFromAcceptLanguage(header: string | null): Locale {
  const requested = acceptedLanguages(header);
  if (requested.length === 0) return DEFAULT_LOCALE;
  const matched = match(requested, [...LOCALES], DEFAULT_LOCALE, { algorithm: 'best fit' });
  return isLocale(matched) ? matched : DEFAULT_LOCALE;
}
