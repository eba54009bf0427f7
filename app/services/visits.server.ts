// Monitoring visits (DESIGN.md, "Outcomes"): written as rows with due days when a grant's first
// tranche is paid, reminded to the village's facilitator a week before, recorded by her (or
// staff) on a phone; the 12-month visit completes the grant. A safeguarding concern goes into its
// own table, read by staff only, and never into an e-mail, an export or the audit's text.
import { eq } from 'drizzle-orm';
import { db, writeTransaction, type Tx } from '~db/client';
import type { Grant } from '~db/schema/grants';
import type { MonitoringVisit } from '~db/schema/outcomes';
import { localities } from '~db/schema/people';
import { visitDueEmail, visitRecordedEmail } from '~emails/visits';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import { localityName } from '~/i18n/locality';
import { findApplication } from '~/models/application.server';
import { appendAudit } from '~/models/audit.server';
import { findCompetition } from '~/models/competition.server';
import { findGrant, updateGrantRow } from '~/models/grant.server';
import { ledgerOf } from '~/models/grant-ledger.server';
import { findHousehold, membersOf } from '~/models/household.server';
import { deleteKeptFormIn, replaceKeptForm } from '~/models/kept-form.server';
import { dropPendingMail } from '~/models/outbox.server';
import { findUserById } from '~/models/user.server';
import {
  facilitatorsOfLocality,
  findVisit,
  insertOutcomePhoto,
  insertSafeguardingFlag,
  insertVisitsIfAbsent,
  recordVisitRow,
  safeguardingFlagsOfGrant,
} from '~/models/visit.server';
import { FINAL_VISIT_MONTH } from '~/schemas/outcome-enums';
import { VISIT_FIELDS, type VisitInput } from '~/schemas/visit';
import { draftRowId, openDraft, sealDraft } from '~/utils/kept-form.server';
import { clientIp } from '~/utils/request.server';
import type { SessionUser } from '~/utils/session.server';
import {
  deleteAttachmentFile,
  detectAttachmentType,
  MAX_ATTACHMENT_BYTES,
  storeAttachmentFile,
} from './attachment-storage.server';
import { grantFor, type GrantContext } from './family-grant.server';
import { appLink, queueNotice } from './notices.server';
import { advanceCompetitionLifecycle } from './outcome-lifecycle.server';
import { DEFAULT_PROGRAMME_TIME_ZONE } from './programme-clock.server';
import { readSetting } from './settings.server';
import { visitDueDays, visitReminderAt, zonedCalendarDay } from './visit-schedule.server';

type Actor = { userId: number | null; ipAddress: string | null };

/** The outbox job key of a visit's reminders: dropped when the visit is recorded early. */
export function visitReminderKey(visitId: number): string {
  return `visit-reminder:${visitId}`;
}

function timeZoneOf(grant: Grant, reader: Tx | typeof db = db): string {
  return findCompetition(grant.competitionId, reader)?.timezone ?? DEFAULT_PROGRAMME_TIME_ZONE;
}

/** The instant of the grant's first payment that was posted, or null before any. */
export function firstPaymentOf(grantId: number, reader: Tx | typeof db = db): Date | null {
  const paid = ledgerOf(grantId, reader)
    .filter((entry) => entry.kind === 'payment')
    .map((entry) => entry.paidAt.getTime());
  return paid.length ? new Date(Math.min(...paid)) : null;
}

function beneficiaryName(grant: Grant, householdId: number, reader: Tx | typeof db): string {
  const member = membersOf(householdId, reader).find((m) => m.id === grant.beneficiaryMemberId);
  return member ? `${member.lastName} ${member.firstName}` : '';
}

function localityRow(localityId: number, reader: Tx | typeof db) {
  return reader.select().from(localities).where(eq(localities.id, localityId)).get();
}

/**
 * The reminder of each facilitator of the family's village, a week before the due day at 09:00
 * on the competition's clock (visitReminderAt). A reminder whose time has already passed (a
 * payment recorded late) is not written: the visit shows on her list as due or overdue.
 */
function queueVisitReminders(tx: Tx, grant: Grant, visits: MonitoringVisit[], now: Date) {
  const timeZone = timeZoneOf(grant, tx);
  const application = findApplication(grant.applicationId, tx)!;
  const household = findHousehold(application.householdId, tx)!;
  const locality = localityRow(household.localityId, tx);
  const familyName = beneficiaryName(grant, household.id, tx);
  // How many days before is a programme setting (visitReminderDays, a week by default).
  const daysBefore = readSetting('visitReminderDays', tx);
  for (const visit of visits) {
    const at = visitReminderAt(visit.dueOn, timeZone, daysBefore);
    if (at <= now) continue;
    for (const facilitator of facilitatorsOfLocality(household.localityId, tx)) {
      const locale: Locale = facilitator.locale;
      queueNotice(tx, {
        recipient: facilitator,
        template: visitDueEmail,
        params: {
          name: facilitator.name,
          reference: application.reference ?? '',
          familyName,
          village: locality ? localityName(locality, locale) : '',
          month: visit.month,
          dueOn: formatDate(new Date(`${visit.dueOn}T12:00:00Z`), locale, 'UTC'),
          url: appLink(`/visits/${visit.id}`),
        },
        notBefore: at,
        jobKey: visitReminderKey(visit.id),
        householdId: household.id,
        now,
      });
    }
  }
}

/**
 * The grant's first payment was posted: its 3-, 6- and 12-month visits are written with their
 * due days and their reminders queued. Idempotent: a grant that has its visits gets nothing new
 * (a later tranche, or a first payment reversed and paid again, keeps the first schedule).
 * Called inside the transaction that posts the payment.
 */
export function scheduleVisits(tx: Tx, grantId: number, actor: Actor, now = new Date()) {
  const grant = findGrant(grantId, tx);
  const firstPaidAt = firstPaymentOf(grantId, tx);
  if (!grant || !firstPaidAt) return [];
  const created = insertVisitsIfAbsent(
    tx,
    grantId,
    visitDueDays(firstPaidAt, timeZoneOf(grant, tx)),
    now,
  );
  for (const visit of created) {
    appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'visit.scheduled',
      entityType: 'visit',
      entityId: visit.id,
      after: { grantId, month: visit.month, dueOn: visit.dueOn },
      ipAddress: actor.ipAddress,
    });
  }
  queueVisitReminders(tx, grant, created, now);
  return created;
}

export type VisitContext = GrantContext & { visit: MonitoringVisit };

/**
 * The visit, if the actor may record or read it: a facilitator of the family's village, or staff
 * (grantFor's rule). The family herself is not given it here — the visit form is not hers.
 */
export function visitFor(actor: SessionUser, visitId: number): VisitContext | null {
  const visit = findVisit(visitId);
  if (!visit) return null;
  const context = grantFor(actor, visit.grantId);
  if (!context || (context.access !== 'facilitator' && context.access !== 'staff')) return null;
  return { ...context, visit };
}

/** The visit's draft key in the kept-form store. */
function draftKey(visitId: number) {
  return `visit:${visitId}`;
}

/** What she saved of the form before, to show again (text fields only). */
export function visitDraft(actor: SessionUser, visitId: number): Record<string, string> | null {
  const kept = openDraft(actor.user.id, draftKey(visitId));
  if (!kept) return null;
  const known = new Set<string>(VISIT_FIELDS);
  return Object.fromEntries(kept.fields.filter(([name]) => known.has(name)));
}

/**
 * Keeps what she typed so far, for her alone (sealed in the kept-form store, 30 days): the
 * visit stays due. The audit line says a draft was saved, never what it holds.
 */
export function saveVisitDraft(
  request: Request,
  actor: SessionUser,
  context: VisitContext,
  fields: [string, string][],
): { ok: true } | { ok: false; error: 'already-recorded' } {
  if (context.visit.status === 'done') return { ok: false, error: 'already-recorded' };
  const known = new Set<string>(VISIT_FIELDS);
  const kept = fields.filter(([name]) => known.has(name));
  writeTransaction((tx) => {
    replaceKeptForm(
      tx,
      sealDraft(actor.user.id, draftKey(context.visit.id), {
        path: `/visits/${context.visit.id}`,
        fields: kept,
      }),
    );
    appendAudit(tx, {
      actorUserId: actor.user.id,
      action: 'visit.draft-saved',
      entityType: 'visit',
      entityId: context.visit.id,
      ipAddress: clientIp(request),
    });
  });
  return { ok: true };
}

export type RecordVisitRefusal =
  'already-recorded' | 'in-future' | 'before-payment' | 'wrong-type' | 'too-large';

/** Which field a refusal is about, for the form to show it next to that field. */
export const RECORD_REFUSAL_FIELD: Record<RecordVisitRefusal, string | null> = {
  'already-recorded': null,
  'in-future': 'visitedOn',
  'before-payment': 'visitedOn',
  'wrong-type': 'photo',
  'too-large': 'photo',
};

class VisitRefusal extends Error {
  constructor(readonly reason: RecordVisitRefusal) {
    super(reason);
  }
}

/** Only photos: a JPEG or PNG, as large as a receipt's scan may be. */
function photoProblem(bytes: Uint8Array): 'wrong-type' | 'too-large' | null {
  if (bytes.byteLength > MAX_ATTACHMENT_BYTES) return 'too-large';
  const type = detectAttachmentType(bytes);
  return type === 'image/jpeg' || type === 'image/png' ? null : 'wrong-type';
}

/**
 * The facilitator (or staff) records what the visit found, in one transaction: the visit's
 * answers, the photo (metadata stripped by storeAttachmentFile), a safeguarding flag if she
 * raised one, the audit lines, the end of its reminders and of her draft, a notice to the family
 * if she may be e-mailed; the 12-month visit completes the grant and may close the competition.
 * A visit may be recorded before its due day. A recorded visit is never recorded again, by
 * anyone: the figures count it once, and a correction would need its own history (not built).
 */
export function recordVisit(
  request: Request,
  actor: SessionUser,
  context: VisitContext,
  input: VisitInput,
  photo: Uint8Array | null,
  now = new Date(),
): { ok: true; visit: MonitoringVisit } | { ok: false; error: RecordVisitRefusal } {
  const { grant, visit } = context;
  if (visit.status === 'done') return { ok: false, error: 'already-recorded' };
  const timeZone = timeZoneOf(grant);
  if (input.visitedOn > zonedCalendarDay(now, timeZone)) return { ok: false, error: 'in-future' };
  const firstPaidAt = firstPaymentOf(grant.id);
  if (firstPaidAt && input.visitedOn < zonedCalendarDay(firstPaidAt, timeZone))
    return { ok: false, error: 'before-payment' };
  if (photo) {
    const problem = photoProblem(photo);
    if (problem) return { ok: false, error: problem };
  }
  // The file is written before the transaction (no await inside it) and removed if it fails.
  const storageKey = photo ? storeAttachmentFile(photo) : null;
  const ipAddress = clientIp(request);
  try {
    const recorded = writeTransaction((tx) => {
      const row = recordVisitRow(tx, visit.id, {
        visitedOn: input.visitedOn,
        recordedById: actor.user.id,
        recordedAt: now,
        businessStatus: input.businessStatus,
        statusReason: input.businessStatus === 'operating' ? null : input.statusReason,
        monthlyRevenue: input.monthlyRevenue,
        monthlyCosts: input.monthlyCosts,
        jobsWomenHundredths: input.jobsWomen,
        jobsMenHundredths: input.jobsMen,
        monthlyHouseholdIncome: input.monthlyHouseholdIncome,
        assetState: input.assetState,
        notes: input.notes || null,
        decidesOwnEarnings: input.decidesOwnEarnings,
        decidesLargePurchases: input.decidesLargePurchases,
        decidesBusinessMoney: input.decidesBusinessMoney,
        sayInMoney: input.sayInMoney,
        updatedAt: now,
      });
      if (!row) throw new VisitRefusal('already-recorded');
      const photoRow =
        photo && storageKey
          ? insertOutcomePhoto(tx, {
              grantId: grant.id,
              visitId: row.id,
              storagePath: storageKey,
              contentType: detectAttachmentType(photo)!,
              byteSize: photo.byteLength,
              uploadedById: actor.user.id,
              createdAt: now,
              updatedAt: now,
            })
          : null;
      const flag = input.safeguarding
        ? insertSafeguardingFlag(tx, {
            grantId: grant.id,
            visitId: row.id,
            note: input.safeguardingNote,
            raisedById: actor.user.id,
            createdAt: now,
            updatedAt: now,
          })
        : null;
      appendAudit(tx, {
        actorUserId: actor.user.id,
        action: 'visit.recorded',
        entityType: 'visit',
        entityId: row.id,
        before: { status: 'due' },
        after: {
          status: 'done',
          grantId: grant.id,
          month: row.month,
          visitedOn: row.visitedOn,
          businessStatus: row.businessStatus,
          photoId: photoRow?.id ?? null,
          safeguardingFlagId: flag?.id ?? null,
        },
        ipAddress,
      });
      if (flag) {
        // The concern's words stay in its own table: the audit says only that one was raised.
        appendAudit(tx, {
          actorUserId: actor.user.id,
          action: 'safeguarding.flagged',
          entityType: 'grant',
          entityId: grant.id,
          after: { flagId: flag.id, visitId: row.id },
          ipAddress,
        });
      }
      dropPendingMail(tx, visitReminderKey(row.id), now);
      deleteKeptFormIn(tx, draftRowId(actor.user.id, draftKey(row.id)));
      tellFamilyVisitRecorded(tx, grant, row);
      if (row.month === FINAL_VISIT_MONTH)
        completeGrant(tx, grant, { userId: actor.user.id, ipAddress });
      return row;
    });
    return { ok: true, visit: recorded };
  } catch (error) {
    if (storageKey) deleteAttachmentFile(storageKey);
    if (error instanceof VisitRefusal) return { ok: false, error: error.reason };
    throw error;
  }
}

/** The 12-month visit is recorded: the grant is completed, and its competition may close. */
function completeGrant(tx: Tx, grant: Grant, actor: Actor) {
  const current = findGrant(grant.id, tx)!;
  if (current.status === 'signed') {
    updateGrantRow(tx, grant.id, { status: 'completed', updatedAt: new Date() });
    appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'grant.completed',
      entityType: 'grant',
      entityId: grant.id,
      before: { status: current.status },
      after: { status: 'completed' },
      ipAddress: actor.ipAddress,
    });
  }
  advanceCompetitionLifecycle(tx, grant.competitionId, actor);
}

/** She is told her facilitator's visit was written down (her safe-contact choice holds). */
function tellFamilyVisitRecorded(tx: Tx, grant: Grant, visit: MonitoringVisit) {
  const application = findApplication(grant.applicationId, tx)!;
  const household = findHousehold(application.householdId, tx)!;
  const family = household.userId ? findUserById(household.userId, tx) : undefined;
  if (!family) return;
  queueNotice(tx, {
    recipient: family,
    template: visitRecordedEmail,
    params: {
      name: family.name,
      reference: application.reference ?? '',
      month: visit.month,
      url: appLink(`/grants/${grant.id}`),
    },
    kind: 'programme',
  });
}

/** Staff only: the concern a visit raised, if any (the visit page shows it to staff). */
export function safeguardingOfVisit(context: VisitContext) {
  if (context.access !== 'staff') return null;
  return (
    safeguardingFlagsOfGrant(context.grant.id).find((f) => f.visitId === context.visit.id) ?? null
  );
}
