// The lean reads a round's ranking needs at programme scale (10,000 applications × 3 jurors × 6
// criteria): only the numbers the order is computed from, a fingerprint that tells when any of
// them changed, and the facts of the few rows a page or an export batch shows.
import { and, eq, sql } from 'drizzle-orm';
import { db, preparedOnce, type Tx } from '~db/client';
import { applications } from '~db/schema/applications';
import { assignments, roundApplications, scoreItems, scores } from '~db/schema/jury';

type Reader = typeof db | Tx;

/** Every submitted point of the round's active assignments: four integers per row, nothing else. */
export function submittedPointsOfRound(roundId: number, reader: Reader = db) {
  return reader
    .select({
      applicationId: assignments.applicationId,
      jurorId: assignments.jurorId,
      criterionId: scoreItems.criterionId,
      points: scoreItems.points,
    })
    .from(assignments)
    .innerJoin(scores, eq(scores.assignmentId, assignments.id))
    .innerJoin(scoreItems, eq(scoreItems.scoreId, scores.id))
    .where(
      and(
        eq(assignments.roundId, roundId),
        eq(assignments.status, 'active'),
        eq(scores.status, 'submitted'),
      ),
    )
    .all();
}

/** The round's pool as the ranking orders it: each application with when it was submitted. */
export function poolOfRound(roundId: number, reader: Reader = db) {
  return reader
    .select({ id: applications.id, submittedAt: applications.submittedAt })
    .from(roundApplications)
    .innerJoin(applications, eq(applications.id, roundApplications.applicationId))
    .where(and(eq(roundApplications.roundId, roundId), sql`${applications.status} != 'draft'`))
    .orderBy(applications.id)
    .all();
}

/**
 * What the ranking is computed from, summed up in one short string: it changes whenever a score
 * is submitted or reopened, an assignment is recused, the pool or the round's settings change.
 * Two aggregate queries over indexed columns — cheap next to reading 180,000 score items.
 */
export function rankingFingerprint(roundId: number, reader: Reader = db): string {
  const scored = reader
    .select({
      count: sql<number>`count(*)`,
      ids: sql<number>`coalesce(sum(${scores.id}), 0)`,
      latest: sql<number>`coalesce(max(${scores.updatedAt}), 0)`,
    })
    .from(assignments)
    .innerJoin(scores, eq(scores.assignmentId, assignments.id))
    .where(
      and(
        eq(assignments.roundId, roundId),
        eq(assignments.status, 'active'),
        eq(scores.status, 'submitted'),
      ),
    )
    .get();
  const pool = reader
    .select({
      count: sql<number>`count(*)`,
      ids: sql<number>`coalesce(sum(${applications.id}), 0)`,
      submitted: sql<number>`coalesce(sum(${applications.submittedAt}), 0)`,
      drafts: sql<number>`coalesce(sum(${applications.status} = 'draft'), 0)`,
    })
    .from(roundApplications)
    .innerJoin(applications, eq(applications.id, roundApplications.applicationId))
    .where(eq(roundApplications.roundId, roundId))
    .get();
  return [
    scored?.count,
    scored?.ids,
    scored?.latest,
    pool?.count,
    pool?.ids,
    pool?.submitted,
    pool?.drafts,
  ].join(':');
}

/** Of these applications, those staff advanced from the round. */
const preparedAdvancedAmong = preparedOnce((connection) =>
  connection
    .select({ applicationId: roundApplications.applicationId })
    .from(roundApplications)
    .where(
      and(
        eq(roundApplications.roundId, sql.placeholder('roundId')),
        sql`${roundApplications.applicationId} in (select value from json_each(${sql.placeholder('ids')}))`,
        sql`${roundApplications.advancedAt} is not null`,
      ),
    )
    .prepare(),
);

/** Which of these applications the round has advanced (a page's worth; compiled once). */
export function advancedAmong(roundId: number, applicationIds: number[]) {
  if (applicationIds.length === 0) return new Set<number>();
  const rows = preparedAdvancedAmong().all({ roundId, ids: JSON.stringify(applicationIds) });
  return new Set(rows.map((r) => r.applicationId));
}

/** The round's applications whose reference or idea contains the text, whatever the case. */
export function roundApplicationsMatching(roundId: number, search: string, reader: Reader = db) {
  const pattern = `%${search.trim().toLowerCase()}%`;
  const rows = reader
    .select({ id: applications.id })
    .from(roundApplications)
    .innerJoin(applications, eq(applications.id, roundApplications.applicationId))
    .where(
      and(
        eq(roundApplications.roundId, roundId),
        sql`(fold(${applications.reference}) like ${pattern} or fold(${applications.title}) like ${pattern})`,
      ),
    )
    .all();
  return new Set(rows.map((r) => r.id));
}
