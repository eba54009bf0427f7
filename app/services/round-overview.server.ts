// What staff read while running a jury round (DESIGN.md, "Jury"): each round's progress on the
// competition's page; one round's settings, pool, jurors, assignment and progress; and every
// refusal of the jury services put in words a person can act on (who, which application, why).
import { untilWritten } from '~db/client';
import type { Round } from '~db/schema/jury';
import type { Locale } from '~/i18n/config';
import { formattedInstant, type FormattedInstant } from '~/i18n/format';
import { localityName } from '~/i18n/locality';
import {
  type LocalizedText,
  descriptionTexts,
  pickLocalized,
  roundTitle,
  titleTexts,
} from '~/i18n/localized-text';
import { findApplication, listApplicationsForScreening } from '~/models/application.server';
import { findCompetition } from '~/models/competition.server';
import {
  assignmentFacts,
  hasJurorConflict,
  criteriaOf,
  findAssignment,
  findRound,
  jurorsOfRound,
  listJurorAccounts,
  countRoundPool,
  roundProgressCounts,
  roundsOfCompetition,
} from '~/models/jury.server';
import {
  assignedApplicationPage,
  assignmentsOfApplications,
  countAssignedApplications,
  countDraftPool,
  countRoundJurors,
  countUncoveredPool,
  jurorPage,
  loadCountsOf,
  roundJurorLoads,
} from '~/models/round-overview.server';
import { listLocalities } from '~/models/user.server';
import type { ApplicationStatus, RoundStatus, ScoreStatus } from '~/schemas/enums';
import { timeZoneLabel } from '~/utils/competition-form.server';
import { conflictKey, exclusionReason } from './assignment.server';
import type { AssignRefusal, MoveRefusal } from './jury.server';

/** Submitted scores against active assignments: how far the jury has come (one aggregate). */
/** A round's scoring progress, counted over all its assignments; again only after a write. */
const progressOf = untilWritten('round-progress', (roundId: number) =>
  roundProgressCounts(roundId),
);
const poolCount = untilWritten('round-pool', (roundId: number) => countRoundPool(roundId));

/** Every village's name in the reader's language, kept until anything is written. */
const localityNames = untilWritten(
  'locality-names',
  (locale: Locale): ReadonlyMap<number, string> =>
    new Map(listLocalities().map((l) => [l.id, localityName(l, locale)])),
);

/** The round's jurors and its criteria as shown, read once per write (the page shows both). */
const keptJurorsOfRound = untilWritten('round-jurors', (roundId: number) => jurorsOfRound(roundId));
const keptCriterionViews = untilWritten(
  'round-criterion-views',
  (roundId: number, locale: Locale) => criterionViews(roundId, locale),
);

/** A draft round's pool (what it would take now) and what its assignment leaves out, counted. */
function draftPool(round: Round) {
  return countDraftPool(
    round.id,
    round.number === 1
      ? { competitionId: round.competitionId }
      : {
          previousRoundId:
            roundsOfCompetition(round.competitionId).find((r) => r.number === round.number - 1)
              ?.id ?? null,
        },
  );
}

export type RoundSummary = {
  id: number;
  number: number;
  name: string;
  /** The name in the reader's language, or another with its note. */
  title: LocalizedText;
  status: RoundStatus;
  opensAt: FormattedInstant;
  closesAt: FormattedInstant;
  applications: number;
  jurors: number;
  assigned: number;
  submitted: number;
};

/** The rounds of a competition, in order, each with its dates and progress. */
export function roundSummariesOf(competitionId: number, locale: Locale): RoundSummary[] {
  const competition = findCompetition(competitionId);
  if (!competition) return [];
  const timeZone = competition.timezone;
  return roundsOfCompetition(competitionId).map((round) => ({
    id: round.id,
    number: round.number,
    name: roundTitle(round, locale).text,
    title: roundTitle(round, locale),
    status: round.status,
    opensAt: formattedInstant(round.opensAt, locale, { timeZone }),
    closesAt: formattedInstant(round.closesAt, locale, { timeZone }),
    applications: round.status === 'draft' ? draftPool(round).pool : poolCount(round.id),
    jurors: countRoundJurors(round.id),
    ...progressOf(round.id),
  }));
}

export type CriterionView = {
  id: number;
  title: LocalizedText | null;
  description: LocalizedText | null;
  maxPoints: number;
  weight: number;
};

export function criterionViews(roundId: number, locale: Locale): CriterionView[] {
  return criteriaOf(roundId).map((c) => ({
    id: c.id,
    title: pickLocalized(titleTexts(c), locale),
    description: pickLocalized(descriptionTexts(c), locale),
    maxPoints: c.maxPoints,
    weight: c.weight,
  }));
}

export type AssignedJuror = {
  assignmentId: number;
  jurorId: number;
  name: string;
  score: ScoreStatus | 'none';
  /** Set by staff when they reopened her submitted score. */
  reopenReason: string | null;
  movedByStaff: boolean;
};

export type AssignmentRow = {
  applicationId: number;
  reference: string;
  title: string;
  village: string;
  status: ApplicationStatus;
  jurors: AssignedJuror[];
  /** Jurors of the round who may take this application instead (not already on it). */
  others: { id: number; name: string }[];
  recused: { name: string; reason: string | null }[];
  submitted: number;
};

export type JurorRow = {
  id: number;
  name: string;
  email: string | null;
  village: string | null;
  declaredAt: FormattedInstant | null;
  conflicts: number;
  assigned: number;
  submitted: number;
};

/** Rows per page of the round's assignment table and of its jurors' table. */
export const ROUND_PAGE_SIZE = 50;

export type RoundPages = { page?: number; jurorsPage?: number };

/**
 * Everything the round's page shows, for a reader in `locale`: one page of the assigned
 * applications and one of the jurors (ROUND_PAGE_SIZE each), the counts for the whole round.
 */
// The round's counts over all its assignments (30,000 at a national programme's size), read
// again only once something was written.
const assignedCount = untilWritten('assigned-applications', (roundId: number) =>
  countAssignedApplications(roundId),
);
const jurorLoads = untilWritten('juror-loads', (roundId: number) => roundJurorLoads(roundId));
const uncoveredCount = untilWritten('uncovered-pool', (roundId: number) =>
  countUncoveredPool(roundId),
);

export function roundOverview(roundId: number, locale: Locale, pages: RoundPages = {}) {
  const round = findRound(roundId);
  const competition = round ? findCompetition(round.competitionId) : undefined;
  if (!round || !competition) return null;
  const timeZone = competition.timezone;
  const villages = localityNames(locale);
  // The round's jurors are few (they are people staff chose); the form to change them needs all.
  const jurors = keptJurorsOfRound(roundId);

  const assignedTotal = assignedCount(roundId);
  const page = clampPage(pages.page, assignedTotal);
  const pageRows = assignedApplicationPage(roundId, page, ROUND_PAGE_SIZE);
  const theirAssignments = assignmentsOfApplications(
    roundId,
    pageRows.map((r) => r.id),
  );
  const assignmentRows: AssignmentRow[] = pageRows.map((row) => {
    const mine = theirAssignments.filter((a) => a.applicationId === row.id);
    const active = mine.filter((a) => a.status === 'active');
    const on = new Set(active.map((a) => a.jurorId));
    const assigned = active.map((a): AssignedJuror => ({
      assignmentId: a.id,
      jurorId: a.jurorId,
      name: a.name,
      score: a.scoreStatus ?? 'none',
      // A draft that was submitted before: staff reopened it, and said why.
      reopenReason: a.scoreStatus === 'draft' ? (a.reopenReason ?? null) : null,
      movedByStaff: a.assignedById !== null,
    }));
    return {
      applicationId: row.id,
      reference: row.reference ?? `#${row.id}`,
      title: row.title ?? '',
      village: localityName(
        { nameKy: row.localityKy, nameRu: row.localityRu, nameEn: row.localityEn },
        locale,
      ),
      status: row.status,
      jurors: assigned,
      others: jurors.filter((j) => !on.has(j.id)).map((j) => ({ id: j.id, name: j.name })),
      recused: mine
        .filter((a) => a.status === 'recused')
        .map((a) => ({ name: a.name, reason: a.recusalReason })),
      submitted: assigned.filter((j) => j.score === 'submitted').length,
    };
  });

  const jurorTotal = jurors.length;
  const jurorsPage = clampPage(pages.jurorsPage, jurorTotal);
  const loads = jurorLoads(roundId);
  const jurorRows: JurorRow[] = jurorPage(
    roundId,
    round.competitionId,
    jurorsPage,
    ROUND_PAGE_SIZE,
  ).map((j) => ({
    id: j.id,
    name: j.name,
    email: j.email,
    village: j.localityId ? (villages.get(j.localityId) ?? null) : null,
    declaredAt: j.conflictsDeclaredAt
      ? formattedInstant(j.conflictsDeclaredAt, locale, { timeZone })
      : null,
    conflicts: j.conflicts,
    assigned: loads.get(j.id)?.assigned ?? 0,
    submitted: loads.get(j.id)?.submitted ?? 0,
  }));

  const load = loadCountsOf(loads);
  let poolSize: number;
  let unassigned = 0;
  if (round.status === 'draft') {
    // A draft's pool is what the round would take now (as `poolFor` lists it), counted in SQL.
    const counts = draftPool(round);
    poolSize = counts.pool;
    unassigned = assignedTotal > 0 ? counts.uncovered : 0;
  } else {
    poolSize = poolCount(roundId);
    unassigned = assignedTotal > 0 ? uncoveredCount(roundId) : 0;
  }

  return {
    round: {
      id: round.id,
      number: round.number,
      name: roundTitle(round, locale).text,
      status: round.status,
      jurorsPerApplication: round.jurorsPerApplication,
      isBlind: round.isBlind,
      excludeOwnLocality: round.excludeOwnLocality,
      disagreementThreshold: round.disagreementThreshold,
      normalise: round.normalise,
      opensAt: formattedInstant(round.opensAt, locale, { timeZone }),
      closesAt: formattedInstant(round.closesAt, locale, { timeZone }),
      closedAt: round.closedAt ? formattedInstant(round.closedAt, locale, { timeZone }) : null,
      timeZone: timeZoneLabel(timeZone, locale),
    },
    competition: {
      id: competition.id,
      title: pickLocalized(titleTexts(competition), locale),
    },
    criteria: keptCriterionViews(roundId, locale),
    pool: poolSize,
    /** Applications of the pool that the current assignment does not cover (assign again). */
    unassigned,
    /** Every juror of the round (the form that changes them needs them all). */
    roundJurors: jurors.map((j) => ({ id: j.id, name: j.name })),
    /** One page of the round's jurors with their load. */
    jurors: jurorRows,
    jurorsPaging: { page: jurorsPage, pageSize: ROUND_PAGE_SIZE, total: jurorTotal },
    /** Who may be chosen as a juror (only a draft's jurors can change). */
    jurorAccounts: (round.status === 'draft' ? listJurorAccounts() : []).map((account) => ({
      id: account.id,
      name: account.name,
      email: account.email,
      village: account.localityId ? (villages.get(account.localityId) ?? null) : null,
    })),
    /** One page of the assigned applications. */
    assignments: assignmentRows,
    assignmentsPaging: { page, pageSize: ROUND_PAGE_SIZE, total: assignedTotal },
    progress: load.progress,
    /** Jurors with at least one active assignment (each is e-mailed when the round opens). */
    assignedJurors: load.assigned,
    /** Jurors who would be e-mailed by a reminder now (scores still to submit). */
    pendingJurors: load.pending,
  };
}

/** A requested page, kept within the pages there are (a stale link lands on the last one). */
function clampPage(requested: number | undefined, total: number): number {
  const pages = Math.max(1, Math.ceil(total / ROUND_PAGE_SIZE));
  const page = requested && Number.isInteger(requested) && requested > 0 ? requested : 1;
  return Math.min(page, pages);
}

export type RoundOverview = NonNullable<ReturnType<typeof roundOverview>>;

// ---------------------------------------------------------------------------------------------
// Refusals, explained

export type ExclusionView = { name: string; reason: 'conflict' | 'own-locality' };

export type AssignmentProblemView =
  | { kind: 'not-enough-jurors'; jurors: number; needed: number }
  | {
      kind: 'too-few-jurors';
      applicationId: number;
      reference: string;
      village: string;
      eligible: number;
      needed: number;
      excluded: ExclusionView[];
    }
  | { kind: 'cannot-balance'; juror: string; eligibleApplications: number; minimumLoad: number }
  | { kind: 'cannot-balance-overall'; minimumLoad: number };

export type AssignRefusalView =
  | { kind: 'not-found' | 'not-draft' | 'no-criteria' | 'no-applications' }
  | { kind: 'declarations-pending'; jurors: string[] }
  | { kind: 'constraints'; problems: AssignmentProblemView[] };

/** Why the assignment was refused, with names, references and villages instead of ids. */
export function explainAssignRefusal(
  roundId: number,
  refusal: AssignRefusal,
  locale: Locale,
): AssignRefusalView {
  if (refusal.kind !== 'declarations-pending' && refusal.kind !== 'constraints') return refusal;
  const jurors = jurorsOfRound(roundId);
  const nameOf = (id: number) => jurors.find((j) => j.id === id)?.name ?? `#${id}`;
  if (refusal.kind === 'declarations-pending') {
    return { kind: refusal.kind, jurors: refusal.jurorIds.map(nameOf) };
  }
  const round = findRound(roundId)!;
  const applicationIds = refusal.problems.flatMap((p) =>
    p.kind === 'too-few-jurors' ? [p.applicationId] : [],
  );
  const facts = new Map(
    listApplicationsForScreening({ competitionId: round.competitionId, ids: applicationIds }).map(
      (row) => [row.id, row],
    ),
  );
  const problems: AssignmentProblemView[] = [];
  for (const problem of refusal.problems) {
    switch (problem.kind) {
      case 'not-enough-jurors':
        problems.push(problem);
        break;
      case 'too-few-jurors': {
        const row = facts.get(problem.applicationId);
        problems.push({
          kind: 'too-few-jurors',
          applicationId: problem.applicationId,
          reference: row?.reference ?? `#${problem.applicationId}`,
          village: row
            ? localityName(
                { nameKy: row.localityKy, nameRu: row.localityRu, nameEn: row.localityEn },
                locale,
              )
            : '',
          eligible: problem.eligibleJurors,
          needed: problem.needed,
          excluded: problem.excluded.map((e) => ({ name: nameOf(e.jurorId), reason: e.reason })),
        });
        break;
      }
      case 'cannot-balance':
        // Without a juror to blame (-1), the flow found no balanced plan as a whole.
        if (problem.eligibleApplications < 0) {
          if (!problems.some((p) => p.kind === 'cannot-balance-overall'))
            problems.push({ kind: 'cannot-balance-overall', minimumLoad: problem.minimumLoad });
        } else {
          problems.push({
            kind: 'cannot-balance',
            juror: nameOf(problem.jurorId),
            eligibleApplications: problem.eligibleApplications,
            minimumLoad: problem.minimumLoad,
          });
        }
        break;
    }
  }
  return { kind: 'constraints', problems };
}

export type MoveRefusalView = {
  reason:
    | 'conflict'
    | 'own-locality'
    | 'already-assigned'
    | 'not-a-juror'
    | 'round-closed'
    | 'score-submitted'
    | 'not-found';
  juror: string;
  reference: string;
  village: string;
};

/** Why an assignment could not go to that juror: the rule she would break, in words. */
export function explainMoveRefusal(
  assignmentId: number,
  toJurorId: number,
  error: MoveRefusal,
  locale: Locale,
): MoveRefusalView {
  const assignment = findAssignment(assignmentId);
  const round = assignment ? findRound(assignment.roundId) : undefined;
  const application = assignment ? findApplication(assignment.applicationId) : undefined;
  const juror = round ? jurorsOfRound(round.id).find((j) => j.id === toJurorId) : undefined;
  const [facts] = assignment ? assignmentFacts([assignment.applicationId]) : [];
  const base = {
    juror: juror?.name ?? '',
    reference: application?.reference ?? '',
    village: facts ? (localityNames(locale).get(facts.localityId) ?? '') : '',
  };
  if (!assignment || !round || error === 'not-found') return { ...base, reason: 'not-found' };
  if (error === 'already-assigned') return { ...base, reason: 'already-assigned' };
  if (error === 'not-draft')
    return { ...base, reason: round.status === 'closed' ? 'round-closed' : 'score-submitted' };
  if (!juror || !facts) return { ...base, reason: 'not-a-juror' };
  const reason = exclusionReason(
    facts,
    { id: juror.id, localityId: juror.localityId },
    {
      // Only this juror's conflict with this household matters: one key read, not every
      // conflict declared in the competition.
      conflicts: new Set(
        hasJurorConflict(round.competitionId, juror.id, facts.householdId)
          ? [conflictKey(juror.id, facts.householdId)]
          : [],
      ),
      excludeOwnLocality: round.excludeOwnLocality,
    },
  );
  return { ...base, reason: reason ?? 'not-a-juror' };
}
