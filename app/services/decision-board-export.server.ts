// The decision board (/staff/competitions/:id/decisions) as CSV and XLSX: its filters (village,
// status, places), the columns of its table, read in keyset batches of places (the final ranking
// can hold 10,000 applications). A download names families' applications, so each one writes an
// audit line ('decision-board.exported') with its filters and its number of rows.
import { writeTransaction } from '~db/client';
import { fixedT } from '~/i18n/i18n.server';
import { localityName } from '~/i18n/locality';
import { appendAudit } from '~/models/audit.server';
import { boardRowsAfter, type BoardFilter } from '~/models/decision.server';
import { boardQuerySchema } from '~/schemas/decision';
import { clientIp } from '~/utils/request.server';
import type { SessionUser } from '~/utils/session.server';
import { decisionBoard } from './decisions.server';
import { csvAmount, type ExportTable } from './ledger-export.server';
import { csvNumber, rounded } from './round-ranking.server';

/** The board's filter from its query string, read by the page's own schema. */
export function boardFilterFrom(params: URLSearchParams): BoardFilter {
  const query = boardQuerySchema.parse(Object.fromEntries(params));
  return {
    localityId: query.village,
    status: query.status,
    rankFrom: query.rankFrom,
    rankTo: query.rankTo,
  };
}

const DECIDED = ['awarded', 'waitlisted', 'not-selected', 'withdrawn'];

const COLUMNS = [
  'rank',
  'score',
  'reference',
  'idea',
  'sector',
  'village',
  'requested',
  'currency',
  'decision',
  'awarded',
  'waitlistPlace',
] as const;
type Column = (typeof COLUMNS)[number];

/** The filtered final ranking after `afterRank`, best first, a batch of places at a time. */
export function* boardExportRows(roundId: number, filter: BoardFilter, batchSize = 1000) {
  let after = 0;
  for (;;) {
    const batch = boardRowsAfter(roundId, filter, after, batchSize);
    yield* batch;
    if (batch.length < batchSize) return;
    after = batch[batch.length - 1]!.rank;
  }
}

/**
 * The board of a competition as a table with the page's columns in the reader's language, after
 * its audit line; null if there is no such competition.
 */
export function exportDecisionBoard(
  request: Request,
  actor: SessionUser,
  competitionId: number,
  format: 'csv' | 'xlsx',
  batchSize?: number,
): ExportTable<Column> | null {
  const filter = boardFilterFrom(new URL(request.url).searchParams);
  // The page's own read: it stores the final ranking if it is not yet stored, and counts the rows.
  const board = decisionBoard(competitionId, { filter, pageSize: 1 });
  if (!board) return null;
  const { competition, finalRoundId } = board;
  const locale = actor.user.locale;
  writeTransaction((tx) =>
    appendAudit(tx, {
      actorUserId: actor.user.id,
      action: 'decision-board.exported',
      entityType: 'competition',
      entityId: competitionId,
      after: {
        format,
        village: filter.localityId ?? null,
        status: filter.status ?? null,
        rankFrom: filter.rankFrom ?? null,
        rankTo: filter.rankTo ?? null,
        rows: board.page.total,
      },
      ipAddress: clientIp(request),
    }),
  );
  const t = fixedT(locale);
  const villages = new Map(board.quotas.map((q) => [q.localityId, localityName(q, locale)]));
  function* rows() {
    if (!finalRoundId) return;
    for (const row of boardExportRows(finalRoundId, filter, batchSize)) {
      const awarded =
        row.status === 'awarded' && row.awardedAmount !== null ? row.awardedAmount : null;
      const waitlistPlace = row.status === 'waitlisted' ? row.waitlistPosition : null;
      const text: Record<Column, string> = {
        rank: String(row.rank),
        score: csvNumber(row.score, locale),
        reference: row.reference ?? '',
        idea: row.title || t('decisions:table.untitled'),
        sector: row.sector ? t(`common:sectors.${row.sector}`) : '',
        village: villages.get(row.localityId) ?? '',
        requested: csvAmount(locale, row.requestedAmount),
        currency: competition.currency,
        decision: DECIDED.includes(row.status)
          ? t(`common:applicationStatuses.${row.status}`)
          : t('decisions:table.undecided'),
        awarded: awarded === null ? '' : csvAmount(locale, awarded),
        waitlistPlace: waitlistPlace === null ? '' : String(waitlistPlace),
      };
      const cells: Record<Column, string | number | null> = {
        ...text,
        rank: row.rank,
        score: rounded(row.score),
        requested: row.requestedAmount / 100,
        awarded: awarded === null ? null : awarded / 100,
        waitlistPlace,
      };
      yield { text, cells };
    }
  }
  return {
    columns: COLUMNS,
    numberColumns: ['rank', 'score', 'requested', 'awarded', 'waitlistPlace'],
    numFmts: { score: '0.0', requested: '#,##0.00', awarded: '#,##0.00' },
    headers: [
      t('decisions:table.rank'),
      t('decisions:table.score'),
      t('decisions:table.reference'),
      t('decisions:table.idea'),
      t('decisions:table.sector'),
      t('decisions:table.village'),
      t('decisions:table.requested'),
      t('grants:export.currency'),
      t('decisions:table.decision'),
      t('decisions:budget.awarded'),
      t('decisions:table.waitlistPlace'),
    ],
    sheet: t('decisions:table.caption'),
    rows: rows(),
  };
}
