// The monitoring visits of a competition as CSV and XLSX, one row per visit (due or done), in the
// ledger export's format (amounts in major units, headers in the reader's language). Never a
// safeguarding column or note and never the visit's place (DESIGN.md, "Privacy and safety"): the
// query it reads selects neither.
import type { Locale } from '~/i18n/config';
import { formatNumber } from '~/i18n/format';
import { fixedT } from '~/i18n/i18n.server';
import { localityName } from '~/i18n/locality';
import { findCompetition } from '~/models/competition.server';
import { visitRowsOfCompetition } from '~/models/outcome-figures.server';
import { csvAmount, type ExportTable, tableCsv } from './ledger-export.server';

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
type Column = (typeof COLUMNS)[number];
const NUMBER_COLUMNS: readonly Column[] = [
  'month',
  'revenue',
  'costs',
  'jobsWomen',
  'jobsMen',
  'householdIncome',
  'sayInMoney',
];

/** Hundredths of an FTE with the locale's decimal mark and no grouping (Excel reads a number). */
function csvFte(locale: Locale, hundredths: number): string {
  return formatNumber(hundredths / 100, locale, {
    useGrouping: false,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
}

/** The visits of a competition as a table, or null if there is no such competition. */
export function visitsTable(competitionId: number, locale: Locale): ExportTable<Column> | null {
  const competition = findCompetition(competitionId);
  if (!competition) return null;
  const t = fixedT(locale);
  const money = (minor: number | null) => (minor === null ? '' : csvAmount(locale, minor));
  const decider = (answer: string | null) =>
    answer === null ? '' : t(`outcomes:agency.answers.${answer as 'herself'}`);
  function* rows() {
    for (const row of visitRowsOfCompetition(competitionId)) {
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
        jobsWomen: row.jobsWomenHundredths === null ? '' : csvFte(locale, row.jobsWomenHundredths),
        jobsMen: row.jobsMenHundredths === null ? '' : csvFte(locale, row.jobsMenHundredths),
        householdIncome: money(row.monthlyHouseholdIncome),
        assetState: row.assetState ? t(`outcomes:assetStates.${row.assetState}`) : '',
        ownEarnings: decider(row.decidesOwnEarnings),
        largePurchases: decider(row.decidesLargePurchases),
        businessMoney: decider(row.decidesBusinessMoney),
        sayInMoney: row.sayInMoney === null ? '' : String(row.sayInMoney),
      };
      const major = (minor: number | null) => (minor === null ? null : minor / 100);
      const cells: Record<Column, string | number | null> = {
        ...text,
        month: row.month,
        revenue: major(row.monthlyRevenue),
        costs: major(row.monthlyCosts),
        jobsWomen: major(row.jobsWomenHundredths),
        jobsMen: major(row.jobsMenHundredths),
        householdIncome: major(row.monthlyHouseholdIncome),
        sayInMoney: row.sayInMoney,
      };
      yield { text, cells };
    }
  }
  return {
    columns: COLUMNS,
    numberColumns: NUMBER_COLUMNS,
    headers: COLUMNS.map((c) => t(`outcomes:export.${c}`)),
    sheet: t('outcomes:export.sheet'),
    rows: rows(),
  };
}

/** The whole CSV, or null if there is no such competition. */
export function visitsCsv(competitionId: number, locale: Locale): string | null {
  const table = visitsTable(competitionId, locale);
  return table && tableCsv(table);
}
