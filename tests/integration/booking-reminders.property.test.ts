// Any interleaving of booking, joining a waiting list, cancelling and moving (with the promotions
// they cause) through the real booking services leaves exactly one live reminder per recipient of
// each live booking — the consultant's pending, the family's pending or withheld for her
// facilitator — and none for a booking that waits or was cancelled.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sqlite, writeTransaction } from '~db/client';
import { consultationBookings } from '~db/schema/consultations';
import { mailOutbox } from '~db/schema/mail';
import { bookConsultation, cancelBooking, moveBooking } from '~/services/bookings.server';
import { createBookingFamily, createSlot } from '../support/booking-factories';
import { createLocality, createUser } from '../support/factories';
import { createCompetition } from '../support/programme-factories';
import { sessionUserOf } from '../support/session-user';

const DAY = 24 * 60 * 60_000;

async function world() {
  const locality = createLocality();
  const competition = createCompetition({ localityIds: [locality.id], maxOpenBookings: 2 });
  const consultant = await createUser({ roles: ['consultant'] });
  const staff = sessionUserOf(await createUser({ roles: ['staff'] }));
  const base = Date.UTC(2030, 0, 1, 4, 0); // far ahead: every reminder is still to come
  const at = (day: number, minutes: number) => new Date(base + day * DAY + minutes * 60_000);
  const slots = [
    createSlot({ consultantId: consultant.id, localityId: locality.id, startsAt: at(0, 0) }),
    createSlot({
      consultantId: consultant.id,
      localityId: locality.id,
      startsAt: at(0, 60),
      capacity: 2,
    }),
    createSlot({ consultantId: consultant.id, localityId: locality.id, startsAt: at(1, 0) }),
  ];
  const families = [];
  for (let i = 0; i < 3; i++) {
    const family = await createBookingFamily({ competition, localityId: locality.id });
    families.push({ ...family, actor: sessionUserOf(family.user!) });
  }
  return { slots, families, staff };
}

const op = fc.oneof(
  fc.record({
    kind: fc.constant('book' as const),
    family: fc.nat(2),
    slot: fc.nat(2),
    join: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('cancel' as const), family: fc.nat(2), pick: fc.nat(3) }),
  fc.record({
    kind: fc.constant('move' as const),
    family: fc.nat(2),
    pick: fc.nat(3),
    slot: fc.nat(2),
  }),
);

/** Bookings whose live reminders are not exactly one per recipient (booked) or none (else). */
function reminderViolations() {
  return sqlite
    .prepare(
      `SELECT b.id, b.status,
              (SELECT count(*) FROM mail_outbox m
                WHERE m.job_key = 'booking-reminder:' || b.id
                  AND m.template = 'consultant-booking-reminder' AND m.status = 'pending') AS consultant,
              (SELECT count(*) FROM mail_outbox m
                WHERE m.job_key = 'booking-reminder:' || b.id
                  AND m.template = 'booking-reminder' AND m.status IN ('pending', 'withheld')) AS family
         FROM consultation_bookings b`,
    )
    .all()
    .filter((row) => {
      const r = row as { status: string; consultant: number; family: number };
      const expected = r.status === 'booked' ? 1 : 0;
      return r.consultant !== expected || r.family !== expected;
    });
}

function liveOf(householdId: number) {
  return sqlite
    .prepare(
      `SELECT id FROM consultation_bookings
        WHERE household_id = ? AND status IN ('booked', 'waiting') ORDER BY id`,
    )
    .all(householdId) as { id: number }[];
}

describe('booking reminders under any interleaving', () => {
  it('leave one live reminder per recipient of each live booking, none for the others', async () => {
    const { slots, families, staff } = await world();
    const now = new Date();
    let sawLive = false;
    let sawDropped = false;
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 15 }), (ops) => {
        writeTransaction((tx) => {
          tx.delete(mailOutbox).run();
          tx.delete(consultationBookings).run();
        });
        for (const step of ops) {
          const family = families[step.family]!;
          if (step.kind === 'book') {
            bookConsultation(
              family.actor,
              {
                slotId: slots[step.slot]!.id,
                applicationId: family.application.id,
                helpWith: null,
                joinWaitingList: step.join,
              },
              now,
            );
          } else {
            const live = liveOf(family.household.id);
            if (live.length === 0) continue;
            const bookingId = live[step.pick % live.length]!.id;
            if (step.kind === 'cancel') cancelBooking(staff, { bookingId, reason: null }, now);
            else moveBooking(family.actor, { bookingId, toSlotId: slots[step.slot]!.id }, now);
          }
          expect(reminderViolations()).toEqual([]);
          const statuses = sqlite
            .prepare(`SELECT DISTINCT status FROM mail_outbox WHERE job_key IS NOT NULL`)
            .pluck()
            .all();
          sawLive ||= statuses.includes('pending');
          sawDropped ||= statuses.includes('dropped');
        }
      }),
      { numRuns: 30 },
    );
    // The runs did write reminders and drop some.
    expect([sawLive, sawDropped]).toEqual([true, true]);
  }, 120_000);
});
