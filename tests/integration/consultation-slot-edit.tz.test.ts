// Changing a consultation time (issue 12, "she edits or cancels; booked families are told"): the
// new day and start are typed on the programme's clock (Asia/Bishkek, UTC+6) and stored in UTC;
// each booked family's calendar entry is raised and she is told the new time; a time in the past,
// one overlapping another of hers, or another consultant's time is refused, nothing written.
// Runs in UTC and in Asia/Bishkek (a *.tz.test.ts).
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import { db } from '~db/client';
import { auditLog } from '~db/schema/audit';
import { mailOutbox } from '~db/schema/mail';
import { findBooking, findSlot } from '~/models/consultation-booking.server';
import { editSlotSchema } from '~/schemas/consultation-slots';
import { bookConsultation } from '~/services/bookings.server';
import { editConsultationSlot } from '~/services/consultation-slots.server';
import type { SessionUser } from '~/utils/session.server';
import { createBookingFamily, createSlot } from '../support/booking-factories';
import { createLocality, createUser } from '../support/factories';
import { createCompetition } from '../support/programme-factories';
import { sessionUserOf } from '../support/session-user';

let aigul: SessionUser;
let bakyt: SessionUser;
let staff: SessionUser;
let village: number;
let competition: ReturnType<typeof createCompetition>;

const NOW = new Date('2030-03-01T00:00:00Z');

beforeAll(async () => {
  aigul = sessionUserOf(await createUser({ roles: ['consultant'], name: 'Aigul Consultant' }));
  bakyt = sessionUserOf(await createUser({ roles: ['consultant'], name: 'Bakyt Consultant' }));
  staff = sessionUserOf(await createUser({ roles: ['staff'] }));
  village = createLocality().id;
  competition = createCompetition({ localityIds: [village], timezone: 'Asia/Bishkek' });
});

/** The edit form as she would post it, through the real schema. */
const form = (overrides: Record<string, string> = {}) =>
  editSlotSchema.parse({
    date: '2030-03-12',
    startTime: '15:30',
    minutes: '60',
    mode: 'in-person',
    place: 'Мектеп, 5-класс',
    phone: '',
    link: '',
    capacity: '2',
    ...overrides,
  });

const slotOf = (consultant: SessionUser, startsAt: string, minutes = 45) =>
  createSlot({
    consultantId: consultant.user.id,
    localityId: village,
    startsAt: new Date(startsAt),
    minutes,
    capacity: 2,
  });

describe('editConsultationSlot', () => {
  test('the slot moves to the new wall-clock time and place; the booked family gets a new calendar entry and is told', async () => {
    // 10:00 in Bishkek on 10 March.
    const slot = slotOf(aigul, '2030-03-10T04:00:00Z');
    const family = await createBookingFamily({ competition, localityId: village });
    const booked = bookConsultation(
      sessionUserOf(family.user!),
      {
        slotId: slot.id,
        applicationId: family.application.id,
        helpWith: null,
        joinWaitingList: false,
      },
      NOW,
    );
    expect(booked.ok).toBe(true);
    const bookingId = booked.ok ? booked.booking.id : 0;
    const editedAt = new Date('2030-03-02T00:00:00Z');

    const result = editConsultationSlot(aigul, slot.id, form(), editedAt);

    expect(result.ok).toBe(true);
    expect(findSlot(slot.id)).toMatchObject({
      startsAt: new Date('2030-03-12T09:30:00Z'),
      minutes: 60,
      place: 'Мектеп, 5-класс',
    });
    expect(findBooking(bookingId)).toMatchObject({ status: 'booked', sequence: 1 });
    const toFamily = db
      .select()
      .from(mailOutbox)
      .where(
        and(eq(mailOutbox.recipientUserId, family.user!.id), eq(mailOutbox.createdAt, editedAt)),
      )
      .all();
    const told = toFamily.find((m) => m.template.includes('moved'));
    expect(told, toFamily.map((m) => m.template).join()).toBeDefined();
    expect(told!.text).toContain('15:30');
    expect(told!.attachments?.[0]?.content).toMatch(/SEQUENCE:1/);
    const line = db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'consultation-slot.changed'),
          eq(auditLog.entityId, String(slot.id)),
        ),
      )
      .get();
    expect(line?.actorUserId).toBe(aigul.user.id);
  });

  test('a time overlapping another of hers is refused and nothing changes; her own old time is no clash', () => {
    const slot = slotOf(aigul, '2030-03-14T04:00:00Z');
    slotOf(aigul, '2030-03-14T06:00:00Z');
    const clash = editConsultationSlot(
      aigul,
      slot.id,
      form({ date: '2030-03-14', startTime: '11:30' }),
      NOW,
    );
    expect(clash).toMatchObject({
      ok: false,
      field: 'startTime',
      error: 'consultant:errors.overlap',
    });
    expect(findSlot(slot.id)?.startsAt).toEqual(new Date('2030-03-14T04:00:00Z'));
    // Longer, over its own old time only: allowed.
    const longer = editConsultationSlot(
      aigul,
      slot.id,
      form({ date: '2030-03-14', startTime: '10:00', minutes: '90' }),
      NOW,
    );
    expect(longer.ok).toBe(true);
  });

  test('a new time in the past is refused', () => {
    const slot = slotOf(aigul, '2030-03-16T04:00:00Z');
    const past = editConsultationSlot(aigul, slot.id, form({ date: '2030-02-20' }), NOW);
    expect(past).toMatchObject({ ok: false, field: 'date', error: 'consultant:errors.inPast' });
    expect(findSlot(slot.id)?.startsAt).toEqual(new Date('2030-03-16T04:00:00Z'));
  });

  test('another consultant cannot change her time; staff can', () => {
    const slot = slotOf(aigul, '2030-03-18T04:00:00Z');
    expect(editConsultationSlot(bakyt, slot.id, form({ date: '2030-03-18' }), NOW)).toMatchObject({
      ok: false,
      error: 'consultant:errors.slotNotFound',
    });
    expect(findSlot(slot.id)?.startsAt).toEqual(new Date('2030-03-18T04:00:00Z'));
    expect(editConsultationSlot(staff, slot.id, form({ date: '2030-03-18' }), NOW).ok).toBe(true);
  });

  test('more places go to the family waiting, who is told, and no one is told of a move', async () => {
    const slot = createSlot({
      consultantId: aigul.user.id,
      localityId: village,
      startsAt: new Date('2030-03-20T04:00:00Z'),
      capacity: 1,
    });
    const first = await createBookingFamily({ competition, localityId: village });
    const second = await createBookingFamily({ competition, localityId: village });
    const book = (family: typeof first, joinWaitingList: boolean) =>
      bookConsultation(
        sessionUserOf(family.user!),
        { slotId: slot.id, applicationId: family.application.id, helpWith: null, joinWaitingList },
        NOW,
      );
    const held = book(first, false);
    const waiting = book(second, true);
    expect(waiting.ok && waiting.booking.status).toBe('waiting');
    const same = {
      date: '2030-03-20',
      startTime: '10:00',
      minutes: '45',
      place: 'Айыл өкмөтү, 2-кабат',
    };

    const changedAt = new Date('2030-03-03T00:00:00Z');
    expect(
      editConsultationSlot(aigul, slot.id, form({ ...same, capacity: '2' }), changedAt).ok,
    ).toBe(true);

    expect(findSlot(slot.id)?.capacity).toBe(2);
    expect(findBooking(waiting.ok ? waiting.booking.id : 0)?.status).toBe('booked');
    expect(findBooking(held.ok ? held.booking.id : 0)?.sequence).toBe(0);
    const written = db.select().from(mailOutbox).where(eq(mailOutbox.createdAt, changedAt)).all();
    expect(
      written.some((m) => m.recipientUserId === second.user!.id && m.template.includes('promoted')),
    ).toBe(true);
    expect(written.some((m) => m.template.includes('moved'))).toBe(false);
  });

  test('places below the families booked are refused on the capacity field', async () => {
    const slot = slotOf(aigul, '2030-03-22T04:00:00Z');
    for (const _ of [1, 2]) {
      const family = await createBookingFamily({ competition, localityId: village });
      bookConsultation(
        sessionUserOf(family.user!),
        {
          slotId: slot.id,
          applicationId: family.application.id,
          helpWith: null,
          joinWaitingList: false,
        },
        NOW,
      );
    }
    expect(
      editConsultationSlot(
        aigul,
        slot.id,
        form({ date: '2030-03-22', startTime: '10:00', capacity: '1' }),
        NOW,
      ),
    ).toMatchObject({ ok: false, field: 'capacity', error: 'consultant:errors.belowBooked' });
    expect(findSlot(slot.id)).toMatchObject({ capacity: 2, minutes: 45 });
  });

  test('the mode decides which of address, phone and link the edit form requires', () => {
    const phone = editSlotSchema.safeParse({ ...form(), mode: 'phone', phone: '' });
    expect(phone.success).toBe(false);
    expect(phone.error?.issues[0]?.path).toEqual(['phone']);
    expect(
      editSlotSchema.safeParse({ ...form(), mode: 'online', link: 'https://meet.example/x' })
        .success,
    ).toBe(true);
  });
});
