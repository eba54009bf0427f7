import type { Locale } from './config';

/** A locality's name in the reader's language. */
export function localityName(
  locality: { nameKy: string; nameRu: string; nameEn: string },
  locale: Locale,
): string {
  return locale === 'ky' ? locality.nameKy : locale === 'ru' ? locality.nameRu : locality.nameEn;
}
