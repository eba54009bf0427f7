// The demo's consultations (issue 12): village days of both consultants in Ivanovka and Osh in
// the next two weeks, one time full with a waiting list, a phone-only family booked by her
// facilitator, and past consultations of the pilot and of this year with a no-show and advice.
import { eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { db } from '~db/client';
import { consultationBookings, consultationSlots } from '~db/schema/consultations';
import { households } from '~db/schema/households';
import { localities, users } from '~db/schema/people';
import { seedDemo } from '~db/seed/demo';
import { totalsPerConsultant } from '~/services/consultation-records.server';

const userByEmail = (email: string) => db.select().from(users).where(eq(users.email, email)).get()!;

describe('the demo consultations', () => {
  test('are seeded once, with days ahead, a full time with a waiting list, and a history', async () => {
    const first = await seedDemo();
    expect(first.consultationSlots).toBeGreaterThan(20);
    const now = Date.now();
    const slots = db.select().from(consultationSlots).all();
    const bookings = db.select().from(consultationBookings).all();
    const timur = userByEmail('timur.consultant@ishenim.example');
    const jypar = userByEmail('jypar.consultant@ishenim.example');
    const code = new Map(
      db
        .select()
        .from(localities)
        .all()
        .map((l) => [l.id, l.code]),
    );
    const ahead = slots.filter(
      (s) => s.startsAt.getTime() > now && s.startsAt.getTime() < now + 14 * 86_400_000,
    );
    for (const consultant of [timur, jypar]) {
      const villages = new Set(
        ahead.filter((s) => s.consultantId === consultant.id).map((s) => code.get(s.localityId)),
      );
      expect([...villages].sort()).toEqual(['ivanovka', 'osh']);
    }
    // Village days: back-to-back times sharing one key.
    expect(ahead.every((s) => s.seriesKey?.startsWith('day-'))).toBe(true);
    // One time is full and has a waiting list.
    const full = ahead.find(
      (s) =>
        bookings.filter((b) => b.slotId === s.id && b.status === 'booked').length >= s.capacity &&
        bookings.some((b) => b.slotId === s.id && b.status === 'waiting'),
    );
    expect(full).toBeDefined();
    // The phone-only family, booked by her facilitator.
    const aigul = db.select().from(users).where(eq(users.phone, '+996555101201')).get()!;
    expect(aigul.email).toBeNull();
    const household = db.select().from(households).where(eq(households.userId, aigul.id)).get()!;
    const hers = bookings.find(
      (b) =>
        b.householdId === household.id &&
        b.status === 'booked' &&
        slots.find((s) => s.id === b.slotId)!.startsAt.getTime() > now,
    )!;
    expect(hers.bookedById).toBe(userByEmail('gulzat.facilitator@ishenim.example').id);
    // The past: attendance, a no-show and advice, in the pilot's 2024 and this year.
    const past = bookings.filter((b) => b.attendance !== null);
    expect(past.some((b) => b.attendance === 'family-no-show')).toBe(true);
    const advised = past.filter((b) => b.advice);
    const years = advised.map((b) =>
      slots.find((s) => s.id === b.slotId)!.startsAt.getUTCFullYear(),
    );
    expect(years).toContain(2024);
    expect(years.some((y) => y > 2024)).toBe(true);
    expect(
      totalsPerConsultant()
        .map((r) => r.name)
        .sort(),
    ).toEqual([jypar.name, timur.name].sort());

    const second = await seedDemo();
    expect(second.consultationSlots).toBe(0);
    expect(db.select().from(consultationSlots).all()).toHaveLength(slots.length);
    expect(db.select().from(consultationBookings).all()).toHaveLength(bookings.length);
  });
});
