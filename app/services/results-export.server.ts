// The facilitator's list of results to tell in person (/facilitator/results) as CSV and XLSX:
// the page's rows (her villages only, read by the page's own function) and the page's facts,
// headers in the reader's language, the amount and position as numbers and the day as a date.
// It names families, so each download is one audit line ('application.results-list-exported').
// Her list is the decided applications of her villages that must be told in person: tens, not
// thousands, and the page itself reads it whole.
import { writeTransaction } from '~db/client';
import type { Locale } from '~/i18n/config';
import { fixedT } from '~/i18n/i18n.server';
import { appendAudit } from '~/models/audit.server';
import { clientIp } from '~/utils/request.server';
import type { SessionUser } from '~/utils/session.server';
import { csvAmount, type ExportTable } from './ledger-export.server';
import { resultsToTellEntries, type ToTellEntry } from './results.server';

const COLUMNS = [
  'family',
  'village',
  'phone',
  'competition',
  'reference',
  'result',
  'amount',
  'position',
  'toldOn',
] as const;
type Column = (typeof COLUMNS)[number];

/** Her list's rows as a table with the page's facts, in the reader's language. */
export function resultsToTellTable(
  entries: Iterable<ToTellEntry>,
  locale: Locale,
): ExportTable<Column> {
  const t = fixedT(locale);
  function* rows() {
    for (const { row, awardedAmount, toldOn } of entries) {
      const text: Record<Column, string> = {
        family: row.family,
        village: row.village,
        phone: row.phone ?? '',
        competition: row.competition?.text ?? '',
        reference: row.reference ?? '',
        result: t(`common:applicationStatuses.${row.decision}`),
        amount: awardedAmount === null ? '' : csvAmount(locale, awardedAmount),
        position: row.waitlistPosition === null ? '' : String(row.waitlistPosition),
        toldOn: toldOn ?? '',
      };
      const cells: Record<Column, string | number | Date | null> = {
        ...text,
        amount: awardedAmount === null ? null : awardedAmount / 100,
        position: row.waitlistPosition,
        toldOn: toldOn ? new Date(`${toldOn}T00:00:00Z`) : null,
      };
      yield { text, cells };
    }
  }
  return {
    columns: COLUMNS,
    numberColumns: ['amount', 'position'],
    headers: [
      t('results:tell.family'),
      t('results:tell.village'),
      t('results:tell.phone'),
      t('results:tell.competition'),
      t('results:tell.reference'),
      t('results:tell.result'),
      t('results:tell.exportAmount'),
      t('results:tell.exportPosition'),
      t('results:tell.exportToldOn'),
    ],
    sheet: t('results:tell.title'),
    numFmts: { amount: '#,##0.00', toldOn: 'yyyy-mm-dd' },
    rows: rows(),
  };
}

/** Her list as a table, after one audit line saying how many families the file names. */
export function exportResultsToTell(
  request: Request,
  facilitator: SessionUser,
  format: 'csv' | 'xlsx',
): ExportTable<Column> {
  const locale = facilitator.user.locale;
  const entries = resultsToTellEntries(facilitator, locale);
  writeTransaction((tx) =>
    appendAudit(tx, {
      actorUserId: facilitator.user.id,
      action: 'application.results-list-exported',
      entityType: 'application',
      entityId: null,
      after: { format, rows: entries.length },
      ipAddress: clientIp(request),
    }),
  );
  return resultsToTellTable(entries, locale);
}
