// Group training (DESIGN.md, "Consultations and training"): staff and facilitators create
// sessions and take the roll call; the "training attended" eligibility check reads it.
import { writeTransaction } from '~db/client';
import type { TrainingSession } from '~db/schema/training';
import { appendAudit } from '~/models/audit.server';
import { facilitatorWorksIn } from '~/models/household.server';
import {
  attendanceCount,
  attendanceOf,
  findSession,
  insertSession,
  membersInLocality,
  updateSessionRow,
  upsertAttendance,
} from '~/models/training.server';
import { listLocalities } from '~/models/user.server';
import type { RollCallInput, TrainingSessionInput } from '~/schemas/training';
import { clientIp } from '~/utils/request.server';
import type { SessionUser } from '~/utils/session.server';
import { zonedLocalToUtc } from '~/utils/timezone';
import { programmeTimeZone } from './programme-clock.server';

/**
 * Who may create, change and take the roll call of a session in a locality: staff anywhere, a
 * facilitator only in her own localities (the same rule as for families' households).
 */
export function mayManageTrainingIn(actor: SessionUser, localityId: number): boolean {
  if (actor.roles.includes('staff') || actor.roles.includes('admin')) return true;
  return actor.roles.includes('facilitator') && facilitatorWorksIn(actor.user.id, localityId);
}

/** Sees everything (staff) or only her localities (a facilitator). */
export function seesAllTraining(actor: SessionUser): boolean {
  return actor.roles.includes('staff') || actor.roles.includes('admin');
}

/** The session, if the actor may manage it; null answers 404 (she cannot learn it exists). */
export function trainingSessionFor(actor: SessionUser, sessionId: number): TrainingSession | null {
  const session = findSession(sessionId);
  if (!session || !mayManageTrainingIn(actor, session.localityId)) return null;
  return session;
}

export type TrainingSessionError =
  | { field: 'localityId'; error: 'training:errors.localityNotYours' | 'validation.required' }
  | { field: 'localityId'; error: 'training:errors.localityLocked' }
  | { field: 'startsAt'; error: 'validation.dateTime' };

function sessionValues(
  actor: SessionUser,
  input: TrainingSessionInput,
): { ok: true; values: ReturnType<typeof toValues> } | { ok: false; error: TrainingSessionError } {
  if (!listLocalities().some((l) => l.id === input.localityId))
    return { ok: false, error: { field: 'localityId', error: 'validation.required' } };
  if (!mayManageTrainingIn(actor, input.localityId))
    return { ok: false, error: { field: 'localityId', error: 'training:errors.localityNotYours' } };
  const startsAt = zonedLocalToUtc(input.startsAt, programmeTimeZone());
  if (!startsAt) return { ok: false, error: { field: 'startsAt', error: 'validation.dateTime' } };
  return { ok: true, values: toValues(input, startsAt) };
}

function toValues(input: TrainingSessionInput, startsAt: Date) {
  return {
    topic: input.topic,
    startsAt,
    minutes: input.minutes,
    place: input.place,
    localityId: input.localityId,
    trainerName: input.trainerName,
  };
}

function snapshot(session: TrainingSession) {
  return {
    topic: session.topic,
    startsAt: session.startsAt.toISOString(),
    minutes: session.minutes,
    place: session.place,
    localityId: session.localityId,
    trainerName: session.trainerName,
    status: session.status,
  };
}

export function createTrainingSession(
  request: Request,
  actor: SessionUser,
  input: TrainingSessionInput,
): { ok: true; sessionId: number } | { ok: false; error: TrainingSessionError } {
  const checked = sessionValues(actor, input);
  if (!checked.ok) return checked;
  const session = writeTransaction((tx) => {
    const created = insertSession(tx, { ...checked.values, createdById: actor.user.id });
    appendAudit(tx, {
      actorUserId: actor.user.id,
      action: 'training.session-created',
      entityType: 'training-session',
      entityId: created.id,
      after: snapshot(created),
      ipAddress: clientIp(request),
    });
    return created;
  });
  return { ok: true, sessionId: session.id };
}

export type SessionChangeRefusal = 'not-found' | 'cancelled';

export function updateTrainingSession(
  request: Request,
  actor: SessionUser,
  sessionId: number,
  input: TrainingSessionInput,
):
  | { ok: true }
  | { ok: false; error: TrainingSessionError }
  | { ok: false; refusal: SessionChangeRefusal } {
  const session = trainingSessionFor(actor, sessionId);
  if (!session) return { ok: false, refusal: 'not-found' };
  if (session.status === 'cancelled') return { ok: false, refusal: 'cancelled' };
  const checked = sessionValues(actor, input);
  if (!checked.ok) return checked;
  // The roll call lists the locality's households: once taken, the place cannot move elsewhere.
  if (checked.values.localityId !== session.localityId && attendanceCount(session.id) > 0)
    return { ok: false, error: { field: 'localityId', error: 'training:errors.localityLocked' } };
  writeTransaction((tx) => {
    const updated = updateSessionRow(tx, session.id, checked.values);
    appendAudit(tx, {
      actorUserId: actor.user.id,
      action: 'training.session-updated',
      entityType: 'training-session',
      entityId: session.id,
      before: snapshot(session),
      after: snapshot(updated),
      ipAddress: clientIp(request),
    });
  });
  return { ok: true };
}

/**
 * Cancels a session that has not been held: one with a roll call happened, and cancelling it
 * would silently take sessions away from families.
 */
export function cancelTrainingSession(
  request: Request,
  actor: SessionUser,
  sessionId: number,
): { ok: true } | { ok: false; refusal: SessionChangeRefusal | 'has-attendance' } {
  const session = trainingSessionFor(actor, sessionId);
  if (!session) return { ok: false, refusal: 'not-found' };
  if (session.status === 'cancelled') return { ok: false, refusal: 'cancelled' };
  if (attendanceCount(session.id) > 0) return { ok: false, refusal: 'has-attendance' };
  writeTransaction((tx) => {
    updateSessionRow(tx, session.id, { status: 'cancelled' });
    appendAudit(tx, {
      actorUserId: actor.user.id,
      action: 'training.session-cancelled',
      entityType: 'training-session',
      entityId: session.id,
      before: { status: session.status },
      after: { status: 'cancelled' },
      ipAddress: clientIp(request),
    });
  });
  return { ok: true };
}

export type RollCallRefusal = 'not-found' | 'cancelled' | 'not-started' | 'not-in-locality';

/** A roll call can be taken from the session's start (not for a session still to come). */
export function rollCallOpen(session: Pick<TrainingSession, 'startsAt' | 'status'>, now: Date) {
  return session.status === 'scheduled' && session.startsAt.getTime() <= now.getTime();
}

/**
 * Records present / absent for each listed member, all in one transaction with its audit line.
 * Idempotent: posting the same roll call again changes no row and writes no audit line. Every
 * member must belong to a household of the session's locality.
 */
export function recordRollCall(
  request: Request,
  actor: SessionUser,
  sessionId: number,
  input: RollCallInput,
  now = new Date(),
):
  | { ok: true; present: number; absent: number; changed: number }
  | { ok: false; refusal: RollCallRefusal } {
  const session = trainingSessionFor(actor, sessionId);
  if (!session) return { ok: false, refusal: 'not-found' };
  if (session.status === 'cancelled') return { ok: false, refusal: 'cancelled' };
  if (!rollCallOpen(session, now)) return { ok: false, refusal: 'not-started' };
  const memberIds = [...new Set(input.memberIds)];
  const presentIds = new Set(input.present);
  return writeTransaction((tx) => {
    const members = membersInLocality(memberIds, session.localityId, tx);
    if (members.length !== memberIds.length)
      return { ok: false as const, refusal: 'not-in-locality' as const };
    const before = new Map(attendanceOf(session.id, memberIds, tx).map((r) => [r.memberId, r]));
    const changed = members.filter((m) => before.get(m.id)?.present !== presentIds.has(m.id));
    const present = members.filter((m) => presentIds.has(m.id)).length;
    const absent = members.length - present;
    if (changed.length === 0) return { ok: true as const, present, absent, changed: 0 };
    upsertAttendance(
      tx,
      changed.map((m) => ({
        sessionId: session.id,
        memberId: m.id,
        householdId: m.householdId,
        present: presentIds.has(m.id),
        recordedById: actor.user.id,
        recordedAt: now,
      })),
    );
    appendAudit(tx, {
      actorUserId: actor.user.id,
      action: 'training.attendance-recorded',
      entityType: 'training-session',
      entityId: session.id,
      before: {
        marks: changed.map((m) => ({ memberId: m.id, present: before.get(m.id)?.present ?? null })),
      },
      after: {
        marks: changed.map((m) => ({ memberId: m.id, present: presentIds.has(m.id) })),
      },
      ipAddress: clientIp(request),
    });
    return { ok: true as const, present, absent, changed: changed.length };
  });
}
