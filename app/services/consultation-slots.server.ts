// Publishing consultation times: a single time or a village day of back-to-back slots, typed on
// the programme's wall clock and stored in UTC. A consultant publishes for herself; staff for
// any consultant. A consultant is never in two places at once: overlapping slots are refused.
import { and, desc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import { db, writeTransaction, type Tx } from '~db/client';
import { competitions } from '~db/schema/competitions';
import { consultationSlots, type ConsultationSlot } from '~db/schema/consultations';
import { localities, userRoles, users } from '~db/schema/people';
import { appendAudit } from '~/models/audit.server';
import type { PublishSlotsInput } from '~/schemas/consultation-slots';
import { hasPermission } from '~/utils/permissions';
import { clientIp } from '~/utils/request.server';
import type { SessionUser } from '~/utils/session.server';
import { zonedLocalToUtc } from '~/utils/timezone';

type Reader = typeof db | Tx;

/** Where no competition says otherwise, the programme runs on Kyrgyzstan's clock. */
export const DEFAULT_PROGRAMME_TIME_ZONE = 'Asia/Bishkek';

/**
 * The programme's time zone, in which consultation times are typed and shown: that of the most
 * recently opened competition (consultations are not tied to one competition).
 */
export function programmeTimeZone(reader: Reader = db): string {
  const row = reader
    .select({ timezone: competitions.timezone })
    .from(competitions)
    .orderBy(desc(competitions.opensAt))
    .limit(1)
    .get();
  return row?.timezone ?? DEFAULT_PROGRAMME_TIME_ZONE;
}

/** Staff (and admins) act for any consultant; a consultant only for herself. */
export function actsForAnyConsultant(actor: SessionUser): boolean {
  return hasPermission(actor.roles, 'consultations:oversee');
}

/** The accounts with the consultant role that are not disabled, by name (staff's choice list). */
export function listConsultants(reader: Reader = db): { id: number; name: string }[] {
  return reader
    .selectDistinct({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(userRoles.role, 'consultant'), isNull(users.disabledAt)))
    .orderBy(users.name, users.id)
    .all();
}

function isConsultant(userId: number, reader: Reader): boolean {
  return listConsultants(reader).some((c) => c.id === userId);
}

const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
const clockOf = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * The wall-clock start times ("HH:mm") of the slots the form asks for: one for a single time; for
 * a village day, back to back from the start while a whole slot fits before the end, a slot that
 * would run into the break starting after it instead.
 */
export function slotStartTimes(
  input: Pick<
    PublishSlotsInput,
    'kind' | 'startTime' | 'endTime' | 'minutes' | 'breakStart' | 'breakEnd'
  >,
): string[] {
  const start = minutesOf(input.startTime);
  if (input.kind === 'single') return [input.startTime];
  const end = minutesOf(input.endTime);
  const breakStart = input.breakStart ? minutesOf(input.breakStart) : null;
  const breakEnd = input.breakEnd ? minutesOf(input.breakEnd) : null;
  const starts: string[] = [];
  let at = start;
  while (at + input.minutes <= end) {
    if (
      breakStart !== null &&
      breakEnd !== null &&
      at < breakEnd &&
      at + input.minutes > breakStart
    ) {
      at = Math.max(at, breakEnd);
      continue;
    }
    starts.push(clockOf(at));
    at += input.minutes;
  }
  return starts;
}

/** The consultant's open slots that share any minute with [start, end). */
export function overlappingSlots(
  consultantId: number,
  start: Date,
  end: Date,
  reader: Reader = db,
  exceptSlotId: number | null = null,
): ConsultationSlot[] {
  return reader
    .select()
    .from(consultationSlots)
    .where(
      and(
        eq(consultationSlots.consultantId, consultantId),
        eq(consultationSlots.status, 'open'),
        lt(consultationSlots.startsAt, end),
        gt(
          sql`${consultationSlots.startsAt} + ${consultationSlots.minutes} * 60000`,
          start.getTime(),
        ),
        exceptSlotId === null ? undefined : sql`${consultationSlots.id} <> ${exceptSlotId}`,
      ),
    )
    .all();
}

export type PublishError = { ok: false; field?: string; error: string };

/**
 * Publishes the time or the village day in one transaction, with one audit line. Refused
 * (nothing written) when the consultant is not one, the place is unknown, a slot lies in the
 * past, or any slot overlaps one of hers already published.
 */
export function publishSlots(
  request: Request,
  actor: SessionUser,
  input: PublishSlotsInput,
  now = new Date(),
): { ok: true; slotIds: number[]; seriesKey: string | null } | PublishError {
  const consultantId = actsForAnyConsultant(actor)
    ? (input.consultantId ?? actor.user.id)
    : actor.user.id;
  if (!actsForAnyConsultant(actor) && input.consultantId && input.consultantId !== actor.user.id)
    return { ok: false, field: 'consultantId', error: 'consultant:errors.onlyYourOwn' };
  const timeZone = programmeTimeZone();
  const starts = slotStartTimes(input).map((clock) =>
    zonedLocalToUtc(`${input.date}T${clock}`, timeZone),
  );
  if (starts.length === 0)
    return { ok: false, field: 'endTime', error: 'consultant:errors.noSlotFits' };
  if (starts.some((s) => s === null)) return { ok: false, field: 'date', error: 'validation.date' };
  const startsAt = starts as Date[];
  if (startsAt[0]!.getTime() <= now.getTime())
    return { ok: false, field: 'date', error: 'consultant:errors.inPast' };
  return writeTransaction((tx) => {
    if (!isConsultant(consultantId, tx))
      return { ok: false, field: 'consultantId', error: 'consultant:errors.notAConsultant' };
    if (
      !tx
        .select({ id: localities.id })
        .from(localities)
        .where(eq(localities.id, input.localityId))
        .get()
    )
      return { ok: false, field: 'localityId', error: 'validation.invalid' };
    const clash = startsAt.find(
      (start) =>
        overlappingSlots(
          consultantId,
          start,
          new Date(start.getTime() + input.minutes * 60_000),
          tx,
        ).length > 0,
    );
    if (clash) return { ok: false, field: 'startTime', error: 'consultant:errors.overlap' };
    const rows = startsAt.map((start) => ({
      consultantId,
      createdById: actor.user.id,
      startsAt: start,
      minutes: input.minutes,
      mode: input.mode,
      place: input.mode === 'in-person' ? input.place : null,
      phone: input.mode === 'phone' ? input.phone : null,
      link: input.mode === 'online' ? input.link : null,
      localityId: input.localityId,
      capacity: input.capacity,
      topics: input.topics,
      languages: input.languages,
    }));
    const inserted = tx
      .insert(consultationSlots)
      .values(rows)
      .returning({ id: consultationSlots.id })
      .all();
    const slotIds = inserted.map((r) => r.id);
    // The day's key is named after its first slot, so it is unique and the seed stays repeatable.
    const seriesKey = input.kind === 'village-day' ? `day-${slotIds[0]}` : null;
    if (seriesKey)
      tx.update(consultationSlots)
        .set({ seriesKey })
        .where(inArray(consultationSlots.id, slotIds))
        .run();
    appendAudit(tx, {
      actorUserId: actor.user.id,
      action: 'consultation-slot.published',
      entityType: 'consultation-slot',
      entityId: slotIds[0],
      after: {
        consultantId,
        seriesKey,
        slotIds,
        startsAt: startsAt.map((s) => s.toISOString()),
        minutes: input.minutes,
        mode: input.mode,
        localityId: input.localityId,
        capacity: input.capacity,
        timeZone,
      },
      ipAddress: clientIp(request),
    });
    return { ok: true as const, slotIds, seriesKey };
  });
}
