import { and, eq, gt, lte } from 'drizzle-orm';
import { db, writeTransaction } from '~db/client';
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
