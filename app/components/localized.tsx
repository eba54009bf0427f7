import { useTranslation } from 'react-i18next';
import { DEFAULT_LOCALE, INTL_TAGS, isLocale, type Locale } from '~/i18n/config';
import { formatDateTime, formatMoney, type Currency } from '~/i18n/format';
import type { LocalizedText } from '~/i18n/localized-text';

export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}

/** Formats minor units in the reader's language: 15000050 → "150 000,50 сом". */
export function useMoney(currency: Currency) {
  const locale = useLocale();
  return (minorUnits: number) => formatMoney(minorUnits, currency, locale);
}

/**
 * A text staff wrote (a competition's title), in the reader's language when it exists; else in
 * another, marked with its language and a visible note.
 */
export function LocalizedString({ value }: { value: LocalizedText | null }) {
  const { t } = useTranslation('applications');
  if (!value) return null;
  if (!value.isFallback) return <>{value.text}</>;
  return (
    <>
      <span lang={value.shownIn}>{value.text}</span>{' '}
      <span className="fallback-note">{t(`shownIn.${value.shownIn}`)}</span>
    </>
  );
}

/** Plain text with its line breaks kept (descriptions, the family's answers). */
export function MultilineText({ value, lang }: { value: string; lang?: string }) {
  return (
    <p className="multiline" lang={lang}>
      {value}
    </p>
  );
}

function zoneOffset(date: Date, locale: Locale, timeZone: string): string {
  const part = new Intl.DateTimeFormat(INTL_TAGS[locale], { timeZone, timeZoneName: 'shortOffset' })
    .formatToParts(date)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** A deadline as the competition's clock shows it, with its UTC offset ("18:00 (GMT+6)"). */
export function FormattedDeadline({ value, timeZone }: { value: string | Date; timeZone: string }) {
  const { t } = useTranslation('applications');
  const locale = useLocale();
  const date = new Date(value);
  return (
    <time dateTime={date.toISOString()}>
      {t('deadlineIn', {
        date: formatDateTime(date, locale, timeZone),
        offset: zoneOffset(date, locale, timeZone),
      })}
    </time>
  );
}

/** The same, as a string, for messages that interpolate a date. */
export function useDeadlineText() {
  const { t } = useTranslation('applications');
  const locale = useLocale();
  return (value: string | Date, timeZone: string) => {
    const date = new Date(value);
    return t('deadlineIn', {
      date: formatDateTime(date, locale, timeZone),
      offset: zoneOffset(date, locale, timeZone),
    });
  };
}
