// Reads the screening pages need beyond the application's own models.
import { eq } from 'drizzle-orm';
import { db } from '~db/client';
import { householdConsents } from '~db/schema/households';
import { users } from '~db/schema/people';

/** The consent an application was entered under, with who recorded it. */
export function findConsentOnRecord(consentId: number) {
  return db
    .select({
      id: householdConsents.id,
      givenBy: householdConsents.givenBy,
      method: householdConsents.method,
      givenAt: householdConsents.givenAt,
      note: householdConsents.note,
      recordedByName: users.name,
    })
    .from(householdConsents)
    .innerJoin(users, eq(users.id, householdConsents.recordedById))
    .where(eq(householdConsents.id, consentId))
    .get();
}

/** A person's display name, or null when the account is gone. */
export function userName(userId: number | null): string | null {
  if (!userId) return null;
  return (
    db.select({ name: users.name }).from(users).where(eq(users.id, userId)).get()?.name ?? null
  );
}
