import { and, asc, desc, eq, gt, inArray, sql, type Placeholder } from 'drizzle-orm';
import { db, preparedOnce, untilWritten, type Tx } from '~db/client';
import { applications } from '~db/schema/applications';
import {
  competitionLocalities,
  competitions,
  type Competition,
  type NewCompetition,
} from '~db/schema/competitions';
import { localities } from '~db/schema/people';
import type { CompetitionStatus } from '~/schemas/enums';

type Reader = typeof db | Tx;

const competitionById = (reader: Reader, competitionId: number | Placeholder) =>
  reader.select().from(competitions).where(eq(competitions.id, competitionId));
const preparedCompetition = preparedOnce((c) =>
  competitionById(c, sql.placeholder('competitionId')).prepare(),
);

export function findCompetition(
  competitionId: number,
  reader: Reader = db,
): Competition | undefined {
  return reader === db
    ? preparedCompetition().get({ competitionId })
    : competitionById(reader, competitionId).get();
}

/**
 * Competitions open for applications and not past their deadline, the nearest deadline first
 * (then as listCompetitions orders them). The status may still say open after closesAt until
 * staff move it on; the deadline decides.
 */
export function openCompetitionsAt(now: Date): Competition[] {
  return preparedOpenCompetitions().all({ now: competitions.closesAt.mapToDriverValue(now) });
}
// The family's home and the public list ask on every view: compiled once. A placeholder compared
// with gt() is bound as given, so the instant goes in as stored.
const preparedOpenCompetitions = preparedOnce((c) =>
  c
    .select()
    .from(competitions)
    .where(and(eq(competitions.status, 'open'), gt(competitions.closesAt, sql.placeholder('now'))))
    .orderBy(asc(competitions.closesAt), desc(competitions.opensAt), desc(competitions.id))
    .prepare(),
);

export function listCompetitions(filter: { statuses?: CompetitionStatus[] } = {}) {
  return db
    .select()
    .from(competitions)
    .where(filter.statuses ? inArray(competitions.status, filter.statuses) : undefined)
    .orderBy(desc(competitions.opensAt), desc(competitions.id))
    .all();
}

const localitiesOf = (reader: Reader, competitionId: number | Placeholder) =>
  reader
    .select({
      localityId: competitionLocalities.localityId,
      quota: competitionLocalities.quota,
      code: localities.code,
      nameKy: localities.nameKy,
      nameRu: localities.nameRu,
      nameEn: localities.nameEn,
    })
    .from(competitionLocalities)
    .innerJoin(localities, eq(localities.id, competitionLocalities.localityId))
    .where(eq(competitionLocalities.competitionId, competitionId))
    .orderBy(asc(localities.code));
const preparedLocalities = preparedOnce((c) =>
  localitiesOf(c, sql.placeholder('competitionId')).prepare(),
);

/** The competition's localities with their names and quotas. */
export function competitionLocalityRows(competitionId: number, reader: Reader = db) {
  return reader === db
    ? preparedLocalities().all({ competitionId })
    : localitiesOf(reader, competitionId).all();
}

export function insertCompetition(tx: Tx, values: NewCompetition): Competition {
  return tx.insert(competitions).values(values).returning().get();
}

export function updateCompetitionRow(
  tx: Tx,
  competitionId: number,
  values: Partial<NewCompetition>,
): Competition {
  const row = tx
    .update(competitions)
    .set(values)
    .where(eq(competitions.id, competitionId))
    .returning()
    .get();
  if (!row) throw new Error(`competition ${competitionId} not found`);
  return row;
}

export function replaceCompetitionLocalities(
  tx: Tx,
  competitionId: number,
  rows: { localityId: number; quota: number | null }[],
) {
  tx.delete(competitionLocalities)
    .where(eq(competitionLocalities.competitionId, competitionId))
    .run();
  if (rows.length > 0) {
    tx.insert(competitionLocalities)
      .values(rows.map((row) => ({ competitionId, ...row })))
      .run();
  }
}

export function countApplicationsOf(competitionId: number, reader: Reader = db): number {
  return (
    reader
      .select({ n: sql<number>`count(*)` })
      .from(applications)
      .where(eq(applications.competitionId, competitionId))
      .get()?.n ?? 0
  );
}

/** Takes the next reference number inside the submitting transaction (the write lock is held). */
export function takeReferenceNumber(tx: Tx, competitionId: number): number {
  const row = tx
    .update(competitions)
    .set({ nextReferenceNumber: sql`${competitions.nextReferenceNumber} + 1` })
    .where(eq(competitions.id, competitionId))
    .returning({ next: competitions.nextReferenceNumber })
    .get();
  if (!row) throw new Error(`competition ${competitionId} not found`);
  return row.next - 1;
}

/** How many of the competition's applications are in each status (kept until a write). */
export const countApplicationsByStatus = untilWritten(
  'applications-by-status',
  (competitionId: number) =>
    db
      .select({ status: applications.status, n: sql<number>`count(*)` })
      .from(applications)
      .where(and(eq(applications.competitionId, competitionId)))
      .groupBy(applications.status)
      .all(),
);

/** Competitions accepting applications now from households of this locality. */
export function openCompetitionsForLocality(localityId: number, now: Date) {
  return db
    .select({ competition: competitions })
    .from(competitions)
    .innerJoin(
      competitionLocalities,
      and(
        eq(competitionLocalities.competitionId, competitions.id),
        eq(competitionLocalities.localityId, localityId),
      ),
    )
    .where(and(eq(competitions.status, 'open'), sql`${competitions.closesAt} > ${now.getTime()}`))
    .orderBy(asc(competitions.closesAt))
    .all()
    .map((row) => row.competition);
}
