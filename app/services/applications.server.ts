import { writeTransaction, type Tx } from '~db/client';
import type { Application } from '~db/schema/applications';
import type { Competition } from '~db/schema/competitions';
import type { Household } from '~db/schema/households';
import { applicationSubmittedEmail } from '~emails/application-submitted';
import { screeningResultEmail } from '~emails/screening-result';
import { formatMoney } from '~/i18n/format';
import { pickLocalized, titleTexts } from '~/i18n/localized-text';
import {
  attachmentsOf,
  budgetItemsOf,
  deleteAttachmentRow,
  findApplication,
  findApplicationOfHousehold,
  findAttachment,
  insertApplication,
  insertAttachment,
  insertStatusHistory,
  replaceBudgetItems,
  updateApplicationRow,
} from '~/models/application.server';
import { appendAudit } from '~/models/audit.server';
import {
  competitionLocalityRows,
  findCompetition,
  takeReferenceNumber,
} from '~/models/competition.server';
import { findHousehold, latestConsent, membersOf } from '~/models/household.server';
import { findUserById } from '~/models/user.server';
import type { ApplicationStep, BudgetStepInput } from '~/schemas/application';
import type { ApplicationStatus, AttachmentKind, Sector } from '~/schemas/enums';
import { budgetTotals } from '~/utils/money';
import { hasPermission } from '~/utils/permissions';
import { clientIp } from '~/utils/request.server';
import type { SessionUser } from '~/utils/session.server';
import {
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_APPLICATION,
  deleteAttachmentFile,
  detectAttachmentType,
  readAttachmentFile,
  storeAttachmentFile,
} from './attachment-storage.server';
import { submissionWindow } from './competitions.server';
import {
  consultationsAttended,
  eligibilityChecks,
  missingForSubmission,
  trainingSessionsAttended,
  yearIn,
  type EligibilityCheck,
} from './eligibility.server';
import { householdAccess, type HouseholdAccess } from './households.server';
import { appLink, queueNotice } from './notices.server';
import type { Locale } from '~/i18n/config';

/** Until the decision, a family may withdraw her application. */
export const WITHDRAWABLE: ApplicationStatus[] = [
  'draft',
  'submitted',
  'eligible',
  'in-review',
  'shortlisted',
];
/** Staff may screen a submitted application, and change their mind until the jury starts. */
export const SCREENABLE: ApplicationStatus[] = ['submitted', 'eligible', 'ineligible'];

export type ApplicationContext = {
  application: Application;
  household: Household;
  competition: Competition;
  access: HouseholdAccess;
};

/**
 * Loads an application with the actor's access to it, or null when she may not see it — routes
 * answer 404 then, so that a family cannot even learn that another family's application exists.
 */
export function applicationFor(
  actor: SessionUser,
  applicationId: number,
): ApplicationContext | null {
  const application = findApplication(applicationId);
  if (!application) return null;
  const household = findHousehold(application.householdId);
  const competition = findCompetition(application.competitionId);
  if (!household || !competition) return null;
  const access = householdAccess(actor, household);
  return access ? { application, household, competition, access } : null;
}

/** Only the family, or a facilitator on its behalf, types into an application. */
function canEdit(context: ApplicationContext): boolean {
  return context.access === 'owner' || context.access === 'facilitator';
}

function changeStatus(
  tx: Tx,
  context: { application: Application },
  to: ApplicationStatus,
  actorId: number,
  reason: string | null,
  extra: Partial<Application> = {},
) {
  const updated = updateApplicationRow(tx, context.application.id, { ...extra, status: to });
  insertStatusHistory(tx, {
    applicationId: context.application.id,
    fromStatus: context.application.status,
    toStatus: to,
    changedById: actorId,
    reason,
  });
  return updated;
}

function competitionTitleFor(competition: Competition, locale: Locale): string {
  return pickLocalized(titleTexts(competition), locale)?.text ?? '';
}

// ---------------------------------------------------------------------------------------------
// Starting and saving a draft

export type StartError =
  'not-found' | 'competition-not-open' | 'deadline-passed' | 'no-household' | 'no-consent';

/**
 * Starts (or returns) the household's application to a competition. A family applies for her
 * own household; a facilitator for a family of her localities whose consent is on record.
 */
export function startApplication(
  request: Request,
  actor: SessionUser,
  competitionId: number,
  householdId: number,
  now = new Date(),
): { ok: true; applicationId: number; created: boolean } | { ok: false; error: StartError } {
  const competition = findCompetition(competitionId);
  if (!competition) return { ok: false, error: 'not-found' };
  const household = findHousehold(householdId);
  if (!household) return { ok: false, error: 'no-household' };
  const access = householdAccess(actor, household);
  if (access !== 'owner' && access !== 'facilitator') return { ok: false, error: 'no-household' };
  const existing = findApplicationOfHousehold(competitionId, householdId);
  if (existing) return { ok: true, applicationId: existing.id, created: false };
  const window = submissionWindow(competition, now);
  if (!window.open && window.reason !== 'not-yet-open') {
    return {
      ok: false,
      error: window.reason === 'deadline-passed' ? 'deadline-passed' : 'competition-not-open',
    };
  }
  const consent = access === 'facilitator' ? latestConsent(householdId) : undefined;
  if (access === 'facilitator' && !consent) return { ok: false, error: 'no-consent' };
  const applicationId = writeTransaction((tx) => {
    // The database's unique index (one per household and competition) settles a race.
    const again = findApplicationOfHousehold(competitionId, householdId, tx);
    if (again) return again.id;
    const application = insertApplication(tx, {
      competitionId,
      householdId,
      enteredById: actor.user.id,
      consentId: consent?.id ?? null,
      status: 'draft',
    });
    insertStatusHistory(tx, {
      applicationId: application.id,
      toStatus: 'draft',
      changedById: actor.user.id,
    });
    appendAudit(tx, {
      actorUserId: actor.user.id,
      action: access === 'facilitator' ? 'application.started-on-behalf' : 'application.started',
      entityType: 'application',
      entityId: application.id,
      after: { competitionId, householdId, consentId: consent?.id ?? null },
      ipAddress: clientIp(request),
    });
    return application.id;
  });
  return { ok: true, applicationId, created: true };
}

export type DraftPatch =
  | { step: 'beneficiary'; beneficiaryMemberId: number | null }
  | {
      step: 'idea';
      title: string;
      sector: Sector | null;
      description: string;
      market: string;
      experience: string;
    }
  | { step: 'budget'; items: BudgetStepInput['items']; ownContribution: number | null }
  | {
      step: 'plan';
      expectedMonthlyRevenue: number | null;
      expectedMonthlyCosts: number | null;
      jobsCreated: number | null;
    };

export type SaveError = 'not-found' | 'not-draft' | 'beneficiary-not-member';

/** Saves one step of a draft. Amounts are recomputed here, never taken from the browser. */
export function saveDraftStep(
  request: Request,
  actor: SessionUser,
  applicationId: number,
  patch: DraftPatch,
): { ok: true } | { ok: false; error: SaveError } {
  const context = applicationFor(actor, applicationId);
  if (!context || !canEdit(context)) return { ok: false, error: 'not-found' };
  if (context.application.status !== 'draft') return { ok: false, error: 'not-draft' };
  if (
    patch.step === 'beneficiary' &&
    patch.beneficiaryMemberId !== null &&
    !membersOf(context.household.id).some((m) => m.id === patch.beneficiaryMemberId)
  ) {
    return { ok: false, error: 'beneficiary-not-member' };
  }
  writeTransaction((tx) => {
    if (patch.step === 'budget') {
      const items = patch.items
        .filter((item) => item.name !== '' && item.quantity !== null && item.unitPrice !== null)
        .map((item) => ({ name: item.name, quantity: item.quantity!, unitPrice: item.unitPrice! }));
      replaceBudgetItems(tx, applicationId, items);
      const totals = budgetTotals(items, patch.ownContribution ?? 0);
      updateApplicationRow(tx, applicationId, {
        ownContribution: totals.ownContribution,
        requestedAmount: totals.requested,
      });
    } else {
      const { step: _step, ...fields } = patch;
      updateApplicationRow(tx, applicationId, fields);
    }
    // The audit line says which step was saved, not the family's words.
    appendAudit(tx, {
      actorUserId: actor.user.id,
      action: 'application.draft-saved',
      entityType: 'application',
      entityId: applicationId,
      after: { step: patch.step },
      ipAddress: clientIp(request),
    });
  });
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// What a page needs to know about an application

export function eligibilityFor(
  context: Pick<ApplicationContext, 'application' | 'household' | 'competition'>,
  now = new Date(),
): EligibilityCheck[] {
  const { application, household, competition } = context;
  const beneficiary =
    membersOf(household.id).find((m) => m.id === application.beneficiaryMemberId) ?? null;
  return eligibilityChecks({
    competition,
    competitionLocalityIds: competitionLocalityRows(competition.id).map((l) => l.localityId),
    household,
    beneficiary,
    requestedAmount: application.requestedAmount,
    trainingSessionsAttended: trainingSessionsAttended(application.beneficiaryMemberId),
    consultationsAttended: consultationsAttended(household.id),
    year: yearIn(competition.timezone, now),
  });
}

export function missingFor(application: Application) {
  return missingForSubmission(application, budgetItemsOf(application.id));
}

// ---------------------------------------------------------------------------------------------
// Submitting and withdrawing

export type SubmitRefusal =
  | { kind: 'not-found' }
  | { kind: 'not-draft' }
  | { kind: 'window'; reason: 'competition-not-open' | 'not-yet-open' | 'deadline-passed' }
  | { kind: 'incomplete'; missing: { step: ApplicationStep; field: string }[] }
  | { kind: 'ineligible'; failed: EligibilityCheck[] };

/**
 * Submits a draft: refused after the deadline (a UTC instant, whatever the competition's status
 * says), when the competition is not open, when something is missing, or when an eligibility
 * prerequisite fails. Gives the reference, writes the history and audit, and tells the family.
 */
export function submitApplication(
  request: Request,
  actor: SessionUser,
  applicationId: number,
  now = new Date(),
): { ok: true; reference: string } | { ok: false; refusal: SubmitRefusal } {
  const context = applicationFor(actor, applicationId);
  if (!context || !canEdit(context)) return { ok: false, refusal: { kind: 'not-found' } };
  const { application, competition, household } = context;
  if (application.status !== 'draft') return { ok: false, refusal: { kind: 'not-draft' } };
  const window = submissionWindow(competition, now);
  if (!window.open) return { ok: false, refusal: { kind: 'window', reason: window.reason } };
  const missing = missingFor(application);
  if (missing.length > 0) return { ok: false, refusal: { kind: 'incomplete', missing } };
  const failed = eligibilityFor(context, now).filter((check) => !check.passed);
  if (failed.length > 0) return { ok: false, refusal: { kind: 'ineligible', failed } };

  const reference = writeTransaction((tx) => {
    const number = takeReferenceNumber(tx, competition.id);
    const year = yearIn(competition.timezone, competition.opensAt);
    const ref = `${competition.referencePrefix}-${year}-${String(number).padStart(4, '0')}`;
    changeStatus(tx, context, 'submitted', actor.user.id, null, {
      reference: ref,
      submittedAt: now,
      submittedById: actor.user.id,
    });
    appendAudit(tx, {
      actorUserId: actor.user.id,
      action: 'application.submitted',
      entityType: 'application',
      entityId: application.id,
      before: { status: 'draft' },
      after: { status: 'submitted', reference: ref, requestedAmount: application.requestedAmount },
      ipAddress: clientIp(request),
    });
    const family = household.userId ? findUserById(household.userId, tx) : undefined;
    if (family) {
      queueNotice(tx, {
        recipient: family,
        template: applicationSubmittedEmail,
        params: {
          name: family.name,
          competitionTitle: competitionTitleFor(competition, family.locale),
          reference: ref,
          title: application.title,
          requestedAmount: formatMoney(
            application.requestedAmount,
            competition.currency,
            family.locale,
          ),
          url: appLink(`/applications/${application.id}`),
        },
        kind: 'programme',
      });
    }
    return ref;
  });
  return { ok: true, reference };
}

export function withdrawApplication(
  request: Request,
  actor: SessionUser,
  applicationId: number,
  reason: string,
): { ok: true } | { ok: false; error: 'not-found' | 'not-withdrawable' } {
  const context = applicationFor(actor, applicationId);
  if (!context || !canEdit(context)) return { ok: false, error: 'not-found' };
  if (!WITHDRAWABLE.includes(context.application.status))
    return { ok: false, error: 'not-withdrawable' };
  writeTransaction((tx) => {
    changeStatus(tx, context, 'withdrawn', actor.user.id, reason || null, {
      withdrawnAt: new Date(),
    });
    appendAudit(tx, {
      actorUserId: actor.user.id,
      action: 'application.withdrawn',
      entityType: 'application',
      entityId: applicationId,
      before: { status: context.application.status },
      after: { status: 'withdrawn' },
      ipAddress: clientIp(request),
    });
  });
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// Screening

export type ScreeningRefusal = { applicationId: number; reason: 'not-found' | 'not-screenable' };

/**
 * How the family learns of a screening decision: by e-mail, or — when she has no account or
 * address, or chose not to be e-mailed (safe contact) — from staff or her facilitator.
 * 'unchanged' when the decision was already on record, so nothing was sent again.
 */
export type FamilyNotice =
  'email' | 'via-facilitator-only' | 'no-email-contact' | 'no-address' | 'no-account' | 'unchanged';

export type ScreeningOutcome = { applicationId: number; notice: FamilyNotice };

class NotScreenableError extends Error {
  constructor(readonly applicationId: number) {
    super(`application ${applicationId} is not screenable`);
  }
}

export function isScreenable(
  application: Pick<Application, 'status'>,
  competition: Pick<Competition, 'status'>,
) {
  return (
    SCREENABLE.includes(application.status) && ['open', 'screening'].includes(competition.status)
  );
}

/**
 * Staff decide eligible or ineligible (a reason is required for ineligible), for one
 * application or many at once — all or nothing. Each family is told in her language, as her
 * safe-contact choice allows; the outcome says, per application, how she is told.
 */
export function screenApplications(
  request: Request,
  staff: SessionUser,
  applicationIds: number[],
  decision: 'eligible' | 'ineligible',
  reason: string,
):
  | { ok: true; count: number; outcomes: ScreeningOutcome[] }
  | { ok: false; refused: ScreeningRefusal[] } {
  const why = reason.trim();
  if (decision === 'ineligible' && !why) throw new Error('an ineligible decision needs a reason');
  const ids = [...new Set(applicationIds)];
  const canScreen = hasPermission(staff.roles, 'applications:screen');
  const contexts = ids.map((id) => ({ id, context: canScreen ? applicationFor(staff, id) : null }));
  const refused = contexts.flatMap<ScreeningRefusal>(({ id, context }) =>
    !context
      ? [{ applicationId: id, reason: 'not-found' }]
      : !isScreenable(context.application, context.competition)
        ? [{ applicationId: id, reason: 'not-screenable' }]
        : [],
  );
  if (refused.length > 0 || contexts.length === 0) return { ok: false, refused };
  const recorded = decision === 'ineligible' ? why : null;
  try {
    const outcomes = writeTransaction((tx) =>
      contexts.map(({ context }): ScreeningOutcome => {
        const { application, household } = context!;
        // Re-read inside the transaction: another staff member (or the family withdrawing) may
        // have changed it meanwhile; one that is no longer screenable undoes the whole batch.
        const current = findApplication(application.id, tx)!;
        const competition = findCompetition(current.competitionId, tx)!;
        if (!isScreenable(current, competition)) throw new NotScreenableError(current.id);
        if (current.status === decision && (current.ineligibleReason ?? null) === recorded) {
          return { applicationId: current.id, notice: 'unchanged' };
        }
        changeStatus(tx, { application: current }, decision, staff.user.id, recorded, {
          screenedById: staff.user.id,
          screenedAt: new Date(),
          ineligibleReason: recorded,
        });
        appendAudit(tx, {
          actorUserId: staff.user.id,
          action: 'application.screened',
          entityType: 'application',
          entityId: current.id,
          before: { status: current.status, reason: current.ineligibleReason },
          after: { status: decision, reason: recorded },
          ipAddress: clientIp(request),
        });
        const family = household.userId ? findUserById(household.userId, tx) : undefined;
        if (!family) return { applicationId: current.id, notice: 'no-account' };
        const mail = queueNotice(tx, {
          recipient: family,
          template: screeningResultEmail,
          params: {
            name: family.name,
            competitionTitle: competitionTitleFor(competition, family.locale),
            reference: current.reference ?? '',
            eligible: decision === 'eligible',
            reason: why,
            url: appLink(`/applications/${current.id}`),
          },
          kind: 'programme',
        });
        return { applicationId: current.id, notice: mail.withheldReason ?? 'email' };
      }),
    );
    return { ok: true, count: outcomes.length, outcomes };
  } catch (error) {
    if (error instanceof NotScreenableError) {
      return {
        ok: false,
        refused: [{ applicationId: error.applicationId, reason: 'not-screenable' }],
      };
    }
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Attachments: photos and price quotes

export type AttachmentError =
  'not-found' | 'not-draft' | 'too-large' | 'wrong-type' | 'too-many' | 'empty';

export function addAttachment(
  request: Request,
  actor: SessionUser,
  applicationId: number,
  file: { name: string; bytes: Uint8Array; kind: AttachmentKind },
): { ok: true } | { ok: false; error: AttachmentError } {
  const context = applicationFor(actor, applicationId);
  if (!context || !canEdit(context)) return { ok: false, error: 'not-found' };
  if (context.application.status !== 'draft') return { ok: false, error: 'not-draft' };
  if (file.bytes.byteLength === 0) return { ok: false, error: 'empty' };
  if (file.bytes.byteLength > MAX_ATTACHMENT_BYTES) return { ok: false, error: 'too-large' };
  const mimeType = detectAttachmentType(file.bytes);
  if (!mimeType) return { ok: false, error: 'wrong-type' };
  if (attachmentsOf(applicationId).length >= MAX_ATTACHMENTS_PER_APPLICATION)
    return { ok: false, error: 'too-many' };
  const storageKey = storeAttachmentFile(file.bytes);
  try {
    writeTransaction((tx) => {
      if (attachmentsOf(applicationId, tx).length >= MAX_ATTACHMENTS_PER_APPLICATION)
        throw new TooManyError();
      const row = insertAttachment(tx, {
        applicationId,
        kind: file.kind,
        originalName: file.name.slice(0, 200) || 'file',
        mimeType,
        sizeBytes: file.bytes.byteLength,
        storageKey,
        uploadedById: actor.user.id,
      });
      appendAudit(tx, {
        actorUserId: actor.user.id,
        action: 'application.attachment-added',
        entityType: 'application',
        entityId: applicationId,
        after: { attachmentId: row.id, kind: row.kind, mimeType, sizeBytes: row.sizeBytes },
        ipAddress: clientIp(request),
      });
    });
  } catch (error) {
    deleteAttachmentFile(storageKey);
    if (error instanceof TooManyError) return { ok: false, error: 'too-many' };
    throw error;
  }
  return { ok: true };
}

class TooManyError extends Error {}

export function removeAttachment(
  request: Request,
  actor: SessionUser,
  applicationId: number,
  attachmentId: number,
): { ok: true } | { ok: false; error: 'not-found' | 'not-draft' } {
  const context = applicationFor(actor, applicationId);
  const attachment = findAttachment(attachmentId);
  if (!context || !canEdit(context) || !attachment || attachment.applicationId !== applicationId) {
    return { ok: false, error: 'not-found' };
  }
  if (context.application.status !== 'draft') return { ok: false, error: 'not-draft' };
  writeTransaction((tx) => {
    deleteAttachmentRow(tx, attachmentId);
    appendAudit(tx, {
      actorUserId: actor.user.id,
      action: 'application.attachment-removed',
      entityType: 'application',
      entityId: applicationId,
      before: { attachmentId, kind: attachment.kind },
      ipAddress: clientIp(request),
    });
  });
  deleteAttachmentFile(attachment.storageKey);
  return { ok: true };
}

/** The file, if the person asking may see the application it belongs to (checked every time). */
export function attachmentForDownload(
  actor: SessionUser,
  applicationId: number,
  attachmentId: number,
) {
  const context = applicationFor(actor, applicationId);
  const attachment = findAttachment(attachmentId);
  if (!context || !attachment || attachment.applicationId !== applicationId) return null;
  return { attachment, bytes: readAttachmentFile(attachment.storageKey) };
}
