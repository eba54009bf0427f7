// The competition's money ledger as CSV for Excel: UTF-8 with a BOM (so Excel reads Cyrillic),
// ";" between fields, headers in the reader's language, amounts as numbers in major units.
import { INTL_TAGS, type Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import { fixedT } from '~/i18n/i18n.server';
import { numberFormat } from '~/i18n/intl-cache';
import { findCompetition } from '~/models/competition.server';
import { ledgerRowsOfCompetition } from '~/models/grant-money.server';
import { CSV_DELIMITER, csvField, UTF8_BOM } from './screening-export.server';

const COLUMNS = [
  'entry',
  'application',
  'beneficiary',
  'kind',
  'tranche',
  'amount',
  'currency',
  'method',
  'reference',
  'paidAt',
  'recordedBy',
  'approvedBy',
  'reverses',
  'reason',
] as const;

/** The whole CSV, or null if there is no such competition. */
export function ledgerCsv(competitionId: number, locale: Locale): string | null {
  const competition = findCompetition(competitionId);
  if (!competition) return null;
  const t = fixedT(locale);
  const amount = numberFormat(INTL_TAGS[locale], {
    useGrouping: false,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const lines = [COLUMNS.map((c) => csvField(t(`grants:export.${c}`))).join(CSV_DELIMITER)];
  for (const row of ledgerRowsOfCompetition(competitionId)) {
    const values: Record<(typeof COLUMNS)[number], string> = {
      entry: String(row.id),
      application: row.applicationReference ?? '',
      beneficiary: [row.firstName, row.lastName].filter(Boolean).join(' '),
      kind: t(`grants:kinds.${row.kind}`),
      tranche: row.position === null ? '' : String(row.position),
      amount: amount.format(row.amount / 100),
      currency: row.currency,
      method: t(`grants:methods.${row.method as 'cash'}`),
      reference: row.reference,
      paidAt: formatDate(row.paidAt, locale, competition.timezone),
      recordedBy: row.recordedBy,
      approvedBy: row.approvedBy,
      reverses: row.reversesEntryId === null ? '' : String(row.reversesEntryId),
      reason: row.reason ?? '',
    };
    lines.push(
      COLUMNS.map((c) =>
        csvField(values[c], { isText: !['entry', 'amount', 'tranche', 'reverses'].includes(c) }),
      ).join(CSV_DELIMITER),
    );
  }
  return UTF8_BOM + lines.join('\r\n') + '\r\n';
}
