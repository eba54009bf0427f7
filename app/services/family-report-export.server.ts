// The staff inbox of family reports as CSV and XLSX: the rows the page shows (with its competition
// filter), in its order, read in batches; never a safeguarding note (the query selects none) and
// no photo. Each download writes an audit line (who exported which competition's reports).
import { writeTransaction } from '~db/client';
import type { Locale } from '~/i18n/config';
import { fixedT } from '~/i18n/i18n.server';
import { localityName } from '~/i18n/locality';
import { appendAudit } from '~/models/audit.server';
import { listCompetitions } from '~/models/competition.server';
import { reportInboxPage } from '~/models/family-report.server';
import { clientIp } from '~/utils/request.server';
import type { SessionUser } from '~/utils/session.server';
import { csvAmount, csvDelimiterFor, type ExportTable } from './ledger-export.server';
import { inboxCompetitionFrom } from './family-reports.server';
import { calendarDayIn } from './outcome-figures.server';
import { programmeTimeZone } from './programme-clock.server';

const COLUMNS = [
  'family',
  'village',
  'reference',
  'sentOn',
  'readOn',
  'status',
  'revenue',
  'currency',
  'question',
] as const;
type Column = (typeof COLUMNS)[number];
const NUMBER_COLUMNS: readonly Column[] = ['revenue'];
const BATCH = 500;

/** A "YYYY-MM-DD" day as an Excel date cell (midnight UTC, so Excel shows that very day). */
function dayCell(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** The inbox (one competition's or all) as a table, read `BATCH` rows at a time. */
export function reportInboxTable(
  competitionId: number | null,
  locale: Locale,
  timeZone: string,
): ExportTable<Column> {
  const t = fixedT(locale);
  function* rows() {
    for (let offset = 0; ; offset += BATCH) {
      const batch = reportInboxPage({ competitionId, limit: BATCH, offset });
      for (const r of batch) {
        const sentOn = calendarDayIn(r.createdAt, timeZone);
        const readOn = r.readAt ? calendarDayIn(r.readAt, timeZone) : null;
        const text: Record<Column, string> = {
          family: [r.firstName, r.lastName].filter(Boolean).join(' '),
          village: localityName(r.locality, locale),
          reference: r.reference ?? '',
          sentOn,
          readOn: readOn ?? '',
          status: t(`outcomes:businessStatuses.${r.businessStatus}`),
          revenue: r.monthlyRevenue === null ? '' : csvAmount(locale, r.monthlyRevenue),
          currency: r.monthlyRevenue === null ? '' : r.currency,
          question: r.question ?? '',
        };
        const cells: Record<Column, string | number | Date | null> = {
          ...text,
          sentOn: dayCell(sentOn),
          readOn: readOn === null ? null : dayCell(readOn),
          revenue: r.monthlyRevenue === null ? null : r.monthlyRevenue / 100,
        };
        yield { text, cells };
      }
      if (batch.length < BATCH) return;
    }
  }
  return {
    columns: COLUMNS,
    numberColumns: NUMBER_COLUMNS,
    headers: COLUMNS.map((c) => t(`familyReports:export.${c}`)),
    sheet: t('familyReports:inbox.title'),
    numFmts: { sentOn: 'yyyy-mm-dd', readOn: 'yyyy-mm-dd', revenue: '#,##0.00' },
    rows: rows(),
  };
}

/**
 * An export asked for at `request` (the inbox's own competition filter): its table and file name,
 * once its audit line is written.
 */
export function reportInboxExport(request: Request, actor: SessionUser, format: 'csv' | 'xlsx') {
  const competitionId = inboxCompetitionFrom(
    new URL(request.url).searchParams,
    listCompetitions().map((c) => c.id),
  );
  const locale = actor.user.locale;
  const table = reportInboxTable(competitionId, locale, programmeTimeZone());
  auditReportExport(request, actor, competitionId, format);
  return {
    table,
    delimiter: csvDelimiterFor(locale),
    fileName: `family-reports${competitionId === null ? '' : `-${competitionId}`}.${format}`,
  };
}

/** The audit line of an export: who took the reports of which competition, in which format. */
function auditReportExport(
  request: Request,
  actor: SessionUser,
  competitionId: number | null,
  format: 'csv' | 'xlsx',
): void {
  writeTransaction((tx) =>
    appendAudit(tx, {
      actorUserId: actor.user.id,
      action: 'family-report.exported',
      entityType: 'competition',
      entityId: competitionId,
      after: { format },
      ipAddress: clientIp(request),
    }),
  );
}
