// The per-language fields of the forms where staff write texts (a competition, a round's
// criteria), and which languages a form shows at once. Client-safe.
import { LOCALES, type Locale } from '~/i18n/config';

export const TITLE_FIELDS = {
  ky: 'titleKy',
  ru: 'titleRu',
  en: 'titleEn',
  kk: 'titleKk',
  uz: 'titleUz',
} as const;

export const DESCRIPTION_FIELDS = {
  ky: 'descriptionKy',
  ru: 'descriptionRu',
  en: 'descriptionEn',
  kk: 'descriptionKk',
  uz: 'descriptionUz',
} as const;

/** Shown first; the others sit under "More languages" so the forms stay short. */
export const MAIN_LOCALES: readonly Locale[] = ['ky', 'ru', 'en'];
export const MORE_LOCALES: readonly Locale[] = LOCALES.filter((l) => !MAIN_LOCALES.includes(l));
