import type { Locale } from './config';

/**
 * Order in which a missing translation falls back, per reader. A Kazakh reader reads Russian
 * (the other language of Kazakhstan) before Kyrgyz; an Uzbek reader in Osh reads Kyrgyz before
 * Russian. Everyone else: Kyrgyz, Russian, then the rest. English is the last resort for all.
 */
export const FALLBACK_ORDER: Record<Locale, readonly Locale[]> = {
  ky: ['ky', 'ru', 'en', 'kk', 'uz'],
  ru: ['ru', 'ky', 'en', 'kk', 'uz'],
  en: ['en', 'ky', 'ru', 'kk', 'uz'],
  kk: ['kk', 'ru', 'ky', 'en', 'uz'],
  uz: ['uz', 'ky', 'ru', 'en', 'kk'],
};

export type LocalizedText = { text: string; shownIn: Locale; isFallback: boolean };

export type LocalizedTexts = Partial<Record<Locale, string | null | undefined>>;

/**
 * A text staff wrote in one or more languages, in the reader's language if there is one, else
 * the first that exists in her fallback order — and says so, so the page can show "shown in
 * Russian".
 */
export function pickLocalized(texts: LocalizedTexts, locale: Locale): LocalizedText | null {
  for (const other of FALLBACK_ORDER[locale]) {
    const text = texts[other]?.trim();
    if (text) return { text, shownIn: other, isFallback: other !== locale };
  }
  return null;
}

type Titled = {
  titleKy: string | null;
  titleRu: string | null;
  titleEn: string | null;
  titleKk: string | null;
  titleUz: string | null;
};
type Described = {
  descriptionKy: string | null;
  descriptionRu: string | null;
  descriptionEn: string | null;
  descriptionKk: string | null;
  descriptionUz: string | null;
};

/** A competition's or a criterion's title columns, by language. */
export function titleTexts(row: Titled): LocalizedTexts {
  return {
    ky: row.titleKy,
    ru: row.titleRu,
    en: row.titleEn,
    kk: row.titleKk,
    uz: row.titleUz,
  };
}

/** A competition's or a criterion's description columns, by language. */
export function descriptionTexts(row: Described): LocalizedTexts {
  return {
    ky: row.descriptionKy,
    ru: row.descriptionRu,
    en: row.descriptionEn,
    kk: row.descriptionKk,
    uz: row.descriptionUz,
  };
}

/**
 * A jury round's title in the reader's language. A round saved before titles took several
 * languages has only its one `name`, shown as it was written.
 */
export function roundTitle(
  round: {
    name: string;
    nameKy?: string | null;
    nameRu?: string | null;
    nameEn?: string | null;
    nameKk?: string | null;
    nameUz?: string | null;
  },
  locale: Locale,
): LocalizedText {
  return (
    pickLocalized(
      { ky: round.nameKy, ru: round.nameRu, en: round.nameEn, kk: round.nameKk, uz: round.nameUz },
      locale,
    ) ?? {
      text: round.name,
      shownIn: locale,
      isFallback: false,
    }
  );
}

/** The title a round keeps in its single `name`: the first language given. */
export function firstGivenText(texts: LocalizedTexts): string {
  return pickLocalized(texts, 'ky')?.text ?? '';
}
