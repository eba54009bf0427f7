// The booking rules one by one: who may book for whom, the attendee is the family, the waiting
// list, the notice windows, moves within one consultant's times, and the audit line.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db, writeTransaction } from '~db/client';
import { auditLog } from '~db/schema/audit';
import { mailOutbox } from '~db/schema/mail';
import { updateApplicationRow } from '~/models/application.server';
import { findBooking } from '~/models/consultation-booking.server';
import { dayBounds, familyBookings, openSlotsPage } from '~/services/booking-view.server';
import {
  bookConsultation,
  bookingInviteFor,
  cancelBooking,
  cancelSlot,
  changeSlotTime,
  mayViewBooking,
  moveBooking,
} from '~/services/bookings.server';
import { createBookingFamily, createSlot } from '../support/booking-factories';
import { createLocality, createUser } from '../support/factories';
import { createCompetition } from '../support/programme-factories';
import { sessionUserOf } from '../support/session-user';

const HOUR = 60 * 60_000;

async function setting() {
  const locality = createLocality();
  const otherLocality = createLocality();
  const competition = createCompetition({ localityIds: [locality.id, otherLocality.id] });
  const consultant = await createUser({ roles: ['consultant'] });
  const facilitator = await createUser({ roles: ['facilitator'], worksIn: [locality.id] });
  const staff = await createUser({ roles: ['staff'] });
  const now = new Date();
  const slot = (hoursAhead: number, capacity = 1, consultantId = consultant.id) =>
    createSlot({
      consultantId,
      localityId: locality.id,
      startsAt: new Date(now.getTime() + hoursAhead * HOUR),
      capacity,
    });
  return { locality, otherLocality, competition, consultant, facilitator, staff, now, slot };
}

describe('bookConsultation', () => {
  it('a facilitator books for a phone-only family of her village: she is the booker, the family attends', async () => {
    const s = await setting();
    const family = await createBookingFamily({
      competition: s.competition,
      localityId: s.locality.id,
      account: false,
      registeredBy: s.facilitator,
    });
    const slot = s.slot(48);
    const result = bookConsultation(
      sessionUserOf(s.facilitator),
      {
        slotId: slot.id,
        applicationId: family.application.id,
        helpWith: 'Бизнес-план',
        joinWaitingList: false,
      },
      s.now,
    );
    expect(result.ok).toBe(true);
    const booking = findBooking(result.ok ? result.booking.id : 0)!;
    expect(booking).toMatchObject({
      status: 'booked',
      bookedById: s.facilitator.id,
      householdId: family.household.id,
      helpWith: 'Бизнес-план',
      sequence: 0,
    });
    const line = db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'consultation-booking.booked'),
          eq(auditLog.entityId, String(booking.id)),
        ),
      )
      .get();
    expect(line?.actorUserId).toBe(s.facilitator.id);
  });

  it('refuses a facilitator outside her villages, another family, and a withdrawn application', async () => {
    const s = await setting();
    const outside = await createBookingFamily({
      competition: s.competition,
      localityId: s.otherLocality.id,
    });
    const other = await createBookingFamily({
      competition: s.competition,
      localityId: s.locality.id,
    });
    const slot = s.slot(48);
    const input = {
      slotId: slot.id,
      applicationId: outside.application.id,
      helpWith: null,
      joinWaitingList: false,
    };
    expect(bookConsultation(sessionUserOf(s.facilitator), input, s.now)).toEqual({
      ok: false,
      error: 'not-found',
    });
    expect(bookConsultation(sessionUserOf(other.user!), input, s.now)).toEqual({
      ok: false,
      error: 'not-found',
    });
    writeTransaction((tx) =>
      updateApplicationRow(tx, outside.application.id, { status: 'withdrawn' }),
    );
    expect(bookConsultation(sessionUserOf(outside.user!), input, s.now)).toEqual({
      ok: false,
      error: 'application-closed',
    });
  });

  it('a full slot answers "full"; asked again she joins the waiting list and is promoted when a place frees', async () => {
    const s = await setting();
    const first = await createBookingFamily({
      competition: s.competition,
      localityId: s.locality.id,
    });
    const second = await createBookingFamily({
      competition: s.competition,
      localityId: s.locality.id,
    });
    const slot = s.slot(48);
    const book = (f: typeof first, join: boolean) =>
      bookConsultation(
        sessionUserOf(f.user!),
        { slotId: slot.id, applicationId: f.application.id, helpWith: null, joinWaitingList: join },
        s.now,
      );
    const held = book(first, false);
    expect(held.ok).toBe(true);
    expect(book(second, false)).toEqual({ ok: false, error: 'full' });
    const waiting = book(second, true);
    expect(waiting.ok && waiting.booking.status).toBe('waiting');
    const cancelled = cancelBooking(
      sessionUserOf(first.user!),
      { bookingId: held.ok ? held.booking.id : 0, reason: null },
      s.now,
    );
    expect(cancelled.ok && cancelled.promoted?.householdId).toBe(second.household.id);
    expect(findBooking(waiting.ok ? waiting.booking.id : 0)?.status).toBe('booked');
  });

  it('one family: never two places at once, never more open than the programme allows', async () => {
    const s = await setting();
    const family = await createBookingFamily({
      competition: s.competition,
      localityId: s.locality.id,
    });
    const actor = sessionUserOf(family.user!);
    const book = (slotId: number) =>
      bookConsultation(
        actor,
        { slotId, applicationId: family.application.id, helpWith: null, joinWaitingList: false },
        s.now,
      );
    expect(book(s.slot(48).id).ok).toBe(true);
    expect(book(s.slot(48.25).id)).toEqual({ ok: false, error: 'overlap' });
    expect(book(s.slot(72).id).ok).toBe(true);
    expect(book(s.slot(96).id)).toEqual({ ok: false, error: 'too-many-open', limit: 2 });
  });
});

describe('cancelling and moving', () => {
  it('the family may not cancel or move within the notice; the consultant and staff may', async () => {
    const s = await setting();
    const family = await createBookingFamily({
      competition: s.competition,
      localityId: s.locality.id,
    });
    const soon = s.slot(10);
    const later = s.slot(60);
    const booked = bookConsultation(
      sessionUserOf(family.user!),
      {
        slotId: soon.id,
        applicationId: family.application.id,
        helpWith: null,
        joinWaitingList: false,
      },
      s.now,
    );
    const bookingId = booked.ok ? booked.booking.id : 0;
    expect(cancelBooking(sessionUserOf(family.user!), { bookingId, reason: null }, s.now)).toEqual({
      ok: false,
      error: 'too-late',
      hours: 24,
    });
    expect(
      moveBooking(sessionUserOf(family.user!), { bookingId, toSlotId: later.id }, s.now),
    ).toEqual({ ok: false, error: 'too-late', hours: 24 });
    const moved = moveBooking(
      sessionUserOf(s.consultant),
      { bookingId, toSlotId: later.id },
      s.now,
    );
    expect(moved.ok && moved.booking).toMatchObject({ slotId: later.id, sequence: 1 });
    const cancelled = cancelBooking(sessionUserOf(s.staff), { bookingId, reason: 'ill' }, s.now);
    expect(cancelled.ok && cancelled.booking.status).toBe('cancelled');
  });

  it('a move goes only to a time of the same consultant', async () => {
    const s = await setting();
    const otherConsultant = await createUser({ roles: ['consultant'] });
    const family = await createBookingFamily({
      competition: s.competition,
      localityId: s.locality.id,
    });
    const from = s.slot(48);
    const elsewhere = s.slot(72, 1, otherConsultant.id);
    const booked = bookConsultation(
      sessionUserOf(family.user!),
      {
        slotId: from.id,
        applicationId: family.application.id,
        helpWith: null,
        joinWaitingList: false,
      },
      s.now,
    );
    expect(
      moveBooking(
        sessionUserOf(family.user!),
        { bookingId: booked.ok ? booked.booking.id : 0, toSlotId: elsewhere.id },
        s.now,
      ),
    ).toEqual({ ok: false, error: 'other-consultant' });
  });

  it('cancelling or changing a slot reaches every booking on it', async () => {
    const s = await setting();
    const family = await createBookingFamily({
      competition: s.competition,
      localityId: s.locality.id,
    });
    const slot = s.slot(48, 2);
    const booked = bookConsultation(
      sessionUserOf(family.user!),
      {
        slotId: slot.id,
        applicationId: family.application.id,
        helpWith: null,
        joinWaitingList: false,
      },
      s.now,
    );
    const bookingId = booked.ok ? booked.booking.id : 0;
    writeTransaction((tx) =>
      changeSlotTime(
        tx,
        {
          slotId: slot.id,
          byUserId: s.consultant.id,
          startsAt: new Date(s.now.getTime() + 50 * HOUR),
        },
        s.now,
      ),
    );
    expect(findBooking(bookingId)?.sequence).toBe(1);
    writeTransaction((tx) =>
      cancelSlot(tx, { slotId: slot.id, byUserId: s.consultant.id, reason: 'ill' }, s.now),
    );
    expect(findBooking(bookingId)).toMatchObject({ status: 'cancelled', cancelReason: 'ill' });
  });

  it('the booking is visible to the family, her facilitator, the consultant and staff only', async () => {
    const s = await setting();
    const family = await createBookingFamily({
      competition: s.competition,
      localityId: s.locality.id,
    });
    const stranger = await createBookingFamily({
      competition: s.competition,
      localityId: s.locality.id,
    });
    const otherFacilitator = await createUser({
      roles: ['facilitator'],
      worksIn: [s.otherLocality.id],
    });
    const booked = bookConsultation(
      sessionUserOf(family.user!),
      {
        slotId: s.slot(48).id,
        applicationId: family.application.id,
        helpWith: null,
        joinWaitingList: false,
      },
      s.now,
    );
    const booking = booked.ok ? booked.booking : null!;
    expect(mayViewBooking(sessionUserOf(family.user!), booking)).toBe(true);
    expect(mayViewBooking(sessionUserOf(s.facilitator), booking)).toBe(true);
    expect(mayViewBooking(sessionUserOf(s.consultant), booking)).toBe(true);
    expect(mayViewBooking(sessionUserOf(s.staff), booking)).toBe(true);
    expect(mayViewBooking(sessionUserOf(stranger.user!), booking)).toBe(false);
    expect(mayViewBooking(sessionUserOf(otherFacilitator), booking)).toBe(false);
    // The .ics route serves the invitation to the same people only.
    const invite = bookingInviteFor(sessionUserOf(family.user!), booking.id);
    expect(invite?.method).toBe('REQUEST');
    expect(invite?.content).toContain('BEGIN:VCALENDAR');
    expect(invite?.content).toContain(`UID:booking-${booking.id}@`);
    expect(bookingInviteFor(sessionUserOf(stranger.user!), booking.id)).toBeNull();
    cancelBooking(sessionUserOf(s.staff), { bookingId: booking.id, reason: null }, s.now);
    expect(bookingInviteFor(sessionUserOf(s.consultant), booking.id)?.method).toBe('CANCEL');
  });

  it('a phone-only family gets no e-mail and none is invented; her consultant is told', async () => {
    const s = await setting();
    const family = await createBookingFamily({
      competition: s.competition,
      localityId: s.locality.id,
      account: false,
      registeredBy: s.facilitator,
    });
    const booked = bookConsultation(
      sessionUserOf(s.facilitator),
      {
        slotId: s.slot(48).id,
        applicationId: family.application.id,
        helpWith: null,
        joinWaitingList: false,
      },
      s.now,
    );
    const bookingId = booked.ok ? booked.booking.id : 0;
    // Every row this booking wrote (its notice and its reminder) is for the consultant.
    const written = db.select().from(mailOutbox).where(eq(mailOutbox.createdAt, s.now)).all();
    expect(written.map((row) => row.recipientUserId)).toEqual([s.consultant.id, s.consultant.id]);
    expect(written.map((row) => row.jobKey)).toContain(`booking-reminder:${bookingId}`);
    const invite = bookingInviteFor(sessionUserOf(s.facilitator), bookingId)!;
    expect(invite.content).not.toMatch(/ATTENDEE/);
  });
});

describe('what the family pages show', () => {
  it('open times are filtered by village, mode and day in the programme zone, with places left', async () => {
    const s = await setting();
    const other = createSlot({
      consultantId: s.consultant.id,
      localityId: s.otherLocality.id,
      startsAt: new Date(s.now.getTime() + 48 * HOUR),
      mode: 'phone',
      place: null,
    });
    const here = s.slot(48, 2);
    const family = await createBookingFamily({
      competition: s.competition,
      localityId: s.locality.id,
    });
    bookConsultation(
      sessionUserOf(family.user!),
      {
        slotId: here.id,
        applicationId: family.application.id,
        helpWith: null,
        joinWaitingList: false,
      },
      s.now,
    );
    const inVillage = openSlotsPage({ localityId: s.locality.id }, 1, 'en', s.now);
    expect(inVillage.slots.map((slot) => [slot.id, slot.placesLeft])).toEqual([[here.id, 1]]);
    const byPhone = openSlotsPage(
      { localityId: s.otherLocality.id, mode: 'phone' },
      1,
      'en',
      s.now,
    );
    expect(byPhone.slots.map((slot) => slot.id)).toEqual([other.id]);
    expect(
      openSlotsPage({ localityId: s.otherLocality.id, mode: 'online' }, 1, 'en', s.now).total,
    ).toBe(0);
    // The day as Bishkek reads it.
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bishkek' }).format(
      here.startsAt,
    );
    expect(
      openSlotsPage({ localityId: s.locality.id, ...dayBounds(day) }, 1, 'en', s.now).total,
    ).toBe(1);
    const nextDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bishkek' }).format(
      new Date(here.startsAt.getTime() + 24 * HOUR),
    );
    expect(
      openSlotsPage({ localityId: s.locality.id, ...dayBounds(nextDay) }, 1, 'en', s.now).total,
    ).toBe(0);
  });

  it('within the notice her booking shows no cancel or move, and says why', async () => {
    const s = await setting();
    const family = await createBookingFamily({
      competition: s.competition,
      localityId: s.locality.id,
    });
    const soon = s.slot(10);
    bookConsultation(
      sessionUserOf(family.user!),
      {
        slotId: soon.id,
        applicationId: family.application.id,
        helpWith: null,
        joinWaitingList: false,
      },
      s.now,
    );
    const later = s.slot(60);
    bookConsultation(
      sessionUserOf(family.user!),
      {
        slotId: later.id,
        applicationId: family.application.id,
        helpWith: null,
        joinWaitingList: false,
      },
      s.now,
    );
    const view = familyBookings(family.household.id, 'ky', {}, s.now);
    expect(
      view.upcoming.map((b) => [b.slot.id, b.mayCancel, b.mayMove, b.changeUntil !== null]),
    ).toEqual([
      [soon.id, false, false, false],
      [later.id, true, true, true],
    ]);
  });
});
