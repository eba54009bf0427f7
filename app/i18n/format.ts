// Formatting at the edge, in the reader's language. Client-safe.
import { dateTimeFormat, numberFormat, pluralRules } from './intl-cache';
import { INTL_TAGS, type Locale } from './config';

export type Currency = 'KGS' | 'KZT';

/** Both currencies have 100 minor units (tyiyn, tiyn). */
const MINOR_UNITS_PER_MAJOR = 100;

/** Money is an integer count of minor units; 15000050 KGS → "150 000,50 сом". */
export function formatMoney(minorUnits: number, currency: Currency, locale: Locale): string {
  if (!Number.isInteger(minorUnits)) throw new Error('money must be an integer of minor units');
  return numberFormat(INTL_TAGS[locale], {
    style: 'currency',
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(minorUnits / MINOR_UNITS_PER_MAJOR);
}

export function formatNumber(
  value: number,
  locale: Locale,
  options?: Intl.NumberFormatOptions,
): string {
  return numberFormat(INTL_TAGS[locale], options).format(value);
}

/** A date and time as the reader in `timeZone` sees it (Asia/Bishkek by default). */
export function formatDateTime(
  instant: Date | number,
  locale: Locale,
  timeZone = 'Asia/Bishkek',
): string {
  return dateTimeFormat(INTL_TAGS[locale], {
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
  return dateTimeFormat(INTL_TAGS[locale], { dateStyle: 'long', timeZone }).format(instant);
}

/** The CLDR plural category ("one", "few", "many", "other") for a count. */
export function pluralCategory(count: number, locale: Locale): Intl.LDMLPluralRule {
  return pluralRules(INTL_TAGS[locale], undefined).select(count);
}

/**
 * An instant as the page shows it: text formatted on the server, with the machine-readable
 * ISO time. Browsers may lack Kyrgyz date data (Debian's Chromium formats "ky" as US English),
 * so pages never re-format dates in the browser: loaders send this.
 */
export type FormattedInstant = { iso: string; text: string };

export function formattedInstant(
  instant: Date | number,
  locale: Locale,
  options: { timeZone?: string; dateOnly?: boolean } = {},
): FormattedInstant {
  const date = new Date(instant);
  const timeZone = options.timeZone ?? 'Asia/Bishkek';
  return {
    iso: date.toISOString(),
    text: options.dateOnly
      ? formatDate(date, locale, timeZone)
      : formatDateTime(date, locale, timeZone),
  };
}

/**
 * How money looks in a language, read from Intl on the server, so that the browser can format
 * live totals (a budget as it is typed) exactly as the server would, without its own Intl data.
 */
export type MoneyFormatSpec = { group: string; decimal: string; prefix: string; suffix: string };

// Worked out once per currency and language: every page with money asks, often several times.
const moneyFormatSpecs = new Map<string, MoneyFormatSpec>();

export function moneyFormatSpec(currency: Currency, locale: Locale): MoneyFormatSpec {
  const key = `${currency}|${locale}`;
  let spec = moneyFormatSpecs.get(key);
  if (spec === undefined) {
    spec = workOutMoneyFormatSpec(currency, locale);
    moneyFormatSpecs.set(key, spec);
  }
  return { ...spec };
}

function workOutMoneyFormatSpec(currency: Currency, locale: Locale): MoneyFormatSpec {
  const parts = numberFormat(INTL_TAGS[locale], {
    style: 'currency',
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).formatToParts(1234567.89);
  const numberTypes = new Set(['integer', 'group', 'decimal', 'fraction']);
  const firstNumber = parts.findIndex((p) => numberTypes.has(p.type));
  let lastNumber = firstNumber;
  parts.forEach((p, i) => {
    if (numberTypes.has(p.type)) lastNumber = i;
  });
  return {
    group: parts.find((p) => p.type === 'group')?.value ?? ' ',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? ',',
    prefix: parts
      .slice(0, firstNumber)
      .map((p) => p.value)
      .join(''),
    suffix: parts
      .slice(lastNumber + 1)
      .map((p) => p.value)
      .join(''),
  };
}

/** Formats minor units with a spec from moneyFormatSpec; gives what formatMoney gives. */
export function formatMoneyBySpec(minorUnits: number, spec: MoneyFormatSpec): string {
  const negative = minorUnits < 0;
  const abs = Math.abs(minorUnits);
  const major = String(Math.trunc(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, spec.group);
  const minor = String(abs % 100).padStart(2, '0');
  return `${negative ? '-' : ''}${spec.prefix}${major}${spec.decimal}${minor}${spec.suffix}`;
}
