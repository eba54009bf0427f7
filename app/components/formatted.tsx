import { useTranslation } from 'react-i18next';
import { isLocale, DEFAULT_LOCALE } from '~/i18n/config';
import { formatDateTime, formatMoney, type Currency } from '~/i18n/format';

function useLocale() {
  const { i18n } = useTranslation();
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}

/** A UTC instant shown in the reader's language and the programme's time zone. */
export function FormattedDateTime({
  value,
  timeZone,
}: {
  value: string | number | Date;
  timeZone?: string;
}) {
  const locale = useLocale();
  const date = new Date(value);
  return <time dateTime={date.toISOString()}>{formatDateTime(date, locale, timeZone)}</time>;
}

export function FormattedMoney({
  minorUnits,
  currency,
}: {
  minorUnits: number;
  currency: Currency;
}) {
  const locale = useLocale();
  return <>{formatMoney(minorUnits, currency, locale)}</>;
}
