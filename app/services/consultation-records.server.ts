// After a consultation: who came (attended / family no-show; staff also consultant no-show) and
// the consultant's advice, which the family reads on her application and staff see there
// (jurors never). And the counts the programme watches: no-shows per family; held, missed and
// cancelled per consultant and per village.
import { and, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { db, writeTransaction } from '~db/client';
import { consultationBookings, consultationSlots } from '~db/schema/consultations';
import { households } from '~db/schema/households';
import { localities, users } from '~db/schema/people';
import { appendAudit } from '~/models/audit.server';
import type { BookingAttendance } from '~/schemas/enums';
import { clientIp } from '~/utils/request.server';
import type { SessionUser } from '~/utils/session.server';
import { actsForAnyConsultant } from './consultation-slots.server';
import { localityNameLocale } from '~/i18n/locality';
import type { Locale } from '~/i18n/config';

export type RecordError = { ok: false; error: string };

function bookingWithSlot(bookingId: number) {
  return db
    .select({ booking: consultationBookings, slot: consultationSlots })
    .from(consultationBookings)
    .innerJoin(consultationSlots, eq(consultationSlots.id, consultationBookings.slotId))
    .where(eq(consultationBookings.id, bookingId))
    .get();
}

/**
 * Whether `actor` may record what happened at this booking, and if not why: a consultant only at
 * her own slots, staff at any; only a booking that holds a place (a cancelled or waiting one is
 * neither attended nor missed), and only once the consultation has begun.
 */
export function recordRefusal(
  actor: SessionUser,
  found: ReturnType<typeof bookingWithSlot>,
  now: Date,
): string | null {
  if (!found) return 'consultant:errors.notFound';
  if (!actsForAnyConsultant(actor) && found.slot.consultantId !== actor.user.id)
    return 'consultant:errors.notFound';
  if (found.booking.status !== 'booked') return 'consultant:errors.notBooked';
  if (found.slot.startsAt.getTime() > now.getTime()) return 'consultant:errors.notYet';
  return null;
}

export function recordAttendance(
  request: Request,
  actor: SessionUser,
  input: { bookingId: number; attendance: BookingAttendance },
  now = new Date(),
): { ok: true } | RecordError {
  const found = bookingWithSlot(input.bookingId);
  const refusal = recordRefusal(actor, found, now);
  if (refusal) return { ok: false, error: refusal };
  // Only the programme's office says a consultant did not come; she cannot mark herself so.
  if (input.attendance === 'consultant-no-show' && !actsForAnyConsultant(actor))
    return { ok: false, error: 'consultant:errors.onlyStaffConsultantNoShow' };
  const before = found!.booking.attendance;
  writeTransaction((tx) => {
    tx.update(consultationBookings)
      .set({
        attendance: input.attendance,
        attendanceRecordedAt: now,
        attendanceRecordedById: actor.user.id,
      })
      .where(eq(consultationBookings.id, input.bookingId))
      .run();
    appendAudit(tx, {
      actorUserId: actor.user.id,
      action: 'consultation-booking.attendance-recorded',
      entityType: 'consultation-booking',
      entityId: input.bookingId,
      before: { attendance: before },
      after: { attendance: input.attendance, slotId: found!.slot.id },
      ipAddress: clientIp(request),
    });
  });
  return { ok: true };
}

export function writeAdvice(
  request: Request,
  actor: SessionUser,
  input: { bookingId: number; advice: string },
  now = new Date(),
): { ok: true } | RecordError {
  const found = bookingWithSlot(input.bookingId);
  const refusal = recordRefusal(actor, found, now);
  if (refusal) return { ok: false, error: refusal };
  writeTransaction((tx) => {
    tx.update(consultationBookings)
      .set({ advice: input.advice, adviceAt: now })
      .where(eq(consultationBookings.id, input.bookingId))
      .run();
    appendAudit(tx, {
      actorUserId: actor.user.id,
      action: 'consultation-booking.advice-written',
      entityType: 'consultation-booking',
      entityId: input.bookingId,
      // The advice itself stays on the booking: the log says that it was written, and its length.
      after: { slotId: found!.slot.id, length: input.advice.length },
      ipAddress: clientIp(request),
    });
  });
  return { ok: true };
}

/** How many consultations each family missed (family no-show), for the given households. */
export function familyNoShows(householdIds: readonly number[]): Map<number, number> {
  if (householdIds.length === 0) return new Map();
  const rows = db
    .select({
      householdId: consultationBookings.householdId,
      count: sql<number>`count(*)`,
    })
    .from(consultationBookings)
    .where(
      and(
        eq(consultationBookings.attendance, 'family-no-show'),
        sql`${consultationBookings.householdId} in ${householdIds}`,
      ),
    )
    .groupBy(consultationBookings.householdId)
    .all();
  return new Map(rows.map((r) => [r.householdId, r.count]));
}

export type ConsultationTotals = {
  /** Bookings the family came to. */
  held: number;
  familyNoShow: number;
  consultantNoShow: number;
  /** Bookings cancelled (by the family, her helper, staff, or with the slot). */
  cancelled: number;
};

export type TotalsRow = ConsultationTotals & { id: number; name: string };

/**
 * Which bookings count: slots starting in [from, to); and, for the dashboard, families' bookings
 * for one competition's applications, of a sector, in some villages, or one consultant's slots.
 */
export type TotalsRange = {
  from?: Date | null;
  to?: Date | null;
  competitionId?: number | null;
  sector?: string | null;
  /** The family's villages (an empty list: none). */
  localityIds?: readonly number[] | null;
  consultantId?: number | null;
};

function rangeWhere(range: TotalsRange): SQL | undefined {
  const applications = [
    range.competitionId != null ? sql`a.competition_id = ${range.competitionId}` : null,
    range.sector != null ? sql`a.sector = ${range.sector}` : null,
  ].filter((c): c is SQL => c !== null);
  return and(
    range.from ? gte(consultationSlots.startsAt, range.from) : undefined,
    range.to ? lt(consultationSlots.startsAt, range.to) : undefined,
    applications.length > 0
      ? sql`${consultationBookings.applicationId} in (select a.id from applications a where ${sql.join(applications, sql` and `)})`
      : undefined,
    range.localityIds
      ? range.localityIds.length === 0
        ? sql`0`
        : sql`${consultationBookings.householdId} in (select h.id from households h where h.locality_id in ${range.localityIds})`
      : undefined,
    range.consultantId != null ? eq(consultationSlots.consultantId, range.consultantId) : undefined,
  );
}

const totalsColumns = {
  held: sql<number>`coalesce(sum(${consultationBookings.attendance} = 'attended'), 0)`,
  familyNoShow: sql<number>`coalesce(sum(${consultationBookings.attendance} = 'family-no-show'), 0)`,
  consultantNoShow: sql<number>`coalesce(sum(${consultationBookings.attendance} = 'consultant-no-show'), 0)`,
  cancelled: sql<number>`coalesce(sum(${consultationBookings.status} = 'cancelled'), 0)`,
};

/** Held, missed and cancelled per consultant, counted in SQL. */
export function totalsPerConsultant(range: TotalsRange = {}): TotalsRow[] {
  return db
    .select({ id: users.id, name: users.name, ...totalsColumns })
    .from(consultationBookings)
    .innerJoin(consultationSlots, eq(consultationSlots.id, consultationBookings.slotId))
    .innerJoin(users, eq(users.id, consultationSlots.consultantId))
    .where(rangeWhere(range))
    .groupBy(users.id)
    .orderBy(users.name)
    .all();
}

/**
 * Held, missed and cancelled per village, counted in SQL. The village is the family's (where
 * the programme works), not where the slot was held.
 */
export function totalsPerVillage(locale: Locale, range: TotalsRange = {}): TotalsRow[] {
  const shown = localityNameLocale(locale);
  const name =
    shown === 'ky' ? localities.nameKy : shown === 'ru' ? localities.nameRu : localities.nameEn;
  return db
    .select({ id: localities.id, name, ...totalsColumns })
    .from(consultationBookings)
    .innerJoin(consultationSlots, eq(consultationSlots.id, consultationBookings.slotId))
    .innerJoin(households, eq(households.id, consultationBookings.householdId))
    .innerJoin(localities, eq(localities.id, households.localityId))
    .where(rangeWhere(range))
    .groupBy(localities.id)
    .orderBy(name)
    .all();
}
