// What the decision board and the decisions read and write: the stored final ranking of a closed
// round, a page of it, and the aggregates (money awarded, awards per village) the budget and quota
// rules need. Every read here is bounded by a page or an index, never by the programme's size.
import {
  and,
  asc,
  eq,
  gt,
  gte,
  inArray,
  lt,
  lte,
  ne,
  sql,
  type Placeholder,
  type SQL,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { db, preparedOnce, type Tx } from '~db/client';
import { applications } from '~db/schema/applications';
import { competitionLocalities } from '~db/schema/competitions';
import { householdMembers, households } from '~db/schema/households';
import { assignments, roundRanks, scoreItems, scores } from '~db/schema/jury';
import type { ApplicationStatus } from '~/schemas/enums';

type Reader = typeof db | Tx;

// ---------------------------------------------------------------------------------------------
// The stored ranking of a closed round

/** Which normalisation the round's stored ranking was made with (null: none stored). */
export function storedRankingState(
  roundId: number,
  reader: Reader = db,
): { stored: boolean; normalised: boolean | null } {
  // One row tells: the ranking is written whole, in one transaction, with one normalisation.
  const row =
    reader === db ? preparedRankingState().get({ roundId }) : rankingState(reader, roundId).get();
  return { stored: Boolean(row), normalised: row ? row.normalised : null };
}

const rankingState = (reader: Reader, roundId: number | Placeholder) =>
  reader
    .select({ normalised: roundRanks.normalised })
    .from(roundRanks)
    .where(eq(roundRanks.roundId, roundId))
    .limit(1);
const preparedRankingState = preparedOnce((c) =>
  rankingState(c, sql.placeholder('roundId')).prepare(),
);

const BATCH = 500;

export function replaceRoundRanks(
  tx: Tx,
  roundId: number,
  rows: { applicationId: number; rank: number; score: number | null }[],
  normalised: boolean,
) {
  tx.delete(roundRanks).where(eq(roundRanks.roundId, roundId)).run();
  for (let start = 0; start < rows.length; start += BATCH) {
    tx.insert(roundRanks)
      .values(rows.slice(start, start + BATCH).map((row) => ({ ...row, roundId, normalised })))
      .run();
  }
}

export function deleteRoundRanks(tx: Tx, roundId: number) {
  tx.delete(roundRanks).where(eq(roundRanks.roundId, roundId)).run();
}

/** The application's place in the round's stored ranking (undefined: not in it). */
export function rankInRound(
  roundId: number,
  applicationId: number,
  reader: Reader = db,
): number | undefined {
  return reader
    .select({ rank: roundRanks.rank })
    .from(roundRanks)
    .where(and(eq(roundRanks.roundId, roundId), eq(roundRanks.applicationId, applicationId)))
    .get()?.rank;
}

// ---------------------------------------------------------------------------------------------
// A page of the board

export type BoardFilter = {
  localityId?: number;
  status?: ApplicationStatus;
  rankFrom?: number;
  rankTo?: number;
};

const beneficiary = alias(householdMembers, 'beneficiary');

function boardConditions(roundId: number, filter: BoardFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [eq(roundRanks.roundId, roundId)];
  if (filter.localityId) conditions.push(eq(households.localityId, filter.localityId));
  if (filter.status) conditions.push(eq(applications.status, filter.status));
  if (filter.rankFrom) conditions.push(gte(roundRanks.rank, filter.rankFrom));
  if (filter.rankTo) conditions.push(lte(roundRanks.rank, filter.rankTo));
  return and(...conditions);
}

/** What the board shows of an application of the final ranking. */
function boardRowQuery(reader: Reader) {
  return reader
    .select({
      applicationId: applications.id,
      rank: roundRanks.rank,
      score: roundRanks.score,
      reference: applications.reference,
      title: applications.title,
      sector: applications.sector,
      localityId: households.localityId,
      status: applications.status,
      requestedAmount: applications.requestedAmount,
      awardedAmount: applications.awardedAmount,
      decisionReason: applications.decisionReason,
      waitlistPosition: applications.waitlistPosition,
      feedback: applications.feedback,
      beneficiaryFirstName: beneficiary.firstName,
      beneficiaryLastName: beneficiary.lastName,
    })
    .from(roundRanks)
    .innerJoin(applications, eq(applications.id, roundRanks.applicationId))
    .innerJoin(households, eq(households.id, applications.householdId))
    .leftJoin(beneficiary, eq(beneficiary.id, applications.beneficiaryMemberId));
}

/** The filters that need the application or its household, not only the ranking. */
const joinsNeeded = (filter: BoardFilter) => Boolean(filter.localityId || filter.status);

/**
 * The rank a page starts at: the offset is walked on the ranking's index alone (joining the
 * application and household only to filter by them), not on the page's full rows — a deep page
 * would otherwise join every row before it.
 */
function firstRankOfPage(roundId: number, filter: BoardFilter, offset: number, reader: Reader) {
  if (!joinsNeeded(filter) && reader === db && !filter.rankFrom && !filter.rankTo)
    return preparedFirstRank().get({ roundId, offset })?.rank;
  const query = reader.select({ rank: roundRanks.rank }).from(roundRanks);
  const joined = joinsNeeded(filter)
    ? query
        .innerJoin(applications, eq(applications.id, roundRanks.applicationId))
        .innerJoin(households, eq(households.id, applications.householdId))
    : query;
  return joined
    .where(boardConditions(roundId, filter))
    .orderBy(asc(roundRanks.rank))
    .limit(1)
    .offset(offset)
    .get()?.rank;
}

const preparedFirstRank = preparedOnce((c) =>
  c
    .select({ rank: roundRanks.rank })
    .from(roundRanks)
    .where(eq(roundRanks.roundId, sql.placeholder('roundId')))
    .orderBy(asc(roundRanks.rank))
    .limit(1)
    .offset(sql.placeholder('offset'))
    .prepare(),
);

const preparedRowsFrom = preparedOnce((c) =>
  boardRowQuery(c)
    .where(
      and(
        eq(roundRanks.roundId, sql.placeholder('roundId')),
        gte(roundRanks.rank, sql.placeholder('from')),
      ),
    )
    .orderBy(asc(roundRanks.rank))
    .limit(sql.placeholder('limit'))
    .prepare(),
);

/** One page of the final ranking with what the board shows of each application. */
export function boardRows(
  roundId: number,
  filter: BoardFilter,
  page: { limit: number; offset: number },
  reader: Reader = db,
) {
  const from = firstRankOfPage(roundId, filter, page.offset, reader);
  if (from === undefined) return [];
  if (!joinsNeeded(filter) && reader === db && !filter.rankTo)
    return preparedRowsFrom().all({ roundId, from, limit: page.limit });
  return boardRowQuery(reader)
    .where(and(boardConditions(roundId, filter), gte(roundRanks.rank, from)))
    .orderBy(asc(roundRanks.rank))
    .limit(page.limit)
    .all();
}

/**
 * The filtered final ranking after place `afterRank`, best first, at most `limit` rows: the
 * board's export walks it in keyset batches (the ranking can hold 10,000 applications).
 */
export function boardRowsAfter(
  roundId: number,
  filter: BoardFilter,
  afterRank: number,
  limit: number,
  reader: Reader = db,
) {
  return boardRowQuery(reader)
    .where(and(boardConditions(roundId, filter), gt(roundRanks.rank, afterRank)))
    .orderBy(asc(roundRanks.rank))
    .limit(limit)
    .all();
}

/** One application of the final ranking, as the board shows it (undefined: not in it). */
export function boardRow(roundId: number, applicationId: number, reader: Reader = db) {
  return boardRowQuery(reader)
    .where(and(eq(roundRanks.roundId, roundId), eq(roundRanks.applicationId, applicationId)))
    .get();
}

export function countBoardRows(roundId: number, filter: BoardFilter, reader: Reader = db): number {
  const needsJoin = joinsNeeded(filter);
  if (!needsJoin && reader === db && !filter.rankFrom && !filter.rankTo)
    return preparedCount().get({ roundId })?.n ?? 0;
  const query = reader.select({ n: sql<number>`count(*)` }).from(roundRanks);
  const row = needsJoin
    ? query
        .innerJoin(applications, eq(applications.id, roundRanks.applicationId))
        .innerJoin(households, eq(households.id, applications.householdId))
        .where(boardConditions(roundId, filter))
        .get()
    : query.where(boardConditions(roundId, filter)).get();
  return row?.n ?? 0;
}

// The stored ranking is written whole with places 1..N (its unique index forbids a shared
// place), so its last place is its size: read from the index, not by counting 10,000 entries.
const preparedCount = preparedOnce((c) =>
  c
    .select({ n: sql<number>`coalesce(max(${roundRanks.rank}), 0)` })
    .from(roundRanks)
    .where(eq(roundRanks.roundId, sql.placeholder('roundId')))
    .prepare(),
);

/**
 * References ranked above `rank` and not awarded, best first (at most `limit`): awarding below
 * them passes them over.
 */
export function notAwardedAbove(roundId: number, rank: number, limit: number, reader: Reader = db) {
  return reader
    .select({ rank: roundRanks.rank, reference: applications.reference })
    .from(roundRanks)
    .innerJoin(applications, eq(applications.id, roundRanks.applicationId))
    .where(
      and(
        eq(roundRanks.roundId, roundId),
        lt(roundRanks.rank, rank),
        ne(applications.status, 'awarded'),
      ),
    )
    .orderBy(asc(roundRanks.rank))
    .limit(limit)
    .all()
    .map((row) => ({ rank: row.rank, reference: row.reference ?? '' }));
}

/** Each village's first family on the waiting list (after the announcement, offers go to her). */
export function firstWaitlistedIds(competitionId: number, reader: Reader = db): number[] {
  const rows = reader
    .select({
      id: applications.id,
      localityId: households.localityId,
      position: applications.waitlistPosition,
    })
    .from(applications)
    .innerJoin(households, eq(households.id, applications.householdId))
    .where(
      and(eq(applications.competitionId, competitionId), eq(applications.status, 'waitlisted')),
    )
    .orderBy(
      asc(households.localityId),
      // Unnumbered last, as SQLite sorts nulls first.
      sql`${applications.waitlistPosition} is null`,
      asc(applications.waitlistPosition),
      asc(applications.id),
    )
    .all();
  const first = new Map<number, number>();
  for (const row of rows) if (!first.has(row.localityId)) first.set(row.localityId, row.id);
  return [...first.values()];
}

/** What the jurors wrote about these applications, in every round: one query for a page. */
export function jurorCommentRows(applicationIds: number[], reader: Reader = db) {
  if (applicationIds.length === 0) return [];
  return reader
    .select({
      applicationId: assignments.applicationId,
      comment: scoreItems.comment,
      overallComment: scores.overallComment,
    })
    .from(assignments)
    .innerJoin(scores, eq(scores.assignmentId, assignments.id))
    .innerJoin(scoreItems, eq(scoreItems.scoreId, scores.id))
    .where(
      and(
        inArray(assignments.applicationId, applicationIds),
        eq(scores.status, 'submitted'),
        eq(assignments.status, 'active'),
      ),
    )
    .all();
}

// ---------------------------------------------------------------------------------------------
// The aggregates behind the budget and the quotas

/** Money awarded in the competition, leaving out one application (the one being decided). */
function awardedSumSql(competitionId: number, exceptApplicationId: number | null): SQL {
  return sql`(select coalesce(sum(a2.awarded_amount), 0) from applications a2
    where a2.competition_id = ${competitionId} and a2.status = 'awarded'
    and a2.id is not ${exceptApplicationId})`;
}

/** Awards in one village of the competition, leaving out one application. */
function awardedInLocalitySql(
  competitionId: number,
  localityId: number,
  exceptApplicationId: number | null,
): SQL {
  return sql`(select count(*) from applications a2
    join households h2 on h2.id = a2.household_id
    where a2.competition_id = ${competitionId} and a2.status = 'awarded'
    and h2.locality_id = ${localityId} and a2.id is not ${exceptApplicationId})`;
}

export function awardedTotal(
  competitionId: number,
  reader: Reader = db,
  exceptApplicationId: number | null = null,
): number {
  return (
    reader.get<{ total: number }>(
      sql`select ${awardedSumSql(competitionId, exceptApplicationId)} as total`,
    )?.total ?? 0
  );
}

/** Awards per village of the competition (villages without one are absent). */
export function awardedPerLocality(
  competitionId: number,
  reader: Reader = db,
  exceptApplicationId: number | null = null,
): Map<number, number> {
  const rows =
    reader === db && exceptApplicationId === null
      ? preparedAwardedPerLocality().all({ competitionId })
      : awardedPerLocalityQuery(reader, competitionId, exceptApplicationId).all();
  return new Map(rows.map((row) => [row.localityId, row.n]));
}

function awardedPerLocalityQuery(
  reader: Reader,
  competitionId: number | Placeholder,
  exceptApplicationId: number | null,
) {
  return reader
    .select({ localityId: households.localityId, n: sql<number>`count(*)` })
    .from(applications)
    .innerJoin(households, eq(households.id, applications.householdId))
    .where(
      and(
        eq(applications.competitionId, competitionId),
        eq(applications.status, 'awarded'),
        exceptApplicationId === null ? undefined : ne(applications.id, exceptApplicationId),
      ),
    )
    .groupBy(households.localityId);
}
const preparedAwardedPerLocality = preparedOnce((c) =>
  awardedPerLocalityQuery(c, sql.placeholder('competitionId'), null).prepare(),
);

/**
 * Whether an application ranked above `rank` is neither awarded nor withdrawn, in a village whose
 * quota is not yet full: awarding at `rank` then passes it over.
 */
export function passedOverAbove(
  tx: Reader,
  roundId: number,
  rank: number,
  fullLocalityIds: number[],
): boolean {
  return Boolean(
    tx
      .select({ id: applications.id })
      .from(roundRanks)
      .innerJoin(applications, eq(applications.id, roundRanks.applicationId))
      .innerJoin(households, eq(households.id, applications.householdId))
      .where(
        and(
          eq(roundRanks.roundId, roundId),
          lt(roundRanks.rank, rank),
          sql`${applications.status} not in ('awarded', 'withdrawn')`,
          fullLocalityIds.length
            ? sql`${households.localityId} not in (${sql.join(
                fullLocalityIds.map((id) => sql`${id}`),
                sql`, `,
              )})`
            : undefined,
        ),
      )
      .limit(1)
      .get(),
  );
}

/**
 * Whether an award ranked below `rank` stands without a written reason. Read from the awards
 * (few, by applications_status_idx) into the ranking, never by walking the ranking downwards.
 */
export function awardWithoutReasonBelow(
  tx: Reader,
  competitionId: number,
  roundId: number,
  rank: number,
): boolean {
  return Boolean(
    tx.get(sql`select a.id from applications a
      cross join round_ranks rr on rr.round_id = ${roundId} and rr.application_id = a.id
      where a.competition_id = ${competitionId} and a.status = 'awarded'
      and (a.decision_reason is null or a.decision_reason = '') and rr.rank > ${rank}
      limit 1`),
  );
}

/**
 * The award as one conditional statement: the row changes only if, at that moment, the money
 * awarded to the others plus this amount stays within the budget and the village's quota has
 * room — so it stays correct on a database without SQLite's single writer. False: refused.
 */
export function awardWithinLimits(
  tx: Tx,
  award: {
    applicationId: number;
    competitionId: number;
    localityId: number;
    amount: number;
    values: Partial<typeof applications.$inferInsert>;
  },
): boolean {
  const { applicationId, competitionId, localityId, amount } = award;
  const quota = sql`(select cl.quota from competition_localities cl
    where cl.competition_id = ${competitionId} and cl.locality_id = ${localityId})`;
  const row = tx
    .update(applications)
    .set({ ...award.values, status: 'awarded', awardedAmount: amount })
    .where(
      and(
        eq(applications.id, applicationId),
        sql`${awardedSumSql(competitionId, applicationId)} + ${amount} <= (select c.budget_total from competitions c where c.id = ${competitionId})`,
        sql`(${quota} is null or ${awardedInLocalitySql(competitionId, localityId, applicationId)} < ${quota})`,
      ),
    )
    .returning({ id: applications.id })
    .get();
  return Boolean(row);
}

/**
 * Waiting-list places follow the final ranking, counted within each village: one statement
 * numbers every waitlisted application of the round, and writes only the places that change.
 */
export function renumberWaitlistRows(tx: Tx, competitionId: number, roundId: number | null) {
  if (roundId === null) return;
  tx.run(sql`update applications set waitlist_position = w.place
    from (
      select a.id as id, row_number() over (partition by h.locality_id order by rr.rank) as place
      from round_ranks rr
      join applications a on a.id = rr.application_id
      join households h on h.id = a.household_id
      where rr.round_id = ${roundId} and a.status = 'waitlisted' and a.competition_id = ${competitionId}
    ) as w
    where applications.id = w.id and applications.waitlist_position is not w.place`);
}

/** The competition's quota of one village (null: none). */
export function quotaOf(competitionId: number, localityId: number, reader: Reader = db) {
  return (
    reader
      .select({ quota: competitionLocalities.quota })
      .from(competitionLocalities)
      .where(
        and(
          eq(competitionLocalities.competitionId, competitionId),
          eq(competitionLocalities.localityId, localityId),
        ),
      )
      .get()?.quota ?? null
  );
}

/** Applications of the round's ranking still waiting for a decision, best first. */
export function undecidedInRound(roundId: number, limit: number, reader: Reader = db) {
  return reader
    .select({
      applicationId: applications.id,
      rank: roundRanks.rank,
      reference: applications.reference,
    })
    .from(roundRanks)
    .innerJoin(applications, eq(applications.id, roundRanks.applicationId))
    .where(
      and(
        eq(roundRanks.roundId, roundId),
        sql`${applications.status} not in ('awarded', 'waitlisted', 'not-selected', 'withdrawn')`,
      ),
    )
    .orderBy(asc(roundRanks.rank))
    .limit(limit)
    .all();
}

/** The best-ranked application of the round with this status (a sample for the preview). */
export function firstInRoundWithStatus(
  roundId: number,
  status: ApplicationStatus,
  reader: Reader = db,
) {
  return reader
    .select({
      applicationId: applications.id,
      reference: applications.reference,
      awardedAmount: applications.awardedAmount,
      requestedAmount: applications.requestedAmount,
      waitlistPosition: applications.waitlistPosition,
      feedback: applications.feedback,
    })
    .from(roundRanks)
    .innerJoin(applications, eq(applications.id, roundRanks.applicationId))
    .where(and(eq(roundRanks.roundId, roundId), eq(applications.status, status)))
    .orderBy(asc(roundRanks.rank))
    .limit(1)
    .get();
}
