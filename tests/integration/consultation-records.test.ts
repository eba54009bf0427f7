// After a consultation (issue 12): attendance only once it has begun, never for a cancelled or
// waiting booking, a consultant only at her own slots, a consultant no-show only by staff; the
// advice; and the counts per family, consultant and village, done in SQL.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import { db } from '~db/client';
import { consultationBookings } from '~db/schema/consultations';
import { publishSlotsSchema } from '~/schemas/consultation-slots';
import {
  familyNoShows,
  recordAttendance,
  totalsPerConsultant,
  totalsPerVillage,
  writeAdvice,
} from '~/services/consultation-records.server';
import { publishSlots } from '~/services/consultation-slots.server';
import type { SessionUser } from '~/utils/session.server';
import { insertBooking } from '../support/consultation-factories';
import { browserRequest, createLocality, createUser } from '../support/factories';
import {
  createApplication,
  createCompetition,
  createHousehold,
} from '../support/programme-factories';
import { sessionUserOf } from '../support/session-user';

const request = () => browserRequest('http://localhost:3999/consultant', { method: 'POST' });
const PUBLISHED_AT = new Date('2030-03-01T00:00:00Z');
const BEFORE_START = new Date('2030-03-12T03:59:00Z');
const AFTER_START = new Date('2030-03-12T04:01:00Z');

let aigul: SessionUser;
let bakyt: SessionUser;
let staff: SessionUser;
let villageA: number;
let villageB: number;
let slotIds: number[];
const families: { householdId: number; applicationId: number }[] = [];

beforeAll(async () => {
  aigul = sessionUserOf(await createUser({ roles: ['consultant'], name: 'Aigul' }));
  bakyt = sessionUserOf(await createUser({ roles: ['consultant'], name: 'Bakyt' }));
  staff = sessionUserOf(await createUser({ roles: ['staff'] }));
  villageA = createLocality('records-a').id;
  villageB = createLocality('records-b').id;
  const competition = createCompetition({ localityIds: [villageA, villageB] });
  for (const localityId of [villageA, villageA, villageB, villageB]) {
    const { household, members } = createHousehold({ localityId });
    const application = createApplication({
      competition,
      household,
      members,
      enteredBy: staff.user,
    });
    families.push({ householdId: household.id, applicationId: application.id });
  }
  const published = publishSlots(
    request(),
    aigul,
    publishSlotsSchema.parse({
      kind: 'village-day',
      date: '2030-03-12',
      startTime: '10:00',
      endTime: '12:00',
      minutes: '60',
      mode: 'in-person',
      place: 'School',
      localityId: String(villageA),
      capacity: '2',
      languages: ['ru'],
    }),
    PUBLISHED_AT,
  );
  if (!published.ok) throw new Error(published.error);
  slotIds = published.slotIds;
});

function book(
  family: number,
  slotIndex: number,
  status: 'booked' | 'waiting' | 'cancelled' = 'booked',
) {
  const f = families[family]!;
  return insertBooking({ slotId: slotIds[slotIndex]!, ...f, bookedById: staff.user.id, status });
}

describe('attendance and advice', () => {
  test('only once the consultation has begun', () => {
    const booking = book(0, 0);
    expect(
      recordAttendance(
        request(),
        aigul,
        { bookingId: booking.id, attendance: 'attended' },
        BEFORE_START,
      ),
    ).toEqual({ ok: false, error: 'consultant:errors.notYet' });
    expect(
      writeAdvice(
        request(),
        aigul,
        { bookingId: booking.id, advice: 'Считайте корм' },
        BEFORE_START,
      ),
    ).toEqual({ ok: false, error: 'consultant:errors.notYet' });
    expect(
      recordAttendance(
        request(),
        aigul,
        { bookingId: booking.id, attendance: 'attended' },
        AFTER_START,
      ),
    ).toEqual({ ok: true });
    expect(
      writeAdvice(
        request(),
        aigul,
        { bookingId: booking.id, advice: 'Считайте корм' },
        AFTER_START,
      ),
    ).toEqual({ ok: true });
    const row = db
      .select()
      .from(consultationBookings)
      .where(eq(consultationBookings.id, booking.id))
      .get()!;
    expect(row).toMatchObject({
      attendance: 'attended',
      attendanceRecordedById: aigul.user.id,
      advice: 'Считайте корм',
    });
  });

  test('a cancelled or waiting booking is neither attended nor missed', () => {
    const cancelled = book(1, 0, 'cancelled');
    const waiting = book(2, 0, 'waiting');
    for (const b of [cancelled, waiting]) {
      expect(
        recordAttendance(
          request(),
          aigul,
          { bookingId: b.id, attendance: 'family-no-show' },
          AFTER_START,
        ),
      ).toEqual({ ok: false, error: 'consultant:errors.notBooked' });
      expect(writeAdvice(request(), staff, { bookingId: b.id, advice: 'x' }, AFTER_START)).toEqual({
        ok: false,
        error: 'consultant:errors.notBooked',
      });
    }
  });

  test('a consultant records only at her own slots; staff at any', () => {
    const booking = book(3, 0);
    expect(
      recordAttendance(
        request(),
        bakyt,
        { bookingId: booking.id, attendance: 'attended' },
        AFTER_START,
      ),
    ).toEqual({ ok: false, error: 'consultant:errors.notFound' });
    expect(
      writeAdvice(request(), bakyt, { bookingId: booking.id, advice: 'x' }, AFTER_START),
    ).toEqual({ ok: false, error: 'consultant:errors.notFound' });
    expect(
      recordAttendance(
        request(),
        staff,
        { bookingId: booking.id, attendance: 'family-no-show' },
        AFTER_START,
      ),
    ).toEqual({ ok: true });
  });

  test('only staff mark that the consultant did not come', () => {
    const booking = book(0, 1);
    const later = new Date('2030-03-12T05:01:00Z');
    expect(
      recordAttendance(
        request(),
        aigul,
        { bookingId: booking.id, attendance: 'consultant-no-show' },
        later,
      ),
    ).toEqual({ ok: false, error: 'consultant:errors.onlyStaffConsultantNoShow' });
    expect(
      recordAttendance(
        request(),
        staff,
        { bookingId: booking.id, attendance: 'consultant-no-show' },
        later,
      ),
    ).toEqual({ ok: true });
  });
});

describe('counts', () => {
  test('no-shows per family; held, missed and cancelled per consultant and per village', () => {
    // Family 3 (village B) missed one; nobody else did.
    expect(familyNoShows(families.map((f) => f.householdId))).toEqual(
      new Map([[families[3]!.householdId, 1]]),
    );
    const perConsultant = totalsPerConsultant();
    expect(perConsultant).toEqual([
      {
        id: aigul.user.id,
        name: 'Aigul',
        held: 1,
        familyNoShow: 1,
        consultantNoShow: 1,
        cancelled: 1,
      },
    ]);
    const perVillage = totalsPerVillage('en');
    expect(perVillage).toEqual([
      {
        id: villageA,
        name: 'records-a en',
        held: 1,
        familyNoShow: 0,
        consultantNoShow: 1,
        cancelled: 1,
      },
      {
        id: villageB,
        name: 'records-b en',
        held: 0,
        familyNoShow: 1,
        consultantNoShow: 0,
        cancelled: 0,
      },
    ]);
    expect(totalsPerConsultant({ from: new Date('2030-03-12T05:00:00Z') })).toEqual([
      {
        id: aigul.user.id,
        name: 'Aigul',
        held: 0,
        familyNoShow: 0,
        consultantNoShow: 1,
        cancelled: 0,
      },
    ]);
  });
});
