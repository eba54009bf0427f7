import type { Locale } from './config';

/** Order in which a missing translation falls back: Kyrgyz, then Russian, then English. */
const FALLBACK_ORDER: Locale[] = ['ky', 'ru', 'en'];

export type LocalizedText = { text: string; shownIn: Locale; isFallback: boolean };

/**
 * A text staff wrote in one or more languages, in the reader's language if there is one, else
 * the first that exists — and says so, so the page can show "shown in Russian".
 */
export function pickLocalized(
  texts: Partial<Record<Locale, string | null | undefined>>,
  locale: Locale,
): LocalizedText | null {
  const own = texts[locale]?.trim();
  if (own) return { text: own, shownIn: locale, isFallback: false };
  for (const other of FALLBACK_ORDER) {
    const text = texts[other]?.trim();
    if (text) return { text, shownIn: other, isFallback: true };
  }
  return null;
}

/**
 * A jury round's title in the reader's language. A round saved before titles took three
 * languages has only its one `name`, shown as it was written.
 */
export function roundTitle(
  round: { name: string; nameKy?: string | null; nameRu?: string | null; nameEn?: string | null },
  locale: Locale,
): LocalizedText {
  return (
    pickLocalized({ ky: round.nameKy, ru: round.nameRu, en: round.nameEn }, locale) ?? {
      text: round.name,
      shownIn: locale,
      isFallback: false,
    }
  );
}

/** The title a round keeps in its single `name`: the first language given. */
export function firstGivenText(texts: Partial<Record<Locale, string | null | undefined>>): string {
  return pickLocalized(texts, 'ky')?.text ?? '';
}
