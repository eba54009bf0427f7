import { and, count, eq, gte, lt, max } from 'drizzle-orm';
import { db, type Tx } from '~db/client';
import { signInFailures } from '~db/schema/auth';

/**
 * Failures counted under one key since `since`: an account (its normalised identifier) or one
 * known device of an account (`device:<nonce>`). A successful sign-in deletes them.
 */
export function failureStreak(counter: string, since: Date): { count: number; last: Date | null } {
  const row = db
    .select({ n: count(), last: max(signInFailures.createdAt) })
    .from(signInFailures)
    .where(and(eq(signInFailures.identifier, counter), gte(signInFailures.createdAt, since)))
    .get();
  return { count: row?.n ?? 0, last: row?.last ?? null };
}

export function countAddressFailures(ipAddress: string, since: Date): number {
  return (
    db
      .select({ n: count() })
      .from(signInFailures)
      .where(and(eq(signInFailures.ipAddress, ipAddress), gte(signInFailures.createdAt, since)))
      .get()?.n ?? 0
  );
}

export function recordFailure(tx: Tx, counter: string, ipAddress: string, at = new Date()) {
  tx.insert(signInFailures).values({ identifier: counter, ipAddress, createdAt: at }).run();
}

/** A successful sign-in forgives the failures of its counter (not the address's). */
export function clearFailuresFor(tx: Tx, counter: string) {
  tx.delete(signInFailures).where(eq(signInFailures.identifier, counter)).run();
}

/** Old rows say nothing any more; dropped so the table stays small. */
export function pruneFailuresBefore(before: Date) {
  db.delete(signInFailures).where(lt(signInFailures.createdAt, before)).run();
}
