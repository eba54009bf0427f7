import { and, eq, gte, lt, or, sql } from 'drizzle-orm';
import { db, type Tx } from '~db/client';
import { signInFailures } from '~db/schema/auth';

export function countRecentFailures(identifier: string, ipAddress: string, since: Date) {
  const row = db
    .select({
      byIdentifier: sql<number>`sum(case when ${signInFailures.identifier} = ${identifier} then 1 else 0 end)`,
      byAddress: sql<number>`sum(case when ${signInFailures.ipAddress} = ${ipAddress} then 1 else 0 end)`,
    })
    .from(signInFailures)
    .where(
      and(
        gte(signInFailures.createdAt, since),
        or(eq(signInFailures.identifier, identifier), eq(signInFailures.ipAddress, ipAddress)),
      ),
    )
    .get();
  return { byIdentifier: row?.byIdentifier ?? 0, byAddress: row?.byAddress ?? 0 };
}

export function recordFailure(tx: Tx, identifier: string, ipAddress: string, at = new Date()) {
  tx.insert(signInFailures).values({ identifier, ipAddress, createdAt: at }).run();
}

/** A successful sign-in forgives the account's earlier failures (not the address's). */
export function clearFailuresFor(tx: Tx, identifier: string) {
  tx.delete(signInFailures).where(eq(signInFailures.identifier, identifier)).run();
}

/** Old rows say nothing any more; dropped so the table stays small. */
export function pruneFailuresBefore(before: Date) {
  db.delete(signInFailures).where(lt(signInFailures.createdAt, before)).run();
}
