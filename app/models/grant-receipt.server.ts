// The family's receipts for a tranche: lines against her budget, their files, and their history.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { db, type Tx } from '~db/client';
import {
  grantReceiptEvents,
  grantReceiptFiles,
  grantReceiptLines,
  type GrantReceiptEvent,
  type GrantReceiptFile,
  type GrantReceiptLine,
} from '~db/schema/grant-receipts';

type Reader = typeof db | Tx;

export function receiptLinesOf(trancheId: number, reader: Reader = db): GrantReceiptLine[] {
  return reader
    .select()
    .from(grantReceiptLines)
    .where(eq(grantReceiptLines.trancheId, trancheId))
    .orderBy(asc(grantReceiptLines.id))
    .all();
}

/** Saves the line's actual amount and reason (one row per tranche and budget line). */
export function upsertReceiptLine(
  tx: Tx,
  values: Omit<typeof grantReceiptLines.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>,
): GrantReceiptLine {
  const now = new Date();
  return tx
    .insert(grantReceiptLines)
    .values({ ...values, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [grantReceiptLines.trancheId, grantReceiptLines.budgetItemId],
      set: {
        actualAmount: values.actualAmount,
        reason: values.reason,
        enteredById: values.enteredById,
        updatedAt: now,
      },
    })
    .returning()
    .get();
}

export function receiptFilesOf(lineIds: number[], reader: Reader = db): GrantReceiptFile[] {
  if (lineIds.length === 0) return [];
  return reader
    .select()
    .from(grantReceiptFiles)
    .where(inArray(grantReceiptFiles.receiptLineId, lineIds))
    .orderBy(asc(grantReceiptFiles.id))
    .all();
}

export function countReceiptFilesOfTranche(trancheId: number, reader: Reader = db): number {
  return (
    reader
      .select({ n: sql<number>`count(*)` })
      .from(grantReceiptFiles)
      .innerJoin(grantReceiptLines, eq(grantReceiptLines.id, grantReceiptFiles.receiptLineId))
      .where(eq(grantReceiptLines.trancheId, trancheId))
      .get()?.n ?? 0
  );
}

export function insertReceiptFile(
  tx: Tx,
  values: typeof grantReceiptFiles.$inferInsert,
): GrantReceiptFile {
  return tx.insert(grantReceiptFiles).values(values).returning().get();
}

/** A receipt file with the grant it belongs to, for the download check. */
export function findReceiptFile(fileId: number, reader: Reader = db) {
  return reader
    .select({ file: grantReceiptFiles, grantId: grantReceiptLines.grantId })
    .from(grantReceiptFiles)
    .innerJoin(grantReceiptLines, eq(grantReceiptLines.id, grantReceiptFiles.receiptLineId))
    .where(eq(grantReceiptFiles.id, fileId))
    .get();
}

export function insertReceiptEvent(tx: Tx, values: typeof grantReceiptEvents.$inferInsert) {
  return tx.insert(grantReceiptEvents).values(values).returning().get();
}

export function latestReceiptEvent(
  trancheId: number,
  reader: Reader = db,
): GrantReceiptEvent | undefined {
  return reader
    .select()
    .from(grantReceiptEvents)
    .where(eq(grantReceiptEvents.trancheId, trancheId))
    .orderBy(desc(grantReceiptEvents.id))
    .limit(1)
    .get();
}

export function receiptEventsOf(trancheId: number, reader: Reader = db): GrantReceiptEvent[] {
  return reader
    .select()
    .from(grantReceiptEvents)
    .where(and(eq(grantReceiptEvents.trancheId, trancheId)))
    .orderBy(asc(grantReceiptEvents.id))
    .all();
}

/** Tranches whose receipts wait for staff: sent for checking and not verified, oldest first. */
export function receiptsWaitingForStaff(limit = 50) {
  return db.all<{
    trancheId: number;
    grantId: number;
    reference: string | null;
    sentAt: number;
  }>(sql`
    select t.id as trancheId, t.grant_id as grantId, a.reference as reference,
      e.created_at as sentAt
    from grant_tranches t
    join grants g on g.id = t.grant_id
    join applications a on a.id = g.application_id
    join grant_receipt_events e on e.id = (
      select max(x.id) from grant_receipt_events x where x.tranche_id = t.id)
    where e.kind = 'submitted' and t.receipts_verified_at is null
    order by e.id
    limit ${limit}`);
}

/** Her household's grants (not cancelled), for her home page. */
export function grantsOfHousehold(householdId: number) {
  return db.all<{ grantId: number; applicationId: number; reference: string | null }>(sql`
    select g.id as grantId, a.id as applicationId, a.reference as reference
    from grants g join applications a on a.id = g.application_id
    where a.household_id = ${householdId} and g.status <> 'cancelled'
    order by g.id`);
}

/** Money requests another staff member recorded that wait for a decision, oldest first. */
export function requestsWaitingFor(staffId: number, limit = 50) {
  return db.all<{ requestId: number; grantId: number; kind: string; reference: string | null }>(sql`
    select r.id as requestId, r.grant_id as grantId, r.kind as kind, a.reference as reference
    from money_requests r
    join grants g on g.id = r.grant_id
    join applications a on a.id = g.application_id
    where r.status = 'requested' and r.recorded_by_id <> ${staffId}
    order by r.id
    limit ${limit}`);
}
