import { and, asc, desc, eq, gt, inArray, lte, or, sql, type Placeholder } from 'drizzle-orm';
import { db, preparedPerLimit, type Tx } from '~db/client';
import { applications } from '~db/schema/applications';
import { competitions } from '~db/schema/competitions';
import {
  consultationBookings,
  consultationSlots,
  type ConsultationBooking,
  type ConsultationSlot,
} from '~db/schema/consultations';
import { households } from '~db/schema/households';
import { facilitatorLocalities, localities, users } from '~db/schema/people';
import type { ConsultationMode } from '~/schemas/enums';

type Reader = typeof db | Tx;

/** A booking that holds or waits for a place: the ones the capacity and family limits count. */
const LIVE = ['booked', 'waiting'] as const;

export function findSlot(slotId: number, reader: Reader = db): ConsultationSlot | undefined {
  return reader.select().from(consultationSlots).where(eq(consultationSlots.id, slotId)).get();
}

export function findBooking(
  bookingId: number,
  reader: Reader = db,
): ConsultationBooking | undefined {
  return reader
    .select()
    .from(consultationBookings)
    .where(eq(consultationBookings.id, bookingId))
    .get();
}

/**
 * Books a place only if one is left: the count of booked places, the slot's capacity, its status
 * and its start are checked by the INSERT itself, so two requests for the last place cannot both
 * succeed whatever the interleaving. Returns the new booking, or undefined when nothing was left.
 */
export function insertBookingIfPlaceLeft(
  tx: Tx,
  values: {
    slotId: number;
    applicationId: number;
    householdId: number;
    bookedById: number;
    helpWith: string | null;
  },
  now: Date,
): ConsultationBooking | undefined {
  const at = now.getTime();
  const row = tx.get<{ id: number } | undefined>(sql`
    INSERT INTO consultation_bookings
      (slot_id, application_id, household_id, booked_by_id, status, help_with, sequence,
       created_at, updated_at)
    SELECT s.id, ${values.applicationId}, ${values.householdId}, ${values.bookedById}, 'booked',
           ${values.helpWith}, 0, ${at}, ${at}
      FROM consultation_slots s
     WHERE s.id = ${values.slotId}
       AND s.status = 'open'
       AND s.starts_at > ${at}
       AND (SELECT count(*) FROM consultation_bookings b
             WHERE b.slot_id = s.id AND b.status = 'booked') < s.capacity
    RETURNING id`);
  return row ? findBooking(row.id, tx) : undefined;
}

/**
 * Moves a booking to another slot only if a place is left there (the same one conditional
 * statement as booking) and raises its iCalendar SEQUENCE. Returns the moved booking or undefined.
 */
export function moveBookingIfPlaceLeft(
  tx: Tx,
  bookingId: number,
  toSlotId: number,
  now: Date,
): ConsultationBooking | undefined {
  const at = now.getTime();
  const row = tx.get<{ id: number } | undefined>(sql`
    UPDATE consultation_bookings
       SET slot_id = ${toSlotId}, sequence = sequence + 1, updated_at = ${at}
     WHERE id = ${bookingId}
       AND status = 'booked'
       AND EXISTS (
         SELECT 1 FROM consultation_slots s
          WHERE s.id = ${toSlotId}
            AND s.status = 'open'
            AND s.starts_at > ${at}
            AND (SELECT count(*) FROM consultation_bookings b
                  WHERE b.slot_id = s.id AND b.status = 'booked') < s.capacity)
    RETURNING id`);
  return row ? findBooking(row.id, tx) : undefined;
}

/**
 * Gives a waiting family the place, only if one is left (same conditional form). Returns the
 * promoted booking, or undefined.
 */
export function promoteIfPlaceLeft(
  tx: Tx,
  bookingId: number,
  now: Date,
): ConsultationBooking | undefined {
  const at = now.getTime();
  const row = tx.get<{ id: number } | undefined>(sql`
    UPDATE consultation_bookings
       SET status = 'booked', waiting_since = NULL, updated_at = ${at}
     WHERE id = ${bookingId}
       AND status = 'waiting'
       AND EXISTS (
         SELECT 1 FROM consultation_slots s
          WHERE s.id = consultation_bookings.slot_id
            AND s.status = 'open'
            AND s.starts_at > ${at}
            AND (SELECT count(*) FROM consultation_bookings b
                  WHERE b.slot_id = s.id AND b.status = 'booked') < s.capacity)
    RETURNING id`);
  return row ? findBooking(row.id, tx) : undefined;
}

export function insertWaiting(
  tx: Tx,
  values: {
    slotId: number;
    applicationId: number;
    householdId: number;
    bookedById: number;
    helpWith: string | null;
  },
  now: Date,
): ConsultationBooking {
  return tx
    .insert(consultationBookings)
    .values({ ...values, status: 'waiting', waitingSince: now, createdAt: now, updatedAt: now })
    .returning()
    .get();
}

export function updateBookingRow(
  tx: Tx,
  bookingId: number,
  values: Partial<typeof consultationBookings.$inferInsert>,
): ConsultationBooking {
  return tx
    .update(consultationBookings)
    .set(values)
    .where(eq(consultationBookings.id, bookingId))
    .returning()
    .get();
}

export function updateSlotRow(
  tx: Tx,
  slotId: number,
  values: Partial<typeof consultationSlots.$inferInsert>,
): ConsultationSlot {
  return tx
    .update(consultationSlots)
    .set(values)
    .where(eq(consultationSlots.id, slotId))
    .returning()
    .get();
}

/** The waiting list of a slot, first come first. */
export function waitingOfSlot(slotId: number, reader: Reader = db): ConsultationBooking[] {
  return reader
    .select()
    .from(consultationBookings)
    .where(and(eq(consultationBookings.slotId, slotId), eq(consultationBookings.status, 'waiting')))
    .orderBy(asc(consultationBookings.waitingSince), asc(consultationBookings.id))
    .all();
}

/** The bookings of a slot that hold or wait for a place. */
export function liveBookingsOfSlot(slotId: number, reader: Reader = db): ConsultationBooking[] {
  return reader
    .select()
    .from(consultationBookings)
    .where(and(eq(consultationBookings.slotId, slotId), inArray(consultationBookings.status, LIVE)))
    .orderBy(asc(consultationBookings.id))
    .all();
}

/**
 * A family's live (booked or waiting) places that have not started yet, with their times: what
 * the "one at a time" and "at most N open" rules count.
 */
export function upcomingLiveOfHousehold(householdId: number, now: Date, reader: Reader = db) {
  return reader
    .select({
      id: consultationBookings.id,
      slotId: consultationBookings.slotId,
      status: consultationBookings.status,
      startsAt: consultationSlots.startsAt,
      minutes: consultationSlots.minutes,
    })
    .from(consultationBookings)
    .innerJoin(consultationSlots, eq(consultationSlots.id, consultationBookings.slotId))
    .where(
      and(
        eq(consultationBookings.householdId, householdId),
        inArray(consultationBookings.status, LIVE),
        gt(
          sql`${consultationSlots.startsAt} + ${consultationSlots.minutes} * 60000`,
          now.getTime(),
        ),
      ),
    )
    .all();
}

export function countBookedInSlot(slotId: number, reader: Reader = db): number {
  return (
    reader
      .select({ n: sql<number>`count(*)` })
      .from(consultationBookings)
      .where(
        and(eq(consultationBookings.slotId, slotId), eq(consultationBookings.status, 'booked')),
      )
      .get()?.n ?? 0
  );
}

/** Everything a booking notice needs, in one read. */
export function bookingNoticeRow(bookingId: number, reader: Reader = db) {
  return reader
    .select({
      booking: consultationBookings,
      slot: consultationSlots,
      locality: {
        nameKy: localities.nameKy,
        nameRu: localities.nameRu,
        nameEn: localities.nameEn,
      },
      householdUserId: households.userId,
      timeZone: competitions.timezone,
    })
    .from(consultationBookings)
    .innerJoin(consultationSlots, eq(consultationSlots.id, consultationBookings.slotId))
    .innerJoin(localities, eq(localities.id, consultationSlots.localityId))
    .innerJoin(households, eq(households.id, consultationBookings.householdId))
    .innerJoin(applications, eq(applications.id, consultationBookings.applicationId))
    .innerJoin(competitions, eq(competitions.id, applications.competitionId))
    .where(eq(consultationBookings.id, bookingId))
    .get();
}

// ---------------------------------------------------------------------------------------------
// Lists for the pages

export type OpenSlotFilter = {
  localityId?: number;
  consultantId?: number;
  mode?: ConsultationMode;
  /** UTC bounds of the day chosen (in the programme's zone). */
  from?: Date;
  to?: Date;
};

function openSlotConditions(filter: OpenSlotFilter, now: Date) {
  return [
    eq(consultationSlots.status, 'open'),
    gt(consultationSlots.startsAt, filter.from && filter.from > now ? filter.from : now),
    filter.to ? lte(consultationSlots.startsAt, filter.to) : undefined,
    filter.localityId ? eq(consultationSlots.localityId, filter.localityId) : undefined,
    filter.mode ? eq(consultationSlots.mode, filter.mode) : undefined,
    filter.consultantId ? eq(consultationSlots.consultantId, filter.consultantId) : undefined,
  ];
}

const slotDetailColumns = {
  slot: consultationSlots,
  booked: sql<number>`(SELECT count(*) FROM consultation_bookings b
    WHERE b.slot_id = ${consultationSlots.id} AND b.status = 'booked')`,
  consultantName: users.name,
  locality: {
    nameKy: localities.nameKy,
    nameRu: localities.nameRu,
    nameEn: localities.nameEn,
  },
};

/** One slot with its consultant's name, village and booked count. */
export function slotWithDetails(slotId: number, reader: Reader = db) {
  return reader
    .select(slotDetailColumns)
    .from(consultationSlots)
    .innerJoin(users, eq(users.id, consultationSlots.consultantId))
    .innerJoin(localities, eq(localities.id, consultationSlots.localityId))
    .where(eq(consultationSlots.id, slotId))
    .get();
}

export function countOpenSlots(filter: OpenSlotFilter, now: Date, reader: Reader = db): number {
  return (
    reader
      .select({ n: sql<number>`count(*)` })
      .from(consultationSlots)
      .where(and(...openSlotConditions(filter, now)))
      .get()?.n ?? 0
  );
}

/** Open slots that start after `now`, one page in SQL, soonest first, with places left. */
export function listOpenSlots(
  filter: OpenSlotFilter,
  now: Date,
  page: { limit: number; offset: number },
  reader: Reader = db,
) {
  return reader
    .select(slotDetailColumns)
    .from(consultationSlots)
    .innerJoin(users, eq(users.id, consultationSlots.consultantId))
    .innerJoin(localities, eq(localities.id, consultationSlots.localityId))
    .where(and(...openSlotConditions(filter, now)))
    .orderBy(asc(consultationSlots.startsAt), asc(consultationSlots.id))
    .limit(page.limit)
    .offset(page.offset)
    .all();
}

/** Localities that have an open slot ahead, for the village filter. */
export function localitiesWithOpenSlots(now: Date, reader: Reader = db) {
  return reader
    .selectDistinct({
      id: localities.id,
      nameKy: localities.nameKy,
      nameRu: localities.nameRu,
      nameEn: localities.nameEn,
    })
    .from(consultationSlots)
    .innerJoin(localities, eq(localities.id, consultationSlots.localityId))
    .where(and(eq(consultationSlots.status, 'open'), gt(consultationSlots.startsAt, now)))
    .all();
}

const bookingListColumns = {
  booking: consultationBookings,
  slot: consultationSlots,
  consultantName: users.name,
  locality: {
    nameKy: localities.nameKy,
    nameRu: localities.nameRu,
    nameEn: localities.nameEn,
  },
  applicationReference: applications.reference,
  applicationTitle: applications.title,
  competitionId: applications.competitionId,
  beneficiaryMemberId: applications.beneficiaryMemberId,
};

/** Bookings of a household (all its applications), newest start first. */
export function bookingsOfHousehold(
  householdId: number,
  options: { applicationId?: number; limit?: number } = {},
  reader: Reader = db,
) {
  const limit = options.limit ?? 100;
  if (reader !== db)
    return householdBookings(reader, householdId, options.applicationId, limit).all();
  return options.applicationId
    ? preparedBookingsOfApplication(limit).all({
        householdId,
        applicationId: options.applicationId,
      })
    : preparedBookingsOfHousehold(limit).all({ householdId });
}
// The family's home and application page show them on every view: compiled once.
const preparedBookingsOfHousehold = preparedPerLimit((c, limit) =>
  householdBookings(c, sql.placeholder('householdId'), undefined, limit).prepare(),
);
const preparedBookingsOfApplication = preparedPerLimit((c, limit) =>
  householdBookings(
    c,
    sql.placeholder('householdId'),
    sql.placeholder('applicationId'),
    limit,
  ).prepare(),
);
function householdBookings(
  reader: Reader,
  householdId: number | Placeholder,
  applicationId: number | Placeholder | undefined,
  limit: number | Placeholder,
) {
  return reader
    .select(bookingListColumns)
    .from(consultationBookings)
    .innerJoin(consultationSlots, eq(consultationSlots.id, consultationBookings.slotId))
    .innerJoin(users, eq(users.id, consultationSlots.consultantId))
    .innerJoin(localities, eq(localities.id, consultationSlots.localityId))
    .innerJoin(applications, eq(applications.id, consultationBookings.applicationId))
    .where(
      and(
        eq(consultationBookings.householdId, householdId),
        applicationId !== undefined
          ? eq(consultationBookings.applicationId, applicationId)
          : undefined,
      ),
    )
    .orderBy(desc(consultationSlots.startsAt), desc(consultationBookings.id))
    .limit(limit);
}

export type BookingListRow = ReturnType<typeof bookingsOfHousehold>[number];

/**
 * Bookings of the families in a facilitator's localities that have not ended yet (or ended in
 * the last `sinceDays`), soonest first, one page.
 */
export function bookingsForFacilitator(
  facilitatorId: number,
  since: Date,
  page: { limit: number; offset: number },
  reader: Reader = db,
) {
  return reader
    .select({ ...bookingListColumns, householdId: households.id, familyUserId: households.userId })
    .from(consultationBookings)
    .innerJoin(consultationSlots, eq(consultationSlots.id, consultationBookings.slotId))
    .innerJoin(users, eq(users.id, consultationSlots.consultantId))
    .innerJoin(localities, eq(localities.id, consultationSlots.localityId))
    .innerJoin(applications, eq(applications.id, consultationBookings.applicationId))
    .innerJoin(households, eq(households.id, consultationBookings.householdId))
    .innerJoin(
      facilitatorLocalities,
      and(
        eq(facilitatorLocalities.localityId, households.localityId),
        eq(facilitatorLocalities.userId, facilitatorId),
      ),
    )
    .where(or(gt(consultationSlots.startsAt, since), eq(consultationBookings.status, 'waiting')))
    .orderBy(asc(consultationSlots.startsAt), asc(consultationBookings.id))
    .limit(page.limit)
    .offset(page.offset)
    .all();
}
