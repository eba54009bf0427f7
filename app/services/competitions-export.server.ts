// The staff's list of competitions (/staff/competitions): each competition with its applications
// counted by status, for the page and for its CSV and XLSX (a handful of rows, read whole; the
// counts are kept until the next write). Dates are typed on the competition's own clock.
import type { Locale } from '~/i18n/config';
import { formatDateTime } from '~/i18n/format';
import { fixedT } from '~/i18n/i18n.server';
import { pickLocalized, titleTexts } from '~/i18n/localized-text';
import { countApplicationsByStatus, listCompetitions } from '~/models/competition.server';
import { APPLICATION_STATUSES, type ApplicationStatus } from '~/schemas/enums';
import { timeZoneLabel } from '~/utils/competition-form.server';
import { utcToZonedLocal } from '~/utils/timezone';
import type { ExportTable } from './ledger-export.server';

/** Every competition, newest first, with its applications counted by status in lifecycle order. */
export function staffCompetitions() {
  return listCompetitions().map((competition) => {
    const counts = new Map(
      countApplicationsByStatus(competition.id).map((row) => [row.status, row.n]),
    );
    return {
      competition,
      // Only the statuses that have applications.
      counts: APPLICATION_STATUSES.filter((s) => counts.has(s)).map((status) => ({
        status,
        n: counts.get(status)!,
      })),
    };
  });
}

const FIXED = ['title', 'status', 'opensAt', 'closesAt', 'timeZone'] as const;
type Column = (typeof FIXED)[number] | ApplicationStatus;

/** The list with the page's columns, one number column per application status. */
export function competitionsTable(locale: Locale): ExportTable<Column> {
  const t = fixedT(locale);
  const columns: Column[] = [...FIXED, ...APPLICATION_STATUSES];
  function* rows() {
    for (const { competition: c, counts } of staffCompetitions()) {
      const wallClock = (instant: Date) => new Date(`${utcToZonedLocal(instant, c.timezone)}:00Z`);
      const n = new Map(counts.map((row) => [row.status, row.n]));
      const text = {
        title: pickLocalized(titleTexts(c), locale)?.text ?? t('competitions:list.noTitle'),
        status: t(`competitions:status.${c.status}`),
        opensAt: formatDateTime(c.opensAt, locale, c.timezone),
        closesAt: formatDateTime(c.closesAt, locale, c.timezone),
        timeZone: timeZoneLabel(c.timezone, locale),
        ...Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, String(n.get(s) ?? 0)])),
      } as Record<Column, string>;
      const cells = {
        ...text,
        opensAt: wallClock(c.opensAt),
        closesAt: wallClock(c.closesAt),
        ...Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, n.get(s) ?? 0])),
      } as Record<Column, string | number | Date>;
      yield { text, cells };
    }
  }
  return {
    columns,
    numberColumns: APPLICATION_STATUSES,
    dateColumns: ['opensAt', 'closesAt'],
    headers: [
      t('competitions:list.columns.title'),
      t('competitions:list.columns.status'),
      t('competitions:form.opensAt'),
      t('competitions:form.closesAt'),
      t('competitions:form.timezone'),
      ...APPLICATION_STATUSES.map((s) => t(`common:applicationStatuses.${s}`)),
    ],
    sheet: t('competitions:list.title'),
    rows: rows(),
  };
}
