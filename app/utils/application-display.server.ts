// Text the family pages show that needs Intl: formatted here, on the server, because a
// browser may lack Kyrgyz locale data (Debian's Chromium formats "ky" as US English).
import { dateTimeFormat, listFormat } from '~/i18n/intl-cache';
import { INTL_TAGS, type Locale } from '~/i18n/config';
import { fixedT } from '~/i18n/i18n.server';
import { formatDate, formatDateTime, type FormattedInstant } from '~/i18n/format';
import type { Relation } from '~/schemas/enums';

function zoneOffset(date: Date, locale: Locale, timeZone: string): string {
  const part = dateTimeFormat(INTL_TAGS[locale], { timeZone, timeZoneName: 'shortOffset' })
    .formatToParts(date)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** A time on the competition's clock, with its UTC offset: "15 мар. 2024 г., 18:00 (GMT+6)". */
export function zonedInstant(
  instant: Date | number,
  locale: Locale,
  timeZone: string,
): FormattedInstant {
  const date = new Date(instant);
  return {
    iso: date.toISOString(),
    text: fixedT(locale)('applications:deadlineIn', {
      date: formatDateTime(date, locale, timeZone),
      offset: zoneOffset(date, locale, timeZone),
    }),
  };
}

/** A day only ("15 марта 2024 г."), on the competition's calendar. */
export function zonedDay(instant: Date | number, locale: Locale, timeZone: string): string {
  return formatDate(new Date(instant), locale, timeZone);
}

/** "келин, жубайы же кыз": the relations that may hold a grant, as one phrase. */
export function relationsPhrase(relations: readonly Relation[], locale: Locale): string {
  const t = fixedT(locale);
  return listFormat(INTL_TAGS[locale], { type: 'disjunction' }).format(
    relations.map((relation) => t(`common:relations.${relation}`)),
  );
}
