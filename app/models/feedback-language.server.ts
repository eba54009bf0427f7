import { eq, inArray } from 'drizzle-orm';
import { db } from '~db/client';
import { applications } from '~db/schema/applications';
import { households } from '~db/schema/households';
import { users } from '~db/schema/people';

/** For each application: its feedback's language and the language of the family's account. */
export function feedbackLocaleRows(applicationIds: number[]) {
  if (applicationIds.length === 0) return [];
  return db
    .select({
      applicationId: applications.id,
      feedback: applications.feedback,
      feedbackLocale: applications.feedbackLocale,
      familyLocale: users.locale,
    })
    .from(applications)
    .innerJoin(households, eq(households.id, applications.householdId))
    .leftJoin(users, eq(users.id, households.userId))
    .where(inArray(applications.id, applicationIds))
    .all();
}
