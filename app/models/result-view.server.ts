// What the result pages read beyond the decisions service: who can help a family in her village,
// and the history a family's page shows.
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { db } from '~db/client';
import { applicationStatusHistory } from '~db/schema/applications';
import { facilitatorLocalities, userRoles, users } from '~db/schema/people';
import type { ApplicationStatus } from '~/schemas/enums';

/** The facilitators working in a locality (active accounts): the family's first help. */
export function facilitatorsOfLocality(localityId: number) {
  return db
    .select({ id: users.id, name: users.name, phone: users.phone })
    .from(facilitatorLocalities)
    .innerJoin(users, eq(users.id, facilitatorLocalities.userId))
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'facilitator')))
    .where(and(eq(facilitatorLocalities.localityId, localityId), isNull(users.disabledAt)))
    .orderBy(asc(users.name))
    .all();
}

/** Who made the application's last change into `toStatus` (e.g. who gave up an award). */
export function lastStatusChangeBy(applicationId: number, toStatus: ApplicationStatus) {
  return (
    db
      .select({ changedById: applicationStatusHistory.changedById })
      .from(applicationStatusHistory)
      .where(
        and(
          eq(applicationStatusHistory.applicationId, applicationId),
          eq(applicationStatusHistory.toStatus, toStatus),
        ),
      )
      .orderBy(desc(applicationStatusHistory.id))
      .get()?.changedById ?? null
  );
}
