// The queries behind one round's staff page, each bounded by a page or an aggregate so that the
// page costs the same for 30 applications and for 10,000 (issue 9): a page of assigned
// applications with their assignments, a page of jurors with their load, and the counts.
import { and, asc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import { db, preparedOnce } from '~db/client';
import { applications } from '~db/schema/applications';
import { households } from '~db/schema/households';
import { assignments, roundApplications, roundJurors, scores } from '~db/schema/jury';
import { localities, users } from '~db/schema/people';

/** Applications with at least one active assignment in the round. */
export function countAssignedApplications(roundId: number): number {
  return (
    db
      .select({ n: sql<number>`count(distinct ${assignments.applicationId})` })
      .from(assignments)
      .where(and(eq(assignments.roundId, roundId), eq(assignments.status, 'active')))
      .get()?.n ?? 0
  );
}

/** What the round's tables show of an assigned application: its reference, idea and village. */
const assignedApplicationColumns = {
  id: applications.id,
  reference: applications.reference,
  title: applications.title,
  localityKy: localities.nameKy,
  localityRu: localities.nameRu,
  localityEn: localities.nameEn,
};

/**
 * One page of the round's applications with an active assignment, by reference. This query and
 * the next are compiled once (db/client.ts, preparedOnce): building them afresh cost more than
 * SQLite's reading a page of rows.
 */
const preparedAssignedApplicationPage = preparedOnce((connection) =>
  connection
    .select({ ...assignedApplicationColumns, status: applications.status })
    .from(applications)
    .innerJoin(households, eq(households.id, applications.householdId))
    .innerJoin(localities, eq(localities.id, households.localityId))
    .where(
      sql`exists (select 1 from assignments a where a.round_id = ${sql.placeholder('roundId')}
        and a.application_id = ${applications.id} and a.status = 'active')`,
    )
    .orderBy(asc(applications.reference))
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    .prepare(),
);

export function assignedApplicationPage(roundId: number, page: number, pageSize: number) {
  return preparedAssignedApplicationPage().all({
    roundId,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
}

const preparedAssignmentsOfApplications = preparedOnce((connection) =>
  connection
    .select({
      id: assignments.id,
      applicationId: assignments.applicationId,
      jurorId: assignments.jurorId,
      name: users.name,
      status: assignments.status,
      assignedById: assignments.assignedById,
      recusalReason: assignments.recusalReason,
      scoreStatus: scores.status,
      reopenReason: scores.reopenReason,
    })
    .from(assignments)
    .innerJoin(users, eq(users.id, assignments.jurorId))
    .leftJoin(scores, eq(scores.assignmentId, assignments.id))
    .where(
      and(
        eq(assignments.roundId, sql.placeholder('roundId')),
        sql`${assignments.applicationId} in (select value from json_each(${sql.placeholder('ids')}))`,
      ),
    )
    .orderBy(asc(users.name), asc(assignments.id))
    .prepare(),
);

/** The assignments (active and recused) of these applications in the round, with names and scores. */
export function assignmentsOfApplications(roundId: number, applicationIds: number[]) {
  if (applicationIds.length === 0) return [];
  return preparedAssignmentsOfApplications().all({ roundId, ids: JSON.stringify(applicationIds) });
}

export function countRoundJurors(roundId: number): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(roundJurors)
      .where(eq(roundJurors.roundId, roundId))
      .get()?.n ?? 0
  );
}

/**
 * Each juror's load in the round and how many of her scores are submitted, read from the
 * assignments' and scores' indexes alone (migration 0010). The round's jurors are few; the page's jurors
 * table and the round's totals both read from this.
 */
export function roundJurorLoads(
  roundId: number,
): Map<number, { assigned: number; submitted: number }> {
  const active = and(eq(assignments.roundId, roundId), eq(assignments.status, 'active'));
  const loads = new Map<number, { assigned: number; submitted: number }>();
  // Two index-only passes: an outer join to scores would read each score's row.
  for (const row of db
    .select({ jurorId: assignments.jurorId, n: sql<number>`count(*)` })
    .from(assignments)
    .where(active)
    .groupBy(assignments.jurorId)
    .all())
    loads.set(row.jurorId, { assigned: row.n, submitted: 0 });
  for (const row of db
    .select({ jurorId: assignments.jurorId, n: sql<number>`count(*)` })
    .from(assignments)
    .innerJoin(scores, and(eq(scores.assignmentId, assignments.id), eq(scores.status, 'submitted')))
    .where(active)
    .groupBy(assignments.jurorId)
    .all()) {
    const load = loads.get(row.jurorId);
    if (load) load.submitted = row.n;
  }
  return loads;
}

/** The round's totals from its jurors' loads, as `roundJurorLoadCounts` counts them. */
export function loadCountsOf(loads: Map<number, { assigned: number; submitted: number }>) {
  let assigned = 0;
  let submitted = 0;
  let pending = 0;
  for (const load of loads.values()) {
    assigned += load.assigned;
    submitted += load.submitted;
    if (load.submitted < load.assigned) pending += 1;
  }
  return { progress: { assigned, submitted }, assigned: loads.size, pending };
}

/**
 * One page of the round's jurors by name, each with her conflicts; her load and submitted
 * scores come from `roundJurorLoads`.
 */
const preparedJurorPage = preparedOnce((connection) =>
  connection
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      localityId: users.localityId,
      conflictsDeclaredAt: roundJurors.conflictsDeclaredAt,
      conflicts: sql<number>`(select count(*) from juror_conflicts c
        where c.competition_id = ${sql.placeholder('competitionId')} and c.juror_id = ${users.id})`,
    })
    .from(roundJurors)
    .innerJoin(users, eq(users.id, roundJurors.jurorId))
    .where(eq(roundJurors.roundId, sql.placeholder('roundId')))
    .orderBy(asc(users.name), asc(users.id))
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    .prepare(),
);

export function jurorPage(roundId: number, competitionId: number, page: number, pageSize: number) {
  return preparedJurorPage().all({
    roundId,
    competitionId,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
}

/**
 * In one pass over the round's active assignments: how many there are and how many have a
 * submitted score; the jurors with any of them, and those with scores still to submit.
 */
export function roundJurorLoadCounts(roundId: number) {
  const row = db
    .select({
      assignments: sql<number>`count(*)`,
      submitted: sql<number>`coalesce(sum(${scores.status} = 'submitted'), 0)`,
      assigned: sql<number>`count(distinct ${assignments.jurorId})`,
      pending: sql<number>`count(distinct case when ${scores.status} is null
        or ${scores.status} <> 'submitted' then ${assignments.jurorId} end)`,
    })
    .from(assignments)
    .leftJoin(scores, eq(scores.assignmentId, assignments.id))
    .where(and(eq(assignments.roundId, roundId), eq(assignments.status, 'active')))
    .get();
  return {
    progress: { assigned: row?.assignments ?? 0, submitted: row?.submitted ?? 0 },
    assigned: row?.assigned ?? 0,
    pending: row?.pending ?? 0,
  };
}

/** Applications of an opened round's pool that no active assignment covers. */
export function countUncoveredPool(roundId: number): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(roundApplications)
      .where(
        and(
          eq(roundApplications.roundId, roundId),
          sql`not exists (select 1 from assignments a where a.round_id = ${roundId}
            and a.application_id = ${roundApplications.applicationId} and a.status = 'active')`,
        ),
      )
      .get()?.n ?? 0
  );
}

/**
 * A draft round's pool, counted as `poolFor` lists it (round 1: the competition's eligible and
 * in-review applications; later rounds: those the previous round advanced), and how many of them
 * no active assignment of the round covers.
 */
export function countDraftPool(
  roundId: number,
  source: { competitionId: number } | { previousRoundId: number | null },
): { pool: number; uncovered: number } {
  const uncovered = (applicationId: SQL) =>
    sql<number>`coalesce(sum(not exists (select 1 from assignments a
      where a.round_id = ${roundId} and a.application_id = ${applicationId}
        and a.status = 'active')), 0)`;
  if ('competitionId' in source) {
    const row = db
      .select({ pool: sql<number>`count(*)`, uncovered: uncovered(sql`${applications.id}`) })
      .from(applications)
      .where(
        and(
          eq(applications.competitionId, source.competitionId),
          inArray(applications.status, ['eligible', 'in-review']),
        ),
      )
      .get();
    return { pool: row?.pool ?? 0, uncovered: row?.uncovered ?? 0 };
  }
  if (source.previousRoundId === null) return { pool: 0, uncovered: 0 };
  const row = db
    .select({
      pool: sql<number>`count(*)`,
      uncovered: uncovered(sql`${roundApplications.applicationId}`),
    })
    .from(roundApplications)
    .where(
      and(
        eq(roundApplications.roundId, source.previousRoundId),
        isNotNull(roundApplications.advancedAt),
      ),
    )
    .get();
  return { pool: row?.pool ?? 0, uncovered: row?.uncovered ?? 0 };
}

/**
 * The round's applications with an active assignment after (`reference`, `id`), by reference as
 * the page lists them: one keyset batch of the assignment table's download.
 */
export function assignedApplicationsAfter(
  roundId: number,
  after: { reference: string; id: number } | null,
  limit: number,
) {
  const key = sql`coalesce(${applications.reference}, '')`;
  return db
    .select(assignedApplicationColumns)
    .from(applications)
    .innerJoin(households, eq(households.id, applications.householdId))
    .innerJoin(localities, eq(localities.id, households.localityId))
    .where(
      and(
        sql`exists (select 1 from assignments a where a.round_id = ${roundId}
          and a.application_id = ${applications.id} and a.status = 'active')`,
        after ? sql`(${key}, ${applications.id}) > (${after.reference}, ${after.id})` : undefined,
      ),
    )
    .orderBy(asc(key), asc(applications.id))
    .limit(limit)
    .all();
}
