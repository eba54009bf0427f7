// Decisions and announcement (DESIGN.md, "Decisions and announcement"): staff turn the final
// ranking into grants within the budget and each locality's quota, announce once — every family
// told in her language, or by her facilitator — and then replace a winner who steps back from
// the waiting list of her locality.
import { writeTransaction, type Tx } from '~db/client';
import type { Application } from '~db/schema/applications';
import type { Competition } from '~db/schema/competitions';
import type { Round } from '~db/schema/jury';
import { awardOfferedEmail, awardWithdrawnEmail, resultEmail } from '~emails/result';
import { LOCALE_NATIVE_NAMES, type Locale } from '~/i18n/config';
import { formatMoney } from '~/i18n/format';
import { pickLocalized, titleTexts } from '~/i18n/localized-text';
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
import {
  awardedPerLocality,
  awardedTotal,
  awardWithinLimits,
  awardWithoutReasonBelow,
  boardRows,
  countBoardRows,
  firstInRoundWithStatus,
  firstWaitlistedIds,
  jurorCommentRows,
  passedOverAbove,
  rankInRound,
  renumberWaitlistRows,
  undecidedInRound,
  type BoardFilter,
} from '~/models/decision.server';
import { findHousehold } from '~/models/household.server';
import { roundsOfCompetition } from '~/models/jury.server';
import { findUserById } from '~/models/user.server';
import type { ApplicationStatus } from '~/schemas/enums';
import { clientIp } from '~/utils/request.server';
import type { SessionUser } from '~/utils/session.server';
import { cancelGrantOf, openGrantFor } from './grants.server';
import { householdAccess } from './households.server';
import { storeFinalRanking } from './jury.server';
import {
  appLink,
  mayEmailProgrammeNotice,
  queueNotice,
  type NoticeRecipient,
} from './notices.server';

export type Decision = 'awarded' | 'waitlisted' | 'not-selected';
export const DECIDED: ApplicationStatus[] = ['awarded', 'waitlisted', 'not-selected'];

function competitionTitle(competition: Competition, locale: NoticeRecipient['locale']): string {
  return pickLocalized(titleTexts(competition), locale)?.text ?? '';
}

// ---------------------------------------------------------------------------------------------
// The board: a page of the final ranking with decisions, the budget and the quotas

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

/** Each row carries its decision and feedback forms: 25 keep the page light at any size. */
export const BOARD_PAGE_SIZE = 25;

export type DecisionBoard = {
  competition: Competition;
  /** The last closed round, whose ranking the decisions follow; null while none is closed. */
  finalRoundId: number | null;
  finalRound: Round | null;
  /** A round still being scored: decisions wait for it. */
  roundStillOpen: boolean;
  /** The first round not closed yet, if any. */
  openRound: Round | null;
  /** One page of the final ranking, with the filter applied. */
  rows: BoardRow[];
  filter: BoardFilter;
  page: { number: number; size: number; total: number };
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

/** Money awarded in the competition so far. */
export function awardedSum(competitionId: number, tx?: Tx): number {
  return awardedTotal(competitionId, tx);
}

/**
 * The budget rule (DESIGN.md: "the sum awarded never exceeds the budget"): what is awarded to the
 * other applications plus this amount stays within the competition's budget. Every path that
 * awards money — deciding, offering a freed place — calls it inside its write transaction.
 */
export function withinBudget(
  tx: Tx,
  competition: Pick<Competition, 'id' | 'budgetTotal'>,
  applicationId: number,
  amount: number,
): boolean {
  return awardedTotal(competition.id, tx, applicationId) + amount <= competition.budgetTotal;
}

/**
 * The quota rule (a programme may set e.g. 15 grants for Ivanovka, 15 for Osh): the villages
 * whose quota is already met by the awards other than this application.
 */
export function fullVillages(tx: Tx, competitionId: number, applicationId: number): number[] {
  const awarded = awardedPerLocality(competitionId, tx, applicationId);
  return competitionLocalityRows(competitionId, tx)
    .filter((l) => l.quota !== null && (awarded.get(l.localityId) ?? 0) >= l.quota)
    .map((l) => l.localityId);
}

/** The round decisions follow (the last closed one), and whether another is still open. */
function finalRoundOf(competitionId: number, tx?: Tx) {
  const rounds = roundsOfCompetition(competitionId, tx);
  const finalRound = [...rounds].reverse().find((r) => r.status === 'closed') ?? null;
  const openRound = rounds.find((r) => r.status !== 'closed') ?? null;
  return { finalRound, openRound, roundStillOpen: openRound !== null };
}

export function decisionBoard(
  competitionId: number,
  options: { filter?: BoardFilter; page?: number; pageSize?: number } = {},
): DecisionBoard | null {
  const competition = findCompetition(competitionId);
  if (!competition) return null;
  const { finalRound, openRound, roundStillOpen } = finalRoundOf(competitionId);
  if (finalRound) storeFinalRanking(finalRound);
  const filter = options.filter ?? {};
  const size = options.pageSize ?? BOARD_PAGE_SIZE;
  const total = finalRound ? countBoardRows(finalRound.id, filter) : 0;
  const pages = Math.max(1, Math.ceil(total / size));
  const number = Math.min(Math.max(1, options.page ?? 1), pages);
  const rows: BoardRow[] = finalRound
    ? boardRows(finalRound.id, filter, { limit: size, offset: (number - 1) * size }).map(
        ({ beneficiaryFirstName, beneficiaryLastName, ...row }) => ({
          ...row,
          beneficiaryName: [beneficiaryFirstName, beneficiaryLastName].filter(Boolean).join(' '),
        }),
      )
    : [];
  const awardedTotalNow = awardedTotal(competitionId);
  const perVillage = awardedPerLocality(competitionId);
  return {
    competition,
    finalRoundId: finalRound?.id ?? null,
    finalRound,
    roundStillOpen,
    openRound,
    rows,
    filter,
    page: { number, size, total },
    budget: {
      total: competition.budgetTotal,
      awarded: awardedTotalNow,
      remaining: competition.budgetTotal - awardedTotalNow,
    },
    quotas: competitionLocalityRows(competitionId).map((l) => ({
      localityId: l.localityId,
      quota: l.quota,
      awarded: perVillage.get(l.localityId) ?? 0,
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
 * Staff decide one application of the final ranking: award (a whole amount between the
 * competition's min and max, never above the budget or a locality's quota — checked inside the
 * write transaction, so two staff deciding at the same moment cannot both pass), waitlist, or not
 * selected. Passing over a higher-ranked application needs a written reason: awarding while a
 * higher-ranked one is not awarded (unless its village's quota is already full), and turning
 * down a higher-ranked one while a lower-ranked award stands without a reason. Each check reads
 * only what it needs (an aggregate or one indexed row), whatever the size of the programme.
 */
export function decide(
  request: Request,
  staff: SessionUser,
  applicationId: number,
  input: { decision: Decision; amount?: number | null; reason?: string },
): { ok: true } | { ok: false; error: DecideRefusal } {
  const application = findApplication(applicationId);
  if (!application) return { ok: false, error: 'not-found' };
  const competition = findCompetition(application.competitionId)!;
  if (competition.announcedAt) return { ok: false, error: 'locked' };
  const { finalRound, roundStillOpen } = finalRoundOf(competition.id);
  if (!finalRound || roundStillOpen) return { ok: false, error: 'not-ready' };
  storeFinalRanking(finalRound.id);
  const rank = rankInRound(finalRound.id, applicationId);
  // A family who withdrew her application is not decided on.
  if (rank === undefined || application.status === 'withdrawn')
    return { ok: false, error: 'not-in-final-round' };
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
      // Everything that depends on the other decisions is read again under the write lock.
      const current = findApplication(applicationId, tx)!;
      if (findCompetition(competition.id, tx)!.announcedAt) throw new Refusal('locked');
      const full = fullVillages(tx, competition.id, applicationId);
      const values = {
        decisionReason: reason || null,
        decidedById: staff.user.id,
        decidedAt: new Date(),
        waitlistPosition: null,
      };
      if (input.decision === 'awarded') {
        if (!withinBudget(tx, competition, applicationId, amount!))
          throw new Refusal('over-budget');
        if (full.includes(household.localityId)) throw new Refusal('over-quota');
        if (!reason && passedOverAbove(tx, finalRound.id, rank, full))
          throw new Refusal('reason-required');
        const awarded = awardWithinLimits(tx, {
          applicationId,
          competitionId: competition.id,
          localityId: household.localityId,
          amount: amount!,
          values,
        });
        if (!awarded) throw new Refusal('over-budget');
      } else {
        if (
          !reason &&
          !full.includes(household.localityId) &&
          awardWithoutReasonBelow(tx, competition.id, finalRound.id, rank)
        ) {
          throw new Refusal('reason-required');
        }
        updateApplicationRow(tx, applicationId, {
          ...values,
          status: input.decision,
          awardedAmount: null,
        });
      }
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
      renumberWaitlistRows(tx, competition.id, finalRound.id);
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

/** Staff's short text for the family, sent with her result, and the language it is written in. */
export function setFeedback(
  request: Request,
  staff: SessionUser,
  applicationId: number,
  feedback: string,
  language: Locale | null = null,
): { ok: true } | { ok: false; error: 'not-found' | 'locked' } {
  const application = findApplication(applicationId);
  const competition = application ? findCompetition(application.competitionId) : undefined;
  if (!application || !competition) return { ok: false, error: 'not-found' };
  if (competition.announcedAt) return { ok: false, error: 'locked' };
  writeTransaction((tx) => {
    const text = feedback.trim() || null;
    updateApplicationRow(tx, applicationId, {
      feedback: text,
      feedbackLocale: text ? language : null,
    });
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
  return jurorCommentsOf([applicationId]).get(applicationId) ?? [];
}

/** The jurors' comments for a page of applications, in one query (by application, indexed). */
export function jurorCommentsOf(applicationIds: number[]): Map<number, string[]> {
  const byApplication = new Map<number, Set<string>>();
  for (const row of jurorCommentRows(applicationIds)) {
    const set = byApplication.get(row.applicationId) ?? new Set<string>();
    if (row.comment.trim()) set.add(row.comment.trim());
    if (row.overallComment.trim()) set.add(row.overallComment.trim());
    byApplication.set(row.applicationId, set);
  }
  return new Map(
    [...byApplication].map(([id, set]) => [id, [...set].sort((a, b) => a.localeCompare(b))]),
  );
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
  const competition = findCompetition(competitionId);
  if (!competition) return null;
  const { finalRound } = finalRoundOf(competitionId);
  if (finalRound) storeFinalRanking(finalRound.id);
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
    undecided: finalRound
      ? undecidedInRound(finalRound.id, UNDECIDED_SHOWN).map((r) => r.applicationId)
      : [],
  };
}

/** How many undecided applications the preview names (the count says the rest). */
const UNDECIDED_SHOWN = 200;

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
      feedbackLanguage:
        application.feedback &&
        application.feedbackLocale &&
        application.feedbackLocale !== family.locale
          ? LOCALE_NATIVE_NAMES[application.feedbackLocale]
          : '',
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
  const competitionNow = findCompetition(competitionId);
  if (!competitionNow) return { ok: false, error: 'not-found' };
  if (competitionNow.announcedAt) return { ok: false, error: 'already-announced' };
  const { finalRound, roundStillOpen } = finalRoundOf(competitionId);
  if (!finalRound || roundStillOpen) return { ok: false, error: 'not-ready' };
  storeFinalRanking(finalRound.id);
  if (undecidedInRound(finalRound.id, 1).length > 0) return { ok: false, error: 'undecided' };
  if (!firstInRoundWithStatus(finalRound.id, 'awarded')) return { ok: false, error: 'no-winner' };
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
      // Each award becomes a grant in the same transaction (grants.server.ts).
      if (application.status === 'awarded')
        openGrantFor(tx, application, competition, staff.user.id);
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
      cancelGrantOf(tx, applicationId, actor.user.id);
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
  const { finalRound } = finalRoundOf(competition.id);
  if (finalRound) storeFinalRanking(finalRound.id);
  try {
    writeTransaction((tx) => {
      // Read again under the write lock: two staff offering at once cannot both give a place.
      const current = findApplication(applicationId, tx)!;
      if (current.status !== 'waitlisted') throw new Refusal('not-waitlisted');
      if (!firstWaitlistedIds(competition.id, tx).includes(applicationId))
        throw new Refusal('not-next');
      if (!withinBudget(tx, competition, applicationId, grant)) throw new Refusal('over-budget');
      if (fullVillages(tx, competition.id, applicationId).includes(household.localityId))
        throw new Refusal('over-quota');
      const awarded = awardWithinLimits(tx, {
        applicationId,
        competitionId: competition.id,
        localityId: household.localityId,
        amount: grant,
        values: {
          waitlistPosition: null,
          decidedById: staff.user.id,
          decidedAt: new Date(),
          // Her telling in person, if needed, starts again for the new result.
          resultToldAt: null,
          resultToldById: null,
        },
      });
      if (!awarded) throw new Refusal('over-budget');
      const updated = findApplication(applicationId, tx)!;
      insertStatusHistory(tx, {
        applicationId,
        fromStatus: 'waitlisted',
        toStatus: 'awarded',
        changedById: staff.user.id,
      });
      renumberWaitlistRows(tx, competition.id, finalRound?.id ?? null);
      openGrantFor(tx, updated, competition, staff.user.id);
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
        before: { status: 'waitlisted', waitlistPosition: current.waitlistPosition },
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
 * The one rule of naming a winner outside the office (the public results, the donor report): an
 * awarded application whose family agreed to publication and whose beneficiary has a first name.
 */
export function publishableWinners<
  T extends { id: number; status: string; beneficiaryFirstName: string | null },
>(rows: readonly T[]): (T & { beneficiaryFirstName: string })[] {
  return rows.filter(
    (w): w is T & { beneficiaryFirstName: string } =>
      w.status === 'awarded' &&
      Boolean(w.beneficiaryFirstName) &&
      findApplication(w.id)!.publishNameConsent,
  );
}

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
      titleKk: competition.titleKk,
      titleUz: competition.titleUz,
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
    named: publishableWinners(winners).map((w) => ({
      firstName: w.beneficiaryFirstName!,
      initial: w.beneficiaryLastName ? `${w.beneficiaryLastName.slice(0, 1)}.` : '',
      localityKy: w.localityKy,
      localityRu: w.localityRu,
      localityEn: w.localityEn,
      sector: w.sector,
    })),
  };
}
