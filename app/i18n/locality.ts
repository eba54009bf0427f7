import type { Locale } from './config';

/** The languages a locality's name is kept in. */
export type LocalityNameLocale = 'ky' | 'ru' | 'en';

/**
 * Which of a locality's three names a reader sees. Villages have no Kazakh or Uzbek name of
 * their own in the registers: a Kazakh reader reads the Russian one (as on Kazakhstan's maps), an
 * Uzbek reader in Osh the Kyrgyz one (as on the signs she sees).
 */
export function localityNameLocale(locale: Locale): LocalityNameLocale {
  if (locale === 'kk') return 'ru';
  if (locale === 'uz') return 'ky';
  return locale;
}

/** A locality's name in the reader's language. */
export function localityName(
  locality: { nameKy: string; nameRu: string; nameEn: string },
  locale: Locale,
): string {
  const shown = localityNameLocale(locale);
  return shown === 'ky' ? locality.nameKy : shown === 'ru' ? locality.nameRu : locality.nameEn;
}
