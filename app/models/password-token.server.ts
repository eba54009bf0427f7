import { and, eq, gte, isNull, sql } from 'drizzle-orm';
import { db, type Tx } from '~db/client';
import { passwordTokens, type PasswordToken } from '~db/schema/auth';
import { users, type User } from '~db/schema/people';

export function insertPasswordToken(tx: Tx, values: typeof passwordTokens.$inferInsert) {
  tx.insert(passwordTokens).values(values).run();
}

/** An unused, unexpired token and its user. */
export function findUsablePasswordToken(
  tokenHash: string,
  now: Date,
  reader: typeof db | Tx = db,
): { token: PasswordToken; user: User } | undefined {
  return reader
    .select({ token: passwordTokens, user: users })
    .from(passwordTokens)
    .innerJoin(users, eq(users.id, passwordTokens.userId))
    .where(
      and(
        eq(passwordTokens.tokenHash, tokenHash),
        isNull(passwordTokens.usedAt),
        gte(passwordTokens.expiresAt, now),
      ),
    )
    .get();
}

/** Marks the token used; false when another request used it first. */
export function consumePasswordToken(tx: Tx, tokenId: number, at: Date): boolean {
  return (
    tx
      .update(passwordTokens)
      .set({ usedAt: at })
      .where(and(eq(passwordTokens.id, tokenId), isNull(passwordTokens.usedAt)))
      .run().changes === 1
  );
}

/** A new link replaces the older ones, so only the newest works. */
export function expireOpenTokens(
  tx: Tx,
  userId: number,
  purpose: PasswordToken['purpose'],
  at: Date,
) {
  tx.update(passwordTokens)
    .set({ usedAt: at })
    .where(
      and(
        eq(passwordTokens.userId, userId),
        eq(passwordTokens.purpose, purpose),
        isNull(passwordTokens.usedAt),
      ),
    )
    .run();
}

export function countTokensSince(
  userId: number,
  purpose: PasswordToken['purpose'],
  since: Date,
): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(passwordTokens)
      .where(
        and(
          eq(passwordTokens.userId, userId),
          eq(passwordTokens.purpose, purpose),
          gte(passwordTokens.createdAt, since),
        ),
      )
      .get()?.n ?? 0
  );
}
