// The booking rules for free business consultations: who may book for whom, never over capacity,
// one place at a time per family, at most N open, notice windows for changes, and the waiting
// list. Each use case is one write transaction that also writes the audit line and the notices.
import { db, writeTransaction, type Tx } from '~db/client';
import type { ConsultationBooking, ConsultationSlot } from '~db/schema/consultations';
import { appendAudit } from '~/models/audit.server';
import { findApplication } from '~/models/application.server';
import { findCompetition } from '~/models/competition.server';
import {
  bookingNoticeRow,
  findBooking,
  findSlot,
  insertBookingIfPlaceLeft,
  insertWaiting,
  liveBookingsOfSlot,
  moveBookingIfPlaceLeft,
  promoteIfPlaceLeft,
  updateBookingRow,
  updateSlotRow,
  upcomingLiveOfHousehold,
  waitingOfSlot,
} from '~/models/consultation-booking.server';
import { facilitatorWorksIn, findHousehold, membersOf } from '~/models/household.server';
import { findUserById } from '~/models/user.server';
import type { ConsultationMode } from '~/schemas/enums';
import { hasPermission } from '~/utils/permissions';
import type { SessionUser } from '~/utils/session.server';
import {
  queueBookingNotices,
  type BookingNoticeData,
  type BookingNoticeEvent,
} from './booking-notices.server';
import { buildBookingInvite } from './calendar-invite.server';
import { householdAccess } from './households.server';
import type { NoticeRecipient } from './notices.server';
import { programmeTimeZone } from './programme-clock.server';

export { programmeTimeZone };

const HOUR = 60 * 60_000;

type Reader = typeof db | Tx;

export type BookingError =
  | 'not-found'
  | 'application-closed'
  | 'slot-closed'
  | 'full'
  | 'already-in-slot'
  | 'overlap'
  | 'too-many-open'
  | 'too-late'
  | 'not-booked'
  | 'other-consultant';

export type BookingResult =
  | { ok: true; booking: ConsultationBooking; promoted: ConsultationBooking | null }
  | { ok: false; error: BookingError; limit?: number; hours?: number };

// ---------------------------------------------------------------------------------------------
// Who may do what

function isStaff(actor: SessionUser): boolean {
  return actor.roles.includes('staff') || actor.roles.includes('admin');
}

/**
 * May this person book for this household? The family for herself, a facilitator for a family
 * of her localities, staff for anyone (the same household access the application pages use).
 */
function mayBookFor(actor: SessionUser, householdId: number): boolean {
  if (!hasPermission(actor.roles, 'consultations:book')) return false;
  const household = findHousehold(householdId);
  return household !== undefined && householdAccess(actor, household) !== null;
}

/** Staff and the slot's consultant change a booking at any time; the family within the notice. */
function changesWithoutNotice(actor: SessionUser, slot: ConsultationSlot): boolean {
  return isStaff(actor) || slot.consultantId === actor.user.id;
}

/** May this person see a booking (and download its invitation)? */
export function mayViewBooking(
  actor: SessionUser,
  booking: Pick<ConsultationBooking, 'householdId' | 'slotId' | 'bookedById'>,
): boolean {
  if (isStaff(actor)) return true;
  const slot = findSlot(booking.slotId);
  if (slot && slot.consultantId === actor.user.id) return true;
  const household = findHousehold(booking.householdId);
  if (!household) return false;
  if (household.userId === actor.user.id) return true;
  return (
    actor.roles.includes('facilitator') && facilitatorWorksIn(actor.user.id, household.localityId)
  );
}

/** May this person change (cancel, change the time of) a slot? Its consultant, or staff. */
export function mayManageSlot(actor: SessionUser, slot: Pick<ConsultationSlot, 'consultantId'>) {
  return (
    isStaff(actor) ||
    (hasPermission(actor.roles, 'consultations:publish') && slot.consultantId === actor.user.id)
  );
}

// ---------------------------------------------------------------------------------------------
// Notices

function recipientOf(userId: number, tx: Reader): NoticeRecipient | null {
  const user = findUserById(userId, tx);
  return user
    ? {
        id: user.id,
        name: user.name,
        email: user.email,
        locale: user.locale,
        contactByEmail: user.contactByEmail,
        contactOnlyViaFacilitator: user.contactOnlyViaFacilitator,
      }
    : null;
}

/** The one place that gathers what a booking notice needs. */
export function bookingNoticeData(tx: Reader, bookingId: number): BookingNoticeData {
  const row = bookingNoticeRow(bookingId, tx);
  if (!row) throw new Error(`Booking ${bookingId} not found`);
  const { booking, slot } = row;
  const family = row.householdUserId == null ? null : recipientOf(row.householdUserId, tx);
  const consultant = recipientOf(slot.consultantId, tx);
  if (!consultant) throw new Error(`Consultant ${slot.consultantId} not found`);
  const application = findApplication(booking.applicationId, tx);
  return {
    bookingId: booking.id,
    sequence: booking.sequence,
    startsAt: slot.startsAt,
    minutes: slot.minutes,
    mode: slot.mode,
    place: slot.place,
    phone: slot.phone,
    link: slot.link,
    // Village names are written the same way in the three languages' lists; Russian is the
    // form both a Kyrgyz- and a Russian-speaking reader recognises on a calendar.
    localityName: row.locality.nameRu,
    timeZone: programmeTimeZone(tx),
    helpWith: booking.helpWith,
    family,
    familyName: familyNameOf(booking.householdId, application?.beneficiaryMemberId ?? null, tx),
    householdId: booking.householdId,
    consultant,
    applicationId: booking.applicationId,
  };
}

function familyNameOf(householdId: number, beneficiaryMemberId: number | null, tx: Reader): string {
  const sorted = [...membersOf(householdId, tx)].sort((a, b) => a.position - b.position);
  const person = sorted.find((m) => m.id === beneficiaryMemberId) ?? sorted[0];
  return person ? `${person.firstName} ${person.lastName}` : '';
}

function notify(
  tx: Tx,
  event: BookingNoticeEvent,
  bookingId: number,
  now: Date,
  previousStartsAt: Date | null = null,
) {
  queueBookingNotices(tx, event, { ...bookingNoticeData(tx, bookingId), previousStartsAt }, now);
}

function audit(
  tx: Tx,
  actorId: number,
  action:
    | 'consultation-booking.booked'
    | 'consultation-booking.waitlisted'
    | 'consultation-booking.promoted'
    | 'consultation-booking.cancelled'
    | 'consultation-booking.moved',
  booking: ConsultationBooking,
  extra: Record<string, unknown> = {},
  now: Date,
) {
  appendAudit(
    tx,
    {
      actorUserId: actorId,
      action,
      entityType: 'consultation-booking',
      entityId: booking.id,
      after: {
        slotId: booking.slotId,
        applicationId: booking.applicationId,
        householdId: booking.householdId,
        status: booking.status,
        sequence: booking.sequence,
        ...extra,
      },
    },
    { now },
  );
}

// ---------------------------------------------------------------------------------------------
// The family's limits

function overlaps(a: { startsAt: Date; minutes: number }, b: { startsAt: Date; minutes: number }) {
  const aEnd = a.startsAt.getTime() + a.minutes * 60_000;
  const bEnd = b.startsAt.getTime() + b.minutes * 60_000;
  return a.startsAt.getTime() < bEnd && b.startsAt.getTime() < aEnd;
}

/**
 * The family's own limits for taking a place in `slot`: not twice in one slot, never two places
 * at the same time, at most `maxOpen` open. Waiting places count too, so that promoting her
 * from a waiting list can never break either rule.
 */
function familyLimitError(
  tx: Tx,
  householdId: number,
  slot: ConsultationSlot,
  maxOpen: number,
  now: Date,
  exceptBookingId: number | null,
): { error: BookingError; limit?: number } | null {
  const live = upcomingLiveOfHousehold(householdId, now, tx).filter(
    (b) => b.id !== exceptBookingId,
  );
  if (live.some((b) => b.slotId === slot.id)) return { error: 'already-in-slot' };
  if (live.some((b) => overlaps(b, slot))) return { error: 'overlap' };
  if (exceptBookingId === null && live.length >= maxOpen) {
    return { error: 'too-many-open', limit: maxOpen };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Waiting list

/**
 * A place was freed in the slot: the first on its waiting list gets it, in the same transaction,
 * and is told. Returns the promoted booking, if any.
 */
function promoteFirstWaiting(
  tx: Tx,
  slotId: number,
  actorId: number,
  now: Date,
): ConsultationBooking | null {
  const first = waitingOfSlot(slotId, tx)[0];
  if (!first) return null;
  const promoted = promoteIfPlaceLeft(tx, first.id, now);
  if (!promoted) return null;
  audit(tx, actorId, 'consultation-booking.promoted', promoted, {}, now);
  notify(tx, 'promoted', promoted.id, now);
  return promoted;
}

// ---------------------------------------------------------------------------------------------
// Use cases

export type BookInput = {
  slotId: number;
  applicationId: number;
  helpWith: string | null;
  /** She was told the slot is full and chose to wait for a place. */
  joinWaitingList: boolean;
};

/**
 * Books a place at a consultation for a family's application. The attendee is always the family;
 * `bookedById` records whoever pressed "book". A full slot answers 'full' unless she asked to
 * join the waiting list, and then she waits (a place freed meanwhile is simply booked).
 */
export function bookConsultation(
  actor: SessionUser,
  input: BookInput,
  now: Date = new Date(),
): BookingResult {
  const application = findApplication(input.applicationId);
  if (!application || !mayBookFor(actor, application.householdId)) {
    return { ok: false, error: 'not-found' };
  }
  if (application.status === 'withdrawn') return { ok: false, error: 'application-closed' };
  const competition = findCompetition(application.competitionId);
  if (!competition) return { ok: false, error: 'not-found' };

  return writeTransaction((tx): BookingResult => {
    const slot = findSlot(input.slotId, tx);
    if (!slot) return { ok: false, error: 'not-found' };
    if (slot.status !== 'open' || slot.startsAt <= now) return { ok: false, error: 'slot-closed' };
    const limit = familyLimitError(
      tx,
      application.householdId,
      slot,
      competition.maxOpenBookings,
      now,
      null,
    );
    if (limit) return { ok: false, ...limit };
    const values = {
      slotId: slot.id,
      applicationId: application.id,
      householdId: application.householdId,
      bookedById: actor.user.id,
      helpWith: input.helpWith?.trim() || null,
    };
    const booked = insertBookingIfPlaceLeft(tx, values, now);
    if (booked) {
      audit(tx, actor.user.id, 'consultation-booking.booked', booked, {}, now);
      notify(tx, 'booked', booked.id, now);
      return { ok: true, booking: booked, promoted: null };
    }
    if (!input.joinWaitingList) return { ok: false, error: 'full' };
    const waiting = insertWaiting(tx, values, now);
    audit(tx, actor.user.id, 'consultation-booking.waitlisted', waiting, {}, now);
    return { ok: true, booking: waiting, promoted: null };
  });
}

/**
 * Cancels a booking or leaves a waiting list. The family (or her facilitator) may cancel a place
 * until the programme's notice before it starts; staff and the consultant always may. A freed
 * place goes to the first on the waiting list.
 */
export function cancelBooking(
  actor: SessionUser,
  input: { bookingId: number; reason: string | null },
  now: Date = new Date(),
): BookingResult {
  const before = findBooking(input.bookingId);
  if (!before) return { ok: false, error: 'not-found' };
  const slot = findSlot(before.slotId)!;
  const privileged = changesWithoutNotice(actor, slot);
  if (!privileged && !mayBookFor(actor, before.householdId)) {
    return { ok: false, error: 'not-found' };
  }
  const application = findApplication(before.applicationId)!;
  const competition = findCompetition(application.competitionId)!;

  return writeTransaction((tx): BookingResult => {
    const booking = findBooking(input.bookingId, tx)!;
    if (booking.status === 'cancelled') return { ok: false, error: 'not-booked' };
    const hours = competition.bookingCancelNoticeHours;
    if (
      booking.status === 'booked' &&
      !privileged &&
      slot.startsAt.getTime() - now.getTime() < hours * HOUR
    ) {
      return { ok: false, error: 'too-late', hours };
    }
    const cancelled = updateBookingRow(tx, booking.id, {
      status: 'cancelled',
      cancelledAt: now,
      cancelledById: actor.user.id,
      cancelReason: input.reason?.trim() || null,
      waitingSince: null,
      updatedAt: now,
    });
    audit(
      tx,
      actor.user.id,
      'consultation-booking.cancelled',
      cancelled,
      { was: booking.status },
      now,
    );
    let promoted: ConsultationBooking | null = null;
    if (booking.status === 'booked') {
      notify(tx, 'cancelled', booking.id, now);
      promoted = promoteFirstWaiting(tx, booking.slotId, actor.user.id, now);
    }
    return { ok: true, booking: cancelled, promoted };
  });
}

/**
 * Moves a booked place to another open slot of the same consultant (so the invitation's
 * organiser stays the same and the calendar entry is updated, not replaced). The family may move
 * until the programme's notice; staff and the consultant always may. The same conditional
 * statement as booking guards the new slot's capacity; the old place goes to its waiting list.
 */
export function moveBooking(
  actor: SessionUser,
  input: { bookingId: number; toSlotId: number },
  now: Date = new Date(),
): BookingResult {
  const before = findBooking(input.bookingId);
  if (!before) return { ok: false, error: 'not-found' };
  const fromSlot = findSlot(before.slotId)!;
  const privileged = changesWithoutNotice(actor, fromSlot);
  if (!privileged && !mayBookFor(actor, before.householdId)) {
    return { ok: false, error: 'not-found' };
  }
  const application = findApplication(before.applicationId)!;
  const competition = findCompetition(application.competitionId)!;

  return writeTransaction((tx): BookingResult => {
    const booking = findBooking(input.bookingId, tx)!;
    if (booking.status !== 'booked') return { ok: false, error: 'not-booked' };
    const hours = competition.bookingMoveNoticeHours;
    if (!privileged && fromSlot.startsAt.getTime() - now.getTime() < hours * HOUR) {
      return { ok: false, error: 'too-late', hours };
    }
    const toSlot = findSlot(input.toSlotId, tx);
    if (!toSlot) return { ok: false, error: 'not-found' };
    if (toSlot.consultantId !== fromSlot.consultantId) {
      return { ok: false, error: 'other-consultant' };
    }
    if (toSlot.status !== 'open' || toSlot.startsAt <= now) {
      return { ok: false, error: 'slot-closed' };
    }
    const limit = familyLimitError(
      tx,
      booking.householdId,
      toSlot,
      competition.maxOpenBookings,
      now,
      booking.id,
    );
    if (limit) return { ok: false, ...limit };
    const moved = moveBookingIfPlaceLeft(tx, booking.id, toSlot.id, now);
    if (!moved) return { ok: false, error: 'full' };
    audit(tx, actor.user.id, 'consultation-booking.moved', moved, { fromSlotId: fromSlot.id }, now);
    notify(tx, 'moved', moved.id, now, fromSlot.startsAt);
    const promoted = promoteFirstWaiting(tx, fromSlot.id, actor.user.id, now);
    return { ok: true, booking: moved, promoted };
  });
}

/**
 * Cancels a slot inside the caller's transaction (the consultant's or staff's page checks
 * `mayManageSlot` first): every booked family is told, every waiting one taken off the list.
 */
export function cancelSlot(
  tx: Tx,
  input: { slotId: number; byUserId: number; reason: string | null },
  now: Date = new Date(),
): ConsultationSlot {
  const slot = updateSlotRow(tx, input.slotId, {
    status: 'cancelled',
    cancelledAt: now,
    cancelledById: input.byUserId,
    cancelReason: input.reason?.trim() || null,
    updatedAt: now,
  });
  for (const booking of liveBookingsOfSlot(slot.id, tx)) {
    const cancelled = updateBookingRow(tx, booking.id, {
      status: 'cancelled',
      cancelledAt: now,
      cancelledById: input.byUserId,
      cancelReason: input.reason?.trim() || null,
      waitingSince: null,
      updatedAt: now,
    });
    audit(
      tx,
      input.byUserId,
      'consultation-booking.cancelled',
      cancelled,
      { was: booking.status, slotCancelled: true },
      now,
    );
    if (booking.status === 'booked') notify(tx, 'cancelled', booking.id, now);
  }
  appendAudit(
    tx,
    {
      actorUserId: input.byUserId,
      action: 'consultation-slot.cancelled',
      entityType: 'consultation-slot',
      entityId: slot.id,
      after: { reason: slot.cancelReason },
    },
    { now },
  );
  return slot;
}

export type SlotChange = {
  startsAt?: Date;
  minutes?: number;
  mode?: ConsultationMode;
  place?: string | null;
  phone?: string | null;
  link?: string | null;
  /** More places give the first families waiting theirs; never fewer than are booked. */
  capacity?: number;
};

const TIME_AND_PLACE = ['startsAt', 'minutes', 'mode', 'place', 'phone', 'link'] as const;

/** Whether the change moves the slot in time or place (not only its number of places). */
function movesSlot(before: ConsultationSlot, after: ConsultationSlot): boolean {
  return TIME_AND_PLACE.some((key) =>
    key === 'startsAt'
      ? before.startsAt.getTime() !== after.startsAt.getTime()
      : before[key] !== after[key],
  );
}

/**
 * Changes a slot's time, place or places inside the caller's transaction: when the time or place
 * changes, every live booking's calendar SEQUENCE is raised and each booked family is told the
 * new time or place ('moved'); places added go to the families waiting, who are told.
 */
export function changeSlot(
  tx: Tx,
  input: { slotId: number; byUserId: number; change: SlotChange },
  now: Date = new Date(),
): ConsultationSlot {
  const before = findSlot(input.slotId, tx)!;
  const slot = updateSlotRow(tx, input.slotId, { ...input.change, updatedAt: now });
  const moved = movesSlot(before, slot);
  for (const booking of moved ? liveBookingsOfSlot(slot.id, tx) : []) {
    const moved = updateBookingRow(tx, booking.id, {
      sequence: booking.sequence + 1,
      updatedAt: now,
    });
    if (booking.status === 'booked') {
      audit(tx, input.byUserId, 'consultation-booking.moved', moved, { slotChanged: true }, now);
      notify(tx, 'moved', booking.id, now, before.startsAt);
    }
  }
  if (slot.capacity > before.capacity)
    while (promoteFirstWaiting(tx, slot.id, input.byUserId, now));
  appendAudit(
    tx,
    {
      actorUserId: input.byUserId,
      action: 'consultation-slot.changed',
      entityType: 'consultation-slot',
      entityId: slot.id,
      before: {
        startsAt: before.startsAt.toISOString(),
        minutes: before.minutes,
        mode: before.mode,
        place: before.place,
        phone: before.phone,
        link: before.link,
        capacity: before.capacity,
      },
      after: {
        startsAt: slot.startsAt.toISOString(),
        minutes: slot.minutes,
        mode: slot.mode,
        place: slot.place,
        phone: slot.phone,
        link: slot.link,
        capacity: slot.capacity,
      },
    },
    { now },
  );
  return slot;
}

/** `changeSlot` for a time change only. */
export function changeSlotTime(
  tx: Tx,
  input: { slotId: number; byUserId: number; startsAt: Date; minutes?: number },
  now: Date = new Date(),
) {
  return changeSlot(
    tx,
    {
      slotId: input.slotId,
      byUserId: input.byUserId,
      change: { startsAt: input.startsAt, minutes: input.minutes },
    },
    now,
  );
}

/** `changeSlot` for a change of place, phone or link. */
export function changeSlotPlace(
  tx: Tx,
  input: {
    slotId: number;
    byUserId: number;
    mode?: ConsultationMode;
    place?: string | null;
    phone?: string | null;
    link?: string | null;
  },
  now: Date = new Date(),
) {
  const { slotId, byUserId, ...change } = input;
  return changeSlot(tx, { slotId, byUserId, change }, now);
}

/** The latest time she may still cancel / move herself (for the page to say so). */
export function changeDeadlines(
  slot: Pick<ConsultationSlot, 'startsAt'>,
  competition: { bookingCancelNoticeHours: number; bookingMoveNoticeHours: number },
) {
  return {
    cancelUntil: new Date(slot.startsAt.getTime() - competition.bookingCancelNoticeHours * HOUR),
    moveUntil: new Date(slot.startsAt.getTime() - competition.bookingMoveNoticeHours * HOUR),
  };
}

/**
 * The invitation file of a booking as this person may download it (the consultant gets hers,
 * everyone else who may see the booking the family's), or null when she may not see it.
 */
export function bookingInviteFor(
  actor: SessionUser,
  bookingId: number,
): { method: 'REQUEST' | 'CANCEL'; content: string } | null {
  const booking = findBooking(bookingId);
  if (!booking || !mayViewBooking(actor, booking)) return null;
  const data = bookingNoticeData(db, bookingId);
  const audience = data.consultant.id === actor.user.id ? 'consultant' : 'family';
  const method = booking.status === 'cancelled' ? 'CANCEL' : 'REQUEST';
  return {
    method,
    content: buildBookingInvite(data, method, { locale: actor.user.locale, for: audience }),
  };
}
