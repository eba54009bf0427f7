// Decisions and announcement (DESIGN.md, "Decisions and announcement"): staff turn the final
// ranking into grants within the budget and each locality's quota, announce once — every family
// told in her language, or by her facilitator — and then replace a winner who steps back from
// the waiting list of her locality.
import { writeTransaction, type Tx } from '~db/client';
import type { Application } from '~db/schema/applications';
import type { Competition } from '~db/schema/competitions';
import { awardOfferedEmail, awardWithdrawnEmail, resultEmail } from '~emails/result';
import { formatMoney } from '~/i18n/format';
import { pickLocalized } from '~/i18n/localized-text';
import {
  findApplication,
  insertStatusHistory,
  listApplicationsForScreening,
  updateApplicationRow,
} from '~/models/application.server';
import { appendAudit } from '~/models/audit.server';
import {
  competitionLocalityRows,
  findCompetition,
  updateCompetitionRow,
} from '~/models/competition.server';
import { findHousehold } from '~/models/household.server';
import { roundsOfCompetition, submittedItemsOfRound } from '~/models/jury.server';
import { findUserById } from '~/models/user.server';
import type { ApplicationStatus } from '~/schemas/enums';
import { clientIp } from '~/utils/request.server';
import type { SessionUser } from '~/utils/session.server';
import { householdAccess } from './households.server';
import { rankingOf } from './jury.server';
import {
  appLink,
  mayEmailProgrammeNotice,
  queueNotice,
  type NoticeRecipient,
} from './notices.server';

export type Decision = 'awarded' | 'waitlisted' | 'not-selected';
export const DECIDED: ApplicationStatus[] = ['awarded', 'waitlisted', 'not-selected'];

function competitionTitle(competition: Competition, locale: NoticeRecipient['locale']): string {
  return (
    pickLocalized(
      { ky: competition.titleKy, ru: competition.titleRu, en: competition.titleEn },
      locale,
    )?.text ?? ''
  );
}

// ---------------------------------------------------------------------------------------------
// The board: the final ranking with decisions, the budget and the quotas

export type BoardRow = {
  applicationId: number;
  rank: number;
  score: number | null;
  reference: string | null;
  title: string;
  sector: Application['sector'];
  localityId: number;
  status: ApplicationStatus;
  requestedAmount: number;
  awardedAmount: number | null;
  decisionReason: string | null;
  waitlistPosition: number | null;
  feedback: string | null;
  beneficiaryName: string;
};

export type DecisionBoard = {
  competition: Competition;
  /** The last closed round, whose ranking the decisions follow; null while none is closed. */
  finalRoundId: number | null;
  /** A round still being scored: decisions wait for it. */
  roundStillOpen: boolean;
  rows: BoardRow[];
  budget: { total: number; awarded: number; remaining: number };
  quotas: {
    localityId: number;
    quota: number | null;
    awarded: number;
    nameKy: string;
    nameRu: string;
    nameEn: string;
  }[];
  announced: boolean;
};

export function awardedSum(competitionId: number, tx?: Tx): number {
  return listAwarded(competitionId, tx).reduce((sum, a) => sum + (a.awardedAmount ?? 0), 0);
}

function listAwarded(competitionId: number, tx?: Tx) {
  return listApplicationsForScreening({ competitionId, status: 'awarded' }, tx);
}

export function decisionBoard(competitionId: number): DecisionBoard | null {
  const competition = findCompetition(competitionId);
  if (!competition) return null;
  const rounds = roundsOfCompetition(competitionId);
  const finalRound = [...rounds].reverse().find((r) => r.status === 'closed') ?? null;
  const roundStillOpen = rounds.some((r) => r.status !== 'closed');
  const ranking = finalRound ? rankingOf(finalRound.id) : null;
  const facts = new Map(
    listApplicationsForScreening({ competitionId, includeDrafts: false }).map((row) => [
      row.id,
      row,
    ]),
  );
  const rows: BoardRow[] = (ranking?.ranked ?? []).map((r) => {
    const row = facts.get(r.applicationId)!;
    const application = findApplication(r.applicationId)!;
    return {
      applicationId: r.applicationId,
      rank: r.rank,
      score: r.score,
      reference: row.reference,
      title: row.title,
      sector: row.sector,
      localityId: row.localityId,
      status: row.status,
      requestedAmount: row.requestedAmount,
      awardedAmount: application.awardedAmount,
      decisionReason: application.decisionReason,
      waitlistPosition: application.waitlistPosition,
      feedback: application.feedback,
      beneficiaryName: [row.beneficiaryFirstName, row.beneficiaryLastName]
        .filter(Boolean)
        .join(' '),
    };
  });
  const awarded = [...facts.values()].filter((row) => row.status === 'awarded');
  const awardedTotal = awarded.reduce((sum, row) => sum + (row.awardedAmount ?? 0), 0);
  return {
    competition,
    finalRoundId: finalRound?.id ?? null,
    roundStillOpen,
    rows,
    budget: {
      total: competition.budgetTotal,
      awarded: awardedTotal,
      remaining: competition.budgetTotal - awardedTotal,
    },
    quotas: competitionLocalityRows(competitionId).map((l) => ({
      localityId: l.localityId,
      quota: l.quota,
      awarded: awarded.filter((row) => row.localityId === l.localityId).length,
      nameKy: l.nameKy,
      nameRu: l.nameRu,
      nameEn: l.nameEn,
    })),
    announced: competition.announcedAt !== null,
  };
}

// ---------------------------------------------------------------------------------------------
// Deciding

export type DecideRefusal =
  | 'not-found'
  | 'locked'
  | 'not-ready'
  | 'not-in-final-round'
  | 'amount-out-of-range'
  | 'over-budget'
  | 'over-quota'
  | 'reason-required';

/**
 * Waiting-list places follow the final ranking, counted within each locality: a place that comes
 * free is offered to the next family of the same village (the quota is per village), so that is
 * the number she is told. Renumbered after every decision and every offer.
 */
function renumberWaitlist(tx: Tx, competitionId: number, rankedIds: number[]) {
  const waitlisted = listApplicationsForScreening({ competitionId, status: 'waitlisted' }, tx);
  const localityOf = new Map(waitlisted.map((r) => [r.id, r.localityId]));
  const nextPlace = new Map<number, number>();
  for (const applicationId of rankedIds) {
    const localityId = localityOf.get(applicationId);
    if (localityId === undefined) continue;
    const place = (nextPlace.get(localityId) ?? 0) + 1;
    nextPlace.set(localityId, place);
    updateApplicationRow(tx, applicationId, { waitlistPosition: place });
  }
}

/** Quota of a locality in a competition, and how many of its applications are awarded now. */
function quotaState(
  tx: Tx | undefined,
  competitionId: number,
  localityId: number,
  exceptApplicationId: number,
) {
  const quota =
    competitionLocalityRows(competitionId, tx).find((l) => l.localityId === localityId)?.quota ??
    null;
  const awarded = listAwarded(competitionId, tx).filter(
    (a) => a.localityId === localityId && a.id !== exceptApplicationId,
  ).length;
  return { quota, awarded, full: quota !== null && awarded >= quota };
}

/**
 * Staff decide one application of the final ranking: award (a whole amount between the
 * competition's min and max, never above the budget or a locality's quota — checked inside the
 * write transaction, so two staff deciding at the same moment cannot both pass), waitlist, or not
 * selected. Passing over a higher-ranked application needs a written reason: awarding while a
 * higher-ranked one is not awarded (unless its village's quota is already full), and turning
 * down a higher-ranked one while a lower-ranked award stands without a reason.
 */
export function decide(
  request: Request,
  staff: SessionUser,
  applicationId: number,
  input: { decision: Decision; amount?: number | null; reason?: string },
): { ok: true } | { ok: false; error: DecideRefusal } {
  const application = findApplication(applicationId);
  if (!application) return { ok: false, error: 'not-found' };
  const board = decisionBoard(application.competitionId)!;
  if (board.announced) return { ok: false, error: 'locked' };
  if (!board.finalRoundId || board.roundStillOpen) return { ok: false, error: 'not-ready' };
  const position = board.rows.findIndex((r) => r.applicationId === applicationId);
  // A family who withdrew her application is not decided on.
  if (position < 0 || application.status === 'withdrawn')
    return { ok: false, error: 'not-in-final-round' };
  const { competition } = board;
  const reason = input.reason?.trim() ?? '';
  const amount =
    input.decision === 'awarded' ? (input.amount ?? application.requestedAmount) : null;
  if (
    amount !== null &&
    (!Number.isSafeInteger(amount) ||
      amount < competition.minGrant ||
      amount > competition.maxGrant)
  ) {
    return { ok: false, error: 'amount-out-of-range' };
  }
  const household = findHousehold(application.householdId)!;
  try {
    writeTransaction((tx) => {
      const current = findApplication(applicationId, tx)!;
      if (findCompetition(competition.id, tx)!.announcedAt) throw new Refusal('locked');
      // Everything that depends on the other decisions is read again under the write lock.
      const statusNow = new Map(
        listApplicationsForScreening({ competitionId: competition.id }, tx).map((r) => [r.id, r]),
      );
      const ranked = board.rows.map((r) => ({ ...r, ...statusNow.get(r.applicationId)! }));
      if (input.decision === 'awarded') {
        const others = listAwarded(competition.id, tx).filter((a) => a.id !== applicationId);
        const otherAmounts = others.reduce((sum, a) => sum + (a.awardedAmount ?? 0), 0);
        if (otherAmounts + amount! > competition.budgetTotal) throw new Refusal('over-budget');
        if (quotaState(tx, competition.id, household.localityId, applicationId).full)
          throw new Refusal('over-quota');
        const passedOver = ranked
          .slice(0, position)
          .some(
            (r) =>
              r.status !== 'awarded' &&
              r.status !== 'withdrawn' &&
              !quotaState(tx, competition.id, r.localityId, applicationId).full,
          );
        if (passedOver && !reason) throw new Refusal('reason-required');
      } else {
        const lowerAwardWithoutReason = ranked
          .slice(position + 1)
          .some((r) => r.status === 'awarded' && !findApplication(r.id, tx)!.decisionReason);
        if (
          lowerAwardWithoutReason &&
          !quotaState(tx, competition.id, household.localityId, applicationId).full &&
          !reason
        ) {
          throw new Refusal('reason-required');
        }
      }
      updateApplicationRow(tx, applicationId, {
        status: input.decision,
        awardedAmount: amount,
        decisionReason: reason || null,
        decidedById: staff.user.id,
        decidedAt: new Date(),
        waitlistPosition: null,
      });
      if (current.status !== input.decision) {
        insertStatusHistory(tx, {
          applicationId,
          fromStatus: current.status,
          toStatus: input.decision,
          changedById: staff.user.id,
          // The reason stays with staff (audit, board): the family's history shows her status
          // only, and a reason may name another family.
        });
      }
      renumberWaitlist(
        tx,
        competition.id,
        board.rows.map((r) => r.applicationId),
      );
      appendAudit(tx, {
        actorUserId: staff.user.id,
        action: 'application.decided',
        entityType: 'application',
        entityId: applicationId,
        before: {
          status: current.status,
          awardedAmount: current.awardedAmount,
          reason: current.decisionReason,
        },
        after: { status: input.decision, awardedAmount: amount, reason: reason || null },
        ipAddress: clientIp(request),
      });
    });
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, error: error.reason as DecideRefusal };
    throw error;
  }
  return { ok: true };
}

class Refusal extends Error {
  constructor(readonly reason: DecideRefusal | 'not-waitlisted' | 'not-next') {
    super(reason);
  }
}

/** Staff's short text for the family, sent with her result. */
export function setFeedback(
  request: Request,
  staff: SessionUser,
  applicationId: number,
  feedback: string,
): { ok: true } | { ok: false; error: 'not-found' | 'locked' } {
  const application = findApplication(applicationId);
  const competition = application ? findCompetition(application.competitionId) : undefined;
  if (!application || !competition) return { ok: false, error: 'not-found' };
  if (competition.announcedAt) return { ok: false, error: 'locked' };
  writeTransaction((tx) => {
    updateApplicationRow(tx, applicationId, { feedback: feedback.trim() || null });
    appendAudit(tx, {
      actorUserId: staff.user.id,
      action: 'application.feedback-written',
      entityType: 'application',
      entityId: applicationId,
      ipAddress: clientIp(request),
    });
  });
  return { ok: true };
}

/**
 * What the jurors wrote about an application, in every round, for staff to draw feedback from —
 * never saying who wrote it, in an order that does not follow the jurors.
 */
export function jurorCommentsFor(applicationId: number): string[] {
  const application = findApplication(applicationId);
  if (!application) return [];
  const comments: string[] = [];
  for (const round of roundsOfCompetition(application.competitionId)) {
    for (const item of submittedItemsOfRound(round.id)) {
      if (item.applicationId !== applicationId) continue;
      if (item.comment.trim()) comments.push(item.comment.trim());
      if (item.overallComment.trim()) comments.push(item.overallComment.trim());
    }
  }
  return [...new Set(comments)].sort((a, b) => a.localeCompare(b));
}

/** The winner's permission to show her first name, initial and village on the public page. */
export function setPublishConsent(
  request: Request,
  actor: SessionUser,
  applicationId: number,
  consent: boolean,
): { ok: true } | { ok: false; error: 'not-found' } {
  const application = findApplication(applicationId);
  const household = application ? findHousehold(application.householdId) : undefined;
  const access = household ? householdAccess(actor, household) : null;
  if (!application || (access !== 'owner' && access !== 'facilitator'))
    return { ok: false, error: 'not-found' };
  writeTransaction((tx) => {
    updateApplicationRow(tx, applicationId, { publishNameConsent: consent });
    appendAudit(tx, {
      actorUserId: actor.user.id,
      action: 'application.publish-consent-changed',
      entityType: 'application',
      entityId: applicationId,
      before: { publishNameConsent: application.publishNameConsent },
      after: { publishNameConsent: consent },
      ipAddress: clientIp(request),
    });
  });
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// Announcing

export type AnnouncementPlan = {
  awarded: number;
  waitlisted: number;
  notSelected: number;
  /** Families who get their result by e-mail, and those a facilitator must tell in person. */
  byEmail: number;
  inPerson: number;
  undecided: number[];
};

/** Everyone whose application reached the jury hears her result; drafts and ineligible do not. */
function applicationsToTell(competitionId: number, tx?: Tx) {
  return listApplicationsForScreening({ competitionId }, tx).filter((row) =>
    ['eligible', 'in-review', 'shortlisted', 'awarded', 'waitlisted', 'not-selected'].includes(
      row.status,
    ),
  );
}

function canEmail(userId: number | null, tx?: Tx): boolean {
  return mayEmailProgrammeNotice(userId ? findUserById(userId, tx) : undefined);
}

export function announcementPlan(competitionId: number): AnnouncementPlan | null {
  const board = decisionBoard(competitionId);
  if (!board) return null;
  const finalIds = new Set(board.rows.map((r) => r.applicationId));
  const rows = applicationsToTell(competitionId);
  const status = (row: (typeof rows)[number]): Decision =>
    DECIDED.includes(row.status) ? (row.status as Decision) : 'not-selected';
  let byEmail = 0;
  for (const row of rows) {
    if (canEmail(findHousehold(row.householdId)!.userId)) byEmail += 1;
  }
  return {
    awarded: rows.filter((r) => status(r) === 'awarded').length,
    waitlisted: rows.filter((r) => status(r) === 'waitlisted').length,
    notSelected: rows.filter((r) => status(r) === 'not-selected').length,
    byEmail,
    inPerson: rows.length - byEmail,
    undecided: board.rows
      .filter((r) => finalIds.has(r.applicationId) && needsDecision(r))
      .map((r) => r.applicationId),
  };
}

/** A row of the final ranking still waiting for staff (a withdrawn application does not). */
function needsDecision(row: Pick<BoardRow, 'status'>): boolean {
  return !DECIDED.includes(row.status) && row.status !== 'withdrawn';
}

export type AnnounceRefusal =
  'not-found' | 'already-announced' | 'not-ready' | 'undecided' | 'no-winner';

function tellResult(
  tx: Tx,
  application: Application,
  competition: Competition,
  decision: Decision,
) {
  const household = findHousehold(application.householdId, tx)!;
  const family = household.userId ? findUserById(household.userId, tx) : undefined;
  if (!family) return;
  queueNotice(tx, {
    recipient: family,
    template: resultEmail,
    params: {
      name: family.name,
      competitionTitle: competitionTitle(competition, family.locale),
      reference: application.reference ?? '',
      decision,
      amount:
        decision === 'awarded' && application.awardedAmount !== null
          ? formatMoney(application.awardedAmount, competition.currency, family.locale)
          : '',
      waitlistPosition: application.waitlistPosition ?? 0,
      feedback: application.feedback ?? '',
      url: appLink(`/applications/${application.id}`),
    },
    kind: 'programme',
  });
}

/**
 * One action: decisions lock, every family whose application reached the jury gets her result
 * in her language (or appears on her facilitator's list), and the public results go up.
 */
export function announce(
  request: Request,
  staff: SessionUser,
  competitionId: number,
): { ok: true; told: number } | { ok: false; error: AnnounceRefusal } {
  const board = decisionBoard(competitionId);
  if (!board) return { ok: false, error: 'not-found' };
  if (board.announced) return { ok: false, error: 'already-announced' };
  if (!board.finalRoundId || board.roundStillOpen) return { ok: false, error: 'not-ready' };
  if (board.rows.some(needsDecision)) return { ok: false, error: 'undecided' };
  if (!board.rows.some((r) => r.status === 'awarded')) return { ok: false, error: 'no-winner' };
  const told = writeTransaction((tx) => {
    const competition = findCompetition(competitionId, tx)!;
    if (competition.announcedAt) throw new Error('announced twice');
    const now = new Date();
    updateCompetitionRow(tx, competitionId, {
      status: 'decided',
      announcedAt: now,
      announcedById: staff.user.id,
    });
    const rows = applicationsToTell(competitionId, tx);
    for (const row of rows) {
      let application = findApplication(row.id, tx)!;
      // Applications that did not reach the final round are not selected.
      if (!DECIDED.includes(application.status)) {
        insertStatusHistory(tx, {
          applicationId: application.id,
          fromStatus: application.status,
          toStatus: 'not-selected',
          changedById: staff.user.id,
        });
        application = updateApplicationRow(tx, application.id, {
          status: 'not-selected',
          decidedById: staff.user.id,
          decidedAt: now,
        });
      }
      tellResult(tx, application, competition, application.status as Decision);
    }
    appendAudit(tx, {
      actorUserId: staff.user.id,
      action: 'competition.announced',
      entityType: 'competition',
      entityId: competitionId,
      before: { status: competition.status },
      after: { status: 'decided', told: rows.length },
      ipAddress: clientIp(request),
    });
    return rows.length;
  });
  return { ok: true, told };
}

// ---------------------------------------------------------------------------------------------
// The facilitator's list: results to tell in person

/** Results her families cannot be e-mailed, in her localities; she ticks each one off. */
export function resultsToTellInPerson(facilitator: SessionUser) {
  // Each competition is looked up once, and only announced ones' rows are read further.
  const announced = new Map<number, boolean>();
  const isAnnounced = (competitionId: number) => {
    if (!announced.has(competitionId))
      announced.set(competitionId, Boolean(findCompetition(competitionId)?.announcedAt));
    return announced.get(competitionId)!;
  };
  const rows = listApplicationsForScreening({}).filter(
    (row) =>
      ['awarded', 'waitlisted', 'not-selected', 'withdrawn'].includes(row.status) &&
      isAnnounced(row.competitionId),
  );
  return rows
    .map((row) => ({
      row,
      application: findApplication(row.id)!,
      household: findHousehold(row.householdId)!,
    }))
    .filter(({ application, household }) => {
      // Of withdrawn applications, only a taken-back award is a result to tell (one she declined
      // herself is marked told at once; one she withdrew before the decision is not a result).
      if (application.status === 'withdrawn' && !application.awardWithdrawnAt) return false;
      return (
        householdAccess(facilitator, household) === 'facilitator' && !canEmail(household.userId)
      );
    });
}

export function markResultTold(
  request: Request,
  facilitator: SessionUser,
  applicationId: number,
): { ok: true } | { ok: false; error: 'not-found' } {
  const entry = resultsToTellInPerson(facilitator).find((e) => e.application.id === applicationId);
  if (!entry) return { ok: false, error: 'not-found' };
  writeTransaction((tx) => {
    updateApplicationRow(tx, applicationId, {
      resultToldAt: new Date(),
      resultToldById: facilitator.user.id,
    });
    appendAudit(tx, {
      actorUserId: facilitator.user.id,
      action: 'application.result-told-in-person',
      entityType: 'application',
      entityId: applicationId,
      ipAddress: clientIp(request),
    });
  });
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// After the announcement: a winner steps back, her place goes to the waiting list

export type StepBackRefusal = 'not-found' | 'not-awarded' | 'not-announced' | 'reason-required';

function stepBack(
  request: Request,
  actor: SessionUser,
  applicationId: number,
  reason: string,
  by: 'family' | 'staff',
): { ok: true } | { ok: false; error: StepBackRefusal } {
  const application = findApplication(applicationId);
  const competition = application ? findCompetition(application.competitionId) : undefined;
  if (!application || !competition) return { ok: false, error: 'not-found' };
  if (by === 'family') {
    const access = householdAccess(actor, findHousehold(application.householdId)!);
    if (access !== 'owner' && access !== 'facilitator') return { ok: false, error: 'not-found' };
  }
  if (!competition.announcedAt) return { ok: false, error: 'not-announced' };
  if (by === 'staff' && !reason.trim()) return { ok: false, error: 'reason-required' };
  try {
    writeTransaction((tx) => {
      // Read again under the write lock: a second click or a second person finds it done.
      const current = findApplication(applicationId, tx)!;
      if (current.status !== 'awarded') throw new StepBackError('not-awarded');
      const now = new Date();
      updateApplicationRow(tx, applicationId, {
        status: 'withdrawn',
        awardWithdrawnAt: now,
        awardWithdrawnReason: reason.trim() || null,
        // She declined herself (or with her facilitator): she knows. Staff withdrawing it: she
        // must be told again — by e-mail, or in person by her facilitator.
        resultToldAt: by === 'family' ? now : null,
        resultToldById: by === 'family' ? actor.user.id : null,
      });
      insertStatusHistory(tx, {
        applicationId,
        fromStatus: 'awarded',
        toStatus: 'withdrawn',
        changedById: actor.user.id,
        reason: reason.trim() || null,
      });
      if (by === 'staff') tellWithdrawal(tx, current, competition, reason.trim());
      appendAudit(tx, {
        actorUserId: actor.user.id,
        action: by === 'family' ? 'application.award-declined' : 'application.award-withdrawn',
        entityType: 'application',
        entityId: applicationId,
        before: { status: 'awarded', awardedAmount: current.awardedAmount },
        after: { status: 'withdrawn', reason: reason.trim() || null },
        ipAddress: clientIp(request),
      });
    });
  } catch (error) {
    if (error instanceof StepBackError) return { ok: false, error: error.reason };
    throw error;
  }
  return { ok: true };
}

class StepBackError extends Error {
  constructor(readonly reason: StepBackRefusal) {
    super(reason);
  }
}

/** Staff took her award back: she is told why, in her language. */
function tellWithdrawal(
  tx: Tx,
  application: Application,
  competition: Competition,
  reason: string,
) {
  const household = findHousehold(application.householdId, tx)!;
  const family = household.userId ? findUserById(household.userId, tx) : undefined;
  if (!family) return;
  queueNotice(tx, {
    recipient: family,
    template: awardWithdrawnEmail,
    params: {
      name: family.name,
      competitionTitle: competitionTitle(competition, family.locale),
      reference: application.reference ?? '',
      reason,
      url: appLink(`/applications/${application.id}`),
    },
    kind: 'programme',
  });
}

/** The winner declines her grant (or her facilitator does, for her). */
export function declineAward(
  request: Request,
  family: SessionUser,
  applicationId: number,
  reason: string,
) {
  return stepBack(request, family, applicationId, reason, 'family');
}

/** Staff withdraw an award, with a reason the family is told. */
export function withdrawAward(
  request: Request,
  staff: SessionUser,
  applicationId: number,
  reason: string,
) {
  return stepBack(request, staff, applicationId, reason, 'staff');
}

export type OfferRefusal =
  'not-found' | 'not-announced' | 'not-waitlisted' | 'not-next' | DecideRefusal;

/**
 * Offers a freed place to the next family on the waiting list of the same locality, within the
 * budget and the quota. She is told by e-mail (or by her facilitator).
 */
export function offerPlace(
  request: Request,
  staff: SessionUser,
  applicationId: number,
  amount?: number | null,
): { ok: true } | { ok: false; error: OfferRefusal } {
  const application = findApplication(applicationId);
  const competition = application ? findCompetition(application.competitionId) : undefined;
  if (!application || !competition) return { ok: false, error: 'not-found' };
  if (!competition.announcedAt) return { ok: false, error: 'not-announced' };
  const grant = amount ?? application.requestedAmount;
  if (!Number.isSafeInteger(grant) || grant < competition.minGrant || grant > competition.maxGrant)
    return { ok: false, error: 'amount-out-of-range' };
  const household = findHousehold(application.householdId)!;
  const rankedIds = decisionBoard(competition.id)!.rows.map((r) => r.applicationId);
  try {
    writeTransaction((tx) => {
      // Read again under the write lock: two staff offering at once cannot both give a place.
      if (findApplication(applicationId, tx)!.status !== 'waitlisted')
        throw new Refusal('not-waitlisted');
      const next = listApplicationsForScreening(
        { competitionId: competition.id, status: 'waitlisted' },
        tx,
      )
        .filter((row) => row.localityId === household.localityId)
        .map((row) => findApplication(row.id, tx)!)
        .sort((a, b) => (a.waitlistPosition ?? Infinity) - (b.waitlistPosition ?? Infinity))[0];
      if (next?.id !== applicationId) throw new Refusal('not-next');
      const total = awardedSum(competition.id, tx);
      if (total + grant > competition.budgetTotal) throw new Refusal('over-budget');
      if (quotaState(tx, competition.id, household.localityId, applicationId).full)
        throw new Refusal('over-quota');
      const updated = updateApplicationRow(tx, applicationId, {
        status: 'awarded',
        awardedAmount: grant,
        waitlistPosition: null,
        decidedById: staff.user.id,
        decidedAt: new Date(),
        // Her telling in person, if needed, starts again for the new result.
        resultToldAt: null,
        resultToldById: null,
      });
      insertStatusHistory(tx, {
        applicationId,
        fromStatus: 'waitlisted',
        toStatus: 'awarded',
        changedById: staff.user.id,
      });
      renumberWaitlist(tx, competition.id, rankedIds);
      const family = household.userId ? findUserById(household.userId, tx) : undefined;
      if (family) {
        queueNotice(tx, {
          recipient: family,
          template: awardOfferedEmail,
          params: {
            name: family.name,
            competitionTitle: competitionTitle(competition, family.locale),
            reference: updated.reference ?? '',
            amount: formatMoney(grant, competition.currency, family.locale),
            url: appLink(`/applications/${applicationId}`),
          },
          kind: 'programme',
        });
      }
      appendAudit(tx, {
        actorUserId: staff.user.id,
        action: 'application.place-offered',
        entityType: 'application',
        entityId: applicationId,
        before: { status: 'waitlisted', waitlistPosition: next.waitlistPosition },
        after: { status: 'awarded', awardedAmount: grant },
        ipAddress: clientIp(request),
      });
    });
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, error: error.reason };
    throw error;
  }
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// The public results

/**
 * What anyone may see once results are announced: counts, money, winners by village and sector,
 * and — only for winners who agreed — first name and initial. Never surnames, benefits, income
 * or anything about the household.
 */
export function publicResults(competitionId: number, options: { preview?: boolean } = {}) {
  const competition = findCompetition(competitionId);
  // Staff preview the page before announcing; everyone else sees it only after.
  if (!competition || (!competition.announcedAt && !options.preview)) return null;
  const rows = listApplicationsForScreening({ competitionId });
  const winners = rows.filter((row) => row.status === 'awarded');
  const localities = competitionLocalityRows(competitionId);
  return {
    competition: {
      id: competition.id,
      titleKy: competition.titleKy,
      titleRu: competition.titleRu,
      titleEn: competition.titleEn,
      currency: competition.currency,
      announcedAt: competition.announcedAt,
    },
    applications: rows.filter((row) => row.submittedAt !== null).length,
    winners: winners.length,
    totalAwarded: winners.reduce((sum, row) => sum + (row.awardedAmount ?? 0), 0),
    byLocality: localities.map((l) => ({
      nameKy: l.nameKy,
      nameRu: l.nameRu,
      nameEn: l.nameEn,
      winners: winners.filter((w) => w.localityId === l.localityId).length,
    })),
    bySector: [...new Set(winners.map((w) => w.sector))].map((sector) => ({
      sector,
      winners: winners.filter((w) => w.sector === sector).length,
    })),
    named: winners
      .filter((w) => findApplication(w.id)!.publishNameConsent && w.beneficiaryFirstName)
      .map((w) => ({
        firstName: w.beneficiaryFirstName!,
        initial: w.beneficiaryLastName ? `${w.beneficiaryLastName.slice(0, 1)}.` : '',
        localityKy: w.localityKy,
        localityRu: w.localityRu,
        localityEn: w.localityEn,
        sector: w.sector,
      })),
  };
}
