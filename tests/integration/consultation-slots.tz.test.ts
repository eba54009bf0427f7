// Publishing consultation times (issue 12): a village day with a lunch break becomes the right
// back-to-back UTC slots on the programme's clock (Asia/Bishkek, UTC+6), in one transaction with
// one audit line; a consultant is never in two places at once; staff publish for a consultant,
// a consultant only for herself. Runs in UTC and in Asia/Bishkek (a *.tz.test.ts).
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import { db } from '~db/client';
import { auditLog } from '~db/schema/audit';
import { consultationSlots } from '~db/schema/consultations';
import { publishSlotsSchema, type PublishSlotsInput } from '~/schemas/consultation-slots';
import { listConsultants, publishSlots } from '~/services/consultation-slots.server';
import type { SessionUser } from '~/utils/session.server';
import { browserRequest, createLocality, createUser } from '../support/factories';
import { createCompetition } from '../support/programme-factories';
import { sessionUserOf } from '../support/session-user';

let aigul: SessionUser;
let bakyt: SessionUser;
let staff: SessionUser;
let village: number;

const NOW = new Date('2030-03-01T00:00:00Z');

beforeAll(async () => {
  aigul = sessionUserOf(await createUser({ roles: ['consultant'], name: 'Aigul Consultant' }));
  bakyt = sessionUserOf(await createUser({ roles: ['consultant'], name: 'Bakyt Consultant' }));
  staff = sessionUserOf(await createUser({ roles: ['staff'] }));
  village = createLocality().id;
  createCompetition({ localityIds: [village], timezone: 'Asia/Bishkek' });
});

/** The form as she would post it, through the real schema. */
function form(overrides: Record<string, unknown> = {}): PublishSlotsInput {
  return publishSlotsSchema.parse({
    consultantId: '',
    kind: 'village-day',
    date: '2030-03-12',
    startTime: '10:00',
    endTime: '16:00',
    minutes: '45',
    breakStart: '12:30',
    breakEnd: '13:30',
    mode: 'in-person',
    place: 'Айыл өкмөтү, 2-кабат',
    phone: '',
    link: '',
    localityId: String(village),
    capacity: '1',
    topics: ['business-plan', 'budget'],
    languages: ['ky', 'ru'],
    ...overrides,
  });
}

const request = () =>
  browserRequest('http://localhost:3999/consultant/publish', { method: 'POST' });

function slotsOf(ids: number[]) {
  return db
    .select()
    .from(consultationSlots)
    .all()
    .filter((s) => ids.includes(s.id))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

describe('publishSlots', () => {
  test('a village day 10:00–16:00 of 45 minutes with lunch 12:30–13:30 gives six UTC slots sharing one key', () => {
    const result = publishSlots(request(), aigul, form(), NOW);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const slots = slotsOf(result.slotIds);
    // 10:00, 10:45, 11:30 (ends 12:15), then 12:15 would run into lunch: next after 13:30.
    expect(slots.map((s) => s.startsAt.toISOString())).toEqual([
      '2030-03-12T04:00:00.000Z',
      '2030-03-12T04:45:00.000Z',
      '2030-03-12T05:30:00.000Z',
      '2030-03-12T07:30:00.000Z',
      '2030-03-12T08:15:00.000Z',
      '2030-03-12T09:00:00.000Z',
    ]);
    expect(new Set(slots.map((s) => s.seriesKey)).size).toBe(1);
    expect(slots[0]!.seriesKey).toBe(`day-${slots[0]!.id}`);
    expect(
      slots.every((s) => s.consultantId === aigul.user.id && s.createdById === aigul.user.id),
    ).toBe(true);
    expect(
      slots.every(
        (s) => s.minutes === 45 && s.place === 'Айыл өкмөтү, 2-кабат' && s.phone === null,
      ),
    ).toBe(true);
    expect(slots[0]!.topics).toEqual(['business-plan', 'budget']);
    expect(slots[0]!.languages).toEqual(['ky', 'ru']);
    const audit = db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'consultation-slot.published'),
          eq(auditLog.entityId, String(slots[0]!.id)),
        ),
      )
      .all();
    expect(audit).toHaveLength(1);
  });

  test('a time that overlaps one of hers is refused and nothing of the day is written', () => {
    const before = db.select().from(consultationSlots).all().length;
    const result = publishSlots(
      request(),
      aigul,
      form({
        kind: 'village-day',
        startTime: '15:00',
        endTime: '18:00',
        breakStart: '',
        breakEnd: '',
      }),
      NOW,
    );
    expect(result).toEqual({ ok: false, field: 'startTime', error: 'consultant:errors.overlap' });
    expect(db.select().from(consultationSlots).all()).toHaveLength(before);
    // Touching end to start is not an overlap: her day's last slot ends at 15:45.
    const after = publishSlots(
      request(),
      aigul,
      form({ kind: 'single', startTime: '15:45', endTime: '' }),
      NOW,
    );
    expect(after.ok).toBe(true);
  });

  test('another consultant may be in the same village at the same time', () => {
    expect(publishSlots(request(), bakyt, form(), NOW).ok).toBe(true);
  });

  test('staff publish for a consultant; the slots are hers, created by staff', () => {
    const result = publishSlots(
      request(),
      staff,
      form({
        consultantId: String(bakyt.user.id),
        kind: 'single',
        date: '2030-03-13',
        startTime: '09:00',
        mode: 'phone',
        place: '',
        phone: '+996 555 123 456',
        capacity: '4',
      }),
      NOW,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [slot] = slotsOf(result.slotIds);
    expect(slot).toMatchObject({
      consultantId: bakyt.user.id,
      createdById: staff.user.id,
      seriesKey: null,
      mode: 'phone',
      phone: '+996 555 123 456',
      place: null,
      capacity: 4,
    });
    expect(slot!.startsAt.toISOString()).toBe('2030-03-13T03:00:00.000Z');
  });

  test('staff cannot publish for someone who is not a consultant', () => {
    const result = publishSlots(
      request(),
      staff,
      form({ consultantId: String(staff.user.id), date: '2030-03-20' }),
      NOW,
    );
    expect(result).toMatchObject({ ok: false, field: 'consultantId' });
  });

  test('a consultant cannot publish for another consultant', () => {
    const result = publishSlots(
      request(),
      aigul,
      form({ consultantId: String(bakyt.user.id), date: '2030-03-21' }),
      NOW,
    );
    expect(result).toEqual({
      ok: false,
      field: 'consultantId',
      error: 'consultant:errors.onlyYourOwn',
    });
  });

  test('a time in the past is refused', () => {
    const result = publishSlots(request(), aigul, form({ date: '2030-02-28' }), NOW);
    expect(result).toMatchObject({ ok: false, error: 'consultant:errors.inPast' });
  });

  test('the consultants to choose from are those with the role', () => {
    const ids = listConsultants().map((c) => c.id);
    expect(ids).toContain(aigul.user.id);
    expect(ids).toContain(bakyt.user.id);
    expect(ids).not.toContain(staff.user.id);
  });
});

describe('the publish form', () => {
  test('the mode decides which of address, phone and link is required', () => {
    const parse = (o: Record<string, unknown>) =>
      publishSlotsSchema.safeParse({ ...form(), topics: [], ...o });
    const errorOf = (o: Record<string, unknown>) => {
      const r = parse(o);
      return r.success ? null : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
    };
    expect(errorOf({ mode: 'in-person', place: '' })).toEqual(['place:validation.required']);
    expect(errorOf({ mode: 'phone', phone: '' })).toEqual(['phone:validation.required']);
    expect(errorOf({ mode: 'online', link: '' })).toEqual(['link:validation.required']);
    expect(errorOf({ mode: 'online', link: 'http://x' })).toEqual(['link:consultant:errors.link']);
    expect(errorOf({ endTime: '09:00' })).toEqual(['endTime:consultant:errors.endBeforeStart']);
    expect(errorOf({ breakStart: '12:00', breakEnd: '' })).toEqual([
      'breakEnd:validation.required',
    ]);
  });
});
