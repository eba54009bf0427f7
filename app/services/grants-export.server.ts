// The grants of a competition as CSV and XLSX: one row per grant, with what was paid and what
// remains; formatted as the ledger export is (amounts in major units, dates in the competition's
// zone, headers in the reader's language).
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import { fixedT } from '~/i18n/i18n.server';
import { localityName } from '~/i18n/locality';
import { findCompetition } from '~/models/competition.server';
import { grantRowsOfCompetition } from '~/models/grant-money.server';
import { csvAmount, type ExportTable, tableCsv, tableXlsx } from './ledger-export.server';

const COLUMNS = [
  'reference',
  'beneficiary',
  'village',
  'amount',
  'currency',
  'status',
  'signedOn',
  'paymentMethod',
  'paid',
  'remaining',
] as const;
type Column = (typeof COLUMNS)[number];
const NUMBER_COLUMNS: readonly Column[] = ['amount', 'paid', 'remaining'];

/** The grants of a competition as a table, or null if there is no such competition. */
export function grantsTable(competitionId: number, locale: Locale): ExportTable<Column> | null {
  const competition = findCompetition(competitionId);
  if (!competition) return null;
  const t = fixedT(locale);
  const timeZone = competition.timezone;
  function* rows() {
    for (const row of grantRowsOfCompetition(competitionId)) {
      const remaining = row.amount - row.paid;
      const text: Record<Column, string> = {
        reference: row.applicationReference ?? '',
        beneficiary: [row.firstName, row.lastName].filter(Boolean).join(' '),
        village: localityName(
          { nameKy: row.localityKy, nameRu: row.localityRu, nameEn: row.localityEn },
          locale,
        ),
        amount: csvAmount(locale, row.amount),
        currency: row.currency,
        status: t(`grants:statuses.${row.status}`),
        signedOn: row.signedOn === null ? '' : formatDate(row.signedOn, locale, timeZone),
        paymentMethod: row.paymentMethod ? t(`grants:methods.${row.paymentMethod as 'cash'}`) : '',
        paid: csvAmount(locale, row.paid),
        remaining: csvAmount(locale, remaining),
      };
      const cells: Record<Column, string | number | null> = {
        ...text,
        amount: row.amount / 100,
        paid: row.paid / 100,
        remaining: remaining / 100,
      };
      yield { text, cells };
    }
  }
  return {
    columns: COLUMNS,
    numberColumns: NUMBER_COLUMNS,
    headers: COLUMNS.map((c) => t(`grants:grantsExport.${c}`)),
    sheet: t('grants:grantsExport.sheet'),
    rows: rows(),
  };
}

/** The whole CSV, or null if there is no such competition. */
export function grantsCsv(competitionId: number, locale: Locale): string | null {
  const table = grantsTable(competitionId, locale);
  return table && tableCsv(table);
}

export async function grantsXlsx(competitionId: number, locale: Locale): Promise<Buffer | null> {
  const table = grantsTable(competitionId, locale);
  return table && tableXlsx(table);
}
