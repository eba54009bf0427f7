import type { TFunction } from 'i18next';

/**
 * Languages Ishenim speaks. Kyrgyz first: most families read it, and it stays the default.
 * Kazakh and Uzbek are in Cyrillic (see README "Languages"). Client-safe.
 */
export const LOCALES = ['ky', 'ru', 'en', 'kk', 'uz'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'ky';

/** BCP 47 tags for Intl; Russian as spoken in Kyrgyzstan, Uzbek in Cyrillic. */
export const INTL_TAGS: Record<Locale, string> = {
  ky: 'ky-KG',
  ru: 'ru-KG',
  en: 'en-GB',
  kk: 'kk-KZ',
  uz: 'uz-Cyrl-UZ',
};

/** The `lang` attribute of a page or a text in each language (uz is written in Cyrillic). */
export const HTML_LANG: Record<Locale, string> = {
  ky: 'ky',
  ru: 'ru',
  en: 'en',
  kk: 'kk',
  uz: 'uz-Cyrl',
};

/** Each language's own name, for the switcher (never translated). */
export const LOCALE_NATIVE_NAMES: Record<Locale, string> = {
  ky: 'Кыргызча',
  ru: 'Русский',
  en: 'English',
  kk: 'Қазақша',
  uz: 'Ўзбекча',
};

/** The `lang` attribute for a text in this language, or none when its language is not known. */
export function htmlLangOf(locale: Locale | null | undefined): string | undefined {
  return locale ? HTML_LANG[locale] : undefined;
}

/** The locale a page's `<html lang>` names (HTML_LANG back to the locale), or null. */
export function localeOfHtmlLang(lang: string): Locale | null {
  return LOCALES.find((locale) => HTML_LANG[locale] === lang) ?? null;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export const NAMESPACES = [
  'common',
  'auth',
  'account',
  'admin',
  'errors',
  'email',
  'competitions',
  'households',
  'applications',
  'screening',
  'jury',
  'rounds',
  'decisions',
  'results',
  'grants',
  'grantFamily',
  'bookings',
  'consultant',
  'training',
  'outcomes',
  'visits',
  'familyReports',
  'dashboard',
] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** A `t` that reads every namespace: "auth:signIn.title"; unprefixed keys are in "common". */
export type AppTFunction = TFunction<typeof NAMESPACES>;
