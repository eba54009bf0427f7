// Formatting at the edge, in the reader's language. Client-safe.
import { INTL_TAGS, type Locale } from './config';

export type Currency = 'KGS' | 'KZT';

/** Both currencies have 100 minor units (tyiyn, tiyn). */
const MINOR_UNITS_PER_MAJOR = 100;

/** Money is an integer count of minor units; 15000050 KGS → "150 000,50 сом". */
export function formatMoney(minorUnits: number, currency: Currency, locale: Locale): string {
  if (!Number.isInteger(minorUnits)) throw new Error('money must be an integer of minor units');
  return new Intl.NumberFormat(INTL_TAGS[locale], {
    style: 'currency',
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(minorUnits / MINOR_UNITS_PER_MAJOR);
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_TAGS[locale]).format(value);
}

/** A date and time as the reader in `timeZone` sees it (Asia/Bishkek by default). */
export function formatDateTime(
  instant: Date | number,
  locale: Locale,
  timeZone = 'Asia/Bishkek',
): string {
  return new Intl.DateTimeFormat(INTL_TAGS[locale], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(instant);
}

export function formatDate(
  instant: Date | number,
  locale: Locale,
  timeZone = 'Asia/Bishkek',
): string {
  return new Intl.DateTimeFormat(INTL_TAGS[locale], { dateStyle: 'long', timeZone }).format(
    instant,
  );
}

/** The CLDR plural category ("one", "few", "many", "other") for a count. */
export function pluralCategory(count: number, locale: Locale): Intl.LDMLPluralRule {
  return new Intl.PluralRules(INTL_TAGS[locale]).select(count);
}
