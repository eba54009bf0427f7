// Jury rounds (DESIGN.md, "Jury"): setting a round up, jurors declaring conflicts, assigning,
// scoring, closing, ranking and advancing. Each use case is one audited transaction.
import { databaseStamp, writeTransaction, type Tx } from '~db/client';
import type { Competition } from '~db/schema/competitions';
import type { Round } from '~db/schema/jury';
import type { User } from '~db/schema/people';
import { juryAssignmentEmail } from '~emails/jury-assignment';
import { juryReminderEmail } from '~emails/jury-reminder';
import { firstGivenText, pickLocalized, roundTitle, titleTexts } from '~/i18n/localized-text';
import {
  findApplication,
  insertStatusHistory,
  listApplicationsForScreening,
  updateApplicationRow,
} from '~/models/application.server';
import type { AuditAction } from '~/utils/audit-actions';
import { appendAudit } from '~/models/audit.server';
import { findCompetition, updateCompetitionRow } from '~/models/competition.server';
import { deleteRoundRanks, replaceRoundRanks, storedRankingState } from '~/models/decision.server';
import {
  advancedFrom,
  assignmentFacts,
  assignmentsOfRound,
  conflictsOfCompetition,
  criteriaOf,
  deleteAssignmentsOfRound,
  deleteScore,
  findAssignment,
  findRound,
  insertAssignmentRows,
  insertRound,
  isJurorOfRound,
  itemsOfScore,
  jurorsOfRound,
  markAdvanced,
  markConflictsDeclared,
  replaceCriteria,
  replaceJurorConflicts,
  replaceScoreItems,
  roundsOfCompetition,
  scoreOfAssignment,
  scoresOfRound,
  setRoundJurorRows,
  setRoundPool,
  updateAssignmentRow,
  updateRoundRow,
  upsertScoreRow,
} from '~/models/jury.server';
import { findUserById, rolesOfUser } from '~/models/user.server';
import type { RoundFormInput, ScoreFormInput } from '~/schemas/round';
import { clientIp } from '~/utils/request.server';
import type { SessionUser } from '~/utils/session.server';
import { zonedLocalToUtc } from '~/utils/timezone';
import {
  assignJurors,
  conflictKey,
  replacementJuror,
  type AssignmentProblem,
} from './assignment.server';
import { appLink, queueNotice } from './notices.server';
import {
  poolOfRound,
  rankingFingerprint,
  submittedPointsOfRound,
} from '~/models/round-ranking.server';
import { rankRound, type RankedApplication, type RankingScore } from './ranking.server';

function competitionTitle(competition: Competition, locale: User['locale']): string {
  return pickLocalized(titleTexts(competition), locale)?.text ?? '';
}

/**
 * Tells a juror by e-mail, in her language, that applications of an open round are hers to score
 * (inside the caller's transaction, so the notice exists exactly when the assignment does).
 */
function queueAssignmentNotice(
  tx: Tx,
  round: Round,
  competition: Competition,
  jurorId: number,
  count: number,
) {
  const juror = findUserById(jurorId, tx)!;
  queueNotice(tx, {
    recipient: juror,
    template: juryAssignmentEmail,
    params: {
      name: juror.name,
      competitionTitle: competitionTitle(competition, juror.locale),
      roundName: roundTitle(round, juror.locale).text,
      count,
      closesAt: round.closesAt,
      timeZone: competition.timezone,
      url: appLink('/jury'),
    },
    kind: 'programme',
  });
}

function audit(
  tx: Tx,
  request: Request,
  actor: SessionUser,
  action: AuditAction,
  entityId: number,
  before?: unknown,
  after?: unknown,
) {
  appendAudit(tx, {
    actorUserId: actor.user.id,
    action,
    entityType: 'round',
    entityId,
    before,
    after,
    ipAddress: clientIp(request),
  });
}

// ---------------------------------------------------------------------------------------------
// Setting a round up

export type RoundError =
  | { field: 'opensAt' | 'closesAt'; error: 'validation.dateTime' }
  | {
      field?: undefined;
      error: 'jury:errors.competitionNotReady' | 'jury:errors.notDraft' | 'jury:errors.notFound';
    };

function roundTimes(input: RoundFormInput, competition: Competition) {
  const opensAt = zonedLocalToUtc(input.opensAt, competition.timezone);
  const closesAt = zonedLocalToUtc(input.closesAt, competition.timezone);
  return { opensAt, closesAt };
}

function roundValues(input: RoundFormInput, opensAt: Date, closesAt: Date) {
  const names = {
    ky: input.nameKy || null,
    ru: input.nameRu || null,
    en: input.nameEn || null,
    kk: input.nameKk || null,
    uz: input.nameUz || null,
  };
  return {
    name: firstGivenText(names),
    nameKy: names.ky,
    nameRu: names.ru,
    nameEn: names.en,
    nameKk: names.kk,
    nameUz: names.uz,
    jurorsPerApplication: input.jurorsPerApplication,
    isBlind: input.isBlind,
    excludeOwnLocality: input.excludeOwnLocality,
    opensAt,
    closesAt,
    disagreementThreshold: input.disagreementThreshold,
  };
}

function criteriaValues(input: RoundFormInput) {
  return input.criteria.map((c) => ({
    titleKy: c.titleKy || null,
    titleRu: c.titleRu || null,
    titleEn: c.titleEn || null,
    titleKk: c.titleKk || null,
    titleUz: c.titleUz || null,
    descriptionKy: c.descriptionKy || null,
    descriptionRu: c.descriptionRu || null,
    descriptionEn: c.descriptionEn || null,
    descriptionKk: c.descriptionKk || null,
    descriptionUz: c.descriptionUz || null,
    maxPoints: c.maxPoints,
    weight: c.weight,
  }));
}

/**
 * A new round of a competition whose submissions are closed (screening or judging). Round 1 will
 * score the eligible applications; a later round those advanced from the round before.
 */
export function createRound(
  request: Request,
  staff: SessionUser,
  competitionId: number,
  input: RoundFormInput,
): { ok: true; roundId: number } | { ok: false; error: RoundError } {
  const competition = findCompetition(competitionId);
  if (!competition) return { ok: false, error: { error: 'jury:errors.notFound' } };
  if (competition.status !== 'screening' && competition.status !== 'judging') {
    return { ok: false, error: { error: 'jury:errors.competitionNotReady' } };
  }
  const { opensAt, closesAt } = roundTimes(input, competition);
  if (!opensAt) return { ok: false, error: { field: 'opensAt', error: 'validation.dateTime' } };
  if (!closesAt) return { ok: false, error: { field: 'closesAt', error: 'validation.dateTime' } };
  const roundId = writeTransaction((tx) => {
    const number = roundsOfCompetition(competitionId, tx).length + 1;
    const round = insertRound(tx, {
      competitionId,
      number,
      status: 'draft',
      ...roundValues(input, opensAt, closesAt),
    });
    replaceCriteria(tx, round.id, criteriaValues(input));
    audit(tx, request, staff, 'round.created', round.id, undefined, {
      competitionId,
      number,
      ...input,
      criteria: input.criteria.length,
    });
    return round.id;
  });
  return { ok: true, roundId };
}

/** Criteria and settings can change until scoring starts (the round is still a draft). */
export function updateRound(
  request: Request,
  staff: SessionUser,
  roundId: number,
  input: RoundFormInput,
): { ok: true } | { ok: false; error: RoundError } {
  const round = findRound(roundId);
  const competition = round ? findCompetition(round.competitionId) : undefined;
  if (!round || !competition) return { ok: false, error: { error: 'jury:errors.notFound' } };
  if (round.status !== 'draft') return { ok: false, error: { error: 'jury:errors.notDraft' } };
  const { opensAt, closesAt } = roundTimes(input, competition);
  if (!opensAt) return { ok: false, error: { field: 'opensAt', error: 'validation.dateTime' } };
  if (!closesAt) return { ok: false, error: { field: 'closesAt', error: 'validation.dateTime' } };
  writeTransaction((tx) => {
    updateRoundRow(tx, roundId, roundValues(input, opensAt, closesAt));
    replaceCriteria(tx, roundId, criteriaValues(input));
    // Criteria changed: any assignment made on the old settings is made again.
    deleteAssignmentsOfRound(tx, roundId);
    audit(
      tx,
      request,
      staff,
      'round.updated',
      roundId,
      { name: round.name },
      { ...input, criteria: input.criteria.length },
    );
  });
  return { ok: true };
}

/** Staff choose the round's jurors among accounts with the juror role. */
export function setRoundJurors(
  request: Request,
  staff: SessionUser,
  roundId: number,
  jurorIds: number[],
):
  | { ok: true }
  | {
      ok: false;
      error: 'jury:errors.notFound' | 'jury:errors.notDraft' | 'jury:errors.notAJuror';
    } {
  const round = findRound(roundId);
  if (!round) return { ok: false, error: 'jury:errors.notFound' };
  if (round.status !== 'draft') return { ok: false, error: 'jury:errors.notDraft' };
  const unique = [...new Set(jurorIds)];
  if (unique.some((id) => !rolesOfUser(id).includes('juror')))
    return { ok: false, error: 'jury:errors.notAJuror' };
  writeTransaction((tx) => {
    const before = jurorsOfRound(roundId, tx).map((j) => j.id);
    setRoundJurorRows(tx, roundId, unique);
    deleteAssignmentsOfRound(tx, roundId);
    audit(
      tx,
      request,
      staff,
      'round.jurors-set',
      roundId,
      { jurorIds: before },
      { jurorIds: unique.sort((a, b) => a - b) },
    );
  });
  return { ok: true };
}

/** The applications a round scores: round 1 the eligible ones; later rounds the advanced ones. */
export function poolFor(round: Round, tx?: Tx): number[] {
  if (round.number === 1) {
    const rows = listApplicationsForScreening({ competitionId: round.competitionId });
    return rows.filter((r) => r.status === 'eligible' || r.status === 'in-review').map((r) => r.id);
  }
  const previous = roundsOfCompetition(round.competitionId, tx).find(
    (r) => r.number === round.number - 1,
  );
  return previous ? advancedFrom(previous.id, tx) : [];
}

// ---------------------------------------------------------------------------------------------
// Conflicts

/**
 * A juror declares the households she knows. They apply to the whole competition; declaring
 * (even "none") is recorded per round, and assignment waits for every juror's declaration.
 */
export function declareConflicts(
  request: Request,
  juror: SessionUser,
  roundId: number,
  householdIds: number[],
): { ok: true } | { ok: false; error: 'jury:errors.notFound' | 'jury:errors.notDraft' } {
  const round = findRound(roundId);
  if (!round || !isJurorOfRound(roundId, juror.user.id))
    return { ok: false, error: 'jury:errors.notFound' };
  if (round.status !== 'draft') return { ok: false, error: 'jury:errors.notDraft' };
  const poolHouseholds = new Set(assignmentFacts(poolFor(round)).map((a) => a.householdId));
  const declared = [...new Set(householdIds)]
    .filter((id) => poolHouseholds.has(id))
    .sort((a, b) => a - b);
  writeTransaction((tx) => {
    const before = conflictsOfCompetition(round.competitionId, tx)
      .filter((c) => c.jurorId === juror.user.id)
      .map((c) => c.householdId);
    replaceJurorConflicts(tx, round.competitionId, juror.user.id, declared);
    markConflictsDeclared(tx, roundId, juror.user.id, new Date());
    // Assignments made before this declaration may now break it: they are made again.
    deleteAssignmentsOfRound(tx, roundId);
    appendAudit(tx, {
      actorUserId: juror.user.id,
      action: 'round.conflicts-declared',
      entityType: 'round',
      entityId: roundId,
      before: { householdIds: before },
      after: { householdIds: declared },
      ipAddress: clientIp(request),
    });
  });
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// Assignment

export type AssignRefusal =
  | { kind: 'not-found' }
  | { kind: 'not-draft' }
  | { kind: 'no-criteria' }
  | { kind: 'no-applications' }
  | { kind: 'declarations-pending'; jurorIds: number[] }
  | { kind: 'constraints'; problems: AssignmentProblem[] };

function assignmentRules(round: Round) {
  const conflicts = new Set(
    conflictsOfCompetition(round.competitionId).map((c) => conflictKey(c.jurorId, c.householdId)),
  );
  return { conflicts, excludeOwnLocality: round.excludeOwnLocality };
}

/**
 * Assigns jurors to every application of the round: all or nothing. Refused while a juror has
 * not declared her conflicts, and when the rules cannot all be met (staff see which
 * applications lack jurors and why).
 */
export function assignRound(
  request: Request,
  staff: SessionUser,
  roundId: number,
): { ok: true; assigned: number } | { ok: false; refusal: AssignRefusal } {
  const round = findRound(roundId);
  if (!round) return { ok: false, refusal: { kind: 'not-found' } };
  if (round.status !== 'draft') return { ok: false, refusal: { kind: 'not-draft' } };
  if (criteriaOf(roundId).length === 0) return { ok: false, refusal: { kind: 'no-criteria' } };
  const jurors = jurorsOfRound(roundId);
  const pending = jurors
    .filter((j) => !j.conflictsDeclaredAt)
    .map((j) => j.id)
    .sort((a, b) => a - b);
  if (pending.length > 0)
    return { ok: false, refusal: { kind: 'declarations-pending', jurorIds: pending } };
  const pool = poolFor(round);
  if (pool.length === 0) return { ok: false, refusal: { kind: 'no-applications' } };
  const result = assignJurors({
    applications: assignmentFacts(pool),
    jurors: jurors.map((j) => ({ id: j.id, localityId: j.localityId })),
    jurorsPerApplication: round.jurorsPerApplication,
    ...assignmentRules(round),
  });
  if (!result.ok) return { ok: false, refusal: { kind: 'constraints', problems: result.problems } };
  writeTransaction((tx) => {
    setRoundPool(tx, roundId, pool);
    deleteAssignmentsOfRound(tx, roundId);
    insertAssignmentRows(
      tx,
      result.pairs.map((pair) => ({ roundId, ...pair, assignedById: null })),
    );
    audit(tx, request, staff, 'round.assigned', roundId, undefined, {
      applications: pool.length,
      loads: Object.fromEntries(result.loads),
    });
  });
  return { ok: true, assigned: result.pairs.length };
}

export type MoveRefusal = 'not-found' | 'not-draft' | 'not-eligible' | 'already-assigned';

/** Staff move one assignment to another juror of the round, within the same rules. */
export function moveAssignment(
  request: Request,
  staff: SessionUser,
  assignmentId: number,
  toJurorId: number,
): { ok: true } | { ok: false; error: MoveRefusal } {
  const assignment = findAssignment(assignmentId);
  const round = assignment ? findRound(assignment.roundId) : undefined;
  if (!assignment || !round || assignment.status !== 'active')
    return { ok: false, error: 'not-found' };
  if (round.status === 'closed') return { ok: false, error: 'not-draft' };
  if (scoreOfAssignment(assignmentId)?.status === 'submitted')
    return { ok: false, error: 'not-draft' };
  const juror = jurorsOfRound(round.id).find((j) => j.id === toJurorId);
  if (!juror) return { ok: false, error: 'not-eligible' };
  const [facts] = assignmentFacts([assignment.applicationId]);
  const onIt = new Set(
    assignmentsOfRound(round.id)
      .filter((a) => a.applicationId === assignment.applicationId && a.status === 'active')
      .map((a) => a.jurorId),
  );
  if (onIt.has(toJurorId)) return { ok: false, error: 'already-assigned' };
  const candidate = replacementJuror(facts!, [{ ...juror, load: 0 }], onIt, assignmentRules(round));
  if (candidate !== toJurorId) return { ok: false, error: 'not-eligible' };
  writeTransaction((tx) => {
    updateAssignmentRow(tx, assignmentId, { jurorId: toJurorId, assignedById: staff.user.id });
    const score = scoreOfAssignment(assignmentId, tx);
    // A draft by the previous juror is hers, not the new juror's: none of it (points, comments,
    // overall comment) may reach the new juror, who never sees another juror's score.
    if (score) deleteScore(tx, score.id);
    // Scoring has started: the new juror learns of it as the others did when the round opened.
    // (In a draft round everyone is told at opening.) The previous juror's list simply loses it.
    if (round.status === 'open')
      queueAssignmentNotice(tx, round, findCompetition(round.competitionId, tx)!, toJurorId, 1);
    audit(
      tx,
      request,
      staff,
      'round.assignment-moved',
      round.id,
      { assignmentId, jurorId: assignment.jurorId },
      { assignmentId, jurorId: toJurorId },
    );
  });
  return { ok: true };
}

/**
 * A juror steps back from an application (she knows the family after all). She is replaced by
 * the eligible juror with the lightest load, who is told by e-mail.
 */
export function recuse(
  request: Request,
  juror: SessionUser,
  assignmentId: number,
  reason: string,
):
  | { ok: true; replacedBy: number | null }
  | { ok: false; error: 'not-found' | 'already-submitted' | 'round-closed' } {
  const assignment = findAssignment(assignmentId);
  const round = assignment ? findRound(assignment.roundId) : undefined;
  if (
    !assignment ||
    !round ||
    assignment.jurorId !== juror.user.id ||
    assignment.status !== 'active'
  ) {
    return { ok: false, error: 'not-found' };
  }
  if (round.status === 'closed') return { ok: false, error: 'round-closed' };
  if (scoreOfAssignment(assignmentId)?.status === 'submitted')
    return { ok: false, error: 'already-submitted' };
  const competition = findCompetition(round.competitionId)!;
  const [facts] = assignmentFacts([assignment.applicationId]);
  const all = assignmentsOfRound(round.id).filter((a) => a.status === 'active');
  const loads = new Map<number, number>();
  for (const a of all) loads.set(a.jurorId, (loads.get(a.jurorId) ?? 0) + 1);
  const onIt = new Set(
    all.filter((a) => a.applicationId === assignment.applicationId).map((a) => a.jurorId),
  );
  const rules = assignmentRules(round);
  // Recusing means she knows the household: record it as a conflict too.
  rules.conflicts.add(conflictKey(juror.user.id, facts!.householdId));
  const replacementId = replacementJuror(
    facts!,
    jurorsOfRound(round.id).map((j) => ({
      id: j.id,
      localityId: j.localityId,
      load: loads.get(j.id) ?? 0,
    })),
    onIt,
    rules,
  );
  writeTransaction((tx) => {
    updateAssignmentRow(tx, assignmentId, {
      status: 'recused',
      recusedAt: new Date(),
      recusalReason: reason,
    });
    const conflicts = conflictsOfCompetition(round.competitionId, tx)
      .filter((c) => c.jurorId === juror.user.id)
      .map((c) => c.householdId);
    replaceJurorConflicts(tx, round.competitionId, juror.user.id, [
      ...new Set([...conflicts, facts!.householdId]),
    ]);
    if (replacementId) {
      insertAssignmentRows(tx, [
        {
          roundId: round.id,
          applicationId: assignment.applicationId,
          jurorId: replacementId,
          assignedById: null,
        },
      ]);
      if (round.status === 'open') queueAssignmentNotice(tx, round, competition, replacementId, 1);
    }
    appendAudit(tx, {
      actorUserId: juror.user.id,
      action: 'round.recused',
      entityType: 'round',
      entityId: round.id,
      before: { assignmentId, jurorId: juror.user.id },
      after: { replacedBy: replacementId, reason },
      ipAddress: clientIp(request),
    });
  });
  return { ok: true, replacedBy: replacementId };
}

// ---------------------------------------------------------------------------------------------
// Opening, reminding, closing

export function openRound(
  request: Request,
  staff: SessionUser,
  roundId: number,
): { ok: true } | { ok: false; error: 'not-found' | 'not-draft' | 'not-assigned' } {
  const round = findRound(roundId);
  if (!round) return { ok: false, error: 'not-found' };
  if (round.status !== 'draft') return { ok: false, error: 'not-draft' };
  const active = assignmentsOfRound(roundId).filter((a) => a.status === 'active');
  if (active.length === 0) return { ok: false, error: 'not-assigned' };
  const competition = findCompetition(round.competitionId)!;
  writeTransaction((tx) => {
    updateRoundRow(tx, roundId, { status: 'open' });
    if (competition.status === 'screening')
      updateCompetitionRow(tx, competition.id, { status: 'judging' });
    for (const applicationId of new Set(active.map((a) => a.applicationId))) {
      const application = findApplication(applicationId, tx)!;
      if (application.status !== 'in-review') {
        updateApplicationRow(tx, applicationId, { status: 'in-review' });
        insertStatusHistory(tx, {
          applicationId,
          fromStatus: application.status,
          toStatus: 'in-review',
          changedById: staff.user.id,
        });
      }
    }
    const perJuror = new Map<number, number>();
    for (const a of active) perJuror.set(a.jurorId, (perJuror.get(a.jurorId) ?? 0) + 1);
    for (const [jurorId, count] of perJuror)
      queueAssignmentNotice(tx, round, competition, jurorId, count);
    audit(tx, request, staff, 'round.opened', roundId, { status: 'draft' }, { status: 'open' });
  });
  return { ok: true };
}

/** E-mails each juror who still has scores to submit. Returns how many were reminded. */
export function remindJurors(
  request: Request,
  staff: SessionUser,
  roundId: number,
): { ok: true; reminded: number } | { ok: false; error: 'not-found' | 'not-open' } {
  const round = findRound(roundId);
  if (!round) return { ok: false, error: 'not-found' };
  if (round.status !== 'open') return { ok: false, error: 'not-open' };
  const competition = findCompetition(round.competitionId)!;
  const submitted = new Set(
    scoresOfRound(roundId)
      .filter((s) => s.status === 'submitted')
      .map((s) => s.assignmentId),
  );
  const pending = new Map<number, number>();
  for (const a of assignmentsOfRound(roundId)) {
    if (a.status === 'active' && !submitted.has(a.id))
      pending.set(a.jurorId, (pending.get(a.jurorId) ?? 0) + 1);
  }
  writeTransaction((tx) => {
    for (const [jurorId, count] of pending) {
      const juror = findUserById(jurorId, tx)!;
      queueNotice(tx, {
        recipient: juror,
        template: juryReminderEmail,
        params: {
          name: juror.name,
          roundName: roundTitle(round, juror.locale).text,
          pending: count,
          closesAt: round.closesAt,
          timeZone: competition.timezone,
          url: appLink('/jury'),
        },
        kind: 'programme',
      });
    }
    audit(tx, request, staff, 'round.reminded', roundId, undefined, {
      jurorIds: [...pending.keys()],
    });
  });
  return { ok: true, reminded: pending.size };
}

/** After closing nobody scores any more; the ranking is final. */
export function closeRound(
  request: Request,
  staff: SessionUser,
  roundId: number,
): { ok: true } | { ok: false; error: 'not-found' | 'not-open' } {
  const round = findRound(roundId);
  if (!round) return { ok: false, error: 'not-found' };
  if (round.status !== 'open') return { ok: false, error: 'not-open' };
  writeTransaction((tx) => {
    updateRoundRow(tx, roundId, { status: 'closed', closedAt: new Date() });
    audit(tx, request, staff, 'round.closed', roundId, { status: 'open' }, { status: 'closed' });
  });
  storeFinalRanking(roundId);
  return { ok: true };
}

/**
 * A closed round's ranking, stored so the decision board reads a page of it in SQL (round_ranks):
 * computed once when the round closes, and again after normalisation is switched. Nothing is
 * stored for a round still being scored.
 */
export function storeFinalRanking(roundOrId: number | Round) {
  const round = typeof roundOrId === 'number' ? findRound(roundOrId) : roundOrId;
  if (!round || round.status !== 'closed') return;
  const roundId = round.id;
  const stored = storedRankingState(roundId);
  if (stored.stored && stored.normalised === round.normalise) return;
  const ranking = rankingOf(roundId);
  if (!ranking || ranking.ranked.length === 0) return;
  writeTransaction((tx) =>
    replaceRoundRanks(
      tx,
      roundId,
      ranking.ranked.map((r) => ({ applicationId: r.applicationId, rank: r.rank, score: r.score })),
      ranking.round.normalise,
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Scoring

export type ScoringRefusal =
  'not-found' | 'window-closed' | 'locked' | 'incomplete' | 'out-of-range';

/** The round accepts scores now: it is open and inside its dates. */
export function scoringOpen(round: Round, now: Date): boolean {
  return round.status === 'open' && now >= round.opensAt && now < round.closesAt;
}

/**
 * A juror saves her score (and may come back), or submits it, which locks it. Only her own
 * active assignment, only while the round accepts scores, points 0..max for every criterion.
 */
export function saveScore(
  request: Request,
  juror: SessionUser,
  assignmentId: number,
  input: ScoreFormInput,
  submit: boolean,
  now = new Date(),
): { ok: true } | { ok: false; error: ScoringRefusal; criterionIds?: number[] } {
  const assignment = findAssignment(assignmentId);
  const round = assignment ? findRound(assignment.roundId) : undefined;
  if (
    !assignment ||
    !round ||
    assignment.jurorId !== juror.user.id ||
    assignment.status !== 'active'
  ) {
    return { ok: false, error: 'not-found' };
  }
  if (!scoringOpen(round, now)) return { ok: false, error: 'window-closed' };
  const existing = scoreOfAssignment(assignmentId);
  if (existing?.status === 'submitted') return { ok: false, error: 'locked' };
  const criteria = criteriaOf(round.id);
  const byId = new Map(input.items.map((item) => [item.criterionId, item]));
  const outOfRange = criteria.filter((c) => {
    const points = byId.get(c.id)?.points;
    return points != null && (points < 0 || points > c.maxPoints);
  });
  if (outOfRange.length > 0)
    return { ok: false, error: 'out-of-range', criterionIds: outOfRange.map((c) => c.id) };
  const missing = criteria.filter((c) => byId.get(c.id)?.points == null);
  if (submit && missing.length > 0)
    return { ok: false, error: 'incomplete', criterionIds: missing.map((c) => c.id) };
  writeTransaction((tx) => {
    const score = upsertScoreRow(tx, assignmentId, {
      overallComment: input.overallComment,
      status: submit ? 'submitted' : 'draft',
      submittedAt: submit ? now : null,
    });
    replaceScoreItems(
      tx,
      score.id,
      criteria.map((c) => ({
        criterionId: c.id,
        points: byId.get(c.id)?.points ?? null,
        comment: byId.get(c.id)?.comment ?? '',
      })),
    );
    appendAudit(tx, {
      actorUserId: juror.user.id,
      action: submit ? 'score.submitted' : 'score.saved',
      entityType: 'score',
      entityId: score.id,
      after: submit
        ? {
            assignmentId,
            points: Object.fromEntries(criteria.map((c) => [c.id, byId.get(c.id)?.points ?? null])),
          }
        : { assignmentId },
      ipAddress: clientIp(request),
    });
  });
  return { ok: true };
}

/** Staff reopen one submitted score for correction, with a reason the juror reads. */
export function reopenScore(
  request: Request,
  staff: SessionUser,
  assignmentId: number,
  reason: string,
): { ok: true } | { ok: false; error: 'not-found' | 'not-submitted' | 'round-closed' } {
  const assignment = findAssignment(assignmentId);
  const round = assignment ? findRound(assignment.roundId) : undefined;
  const score = assignment ? scoreOfAssignment(assignment.id) : undefined;
  if (!assignment || !round || !score) return { ok: false, error: 'not-found' };
  if (round.status !== 'open') return { ok: false, error: 'round-closed' };
  if (score.status !== 'submitted') return { ok: false, error: 'not-submitted' };
  writeTransaction((tx) => {
    upsertScoreRow(tx, assignment.id, {
      status: 'draft',
      submittedAt: null,
      reopenedAt: new Date(),
      reopenedById: staff.user.id,
      reopenReason: reason,
    });
    appendAudit(tx, {
      actorUserId: staff.user.id,
      action: 'score.reopened',
      entityType: 'score',
      entityId: score.id,
      before: { status: 'submitted' },
      after: { status: 'draft', reason },
      ipAddress: clientIp(request),
    });
  });
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// Ranking and advancing

export function setNormalisation(
  request: Request,
  staff: SessionUser,
  roundId: number,
  normalise: boolean,
): boolean {
  const round = findRound(roundId);
  if (!round) return false;
  if (round.normalise === normalise) return true;
  writeTransaction((tx) => {
    updateRoundRow(tx, roundId, { normalise });
    deleteRoundRanks(tx, roundId);
    audit(
      tx,
      request,
      staff,
      'round.normalisation-changed',
      roundId,
      { normalise: round.normalise },
      { normalise },
    );
  });
  storeFinalRanking(roundId);
  return true;
}

/** The round's ranking from submitted scores (recused assignments do not count). */
/**
 * Rankings already computed, by round, with the fingerprint of what they were computed from: a
 * page of a 10,000-application ranking then costs two aggregate queries, not 180,000 rows — and
 * none while nothing at all was written to the database since (its stamp). A few rounds at most
 * are kept (the ones staff are working on), so the memory stays bounded.
 */
const RANKINGS_KEPT = 4;
const rankingCache = new Map<number, { key: string; stamp: string; ranked: RankedApplication[] }>();

/**
 * The round's ranking. The rows returned are shared with later callers (they come from a cache):
 * read them, never change them.
 */
export function rankingOf(
  roundId: number,
): { round: Round; ranked: readonly RankedApplication[] } | null {
  const round = findRound(roundId);
  if (!round) return null;
  const stamp = databaseStamp();
  const unchanged = rankingCache.get(roundId);
  if (unchanged?.stamp === stamp) return { round, ranked: unchanged.ranked };
  const criteria = criteriaOf(roundId);
  const key = [
    round.normalise,
    round.disagreementThreshold,
    criteria.map((c) => `${c.id}/${c.maxPoints}/${c.weight}/${c.position}`).join(','),
    rankingFingerprint(roundId),
  ].join('|');
  const cached = rankingCache.get(roundId);
  if (cached?.key === key) {
    cached.stamp = stamp;
    return { round, ranked: cached.ranked };
  }

  const scoreMap = new Map<number, Map<number, RankingScore>>();
  for (const item of submittedPointsOfRound(roundId)) {
    let byJuror = scoreMap.get(item.applicationId);
    if (!byJuror) scoreMap.set(item.applicationId, (byJuror = new Map()));
    let entry = byJuror.get(item.jurorId);
    if (!entry) {
      entry = { applicationId: item.applicationId, jurorId: item.jurorId, points: new Map() };
      byJuror.set(item.jurorId, entry);
    }
    if (item.points != null) entry.points.set(item.criterionId, item.points);
  }
  const ranked = rankRound({
    criteria: criteria.map((c) => ({
      id: c.id,
      maxPoints: c.maxPoints,
      weight: c.weight,
      position: c.position,
    })),
    applications: poolOfRound(roundId),
    scores: [...scoreMap.values()].flatMap((byJuror) => [...byJuror.values()]),
    normalise: round.normalise,
    disagreementThreshold: round.disagreementThreshold,
  });
  rankingCache.delete(roundId);
  if (rankingCache.size >= RANKINGS_KEPT) rankingCache.delete(rankingCache.keys().next().value!);
  rankingCache.set(roundId, { key, stamp, ranked });
  return { round, ranked };
}

/**
 * Staff advance the top N, or chosen applications, from a closed round: they become the next
 * round's pool and are marked shortlisted.
 */
export function advanceApplications(
  request: Request,
  staff: SessionUser,
  roundId: number,
  choice: { topN: number } | { applicationIds: number[] },
):
  | { ok: true; advanced: number }
  | { ok: false; error: 'not-found' | 'not-closed' | 'nothing-chosen' } {
  const ranking = rankingOf(roundId);
  if (!ranking) return { ok: false, error: 'not-found' };
  if (ranking.round.status !== 'closed') return { ok: false, error: 'not-closed' };
  const inRound = new Set(ranking.ranked.map((r) => r.applicationId));
  const chosen =
    'topN' in choice
      ? ranking.ranked
          .filter((r) => r.score !== null)
          .slice(0, Math.max(0, choice.topN))
          .map((r) => r.applicationId)
      : [...new Set(choice.applicationIds)].filter((id) => inRound.has(id));
  if (chosen.length === 0) return { ok: false, error: 'nothing-chosen' };
  writeTransaction((tx) => {
    const now = new Date();
    markAdvanced(tx, roundId, chosen, now);
    for (const applicationId of chosen) {
      const application = findApplication(applicationId, tx)!;
      if (application.status === 'shortlisted') continue;
      updateApplicationRow(tx, applicationId, { status: 'shortlisted' });
      insertStatusHistory(tx, {
        applicationId,
        fromStatus: application.status,
        toStatus: 'shortlisted',
        changedById: staff.user.id,
      });
    }
    audit(tx, request, staff, 'round.advanced', roundId, undefined, { applicationIds: chosen });
  });
  return { ok: true, advanced: chosen.length };
}

/** A juror's own score for an assignment, with its items (never anyone else's). */
export function ownScore(juror: SessionUser, assignmentId: number) {
  const assignment = findAssignment(assignmentId);
  if (!assignment || assignment.jurorId !== juror.user.id) return null;
  const score = scoreOfAssignment(assignmentId);
  return { assignment, score: score ?? null, items: score ? itemsOfScore(score.id) : [] };
}
