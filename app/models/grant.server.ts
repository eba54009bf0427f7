// Grants, their tranches and their competition's tranche-plan template.
import { and, asc, eq, inArray, isNull, sql, type Placeholder } from 'drizzle-orm';
import { db, preparedOnce, type Tx } from '~db/client';
import {
  competitionTranchePlans,
  grants,
  grantTranches,
  type Grant,
  type GrantTranche,
  type TrancheStep,
} from '~db/schema/grants';

type Reader = typeof db | Tx;

export function findGrant(grantId: number, reader: Reader = db): Grant | undefined {
  return reader.select().from(grants).where(eq(grants.id, grantId)).get();
}

const grantOfApplication = (reader: Reader, applicationId: number | Placeholder) =>
  reader.select().from(grants).where(eq(grants.applicationId, applicationId));
// The family's application page asks on every view: compiled once.
const preparedGrantOfApplication = preparedOnce((c) =>
  grantOfApplication(c, sql.placeholder('applicationId')).prepare(),
);

export function findGrantOfApplication(
  applicationId: number,
  reader: Reader = db,
): Grant | undefined {
  return reader === db
    ? preparedGrantOfApplication().get({ applicationId })
    : grantOfApplication(reader, applicationId).get();
}

/** Inserts the grant unless the application has one already (then undefined). */
export function insertGrantIfAbsent(tx: Tx, values: typeof grants.$inferInsert): Grant | undefined {
  return tx
    .insert(grants)
    .values(values)
    .onConflictDoNothing({ target: grants.applicationId })
    .returning()
    .get();
}

export function updateGrantRow(
  tx: Tx,
  grantId: number,
  values: Partial<typeof grants.$inferInsert>,
): Grant {
  return tx.update(grants).set(values).where(eq(grants.id, grantId)).returning().get()!;
}

/**
 * Marks the agreement signed, only if it still waits for signing: one conditional update, so two
 * staff recording the signing at once cannot both do it. Undefined if it was not waiting.
 */
export function markGrantSigned(
  tx: Tx,
  grantId: number,
  values: Partial<typeof grants.$inferInsert>,
): Grant | undefined {
  return tx
    .update(grants)
    .set({ ...values, status: 'signed' })
    .where(and(eq(grants.id, grantId), eq(grants.status, 'awaiting-signature')))
    .returning()
    .get();
}

/**
 * Stores the scan of a signed agreement that has none yet: one conditional update, so a scan,
 * once there, is never replaced. Undefined if the grant is not signed or has its scan.
 */
export function setAgreementScanIfMissing(
  tx: Tx,
  grantId: number,
  scanPath: string,
): Grant | undefined {
  return tx
    .update(grants)
    .set({ scanPath })
    .where(
      and(
        eq(grants.id, grantId),
        inArray(grants.status, ['signed', 'completed']),
        isNull(grants.scanPath),
      ),
    )
    .returning()
    .get();
}

export function tranchesOf(grantId: number, reader: Reader = db): GrantTranche[] {
  return reader
    .select()
    .from(grantTranches)
    .where(eq(grantTranches.grantId, grantId))
    .orderBy(asc(grantTranches.position))
    .all();
}

export function findTranche(trancheId: number, reader: Reader = db): GrantTranche | undefined {
  return reader.select().from(grantTranches).where(eq(grantTranches.id, trancheId)).get();
}

export function insertTranches(tx: Tx, values: (typeof grantTranches.$inferInsert)[]) {
  if (values.length === 0) return [];
  return tx.insert(grantTranches).values(values).returning().all();
}

/** A plan is replaced only before the first tranche is asked for; the caller checks that. */
export function deleteTranchesOf(tx: Tx, grantId: number) {
  tx.delete(grantTranches).where(eq(grantTranches.grantId, grantId)).run();
}

/** Sets a paid tranche's receipts verified, once. Undefined if they were already verified. */
export function markReceiptsVerified(
  tx: Tx,
  trancheId: number,
  staffId: number,
  now: Date,
): GrantTranche | undefined {
  return tx
    .update(grantTranches)
    .set({ receiptsVerifiedAt: now, receiptsVerifiedById: staffId })
    .where(and(eq(grantTranches.id, trancheId), sql`${grantTranches.receiptsVerifiedAt} is null`))
    .returning()
    .get();
}

export function tranchePlanTemplate(
  competitionId: number,
  reader: Reader = db,
): TrancheStep[] | undefined {
  return reader
    .select({ steps: competitionTranchePlans.steps })
    .from(competitionTranchePlans)
    .where(eq(competitionTranchePlans.competitionId, competitionId))
    .get()?.steps;
}

export function saveTranchePlanTemplate(tx: Tx, competitionId: number, steps: TrancheStep[]) {
  tx.insert(competitionTranchePlans)
    .values({ competitionId, steps })
    .onConflictDoUpdate({
      target: competitionTranchePlans.competitionId,
      set: { steps, updatedAt: new Date() },
    })
    .run();
}
