// The monitoring visits of a competition as CSV and XLSX, one row per visit (due or done), in the
// ledger export's format (amounts in major units, headers in the reader's language). Never a
// safeguarding column or note and never the visit's place (DESIGN.md, "Privacy and safety"): the
// query it reads selects neither. The /visits list's downloads use the same columns (the page's
// few), with its filters and the facilitator's villages, read in batches of ids and audited.
import { writeTransaction } from '~db/client';
import type { Locale } from '~/i18n/config';
import { formatNumber } from '~/i18n/format';
import { fixedT } from '~/i18n/i18n.server';
import { localityName } from '~/i18n/locality';
import { findCompetition } from '~/models/competition.server';
import { appendAudit } from '~/models/audit.server';
import { visitRowsOfCompetition } from '~/models/outcome-figures.server';
import { countVisitList, visitListIds, visitListRowsOf } from '~/models/visit.server';
import { clientIp } from '~/utils/request.server';
import type { SessionUser } from '~/utils/session.server';
import { csvAmount, type ExportTable, tableCsv } from './ledger-export.server';
import { visitState, type VisitState } from './visit-schedule.server';
import { visitsListFilter } from './visits-view.server';

const COLUMNS = [
  'reference',
  'family',
  'village',
  'month',
  'dueOn',
  'visitedOn',
  'status',
  'revenue',
  'costs',
  'jobsWomen',
  'jobsMen',
  'householdIncome',
  'assetState',
  'ownEarnings',
  'largePurchases',
  'businessMoney',
  'sayInMoney',
] as const;
/** The /visits list's columns: those the page shows. */
const LIST_COLUMNS = ['family', 'village', 'reference', 'month', 'dueOn', 'state'] as const;
type Column = (typeof COLUMNS)[number] | 'state';
const NUMBER_COLUMNS: readonly Column[] = [
  'month',
  'revenue',
  'costs',
  'jobsWomen',
  'jobsMen',
  'householdIncome',
  'sayInMoney',
];
const DATE_COLUMNS: readonly Column[] = ['dueOn', 'visitedOn'];

type CompetitionVisitRow = ReturnType<typeof visitRowsOfCompetition>[number];
/** A visit as the tables read it: the list's rows carry no outcome figures but their state. */
type VisitExportRow = Pick<
  CompetitionVisitRow,
  'reference' | 'firstName' | 'lastName' | 'localityKy' | 'localityRu' | 'localityEn'
> &
  Pick<CompetitionVisitRow, 'month' | 'dueOn' | 'visitedOn'> &
  Partial<CompetitionVisitRow> & { state?: VisitState };

/** A calendar day "YYYY-MM-DD" as an Excel date (midnight UTC, shown as the day). */
function dayCell(day: string | null): Date | null {
  return day ? new Date(`${day}T00:00:00Z`) : null;
}

/** Hundredths of an FTE with the locale's decimal mark and no grouping (Excel reads a number). */
function csvFte(locale: Locale, hundredths: number): string {
  return formatNumber(hundredths / 100, locale, {
    useGrouping: false,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
}

/** Visits as a table with these columns, in the reader's language. */
function visitRowsTable<C extends Column>(
  visits: Iterable<VisitExportRow>,
  locale: Locale,
  columns: readonly C[],
): ExportTable<C> {
  const t = fixedT(locale);
  const money = (minor: number | null | undefined) =>
    minor === null || minor === undefined ? '' : csvAmount(locale, minor);
  const fte = (hundredths: number | null | undefined) =>
    hundredths === null || hundredths === undefined ? '' : csvFte(locale, hundredths);
  const decider = (answer: string | null | undefined) =>
    answer ? t(`outcomes:agency.answers.${answer as 'herself'}`) : '';
  const major = (minor: number | null | undefined) =>
    minor === null || minor === undefined ? null : minor / 100;
  function* rows() {
    for (const row of visits) {
      const text: Record<Column, string> = {
        reference: row.reference ?? '',
        family: [row.firstName, row.lastName].filter(Boolean).join(' '),
        village: localityName(
          { nameKy: row.localityKy, nameRu: row.localityRu, nameEn: row.localityEn },
          locale,
        ),
        month: String(row.month),
        dueOn: row.dueOn,
        visitedOn: row.visitedOn ?? '',
        status: row.businessStatus
          ? t(`outcomes:businessStatuses.${row.businessStatus}`)
          : t('outcomes:export.notVisited'),
        revenue: money(row.monthlyRevenue),
        costs: money(row.monthlyCosts),
        jobsWomen: fte(row.jobsWomenHundredths),
        jobsMen: fte(row.jobsMenHundredths),
        householdIncome: money(row.monthlyHouseholdIncome),
        assetState: row.assetState ? t(`outcomes:assetStates.${row.assetState}`) : '',
        ownEarnings: decider(row.decidesOwnEarnings),
        largePurchases: decider(row.decidesLargePurchases),
        businessMoney: decider(row.decidesBusinessMoney),
        sayInMoney:
          row.sayInMoney === null || row.sayInMoney === undefined ? '' : String(row.sayInMoney),
        state: row.state ? t(`visits:states.${row.state}`) : '',
      };
      const cells: Record<Column, string | number | Date | null> = {
        ...text,
        month: row.month,
        dueOn: dayCell(row.dueOn),
        visitedOn: dayCell(row.visitedOn),
        revenue: major(row.monthlyRevenue),
        costs: major(row.monthlyCosts),
        jobsWomen: major(row.jobsWomenHundredths),
        jobsMen: major(row.jobsMenHundredths),
        householdIncome: major(row.monthlyHouseholdIncome),
        sayInMoney: row.sayInMoney ?? null,
      };
      yield {
        text: pick(text, columns),
        cells: pick(cells, columns),
      };
    }
  }
  return {
    columns,
    numberColumns: NUMBER_COLUMNS.filter((c): c is C => (columns as readonly Column[]).includes(c)),
    headers: columns.map((c) =>
      c === 'state' ? t('visits:columns.state') : t(`outcomes:export.${c as 'month'}`),
    ),
    sheet: t('outcomes:export.sheet'),
    numFmts: Object.fromEntries(
      DATE_COLUMNS.filter((c) => (columns as readonly Column[]).includes(c)).map((c) => [
        c,
        'yyyy-mm-dd',
      ]),
    ) as Partial<Record<C, string>>,
    rows: rows(),
  };
}

function pick<C extends Column, V>(record: Record<Column, V>, columns: readonly C[]): Record<C, V> {
  return Object.fromEntries(columns.map((c) => [c, record[c]])) as Record<C, V>;
}

/** The visits of a competition as a table, or null if there is no such competition. */
export function visitsTable(
  competitionId: number,
  locale: Locale,
): ExportTable<(typeof COLUMNS)[number]> | null {
  const competition = findCompetition(competitionId);
  if (!competition) return null;
  return visitRowsTable(visitRowsOfCompetition(competitionId), locale, COLUMNS);
}

/** How many visits the list downloads read at once. */
const EXPORT_BATCH = 500;

/**
 * The /visits list as a table, with the page's filters and villages (parsed by the page's own
 * parser) and its columns, after one audit line naming the filters and how many rows the file
 * holds. The ordered ids are read first (small), then the rows a batch at a time; no query stays
 * open between batches.
 */
export function exportVisitsList(
  request: Request,
  actor: SessionUser,
  format: 'csv' | 'xlsx',
  batchSize = EXPORT_BATCH,
): ExportTable<(typeof LIST_COLUMNS)[number]> {
  const { filter } = visitsListFilter(actor, new URL(request.url).searchParams);
  const rows = countVisitList(filter);
  writeTransaction((tx) =>
    appendAudit(tx, {
      actorUserId: actor.user.id,
      action: 'visit.list-exported',
      entityType: 'visit',
      entityId: null,
      after: { format, localityId: filter.localityId, state: filter.state, rows },
      ipAddress: clientIp(request),
    }),
  );
  function* visits(): Generator<VisitExportRow> {
    const ids = visitListIds(filter);
    for (let start = 0; start < ids.length; start += batchSize) {
      for (const row of visitListRowsOf(ids.slice(start, start + batchSize))) {
        yield { ...row, state: visitState(row, filter.today) };
      }
    }
  }
  return visitRowsTable(visits(), actor.user.locale, LIST_COLUMNS);
}

/** The whole CSV, or null if there is no such competition. */
export function visitsCsv(competitionId: number, locale: Locale): string | null {
  const table = visitsTable(competitionId, locale);
  return table && tableCsv(table);
}
