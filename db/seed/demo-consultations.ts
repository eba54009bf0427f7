// The demo's consultations (issue 12), through the services as consultants and staff use them:
// both consultants have village days in Ivanovka and Osh in the next two weeks (the first time of
// one day is full, with a waiting list), a phone-only family booked by her facilitator, and past
// consultations of the pilot and of this year with attendance, a no-show and advice.
// Past bookings are written as rows (sending them invitations and reminders now would be wrong);
// their attendance and advice go through the records service. Runs once: when the consultants
// already have times, nothing is added.
import { asc, eq, inArray } from 'drizzle-orm';
import { db, writeTransaction } from '../client';
import { applications } from '../schema/applications';
import { competitions } from '../schema/competitions';
import { consultationBookings, consultationSlots } from '../schema/consultations';
import { households } from '../schema/households';
import { localities, users } from '../schema/people';
import { rolesOfUser } from '../../app/models/user.server';
import { publishSlotsSchema } from '../../app/schemas/consultation-slots';
import { bookConsultation } from '../../app/services/bookings.server';
import { recordAttendance, writeAdvice } from '../../app/services/consultation-records.server';
import { programmeTimeZone, publishSlots } from '../../app/services/consultation-slots.server';
import type { SessionUser } from '../../app/utils/session.server';
import { utcToZonedLocal } from '../../app/utils/timezone';

const DAY = 24 * 60 * 60_000;
const HOUR = 60 * 60_000;

const request = () =>
  new Request('http://localhost/demo-seed', { headers: { 'x-ishenim-client-ip': '127.0.0.1' } });

function sessionOf(email: string): SessionUser {
  const user = db.select().from(users).where(eq(users.email, email)).get()!;
  return { user, roles: rolesOfUser(user.id), sessionId: 'demo-seed' };
}

function ok<T extends { ok: boolean }>(result: T, what: string): T & { ok: true } {
  if (!result.ok) throw new Error(`Demo seed: ${what} refused: ${JSON.stringify(result)}`);
  return result as T & { ok: true };
}

/** A household's applications by competition: the pilot's (earliest) and the latest one's. */
function applicationOf(registerNumber: string, which: 'pilot' | 'current') {
  const rows = db
    .select({ id: applications.id, householdId: applications.householdId })
    .from(applications)
    .innerJoin(households, eq(households.id, applications.householdId))
    .innerJoin(competitions, eq(competitions.id, applications.competitionId))
    .where(eq(households.benefitRegisterNumber, registerNumber))
    .orderBy(asc(competitions.opensAt))
    .all();
  const row = which === 'pilot' ? rows[0] : rows[rows.length - 1];
  if (!row) throw new Error(`Demo seed: no ${which} application for ${registerNumber}`);
  return row;
}

type DayPlan = {
  consultant: SessionUser;
  locality: number;
  date: string;
  startTime: string;
  endTime: string;
  minutes: number;
  lunch: boolean;
  mode: 'in-person' | 'phone';
  place: string;
};

function publishDay(plan: DayPlan, publishedAt: Date): number[] {
  const input = publishSlotsSchema.parse({
    kind: 'village-day',
    date: plan.date,
    startTime: plan.startTime,
    endTime: plan.endTime,
    minutes: String(plan.minutes),
    breakStart: plan.lunch ? '12:30' : '',
    breakEnd: plan.lunch ? '13:30' : '',
    mode: plan.mode,
    place: plan.mode === 'in-person' ? plan.place : '',
    phone: plan.mode === 'phone' ? plan.place : '',
    localityId: String(plan.locality),
    capacity: '1',
    topics: ['business-plan', 'budget', 'marketing'],
    languages: ['ky', 'ru'],
  });
  return ok(publishSlots(request(), plan.consultant, input, publishedAt), 'village day').slotIds;
}

/** A past booking as the booking service would have left it: holding a place, sequence 0. */
function pastBooking(
  slotId: number,
  application: { id: number; householdId: number },
  bookedById: number,
  at: Date,
  helpWith: string,
): number {
  return writeTransaction(
    (tx) =>
      tx
        .insert(consultationBookings)
        .values({
          slotId,
          applicationId: application.id,
          householdId: application.householdId,
          bookedById,
          status: 'booked',
          helpWith,
          sequence: 0,
          createdAt: at,
          updatedAt: at,
        })
        .returning({ id: consultationBookings.id })
        .get().id,
  );
}

export function seedDemoConsultations(now = new Date()): { slots: number; bookings: number } {
  const timur = sessionOf('timur.consultant@ishenim.example');
  const jypar = sessionOf('jypar.consultant@ishenim.example');
  const staff = sessionOf('nurgul.staff@ishenim.example');
  const gulzat = sessionOf('gulzat.facilitator@ishenim.example');
  const already = db
    .select({ id: consultationSlots.id })
    .from(consultationSlots)
    .where(inArray(consultationSlots.consultantId, [timur.user.id, jypar.user.id]))
    .limit(1)
    .get();
  if (already) return { slots: 0, bookings: 0 };
  const localityId = (code: string) =>
    db.select().from(localities).where(eq(localities.code, code)).get()!.id;
  const ivanovka = localityId('ivanovka');
  const osh = localityId('osh');
  const timeZone = programmeTimeZone();
  const dayFromNow = (days: number) =>
    utcToZonedLocal(new Date(now.getTime() + days * DAY), timeZone).slice(0, 10);
  let slots = 0;
  let bookings = 0;

  // ---- The pilot (2024): consultations after the awards, with attendance and advice ----
  const pilotDay = (date: string) => new Date(`${date}T00:00:00Z`);
  const pilotIvanovka = publishDay(
    {
      consultant: timur,
      locality: ivanovka,
      date: '2024-04-16',
      startTime: '10:00',
      endTime: '12:15',
      minutes: 45,
      lunch: false,
      mode: 'in-person',
      place: 'Ивановка, айыл өкмөтү, 2-кабат',
    },
    pilotDay('2024-04-01'),
  );
  const pilotOsh = publishDay(
    {
      consultant: jypar,
      locality: osh,
      date: '2024-04-18',
      startTime: '10:00',
      endTime: '12:15',
      minutes: 45,
      lunch: false,
      mode: 'in-person',
      place: 'Ош, Ленин көч., 205, 1-кабат',
    },
    pilotDay('2024-04-01'),
  );
  slots += pilotIvanovka.length + pilotOsh.length;
  const pilotBookedAt = pilotDay('2024-04-08');
  const pilotPlan: [number, string, string, 'attended' | 'family-no-show', string | null][] = [
    [
      pilotIvanovka[0]!,
      'CHUI-IV-0101',
      'Учёт расходов теплицы',
      'attended',
      'Ведите тетрадь расходов на рассаду и полив; продавайте первые огурцы оптом на базаре в Токмоке.',
    ],
    [pilotIvanovka[1]!, 'CHUI-IV-0102', 'Цена на продукцию', 'family-no-show', null],
    [
      pilotOsh[0]!,
      'OSH-0201',
      'Бизнес-план',
      'attended',
      'Баа коюуда ундун баасын жана отунду эсептеңиз; кафелер менен жазуу жүзүндө келишим түзүңүз.',
    ],
  ];
  for (const [slotId, registerNumber, helpWith, attendance, advice] of pilotPlan) {
    const application = applicationOf(registerNumber, 'pilot');
    const bookingId = pastBooking(slotId, application, staff.user.id, pilotBookedAt, helpWith);
    bookings += 1;
    const slot = db.select().from(consultationSlots).where(eq(consultationSlots.id, slotId)).get()!;
    const consultant = slot.consultantId === timur.user.id ? timur : jypar;
    const after = new Date(slot.startsAt.getTime() + HOUR);
    ok(recordAttendance(request(), consultant, { bookingId, attendance }, after), 'attendance');
    if (advice) ok(writeAdvice(request(), consultant, { bookingId, advice }, after), 'advice');
  }

  // ---- This year: a past village day in Osh with a no-show and advice ----
  const pastOsh = publishDay(
    {
      consultant: timur,
      locality: osh,
      date: dayFromNow(-12),
      startTime: '10:00',
      endTime: '12:15',
      minutes: 45,
      lunch: false,
      mode: 'in-person',
      place: 'Ош, Ленин көч., 205, 1-кабат',
    },
    new Date(now.getTime() - 20 * DAY),
  );
  slots += pastOsh.length;
  const pastPlan: [number, string, 'attended' | 'family-no-show', string | null][] = [
    [
      pastOsh[0]!,
      'OSH-0213',
      'attended',
      'Начните с двух швейных машин, а не с трёх; первые заказы ищите в школах к сентябрю.',
    ],
    [pastOsh[1]!, 'OSH-0215', 'family-no-show', null],
    [
      pastOsh[2]!,
      'OSH-0201',
      'attended',
      'Тандыр үчүн жер тилкесин даярдаңыз; кафелерден алдын ала заказ алыңыз.',
    ],
  ];
  for (const [slotId, registerNumber, attendance, advice] of pastPlan) {
    const application = applicationOf(registerNumber, 'current');
    const bookingId = pastBooking(
      slotId,
      application,
      staff.user.id,
      new Date(now.getTime() - 15 * DAY),
      'Бизнес-план',
    );
    bookings += 1;
    const slot = db.select().from(consultationSlots).where(eq(consultationSlots.id, slotId)).get()!;
    const after = new Date(slot.startsAt.getTime() + HOUR);
    ok(recordAttendance(request(), timur, { bookingId, attendance }, after), 'attendance');
    if (advice) ok(writeAdvice(request(), timur, { bookingId, advice }, after), 'advice');
  }

  // ---- The next two weeks: village days of both consultants in Ivanovka and Osh ----
  const upcoming: DayPlan[] = [
    {
      consultant: timur,
      locality: ivanovka,
      date: dayFromNow(3),
      startTime: '10:00',
      endTime: '16:00',
      minutes: 45,
      lunch: true,
      mode: 'in-person',
      place: 'Ивановка, айыл өкмөтү, 2-кабат',
    },
    {
      consultant: jypar,
      locality: osh,
      date: dayFromNow(4),
      startTime: '10:00',
      endTime: '16:00',
      minutes: 45,
      lunch: true,
      mode: 'in-person',
      place: 'Ош, Ленин көч., 205, 1-кабат',
    },
    {
      consultant: jypar,
      locality: ivanovka,
      date: dayFromNow(9),
      startTime: '10:00',
      endTime: '13:00',
      minutes: 60,
      lunch: false,
      mode: 'in-person',
      place: 'Ивановка, мектеп, 12-кабинет',
    },
    {
      consultant: timur,
      locality: osh,
      date: dayFromNow(11),
      startTime: '14:00',
      endTime: '16:00',
      minutes: 30,
      lunch: false,
      mode: 'phone',
      place: '+996 312 900 100',
    },
  ];
  const days = upcoming.map((plan) => publishDay(plan, now));
  slots += days.reduce((sum, day) => sum + day.length, 0);
  const [timurIvanovka, jyparOsh] = [days[0]!, days[1]!];
  const book = (
    actor: SessionUser,
    slotId: number,
    application: { id: number },
    helpWith: string,
    joinWaitingList = false,
  ) => {
    ok(
      bookConsultation(
        actor,
        { slotId, applicationId: application.id, helpWith, joinWaitingList },
        now,
      ),
      'booking',
    );
    bookings += 1;
  };
  // The first time of Timur's Ivanovka day is full, and two families wait for it.
  book(staff, timurIvanovka[0]!, applicationOf('CHUI-IV-0111', 'current'), 'Бизнес-план');
  book(staff, timurIvanovka[0]!, applicationOf('CHUI-IV-0115', 'current'), 'Бюджет', true);
  book(gulzat, timurIvanovka[0]!, applicationOf('CHUI-IV-0102', 'pilot'), 'Сбыт', true);
  // Айгүл has a phone and no e-mail: her facilitator books for her; nobody invents an address.
  book(gulzat, timurIvanovka[1]!, applicationOf('CHUI-IV-0101', 'pilot'), 'Учёт расходов');
  book(staff, jyparOsh[0]!, applicationOf('OSH-0213', 'current'), 'Швейный цех: закупка');
  book(staff, jyparOsh[2]!, applicationOf('OSH-0201', 'current'), 'Тандыр: баасы');
  return { slots, bookings };
}
