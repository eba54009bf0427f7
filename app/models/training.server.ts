import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  gte,
  inArray,
  isNull,
  lt,
  ne,
  sql,
  type Placeholder,
} from 'drizzle-orm';
import { db, preparedOnce, preparedPerLimit, type Tx } from '~db/client';
import { consultationBookings } from '~db/schema/consultations';
import { householdMembers, households } from '~db/schema/households';
import { localities } from '~db/schema/people';
import { trainingAttendance, trainingSessions, type TrainingSession } from '~db/schema/training';
import type { TrainingTopic } from '~/schemas/enums';
import { inFacilitatorLocalities } from './user.server';

type Reader = typeof db | Tx;

export type SessionValues = Pick<
  typeof trainingSessions.$inferInsert,
  'topic' | 'startsAt' | 'minutes' | 'place' | 'localityId' | 'trainerName'
>;

export function findSession(sessionId: number, reader: Reader = db): TrainingSession | undefined {
  return reader.select().from(trainingSessions).where(eq(trainingSessions.id, sessionId)).get();
}

export function insertSession(
  tx: Tx,
  values: SessionValues & { createdById: number },
): TrainingSession {
  return tx.insert(trainingSessions).values(values).returning().get();
}

export function updateSessionRow(
  tx: Tx,
  sessionId: number,
  values: Partial<SessionValues> & { status?: TrainingSession['status'] },
): TrainingSession {
  return tx
    .update(trainingSessions)
    .set(values)
    .where(eq(trainingSessions.id, sessionId))
    .returning()
    .get();
}

/** How many roll-call rows a session has (present or absent). */
export function attendanceCount(sessionId: number, reader: Reader = db): number {
  return (
    reader
      .select({ n: count() })
      .from(trainingAttendance)
      .where(eq(trainingAttendance.sessionId, sessionId))
      .get()?.n ?? 0
  );
}

export type SessionFilter = {
  localityId?: number;
  topic?: TrainingTopic;
  /** Sessions starting at or after this instant. */
  from?: Date;
  /** Sessions starting before this instant. */
  to?: Date;
};

/**
 * One page of sessions, newest first; `facilitatorId` limits them to her localities (staff pass
 * null). The filter and the order are in SQL, behind the locality/start index.
 */
export function listSessions(
  scope: { facilitatorId: number | null },
  filter: SessionFilter,
  page: { limit: number; offset: number },
) {
  const where = and(
    scope.facilitatorId === null
      ? undefined
      : inFacilitatorLocalities(trainingSessions.localityId, scope.facilitatorId),
    filter.localityId ? eq(trainingSessions.localityId, filter.localityId) : undefined,
    filter.topic ? eq(trainingSessions.topic, filter.topic) : undefined,
    filter.from ? gte(trainingSessions.startsAt, filter.from) : undefined,
    filter.to ? lt(trainingSessions.startsAt, filter.to) : undefined,
  );
  const total = db.select({ n: count() }).from(trainingSessions).where(where).get()?.n ?? 0;
  const rows = db
    .select({
      id: trainingSessions.id,
      topic: trainingSessions.topic,
      startsAt: trainingSessions.startsAt,
      minutes: trainingSessions.minutes,
      place: trainingSessions.place,
      trainerName: trainingSessions.trainerName,
      status: trainingSessions.status,
      localityId: trainingSessions.localityId,
      localityKy: localities.nameKy,
      localityRu: localities.nameRu,
      localityEn: localities.nameEn,
      present: sql<number>`(select count(*) from ${trainingAttendance} where ${trainingAttendance.sessionId} = ${trainingSessions.id} and ${trainingAttendance.present} = 1)`,
    })
    .from(trainingSessions)
    .innerJoin(localities, eq(localities.id, trainingSessions.localityId))
    .where(where)
    .orderBy(desc(trainingSessions.startsAt), desc(trainingSessions.id))
    .limit(page.limit)
    .offset(page.offset)
    .all();
  return { total, rows };
}

/** Households of a locality that a roll call lists (anonymised ones are gone from the programme). */
function rollCallHouseholds(localityId: number) {
  return and(eq(households.localityId, localityId), isNull(households.anonymisedAt));
}

/**
 * One page of the roll call: households of the session's locality (by id, so the order is
 * stable), each with its members and what was recorded for them at this session.
 */
export function rollCallPage(
  session: Pick<TrainingSession, 'id' | 'localityId'>,
  page: { limit: number; offset: number },
) {
  const where = rollCallHouseholds(session.localityId);
  const total = db.select({ n: count() }).from(households).where(where).get()?.n ?? 0;
  const householdRows = db
    .select({ id: households.id, address: households.address })
    .from(households)
    .where(where)
    .orderBy(asc(households.id))
    .limit(page.limit)
    .offset(page.offset)
    .all();
  const ids = householdRows.map((h) => h.id);
  const members = ids.length
    ? db
        .select({
          id: householdMembers.id,
          householdId: householdMembers.householdId,
          firstName: householdMembers.firstName,
          lastName: householdMembers.lastName,
          relation: householdMembers.relation,
          birthYear: householdMembers.birthYear,
          present: trainingAttendance.present,
        })
        .from(householdMembers)
        .leftJoin(
          trainingAttendance,
          and(
            eq(trainingAttendance.memberId, householdMembers.id),
            eq(trainingAttendance.sessionId, session.id),
          ),
        )
        .where(inArray(householdMembers.householdId, ids))
        .orderBy(asc(householdMembers.position), asc(householdMembers.id))
        .all()
    : [];
  return {
    total,
    households: householdRows.map((h) => ({
      ...h,
      members: members.filter((m) => m.householdId === h.id),
    })),
  };
}

/** The members (with their household) among `memberIds` who live in the locality today. */
export function membersInLocality(
  memberIds: number[],
  localityId: number,
  reader: Reader = db,
): { id: number; householdId: number }[] {
  if (memberIds.length === 0) return [];
  return reader
    .select({ id: householdMembers.id, householdId: householdMembers.householdId })
    .from(householdMembers)
    .innerJoin(households, eq(households.id, householdMembers.householdId))
    .where(and(inArray(householdMembers.id, memberIds), rollCallHouseholds(localityId)))
    .all();
}

export function attendanceOf(sessionId: number, memberIds: number[], reader: Reader = db) {
  if (memberIds.length === 0) return [];
  return reader
    .select({ memberId: trainingAttendance.memberId, present: trainingAttendance.present })
    .from(trainingAttendance)
    .where(
      and(
        eq(trainingAttendance.sessionId, sessionId),
        inArray(trainingAttendance.memberId, memberIds),
      ),
    )
    .all();
}

/** Writes the roll call for these members: a second identical post changes nothing. */
export function upsertAttendance(
  tx: Tx,
  rows: {
    sessionId: number;
    memberId: number;
    householdId: number;
    present: boolean;
    recordedById: number;
    recordedAt: Date;
  }[],
) {
  for (const row of rows) {
    tx.insert(trainingAttendance)
      .values(row)
      .onConflictDoUpdate({
        target: [trainingAttendance.sessionId, trainingAttendance.memberId],
        set: {
          present: row.present,
          householdId: row.householdId,
          recordedById: row.recordedById,
          recordedAt: row.recordedAt,
        },
      })
      .run();
  }
}

const presentSessionsCount = (reader: Reader, memberId: number | Placeholder) =>
  reader
    .select({ n: count() })
    .from(trainingAttendance)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingAttendance.sessionId))
    .where(
      and(
        eq(trainingAttendance.memberId, memberId),
        eq(trainingAttendance.present, true),
        ne(trainingSessions.status, 'cancelled'),
      ),
    );
// The review step and the submit check count them on every view: compiled once.
const preparedPresentSessionsCount = preparedOnce((c) =>
  presentSessionsCount(c, sql.placeholder('memberId')).prepare(),
);

/**
 * Sessions the member was marked present at; a cancelled session was not held, so it does not
 * count even if someone took a roll call before cancelling it.
 */
export function countPresentSessions(memberId: number, reader: Reader = db): number {
  const row =
    reader === db
      ? preparedPresentSessionsCount().get({ memberId })
      : presentSessionsCount(reader, memberId).get();
  return row?.n ?? 0;
}

const attendedConsultationsCount = (reader: Reader, householdId: number | Placeholder) =>
  reader
    .select({ n: count() })
    .from(consultationBookings)
    .where(
      and(
        eq(consultationBookings.householdId, householdId),
        eq(consultationBookings.attendance, 'attended'),
        ne(consultationBookings.status, 'cancelled'),
      ),
    );
const preparedAttendedConsultationsCount = preparedOnce((c) =>
  attendedConsultationsCount(c, sql.placeholder('householdId')).prepare(),
);

/** Consultations the household attended (the consultant recorded it), whatever application. */
export function countAttendedConsultations(householdId: number, reader: Reader = db): number {
  const row =
    reader === db
      ? preparedAttendedConsultationsCount().get({ householdId })
      : attendedConsultationsCount(reader, householdId).get();
  return row?.n ?? 0;
}

const sessionColumns = {
  id: trainingSessions.id,
  topic: trainingSessions.topic,
  startsAt: trainingSessions.startsAt,
  minutes: trainingSessions.minutes,
  place: trainingSessions.place,
  trainerName: trainingSessions.trainerName,
  localityKy: localities.nameKy,
  localityRu: localities.nameRu,
  localityEn: localities.nameEn,
};

/** The next scheduled sessions in a locality, soonest first. */
export function upcomingSessionsIn(localityId: number, now: Date, limit: number) {
  // A placeholder compared with gt() is bound as given, so the instant goes in as stored.
  return preparedUpcomingSessions(limit).all({
    localityId,
    now: trainingSessions.startsAt.mapToDriverValue(now),
  });
}
// Shown on the family's home and application page: compiled once.
const preparedUpcomingSessions = preparedPerLimit((c, limit) =>
  c
    .select(sessionColumns)
    .from(trainingSessions)
    .innerJoin(localities, eq(localities.id, trainingSessions.localityId))
    .where(
      and(
        eq(trainingSessions.localityId, sql.placeholder('localityId')),
        eq(trainingSessions.status, 'scheduled'),
        gt(trainingSessions.startsAt, sql.placeholder('now')),
      ),
    )
    .orderBy(asc(trainingSessions.startsAt), asc(trainingSessions.id))
    .limit(limit)
    .prepare(),
);

/** Sessions at which someone of the household was marked present, newest first, with who. */
export function attendedSessionsOfHousehold(householdId: number, limit: number) {
  return preparedAttendedSessions(limit).all({ householdId });
}
const preparedAttendedSessions = preparedPerLimit((c, limit) =>
  c
    .select({
      ...sessionColumns,
      memberId: trainingAttendance.memberId,
      firstName: householdMembers.firstName,
      lastName: householdMembers.lastName,
    })
    .from(trainingAttendance)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingAttendance.sessionId))
    .innerJoin(localities, eq(localities.id, trainingSessions.localityId))
    .innerJoin(householdMembers, eq(householdMembers.id, trainingAttendance.memberId))
    .where(
      and(
        eq(trainingAttendance.householdId, sql.placeholder('householdId')),
        eq(trainingAttendance.present, true),
        ne(trainingSessions.status, 'cancelled'),
      ),
    )
    .orderBy(desc(trainingSessions.startsAt), asc(householdMembers.position))
    .limit(limit)
    .prepare(),
);
