import { and, asc, eq, inArray, isNotNull, sql, type Placeholder } from 'drizzle-orm';
import { db, preparedOnce, type Tx } from '~db/client';
import { applications } from '~db/schema/applications';
import { households } from '~db/schema/households';
import {
  assignments,
  jurorConflicts,
  roundApplications,
  roundCriteria,
  roundJurors,
  rounds,
  scoreItems,
  scores,
  type Round,
  type RoundCriterion,
} from '~db/schema/jury';
import { userRoles, users } from '~db/schema/people';

type Reader = typeof db | Tx;

const roundById = (reader: Reader, roundId: number | Placeholder) =>
  reader.select().from(rounds).where(eq(rounds.id, roundId));
const preparedRound = preparedOnce((c) => roundById(c, sql.placeholder('roundId')).prepare());

export function findRound(roundId: number, reader: Reader = db): Round | undefined {
  return reader === db ? preparedRound().get({ roundId }) : roundById(reader, roundId).get();
}

const roundsOf = (reader: Reader, competitionId: number | Placeholder) =>
  reader
    .select()
    .from(rounds)
    .where(eq(rounds.competitionId, competitionId))
    .orderBy(asc(rounds.number));
const preparedRounds = preparedOnce((c) => roundsOf(c, sql.placeholder('competitionId')).prepare());

export function roundsOfCompetition(competitionId: number, reader: Reader = db): Round[] {
  return reader === db
    ? preparedRounds().all({ competitionId })
    : roundsOf(reader, competitionId).all();
}

export function insertRound(tx: Tx, values: typeof rounds.$inferInsert): Round {
  return tx.insert(rounds).values(values).returning().get();
}

export function updateRoundRow(
  tx: Tx,
  roundId: number,
  values: Partial<typeof rounds.$inferInsert>,
): Round {
  const row = tx.update(rounds).set(values).where(eq(rounds.id, roundId)).returning().get();
  if (!row) throw new Error(`round ${roundId} not found`);
  return row;
}

export function criteriaOf(roundId: number, reader: Reader = db): RoundCriterion[] {
  return reader
    .select()
    .from(roundCriteria)
    .where(eq(roundCriteria.roundId, roundId))
    .orderBy(asc(roundCriteria.position))
    .all();
}

export function replaceCriteria(
  tx: Tx,
  roundId: number,
  criteria: Omit<typeof roundCriteria.$inferInsert, 'roundId' | 'position'>[],
) {
  tx.delete(roundCriteria).where(eq(roundCriteria.roundId, roundId)).run();
  if (criteria.length > 0) {
    tx.insert(roundCriteria)
      .values(criteria.map((criterion, position) => ({ ...criterion, roundId, position })))
      .run();
  }
}

/** The round's jurors, with what assignment needs (their locality) and their declaration. */
export function jurorsOfRound(roundId: number, reader: Reader = db) {
  return reader
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      locale: users.locale,
      localityId: users.localityId,
      conflictsDeclaredAt: roundJurors.conflictsDeclaredAt,
    })
    .from(roundJurors)
    .innerJoin(users, eq(users.id, roundJurors.jurorId))
    .where(eq(roundJurors.roundId, roundId))
    .orderBy(asc(users.name), asc(users.id))
    .all();
}

export function isJurorOfRound(roundId: number, jurorId: number, reader: Reader = db): boolean {
  return Boolean(
    reader
      .select({ one: sql`1` })
      .from(roundJurors)
      .where(and(eq(roundJurors.roundId, roundId), eq(roundJurors.jurorId, jurorId)))
      .get(),
  );
}

export function setRoundJurorRows(tx: Tx, roundId: number, jurorIds: number[]) {
  const current = tx.select().from(roundJurors).where(eq(roundJurors.roundId, roundId)).all();
  const keep = new Set(jurorIds);
  const gone = current.filter((row) => !keep.has(row.jurorId)).map((row) => row.jurorId);
  if (gone.length > 0) {
    tx.delete(roundJurors)
      .where(and(eq(roundJurors.roundId, roundId), inArray(roundJurors.jurorId, gone)))
      .run();
  }
  const have = new Set(current.map((row) => row.jurorId));
  const added = jurorIds.filter((id) => !have.has(id));
  if (added.length > 0)
    tx.insert(roundJurors)
      .values(added.map((jurorId) => ({ roundId, jurorId })))
      .run();
}

export function markConflictsDeclared(tx: Tx, roundId: number, jurorId: number, at: Date) {
  tx.update(roundJurors)
    .set({ conflictsDeclaredAt: at })
    .where(and(eq(roundJurors.roundId, roundId), eq(roundJurors.jurorId, jurorId)))
    .run();
}

/** Every account holding the juror role, to pick a round's jurors from. */
export function listJurorAccounts() {
  return db
    .select({ id: users.id, name: users.name, email: users.email, localityId: users.localityId })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'juror')))
    .where(sql`${users.disabledAt} is null`)
    .orderBy(asc(users.name))
    .all();
}

export function roundApplicationRows(roundId: number, reader: Reader = db) {
  return reader
    .select()
    .from(roundApplications)
    .where(eq(roundApplications.roundId, roundId))
    .all();
}

export function setRoundPool(tx: Tx, roundId: number, applicationIds: number[]) {
  tx.delete(roundApplications).where(eq(roundApplications.roundId, roundId)).run();
  for (const batch of inBatches(applicationIds)) {
    tx.insert(roundApplications)
      .values(batch.map((applicationId) => ({ roundId, applicationId })))
      .run();
  }
}

export function markAdvanced(tx: Tx, roundId: number, applicationIds: number[], at: Date) {
  for (const batch of inBatches(applicationIds)) {
    tx.update(roundApplications)
      .set({ advancedAt: at })
      .where(
        and(
          eq(roundApplications.roundId, roundId),
          inArray(roundApplications.applicationId, batch),
        ),
      )
      .run();
  }
}

export function advancedFrom(roundId: number, reader: Reader = db): number[] {
  return reader
    .select({ id: roundApplications.applicationId })
    .from(roundApplications)
    .where(and(eq(roundApplications.roundId, roundId), isNotNull(roundApplications.advancedAt)))
    .all()
    .map((r) => r.id);
}

/** What assignment needs to know of each application: its household and locality. */
export function assignmentFacts(applicationIds: number[], reader: Reader = db) {
  return inBatches(applicationIds).flatMap((batch) =>
    reader
      .select({
        id: applications.id,
        householdId: applications.householdId,
        localityId: households.localityId,
      })
      .from(applications)
      .innerJoin(households, eq(households.id, applications.householdId))
      .where(inArray(applications.id, batch))
      .all(),
  );
}

export function conflictsOfCompetition(competitionId: number, reader: Reader = db) {
  return reader
    .select()
    .from(jurorConflicts)
    .where(eq(jurorConflicts.competitionId, competitionId))
    .all();
}

/** Whether the juror declared she knows this household in the competition (one primary-key read). */
export function hasJurorConflict(
  competitionId: number,
  jurorId: number,
  householdId: number,
  reader: Reader = db,
): boolean {
  return Boolean(
    reader
      .select({ one: sql<number>`1` })
      .from(jurorConflicts)
      .where(
        and(
          eq(jurorConflicts.competitionId, competitionId),
          eq(jurorConflicts.jurorId, jurorId),
          eq(jurorConflicts.householdId, householdId),
        ),
      )
      .get(),
  );
}

export function replaceJurorConflicts(
  tx: Tx,
  competitionId: number,
  jurorId: number,
  householdIds: number[],
) {
  tx.delete(jurorConflicts)
    .where(
      and(eq(jurorConflicts.competitionId, competitionId), eq(jurorConflicts.jurorId, jurorId)),
    )
    .run();
  if (householdIds.length > 0) {
    tx.insert(jurorConflicts)
      .values(householdIds.map((householdId) => ({ competitionId, jurorId, householdId })))
      .run();
  }
}

export function assignmentsOfRound(roundId: number, reader: Reader = db) {
  return reader.select().from(assignments).where(eq(assignments.roundId, roundId)).all();
}

export function findAssignment(assignmentId: number, reader: Reader = db) {
  return reader.select().from(assignments).where(eq(assignments.id, assignmentId)).get();
}

export function insertAssignmentRows(
  tx: Tx,
  rows: { roundId: number; applicationId: number; jurorId: number; assignedById: number | null }[],
) {
  for (const batch of inBatches(rows)) tx.insert(assignments).values(batch).run();
}

/**
 * Long lists go to SQL in batches: one INSERT of 30,000 assignments overflowed drizzle's query
 * builder (Maximum call stack size exceeded). The batches still run in the caller's transaction.
 */
function inBatches<T>(items: T[], size = 500): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    batches.push(items.slice(start, start + size));
  return batches;
}

export function updateAssignmentRow(
  tx: Tx,
  assignmentId: number,
  values: Partial<typeof assignments.$inferInsert>,
) {
  tx.update(assignments).set(values).where(eq(assignments.id, assignmentId)).run();
}

export function deleteAssignmentsOfRound(tx: Tx, roundId: number) {
  tx.delete(assignments).where(eq(assignments.roundId, roundId)).run();
}

export function scoresOfRound(roundId: number, reader: Reader = db) {
  return reader
    .select({
      scoreId: scores.id,
      assignmentId: assignments.id,
      applicationId: assignments.applicationId,
      jurorId: assignments.jurorId,
      assignmentStatus: assignments.status,
      status: scores.status,
      submittedAt: scores.submittedAt,
    })
    .from(scores)
    .innerJoin(assignments, eq(assignments.id, scores.assignmentId))
    .where(eq(assignments.roundId, roundId))
    .all();
}

export function scoreOfAssignment(assignmentId: number, reader: Reader = db) {
  return reader.select().from(scores).where(eq(scores.assignmentId, assignmentId)).get();
}

export function itemsOfScore(scoreId: number, reader: Reader = db) {
  return reader.select().from(scoreItems).where(eq(scoreItems.scoreId, scoreId)).all();
}

export function upsertScoreRow(
  tx: Tx,
  assignmentId: number,
  values: Partial<typeof scores.$inferInsert>,
) {
  const existing = scoreOfAssignment(assignmentId, tx);
  if (existing) {
    return tx.update(scores).set(values).where(eq(scores.id, existing.id)).returning().get()!;
  }
  return tx
    .insert(scores)
    .values({ ...values, assignmentId })
    .returning()
    .get();
}

/** Removes a score with its items (a draft left behind when its assignment changes hands). */
export function deleteScore(tx: Tx, scoreId: number) {
  tx.delete(scores).where(eq(scores.id, scoreId)).run();
}

export function replaceScoreItems(
  tx: Tx,
  scoreId: number,
  items: { criterionId: number; points: number | null; comment: string }[],
) {
  tx.delete(scoreItems).where(eq(scoreItems.scoreId, scoreId)).run();
  if (items.length > 0)
    tx.insert(scoreItems)
      .values(items.map((item) => ({ ...item, scoreId })))
      .run();
}

/** How many applications the round scores (its pool once assigned). */
export function countRoundPool(roundId: number, reader: Reader = db): number {
  return (
    reader
      .select({ n: sql<number>`count(*)` })
      .from(roundApplications)
      .where(eq(roundApplications.roundId, roundId))
      .get()?.n ?? 0
  );
}

/** Active assignments of the round and how many of them have a submitted score: one aggregate. */
export function roundProgressCounts(
  roundId: number,
  reader: Reader = db,
): { assigned: number; submitted: number } {
  const row = reader
    .select({
      assigned: sql<number>`count(*)`,
      submitted: sql<number>`coalesce(sum(case when ${scores.status} = 'submitted' then 1 else 0 end), 0)`,
    })
    .from(assignments)
    .leftJoin(scores, eq(scores.assignmentId, assignments.id))
    .where(and(eq(assignments.roundId, roundId), eq(assignments.status, 'active')))
    .get();
  return { assigned: row?.assigned ?? 0, submitted: row?.submitted ?? 0 };
}
