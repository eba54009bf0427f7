import { and, eq, isNull, sql } from 'drizzle-orm';
import { db, preparedOnce, type Tx } from '~db/client';
import { sessions, type Session } from '~db/schema/auth';
import { users } from '~db/schema/people';

type RevokeReason = NonNullable<Session['revokedReason']>;

export function insertSession(
  tx: Tx,
  values: {
    id: string;
    userId: number;
    expiresAt: Date;
    userAgent: string | null;
    ipAddress: string | null;
  },
) {
  const now = new Date();
  tx.insert(sessions)
    .values({ ...values, lastSeenAt: now, createdAt: now })
    .run();
}

/** The session and its user, if the session has not been revoked. Expiry is judged by the caller. */
export function findLiveSession(sessionId: string) {
  return liveSession().get({ sessionId });
}

// Every signed-in request reads it (once per request, see getSessionUser).
const liveSession = preparedOnce((connection) =>
  connection
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sql.placeholder('sessionId')), isNull(sessions.revokedAt)))
    .prepare(),
);

export function touchSession(sessionId: string, at: Date) {
  db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, sessionId)).run();
}

export function revokeSession(tx: Tx, sessionId: string, reason: RevokeReason) {
  tx.update(sessions)
    .set({ revokedAt: new Date(), revokedReason: reason })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
    .run();
}

/** Revokes every live session of a user, e.g. after a password change or when disabled. */
export function revokeUserSessions(tx: Tx, userId: number, reason: RevokeReason): number {
  return tx
    .update(sessions)
    .set({ revokedAt: new Date(), revokedReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .run().changes;
}
