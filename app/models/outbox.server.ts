import { and, desc, eq, gt, lte, lt, or, sql, type SQL } from 'drizzle-orm';
import { db, type Tx } from '~db/client';
import { mailOutbox, type MailStatus, type OutboxMail } from '~db/schema/mail';

export type NewOutboxMail = typeof mailOutbox.$inferInsert;

export function insertOutboxMail(tx: Tx, mail: NewOutboxMail): OutboxMail {
  return tx.insert(mailOutbox).values(mail).returning().get();
}

/**
 * Drops the notices of a job that are still waiting (e.g. the reminders of a booking that was
 * moved or cancelled), inside the caller's transaction: pending rows, and withheld rows whose
 * time has not come (so her facilitator's list does not ask her to pass on a void reminder).
 * Sent, failed and past rows stay as they are. Returns how many were dropped.
 */
export function dropPendingMail(tx: Tx, jobKey: string, at: Date): number {
  return tx
    .update(mailOutbox)
    .set({ status: 'dropped', updatedAt: at })
    .where(
      and(
        eq(mailOutbox.jobKey, jobKey),
        or(
          eq(mailOutbox.status, 'pending'),
          and(eq(mailOutbox.status, 'withheld'), gt(mailOutbox.notBefore, at)),
        ),
      ),
    )
    .run().changes;
}

/** The notices of a job, oldest first (e.g. a booking's reminders, in any status). */
export function listMailOfJob(jobKey: string): OutboxMail[] {
  return db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.jobKey, jobKey))
    .orderBy(mailOutbox.id)
    .all();
}

/**
 * Claims the oldest due message for delivery in one statement, so two workers (or two server
 * processes) can never take the same row.
 */
export function claimDueMail(now: Date): OutboxMail | undefined {
  return db
    .update(mailOutbox)
    .set({ status: 'sending', claimedAt: now })
    .where(
      eq(
        mailOutbox.id,
        sql`(select ${mailOutbox.id} from ${mailOutbox} where ${mailOutbox.status} = 'pending' and ${mailOutbox.nextAttemptAt} <= ${now.getTime()} order by ${mailOutbox.id} limit 1)`,
      ),
    )
    .returning()
    .get();
}

/** A worker that died mid-send leaves rows in "sending"; after a while they are due again. */
export function releaseStaleClaims(olderThan: Date): number {
  return db
    .update(mailOutbox)
    .set({ status: 'pending', claimedAt: null })
    .where(and(eq(mailOutbox.status, 'sending'), lt(mailOutbox.claimedAt, olderThan)))
    .run().changes;
}

export function markMailSent(mailId: number, at: Date) {
  db.update(mailOutbox)
    .set({
      status: 'sent',
      sentAt: at,
      claimedAt: null,
      attempts: sql`${mailOutbox.attempts} + 1`,
      lastError: null,
    })
    .where(eq(mailOutbox.id, mailId))
    .run();
}

export function markMailForRetry(mailId: number, error: string, nextAttemptAt: Date) {
  db.update(mailOutbox)
    .set({
      status: 'pending',
      claimedAt: null,
      attempts: sql`${mailOutbox.attempts} + 1`,
      lastError: error,
      nextAttemptAt,
    })
    .where(eq(mailOutbox.id, mailId))
    .run();
}

export function markMailFailed(mailId: number, error: string) {
  db.update(mailOutbox)
    .set({
      status: 'failed',
      claimedAt: null,
      attempts: sql`${mailOutbox.attempts} + 1`,
      lastError: error,
    })
    .where(eq(mailOutbox.id, mailId))
    .run();
}

export function countDueMail(now: Date): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.status, 'pending'), lte(mailOutbox.nextAttemptAt, now)))
      .get()?.n ?? 0
  );
}

export function listOutbox(filter: { status?: MailStatus; page: number; pageSize: number }) {
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(mailOutbox.status, filter.status));
  const where = conditions.length ? and(...conditions) : undefined;
  const rows = db
    .select({
      id: mailOutbox.id,
      toName: mailOutbox.toName,
      toAddress: mailOutbox.toAddress,
      locale: mailOutbox.locale,
      template: mailOutbox.template,
      subject: mailOutbox.subject,
      status: mailOutbox.status,
      withheldReason: mailOutbox.withheldReason,
      attempts: mailOutbox.attempts,
      createdAt: mailOutbox.createdAt,
      sentAt: mailOutbox.sentAt,
      notBefore: mailOutbox.notBefore,
    })
    .from(mailOutbox)
    .where(where)
    .orderBy(desc(mailOutbox.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .all();
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(mailOutbox)
      .where(where)
      .get()?.n ?? 0;
  return { rows, total };
}

/**
 * The outbox newest first below id `beforeId` (none: from the newest), at most `limit` mails,
 * with what the outbox page shows of each: its export walks it in keyset batches of ids.
 */
export function outboxRowsBefore(filter: {
  status?: MailStatus;
  beforeId?: number;
  limit: number;
}) {
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(mailOutbox.status, filter.status));
  if (filter.beforeId) conditions.push(lt(mailOutbox.id, filter.beforeId));
  return db
    .select({
      id: mailOutbox.id,
      toName: mailOutbox.toName,
      toAddress: mailOutbox.toAddress,
      subject: mailOutbox.subject,
      status: mailOutbox.status,
      createdAt: mailOutbox.createdAt,
      notBefore: mailOutbox.notBefore,
    })
    .from(mailOutbox)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(mailOutbox.id))
    .limit(filter.limit)
    .all();
}

export function findOutboxMail(mailId: number): OutboxMail | undefined {
  return db.select().from(mailOutbox).where(eq(mailOutbox.id, mailId)).get();
}

export function countOutboxByStatus(): Record<MailStatus, number> {
  const counts = {
    pending: 0,
    sending: 0,
    sent: 0,
    failed: 0,
    withheld: 0,
    dropped: 0,
  } satisfies Record<MailStatus, number>;
  for (const row of db
    .select({ status: mailOutbox.status, n: sql<number>`count(*)` })
    .from(mailOutbox)
    .groupBy(mailOutbox.status)
    .all()) {
    counts[row.status] = row.n;
  }
  return counts;
}
