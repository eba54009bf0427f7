// Money requests and the append-only ledger. Every write that guards money is ONE conditional
// statement, so it stays correct when two requests race (and on PostgreSQL later).
import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import { db, type Tx } from '~db/client';
import {
  ledgerEntries,
  moneyRequests,
  type LedgerEntry,
  type MoneyRequest,
} from '~db/schema/grants';

type Reader = typeof db | Tx;

export function findMoneyRequest(requestId: number, reader: Reader = db): MoneyRequest | undefined {
  return reader.select().from(moneyRequests).where(eq(moneyRequests.id, requestId)).get();
}

export function insertMoneyRequest(
  tx: Tx,
  values: typeof moneyRequests.$inferInsert,
): MoneyRequest {
  return tx.insert(moneyRequests).values(values).returning().get();
}

export function moneyRequestsOf(grantId: number, reader: Reader = db): MoneyRequest[] {
  return reader
    .select()
    .from(moneyRequests)
    .where(eq(moneyRequests.grantId, grantId))
    .orderBy(desc(moneyRequests.id))
    .all();
}

/** A request still waiting for its decision, for this tranche or for this entry's reversal. */
export function pendingRequestFor(
  target: { trancheId: number } | { reversesEntryId: number },
  reader: Reader = db,
): MoneyRequest | undefined {
  return reader
    .select()
    .from(moneyRequests)
    .where(
      and(
        eq(moneyRequests.status, 'requested'),
        'trancheId' in target
          ? and(eq(moneyRequests.trancheId, target.trancheId), eq(moneyRequests.kind, 'payment'))
          : eq(moneyRequests.reversesEntryId, target.reversesEntryId),
      ),
    )
    .get();
}

/**
 * Four eyes in one statement: the request is decided only if it still waits AND the person
 * deciding is not the one who recorded it. Undefined when either fails (the caller says why).
 */
export function decideMoneyRequestRow(
  tx: Tx,
  args: {
    requestId: number;
    deciderId: number;
    status: 'approved' | 'rejected';
    reason?: string | null;
    now: Date;
  },
): MoneyRequest | undefined {
  return tx
    .update(moneyRequests)
    .set({
      status: args.status,
      decidedById: args.deciderId,
      decidedAt: args.now,
      rejectionReason: args.reason ?? null,
      updatedAt: args.now,
    })
    .where(
      and(
        eq(moneyRequests.id, args.requestId),
        eq(moneyRequests.status, 'requested'),
        ne(moneyRequests.recordedById, args.deciderId),
      ),
    )
    .returning()
    .get();
}

export type NewLedgerEntry = Omit<typeof ledgerEntries.$inferInsert, 'id' | 'createdAt'> & {
  createdAt: Date;
};

/**
 * Posts one entry in ONE statement that also checks, against the ledger as it is at that moment:
 * what was paid on the grant stays between 0 and its amount, and a payment finds its tranche not
 * already paid (a payment counts until it is reversed). Undefined when a check fails.
 */
export function postLedgerEntry(tx: Tx, entry: NewLedgerEntry): LedgerEntry | undefined {
  const paymentTranche = entry.kind === 'payment' ? (entry.trancheId ?? null) : null;
  const row = tx.get<{ id: number } | undefined>(sql`
    insert into ledger_entries (grant_id, tranche_id, money_request_id, kind, amount, currency,
      method, reference, paid_at, recorded_by_id, approved_by_id, idempotency_key,
      reverses_entry_id, reason, created_at)
    select ${entry.grantId}, ${entry.trancheId ?? null}, ${entry.moneyRequestId}, ${entry.kind},
      ${entry.amount}, ${entry.currency}, ${entry.method}, ${entry.reference},
      ${entry.paidAt.getTime()}, ${entry.recordedById}, ${entry.approvedById},
      ${entry.idempotencyKey}, ${entry.reversesEntryId ?? null}, ${entry.reason ?? null},
      ${entry.createdAt.getTime()}
    from grants g
    where g.id = ${entry.grantId}
      and (select coalesce(sum(l.amount), 0) from ledger_entries l where l.grant_id = g.id)
          + ${entry.amount} between 0 and g.amount
      and (${paymentTranche} is null or not exists (
        select 1 from ledger_entries p
        where p.tranche_id = ${paymentTranche} and p.kind = 'payment'
          and not exists (select 1 from ledger_entries r where r.reverses_entry_id = p.id)))
    returning id`);
  return row ? findLedgerEntry(row.id, tx) : undefined;
}

export function findLedgerEntry(entryId: number, reader: Reader = db): LedgerEntry | undefined {
  return reader.select().from(ledgerEntries).where(eq(ledgerEntries.id, entryId)).get();
}

export function ledgerOf(grantId: number, reader: Reader = db): LedgerEntry[] {
  return reader
    .select()
    .from(ledgerEntries)
    .where(eq(ledgerEntries.grantId, grantId))
    .orderBy(asc(ledgerEntries.id))
    .all();
}

/** What was paid on the grant: the sum of its entries. */
export function paidOnGrant(grantId: number, reader: Reader = db): number {
  return (
    reader
      .select({ paid: sql<number>`coalesce(sum(${ledgerEntries.amount}), 0)` })
      .from(ledgerEntries)
      .where(eq(ledgerEntries.grantId, grantId))
      .get()?.paid ?? 0
  );
}

/** The tranche's payment entry that still counts (not reversed), if any. */
export function standingPaymentOf(trancheId: number, reader: Reader = db): LedgerEntry | undefined {
  return reader
    .select()
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.trancheId, trancheId),
        eq(ledgerEntries.kind, 'payment'),
        sql`not exists (select 1 from ledger_entries r where r.reverses_entry_id = ${ledgerEntries.id})`,
      ),
    )
    .get();
}

/** The entry that reverses this one, if any. */
export function reversalOf(entryId: number, reader: Reader = db): LedgerEntry | undefined {
  return reader
    .select()
    .from(ledgerEntries)
    .where(eq(ledgerEntries.reversesEntryId, entryId))
    .get();
}
