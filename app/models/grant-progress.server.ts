import { sql } from 'drizzle-orm';
import { db, type Tx } from '~db/client';

type Reader = typeof db | Tx;

/**
 * How far a competition's live grants have come: how many there are, how many are fully paid
 * (their ledger sums to their amount) and how many are completed (12-month visit recorded).
 * Cancelled grants do not count. One aggregate query, however many grants.
 */
export function grantProgressOf(
  competitionId: number,
  reader: Reader = db,
): { live: number; fullyPaid: number; completed: number } {
  const row = reader.get<{ live: number; fullyPaid: number; completed: number }>(sql`
    select count(*) as live,
      coalesce(sum(case when (select coalesce(sum(l.amount), 0) from ledger_entries l
        where l.grant_id = g.id) >= g.amount then 1 else 0 end), 0) as fullyPaid,
      coalesce(sum(case when g.status = 'completed' then 1 else 0 end), 0) as completed
    from grants g
    where g.competition_id = ${competitionId} and g.status <> 'cancelled'`);
  return row ?? { live: 0, fullyPaid: 0, completed: 0 };
}
