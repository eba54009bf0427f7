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
