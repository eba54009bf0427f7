// What a juror's pages read, shaped as plain data for the page. A juror sees only her own rounds,
// her own assignments and her own scores; in a blind round nothing that names or locates the
// family (DESIGN.md, "Jury": idea, budget, sector and region only). Every field is copied one by
// one — a row is never spread into the page's data, so a column added later cannot leak.
import { collatorFor } from '~/i18n/intl-cache';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { db } from '~db/client';
import { applications } from '~db/schema/applications';
import { competitions } from '~db/schema/competitions';
import { householdMembers, households } from '~db/schema/households';
import { assignments, roundJurors, rounds, scores, type Round } from '~db/schema/jury';
import { INTL_TAGS, type Locale } from '~/i18n/config';
import { formatMoney, formattedInstant, type Currency, type FormattedInstant } from '~/i18n/format';
import { localityName } from '~/i18n/locality';
import {
  type LocalizedText,
  descriptionTexts,
  pickLocalized,
  roundTitle,
  titleTexts,
} from '~/i18n/localized-text';
import type { Relation, RoundStatus, ScoreStatus, Sector } from '~/schemas/enums';
import type { QueueFilter } from '~/schemas/enums';
import { scoringOpen } from '~/services/jury.server';
import { budgetTotals, lineTotal } from '~/utils/money';
import type { SessionUser } from '~/utils/session.server';
import { budgetItemsOf, findApplication } from './application.server';
import { findCompetition } from './competition.server';
import { findHousehold, membersOf } from './household.server';
import {
  conflictsOfCompetition,
  criteriaOf,
  findAssignment,
  findRound,
  isJurorOfRound,
  itemsOfScore,
  scoreOfAssignment,
} from './jury.server';
import { listLocalities } from './user.server';

/** Where a round stands for scoring, now: the page says so and offers the form only when open. */
export type ScoringWindow = 'preparing' | 'not-yet' | 'open' | 'window-closed' | 'round-closed';

export function scoringWindow(round: Round, now: Date): ScoringWindow {
  if (round.status === 'draft') return 'preparing';
  if (round.status === 'closed') return 'round-closed';
  if (scoringOpen(round, now)) return 'open';
  return now < round.opensAt ? 'not-yet' : 'window-closed';
}

export type ScoreState = 'none' | ScoreStatus;

function localityNames(locale: Locale): Map<number, string> {
  return new Map(listLocalities().map((l) => [l.id, localityName(l, locale)]));
}

function competitionTitle(
  competition: Parameters<typeof titleTexts>[0],
  locale: Locale,
): LocalizedText | null {
  return pickLocalized(titleTexts(competition), locale);
}

// ---------------------------------------------------------------------------------------------
// The queue: her rounds, and in each her assigned applications

function roundsOfJuror(jurorId: number) {
  return db
    .select({
      round: rounds,
      conflictsDeclaredAt: roundJurors.conflictsDeclaredAt,
      competitionId: competitions.id,
      titleKy: competitions.titleKy,
      titleRu: competitions.titleRu,
      titleEn: competitions.titleEn,
      titleKk: competitions.titleKk,
      titleUz: competitions.titleUz,
      timezone: competitions.timezone,
      currency: competitions.currency,
    })
    .from(roundJurors)
    .innerJoin(rounds, eq(rounds.id, roundJurors.roundId))
    .innerJoin(competitions, eq(competitions.id, rounds.competitionId))
    .where(eq(roundJurors.jurorId, jurorId))
    .orderBy(desc(rounds.opensAt), desc(rounds.id))
    .all();
}

export const QUEUE_PAGE_SIZE = 50;

function filterCondition(filter: QueueFilter) {
  switch (filter) {
    case 'all':
      return undefined;
    case 'to-score':
      return sql`${scores.id} is null`;
    case 'draft':
      return eq(scores.status, 'draft');
    case 'submitted':
      return eq(scores.status, 'submitted');
  }
}

/** Her active assignments in one round, counted by the state of her score (one aggregate). */
function assignmentCounts(jurorId: number, roundIds: number[]) {
  if (roundIds.length === 0) return new Map<number, QueueCounts>();
  const rows = db
    .select({
      roundId: assignments.roundId,
      all: sql<number>`count(*)`,
      draft: sql<number>`coalesce(sum(${scores.status} = 'draft'), 0)`,
      submitted: sql<number>`coalesce(sum(${scores.status} = 'submitted'), 0)`,
    })
    .from(assignments)
    .leftJoin(scores, eq(scores.assignmentId, assignments.id))
    .where(
      and(
        eq(assignments.jurorId, jurorId),
        eq(assignments.status, 'active'),
        inArray(assignments.roundId, roundIds),
      ),
    )
    .groupBy(assignments.roundId)
    .all();
  return new Map(
    rows.map((r) => [
      r.roundId,
      {
        all: r.all,
        'to-score': r.all - r.draft - r.submitted,
        draft: r.draft,
        submitted: r.submitted,
      },
    ]),
  );
}

/** One page of her active assignments in a round, with what the queue shows and her score's state. */
function assignmentPage(jurorId: number, roundId: number, filter: QueueFilter, page: number) {
  return db
    .select({
      id: assignments.id,
      reference: applications.reference,
      sector: applications.sector,
      requestedAmount: applications.requestedAmount,
      localityId: households.localityId,
      scoreStatus: scores.status,
    })
    .from(assignments)
    .innerJoin(applications, eq(applications.id, assignments.applicationId))
    .innerJoin(households, eq(households.id, applications.householdId))
    .leftJoin(scores, eq(scores.assignmentId, assignments.id))
    .where(
      and(
        eq(assignments.jurorId, jurorId),
        eq(assignments.status, 'active'),
        eq(assignments.roundId, roundId),
        filterCondition(filter),
      ),
    )
    .orderBy(asc(applications.reference), asc(assignments.id))
    .limit(QUEUE_PAGE_SIZE)
    .offset((page - 1) * QUEUE_PAGE_SIZE)
    .all();
}

export type QueueCounts = Record<QueueFilter, number>;

export type QueueAssignment = {
  id: number;
  reference: string;
  sector: Sector | null;
  village: string;
  requested: string;
  state: ScoreState;
};

export type QueueRound = {
  id: number;
  name: string;
  number: number;
  competitionTitle: LocalizedText | null;
  status: RoundStatus;
  window: ScoringWindow;
  isBlind: boolean;
  opensAt: FormattedInstant;
  closesAt: FormattedInstant;
  conflictsDeclaredAt: FormattedInstant | null;
  /**
   * One page of her applications under the filter (shown once the round is open: while it is
   * prepared, assignments can still change).
   */
  assignments: QueueAssignment[];
  /** Her applications in the round, by the state of her score. */
  counts: QueueCounts;
  submitted: number;
  page: number;
  pages: number;
};

const STATUS_ORDER: Record<RoundStatus, number> = { open: 0, draft: 1, closed: 2 };

const NO_COUNTS: QueueCounts = { all: 0, 'to-score': 0, draft: 0, submitted: 0 };

/**
 * The rounds she is a juror of: open ones first, then those being prepared, then closed. Each
 * shows 50 of her applications at most, under the filter; `page` turns the pages of one round.
 */
export function jurorQueue(
  jurorId: number,
  locale: Locale,
  now = new Date(),
  view: { filter?: QueueFilter; roundId?: number; page?: number } = {},
): QueueRound[] {
  const filter = view.filter ?? 'all';
  const rows = roundsOfJuror(jurorId);
  const visible = rows.filter((r) => r.round.status !== 'draft').map((r) => r.round.id);
  const counts = assignmentCounts(jurorId, visible);
  const villages = localityNames(locale);
  return rows
    .map(({ round, ...row }): QueueRound => {
      const when = (instant: Date) => formattedInstant(instant, locale, { timeZone: row.timezone });
      const roundCounts = counts.get(round.id) ?? NO_COUNTS;
      const pages = Math.max(1, Math.ceil(roundCounts[filter] / QUEUE_PAGE_SIZE));
      const page = view.roundId === round.id ? Math.min(Math.max(1, view.page ?? 1), pages) : 1;
      const own = visible.includes(round.id)
        ? assignmentPage(jurorId, round.id, filter, page).map((a): QueueAssignment => ({
            id: a.id,
            reference: a.reference ?? '',
            sector: a.sector,
            village: villages.get(a.localityId) ?? '',
            requested: formatMoney(a.requestedAmount, row.currency as Currency, locale),
            state: a.scoreStatus ?? 'none',
          }))
        : [];
      return {
        id: round.id,
        name: roundTitle(round, locale).text,
        number: round.number,
        competitionTitle: competitionTitle(row, locale),
        status: round.status,
        window: scoringWindow(round, now),
        isBlind: round.isBlind,
        opensAt: when(round.opensAt),
        closesAt: when(round.closesAt),
        conflictsDeclaredAt: row.conflictsDeclaredAt ? when(row.conflictsDeclaredAt) : null,
        assignments: own,
        counts: roundCounts,
        submitted: roundCounts.submitted,
        page,
        pages,
      };
    })
    .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
}

// ---------------------------------------------------------------------------------------------
// Conflicts: the round's families by name and village only

/** Lower case, "ё" as "е", single spaces: "АЙПЕРИ  Токтогулова" finds "Айпери Токтогулова". */
export function searchable(text: string, locale: Locale): string {
  return text.toLocaleLowerCase(INTL_TAGS[locale]).replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

export type PoolFamily = { householdId: number; names: string[]; village: string };

/**
 * The families of these applications as the conflicts page shows them: the members' names and
 * the village — never the idea, the amount or the sector, so that a juror of a blind round can
 * say whom she knows without learning what they applied for.
 */
export function familiesOfApplications(applicationIds: number[], locale: Locale): PoolFamily[] {
  if (applicationIds.length === 0) return [];
  const rows = db
    .select({ householdId: households.id, localityId: households.localityId })
    .from(applications)
    .innerJoin(households, eq(households.id, applications.householdId))
    .where(inArray(applications.id, applicationIds))
    .all();
  return familiesOfHouseholds(rows, locale);
}

function familiesOfHouseholds(
  rows: { householdId: number; localityId: number }[],
  locale: Locale,
): PoolFamily[] {
  const ids = [...new Set(rows.map((r) => r.householdId))];
  if (ids.length === 0) return [];
  const members = db
    .select({
      householdId: householdMembers.householdId,
      firstName: householdMembers.firstName,
      lastName: householdMembers.lastName,
    })
    .from(householdMembers)
    .where(inArray(householdMembers.householdId, ids))
    .orderBy(asc(householdMembers.position), asc(householdMembers.id))
    .all();
  const villages = localityNames(locale);
  const byHousehold = new Map(rows.map((r) => [r.householdId, r.localityId]));
  const collator = collatorFor(INTL_TAGS[locale], undefined);
  return ids
    .map((householdId) => ({
      householdId,
      names: members
        .filter((m) => m.householdId === householdId)
        .map((m) => `${m.firstName} ${m.lastName}`),
      village: villages.get(byHousehold.get(householdId)!) ?? '',
    }))
    .sort(
      (a, b) =>
        collator.compare(a.village, b.village) ||
        collator.compare(a.names[0] ?? '', b.names[0] ?? '') ||
        a.householdId - b.householdId,
    );
}

/** The households she declared she knows in this competition. */
export function declaredHouseholdIds(competitionId: number, jurorId: number): number[] {
  return conflictsOfCompetition(competitionId)
    .filter((c) => c.jurorId === jurorId)
    .map((c) => c.householdId);
}

/** Her declared families by name and village (for the page once declarations have closed). */
export function declaredFamilies(competitionId: number, jurorId: number, locale: Locale) {
  const ids = declaredHouseholdIds(competitionId, jurorId);
  const rows = ids
    .map((id) => findHousehold(id))
    .filter((h) => h !== undefined)
    .map((h) => ({ householdId: h.id, localityId: h.localityId }));
  return familiesOfHouseholds(rows, locale);
}

/** A round she is a juror of, with its competition; undefined otherwise (the page is a 404). */
export function roundOfJuror(roundId: number, jurorId: number) {
  const round = findRound(roundId);
  if (!round || !isJurorOfRound(roundId, jurorId)) return undefined;
  const competition = findCompetition(round.competitionId);
  if (!competition) return undefined;
  const declaredAt =
    db
      .select({ at: roundJurors.conflictsDeclaredAt })
      .from(roundJurors)
      .where(and(eq(roundJurors.roundId, roundId), eq(roundJurors.jurorId, jurorId)))
      .get()?.at ?? null;
  return { round, competition, declaredAt };
}

// ---------------------------------------------------------------------------------------------
// The scoring page

export type ScoringCriterion = {
  id: number;
  title: LocalizedText | null;
  description: LocalizedText | null;
  maxPoints: number;
};

export type ScoringView = {
  assignmentId: number;
  round: {
    id: number;
    name: string;
    isBlind: boolean;
    competitionTitle: LocalizedText | null;
    opensAt: FormattedInstant;
    closesAt: FormattedInstant;
  };
  window: ScoringWindow;
  application: {
    reference: string;
    title: string;
    sector: Sector | null;
    description: string;
    market: string;
    experience: string;
    village: string;
    budget: {
      items: { name: string; quantity: number; unitPrice: string; total: string }[];
      total: string;
      ownContribution: string;
      requested: string;
    };
    plan: { revenue: string | null; costs: string | null; jobs: number | null };
  };
  /** Only in a round that is not blind: who would hold the grant, and the household. */
  family: {
    grantHolder: { name: string; relation: Relation; birthYear: number } | null;
    members: { name: string; relation: Relation; birthYear: number }[];
  } | null;
  criteria: ScoringCriterion[];
  score: {
    state: ScoreState;
    overallComment: string;
    items: { criterionId: number; points: number | null; comment: string }[];
    submittedAt: FormattedInstant | null;
    reopened: { reason: string; at: FormattedInstant } | null;
  };
  /** She may score now: the round takes scores and hers is not submitted. */
  editable: boolean;
  /** She may step back: the round is not closed and her score is not submitted. */
  canRecuse: boolean;
};

/**
 * One of her assignments for the scoring page; undefined when it is not hers, she stepped back
 * from it, or its round is still being prepared (assignments may change until it opens).
 */
export function scoringView(
  juror: SessionUser,
  assignmentId: number,
  locale: Locale,
  now = new Date(),
): ScoringView | undefined {
  const assignment = findAssignment(assignmentId);
  if (!assignment || assignment.jurorId !== juror.user.id || assignment.status !== 'active')
    return undefined;
  const round = findRound(assignment.roundId);
  if (!round || round.status === 'draft') return undefined;
  const application = findApplication(assignment.applicationId);
  const competition = findCompetition(round.competitionId);
  const household = application ? findHousehold(application.householdId) : undefined;
  if (!application || !competition || !household) return undefined;

  const money = (minor: number) => formatMoney(minor, competition.currency, locale);
  const when = (instant: Date) =>
    formattedInstant(instant, locale, { timeZone: competition.timezone });
  const items = budgetItemsOf(application.id);
  const totals = budgetTotals(items, application.ownContribution);
  const score = scoreOfAssignment(assignment.id);
  const scoreItems = score ? itemsOfScore(score.id) : [];
  const window = scoringWindow(round, now);
  const state: ScoreState = score?.status ?? 'none';

  let family: ScoringView['family'] = null;
  if (!round.isBlind) {
    const members = membersOf(household.id);
    const holder = members.find((m) => m.id === application.beneficiaryMemberId);
    family = {
      grantHolder: holder
        ? {
            name: `${holder.firstName} ${holder.lastName}`,
            relation: holder.relation,
            birthYear: holder.birthYear,
          }
        : null,
      members: members.map((m) => ({
        name: `${m.firstName} ${m.lastName}`,
        relation: m.relation,
        birthYear: m.birthYear,
      })),
    };
  }

  return {
    assignmentId: assignment.id,
    round: {
      id: round.id,
      name: roundTitle(round, locale).text,
      isBlind: round.isBlind,
      competitionTitle: competitionTitle(competition, locale),
      opensAt: when(round.opensAt),
      closesAt: when(round.closesAt),
    },
    window,
    application: {
      reference: application.reference ?? '',
      title: application.title,
      sector: application.sector,
      description: application.description,
      market: application.market,
      experience: application.experience,
      village: localityNames(locale).get(household.localityId) ?? '',
      budget: {
        items: items.map((item) => ({
          name: item.name,
          quantity: item.quantity,
          unitPrice: money(item.unitPrice),
          total: money(lineTotal(item.quantity, item.unitPrice)),
        })),
        total: money(totals.total),
        ownContribution: money(application.ownContribution),
        requested: money(application.requestedAmount),
      },
      plan: {
        revenue:
          application.expectedMonthlyRevenue == null
            ? null
            : money(application.expectedMonthlyRevenue),
        costs:
          application.expectedMonthlyCosts == null ? null : money(application.expectedMonthlyCosts),
        jobs: application.jobsCreated,
      },
    },
    family,
    criteria: criteriaOf(round.id).map((c) => ({
      id: c.id,
      title: pickLocalized(titleTexts(c), locale),
      description: pickLocalized(descriptionTexts(c), locale),
      maxPoints: c.maxPoints,
    })),
    score: {
      state,
      overallComment: score?.overallComment ?? '',
      items: scoreItems.map((item) => ({
        criterionId: item.criterionId,
        points: item.points,
        comment: item.comment,
      })),
      submittedAt: score?.submittedAt ? when(score.submittedAt) : null,
      reopened:
        score?.reopenedAt && score.reopenReason && state === 'draft'
          ? { reason: score.reopenReason, at: when(score.reopenedAt) }
          : null,
    },
    editable: window === 'open' && state !== 'submitted',
    canRecuse: round.status === 'open' && state !== 'submitted',
  };
}
