// Monitoring visits, their photos and the safeguarding flags they raise. The flags are written
// here and read only by staff code (safeguardingFlagsOfGrant); no facilitator or family query
// below touches that table.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { db, type Tx } from '~db/client';
import { applications } from '~db/schema/applications';
import { grants } from '~db/schema/grants';
import { householdMembers, households } from '~db/schema/households';
import {
  monitoringVisits,
  outcomePhotos,
  safeguardingFlags,
  type MonitoringVisit,
  type OutcomePhoto,
  type SafeguardingFlag,
} from '~db/schema/outcomes';
import { facilitatorLocalities, localities, userRoles, users, type User } from '~db/schema/people';
import type { VisitMonth } from '~/schemas/outcome-enums';

type Reader = typeof db | Tx;

/** Writes the grant's visit rows unless they exist (one per grant and month); returns the new. */
export function insertVisitsIfAbsent(
  tx: Tx,
  grantId: number,
  due: { month: VisitMonth; dueOn: string }[],
  now: Date,
): MonitoringVisit[] {
  return due.flatMap(({ month, dueOn }) => {
    const row = tx
      .insert(monitoringVisits)
      .values({ grantId, month, dueOn, status: 'due', createdAt: now, updatedAt: now })
      .onConflictDoNothing({ target: [monitoringVisits.grantId, monitoringVisits.month] })
      .returning()
      .get();
    return row ? [row] : [];
  });
}

export function findVisit(visitId: number, reader: Reader = db): MonitoringVisit | undefined {
  return reader.select().from(monitoringVisits).where(eq(monitoringVisits.id, visitId)).get();
}

export function visitsOfGrant(grantId: number, reader: Reader = db): MonitoringVisit[] {
  return reader
    .select()
    .from(monitoringVisits)
    .where(eq(monitoringVisits.grantId, grantId))
    .orderBy(asc(monitoringVisits.month))
    .all();
}

/**
 * Fills in a visit that is still due: one conditional update, so two people recording the same
 * visit at once cannot both do it. Undefined if it was already done.
 */
export function recordVisitRow(
  tx: Tx,
  visitId: number,
  values: Partial<typeof monitoringVisits.$inferInsert>,
): MonitoringVisit | undefined {
  return tx
    .update(monitoringVisits)
    .set({ ...values, status: 'done' })
    .where(and(eq(monitoringVisits.id, visitId), eq(monitoringVisits.status, 'due')))
    .returning()
    .get();
}

export function insertSafeguardingFlag(
  tx: Tx,
  values: typeof safeguardingFlags.$inferInsert,
): SafeguardingFlag {
  return tx.insert(safeguardingFlags).values(values).returning().get();
}

/** Staff only: the concerns raised about a grant, open ones first. */
export function safeguardingFlagsOfGrant(grantId: number, reader: Reader = db): SafeguardingFlag[] {
  return reader
    .select()
    .from(safeguardingFlags)
    .where(eq(safeguardingFlags.grantId, grantId))
    .orderBy(sql`${safeguardingFlags.resolvedAt} is not null`, asc(safeguardingFlags.createdAt))
    .all();
}

export function insertOutcomePhoto(
  tx: Tx,
  values: typeof outcomePhotos.$inferInsert,
): OutcomePhoto {
  return tx.insert(outcomePhotos).values(values).returning().get();
}

export function findOutcomePhoto(photoId: number, reader: Reader = db): OutcomePhoto | undefined {
  return reader.select().from(outcomePhotos).where(eq(outcomePhotos.id, photoId)).get();
}

export function photosOfVisit(visitId: number, reader: Reader = db): OutcomePhoto[] {
  return reader
    .select()
    .from(outcomePhotos)
    .where(eq(outcomePhotos.visitId, visitId))
    .orderBy(asc(outcomePhotos.id))
    .all();
}

/** The facilitators who work in a village, with an account still open: who visits its families. */
export function facilitatorsOfLocality(localityId: number, reader: Reader = db): User[] {
  return reader
    .select({ user: users })
    .from(facilitatorLocalities)
    .innerJoin(users, eq(users.id, facilitatorLocalities.userId))
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'facilitator')))
    .where(and(eq(facilitatorLocalities.localityId, localityId), isNull(users.disabledAt)))
    .orderBy(asc(users.id))
    .all()
    .map((r) => r.user);
}

export type VisitListState = 'due' | 'overdue' | 'done';

export type VisitListFilter = {
  /** A facilitator sees her villages only; null for staff (every village). */
  facilitatorId: number | null;
  localityId: number | null;
  state: VisitListState | null;
  /** Today on the programme's calendar, "YYYY-MM-DD": what is before it and due is overdue. */
  today: string;
  page: number;
  pageSize: number;
};

export type VisitListRow = {
  id: number;
  grantId: number;
  month: VisitMonth;
  dueOn: string;
  status: 'due' | 'done';
  visitedOn: string | null;
  applicationId: number;
  reference: string | null;
  localityId: number;
  localityKy: string;
  localityRu: string;
  localityEn: string;
  firstName: string | null;
  lastName: string | null;
};

/** The list's conditions: live grants, the facilitator's villages, the village and the state. */
function visitListWhere(filter: Omit<VisitListFilter, 'page' | 'pageSize'>) {
  const conditions = [sql`${grants.status} <> 'cancelled'`];
  if (filter.facilitatorId !== null)
    conditions.push(
      inArray(
        households.localityId,
        db
          .select({ id: facilitatorLocalities.localityId })
          .from(facilitatorLocalities)
          .where(eq(facilitatorLocalities.userId, filter.facilitatorId)),
      ),
    );
  if (filter.localityId !== null) conditions.push(eq(households.localityId, filter.localityId));
  if (filter.state === 'done') conditions.push(eq(monitoringVisits.status, 'done'));
  if (filter.state === 'due')
    conditions.push(
      and(eq(monitoringVisits.status, 'due'), sql`${monitoringVisits.dueOn} >= ${filter.today}`)!,
    );
  if (filter.state === 'overdue')
    conditions.push(
      and(eq(monitoringVisits.status, 'due'), sql`${monitoringVisits.dueOn} < ${filter.today}`)!,
    );
  return and(...conditions);
}

/** Overdue first, then the soonest due, then the done ones (latest due first). */
function visitListOrder(today: string) {
  const rank = sql`case when ${monitoringVisits.status} = 'done' then 2
    when ${monitoringVisits.dueOn} < ${today} then 0 else 1 end`;
  return [
    rank,
    sql`case when ${monitoringVisits.status} = 'done' then null else ${monitoringVisits.dueOn} end`,
    sql`${monitoringVisits.dueOn} desc`,
    asc(monitoringVisits.id),
  ] as const;
}

function visitListRowsQuery() {
  return db
    .select({
      id: monitoringVisits.id,
      grantId: monitoringVisits.grantId,
      month: monitoringVisits.month,
      dueOn: monitoringVisits.dueOn,
      status: monitoringVisits.status,
      visitedOn: monitoringVisits.visitedOn,
      applicationId: applications.id,
      reference: applications.reference,
      localityId: households.localityId,
      localityKy: localities.nameKy,
      localityRu: localities.nameRu,
      localityEn: localities.nameEn,
      firstName: householdMembers.firstName,
      lastName: householdMembers.lastName,
    })
    .from(monitoringVisits)
    .innerJoin(grants, eq(grants.id, monitoringVisits.grantId))
    .innerJoin(applications, eq(applications.id, grants.applicationId))
    .innerJoin(households, eq(households.id, applications.householdId))
    .innerJoin(localities, eq(localities.id, households.localityId))
    .leftJoin(householdMembers, eq(householdMembers.id, grants.beneficiaryMemberId));
}

/**
 * One page of visits, overdue first, then the soonest due, then the done ones (latest due
 * first). The filter and order are in the query; the (status, due_on) index serves each state's
 * filter and order, the join from the grant reaches the village. Cancelled grants are left out.
 */
export function listVisits(filter: VisitListFilter): { rows: VisitListRow[]; total: number } {
  const where = visitListWhere(filter);
  const rows = visitListRowsQuery()
    .where(where)
    .orderBy(...visitListOrder(filter.today))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .all() as VisitListRow[];
  return { rows, total: countVisitList(filter) };
}

/** How many visits the list shows for the filter. */
export function countVisitList(filter: Omit<VisitListFilter, 'page' | 'pageSize'>): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(monitoringVisits)
      .innerJoin(grants, eq(grants.id, monitoringVisits.grantId))
      .innerJoin(applications, eq(applications.id, grants.applicationId))
      .innerJoin(households, eq(households.id, applications.householdId))
      .where(visitListWhere(filter))
      .get()?.n ?? 0
  );
}

/** Every visit id of the list in its order (small: one number a row), for the exports. */
export function visitListIds(filter: Omit<VisitListFilter, 'page' | 'pageSize'>): number[] {
  return db
    .select({ id: monitoringVisits.id })
    .from(monitoringVisits)
    .innerJoin(grants, eq(grants.id, monitoringVisits.grantId))
    .innerJoin(applications, eq(applications.id, grants.applicationId))
    .innerJoin(households, eq(households.id, applications.householdId))
    .where(visitListWhere(filter))
    .orderBy(...visitListOrder(filter.today))
    .all()
    .map((r) => r.id);
}

/** The list rows of these visits, in the order of `ids`. */
export function visitListRowsOf(ids: readonly number[]): VisitListRow[] {
  if (ids.length === 0) return [];
  const byId = new Map(
    (
      visitListRowsQuery()
        .where(inArray(monitoringVisits.id, [...ids]))
        .all() as VisitListRow[]
    ).map((r) => [r.id, r]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}
