// A grant's baseline: the household's starting point (one row per grant).
import { and, eq, sql } from 'drizzle-orm';
import { db, type Tx } from '~db/client';
import { grantBaselines, monitoringVisits, type GrantBaseline } from '~db/schema/outcomes';

type Reader = typeof db | Tx;

export function findBaseline(grantId: number, reader: Reader = db): GrantBaseline | undefined {
  return reader.select().from(grantBaselines).where(eq(grantBaselines.grantId, grantId)).get();
}

export type BaselineValues = Omit<typeof grantBaselines.$inferInsert, 'createdAt' | 'updatedAt'> & {
  grantId: number;
};

export function insertBaseline(tx: Tx, values: BaselineValues): GrantBaseline {
  return tx.insert(grantBaselines).values(values).returning().get();
}

export function updateBaseline(tx: Tx, values: BaselineValues): GrantBaseline {
  return tx
    .update(grantBaselines)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(grantBaselines.grantId, values.grantId))
    .returning()
    .get();
}

/** Whether any monitoring visit of the grant is recorded (the baseline is then fixed). */
export function hasRecordedVisit(grantId: number, reader: Reader = db): boolean {
  const row = reader
    .select({ n: sql<number>`count(*)` })
    .from(monitoringVisits)
    .where(and(eq(monitoringVisits.grantId, grantId), eq(monitoringVisits.status, 'done')))
    .get();
  return (row?.n ?? 0) > 0;
}
