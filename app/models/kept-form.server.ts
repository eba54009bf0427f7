import { and, eq, gt, lte } from 'drizzle-orm';
import { db, writeTransaction, type Tx } from '~db/client';
import { keptForms } from '~db/schema/auth';

export function insertKeptForm(values: {
  id: string;
  userId: number;
  payload: string;
  expiresAt: Date;
}) {
  const now = new Date();
  writeTransaction((tx) => {
    // Old kept forms go as new ones come: nothing lingers past its day.
    tx.delete(keptForms).where(lte(keptForms.expiresAt, now)).run();
    tx.insert(keptForms)
      .values({ ...values, createdAt: now })
      .run();
  });
}

/** Her kept form, if it is hers and still within its day. */
export function findKeptForm(id: string, userId: number, now = new Date()) {
  return db
    .select()
    .from(keptForms)
    .where(and(eq(keptForms.id, id), eq(keptForms.userId, userId), gt(keptForms.expiresAt, now)))
    .get();
}

export function deleteKeptForm(id: string, userId: number) {
  db.delete(keptForms)
    .where(and(eq(keptForms.id, id), eq(keptForms.userId, userId)))
    .run();
}

export function deleteKeptFormsOfUser(userId: number) {
  db.delete(keptForms).where(eq(keptForms.userId, userId)).run();
}

/** Writes a kept form under its id, replacing one already there (a draft saved again). */
export function replaceKeptForm(
  tx: Tx,
  values: { id: string; userId: number; payload: string; expiresAt: Date },
  now = new Date(),
) {
  tx.delete(keptForms).where(eq(keptForms.id, values.id)).run();
  tx.insert(keptForms)
    .values({ ...values, createdAt: now })
    .run();
}

/** Drops a kept form inside the caller's transaction (a draft once the visit is recorded). */
export function deleteKeptFormIn(tx: Tx, id: string) {
  tx.delete(keptForms).where(eq(keptForms.id, id)).run();
}
