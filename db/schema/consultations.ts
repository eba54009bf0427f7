import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  BOOKING_ATTENDANCE,
  BOOKING_STATUSES,
  CONSULTATION_MODES,
  CONSULTATION_SLOT_STATUSES,
  type ConsultationTopic,
} from '../../app/schemas/enums';
import type { Locale } from '../../app/i18n/config';
import { id, instant, timestamps } from '../columns';
import { applications } from './applications';
import { households } from './households';
import { localities, users } from './people';

/**
 * A time a consultant offers for free business consultations. A "village day" is a series of
 * back-to-back slots at one place, published together (same `seriesKey`); each slot is still
 * booked on its own. Times are stored in UTC and shown in the programme's time zone.
 */
export const consultationSlots = sqliteTable(
  'consultation_slots',
  {
    id: id(),
    consultantId: integer()
      .notNull()
      .references(() => users.id),
    /** Who published it: the consultant herself, or staff on her behalf. */
    createdById: integer()
      .notNull()
      .references(() => users.id),
    /** Slots of one village day share this key, so the day can be shown and cancelled whole. */
    seriesKey: text(),
    startsAt: instant().notNull(),
    minutes: integer().notNull(),
    mode: text({ enum: CONSULTATION_MODES }).notNull(),
    /** The address, for a consultation in person. */
    place: text(),
    /** The number the family will be called from or should call, for a consultation by phone. */
    phone: text(),
    /** The meeting link, for an online consultation. */
    link: text(),
    localityId: integer()
      .notNull()
      .references(() => localities.id),
    /** 1 for a private consultation; more for a group clinic. */
    capacity: integer().notNull().default(1),
    topics: text({ mode: 'json' })
      .$type<ConsultationTopic[]>()
      .notNull()
      .$defaultFn(() => []),
    languages: text({ mode: 'json' })
      .$type<Locale[]>()
      .notNull()
      .$defaultFn(() => []),
    status: text({ enum: CONSULTATION_SLOT_STATUSES }).notNull().default('open'),
    cancelledAt: instant(),
    cancelledById: integer().references(() => users.id),
    cancelReason: text(),
    ...timestamps,
  },
  (t) => [
    index('consultation_slots_consultant_start_idx').on(t.consultantId, t.startsAt),
    index('consultation_slots_locality_start_idx').on(t.localityId, t.startsAt),
    index('consultation_slots_start_idx').on(t.status, t.startsAt),
  ],
);

/**
 * A family's place at a consultation, for one of her applications. The attendee is always the
 * family; `bookedById` is whoever pressed "book" (she, her facilitator, or staff). A move keeps
 * the row (and so the calendar UID) and raises `sequence`.
 */
export const consultationBookings = sqliteTable(
  'consultation_bookings',
  {
    id: id(),
    slotId: integer()
      .notNull()
      .references(() => consultationSlots.id),
    applicationId: integer()
      .notNull()
      .references(() => applications.id),
    householdId: integer()
      .notNull()
      .references(() => households.id),
    bookedById: integer()
      .notNull()
      .references(() => users.id),
    status: text({ enum: BOOKING_STATUSES }).notNull(),
    /** What the family wants help with, in her words. */
    helpWith: text(),
    /** iCalendar SEQUENCE: 0 when booked, raised at each move. */
    sequence: integer().notNull().default(0),
    /** Order on the waiting list (when status is "waiting"). */
    waitingSince: instant(),
    cancelledAt: instant(),
    cancelledById: integer().references(() => users.id),
    cancelReason: text(),
    attendance: text({ enum: BOOKING_ATTENDANCE }),
    attendanceRecordedAt: instant(),
    attendanceRecordedById: integer().references(() => users.id),
    /** The consultant's advice; the family reads it on her application, staff too, jurors never. */
    advice: text(),
    adviceAt: instant(),
    ...timestamps,
  },
  (t) => [
    index('consultation_bookings_slot_status_idx').on(t.slotId, t.status),
    index('consultation_bookings_household_status_idx').on(t.householdId, t.status),
    index('consultation_bookings_application_idx').on(t.applicationId),
    /** A family holds or waits for at most one place in a slot. */
    uniqueIndex('consultation_bookings_one_live_per_slot_idx')
      .on(t.slotId, t.householdId)
      .where(sql`status in ('booked', 'waiting')`),
  ],
);

export type ConsultationSlot = typeof consultationSlots.$inferSelect;
export type ConsultationBooking = typeof consultationBookings.$inferSelect;
