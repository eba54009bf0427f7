// What the consultant's and staff's consultation pages show, read in SQL: the agenda, a slot with
// its families, the staff list (filtered and paged in the query) and a family's consultations
// on her application. A family is shown with only what a consultation needs: her name, village,
// phone, the application's idea and amount, what she wants help with and earlier advice —
// never her benefits or income.
import { and, asc, desc, eq, gte, inArray, isNull, lt, ne, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { db } from '~db/client';
import { applications } from '~db/schema/applications';
import { competitions } from '~db/schema/competitions';
import { consultationBookings, consultationSlots } from '~db/schema/consultations';
import { households } from '~db/schema/households';
import { localities, users } from '~db/schema/people';
import type { Locale } from '~/i18n/config';
import { formatMoney, formattedInstant, type Currency } from '~/i18n/format';
import type { BookingAttendance, BookingStatus, ConsultationMode } from '~/schemas/enums';
import { utcToZonedLocal, zonedLocalToUtc } from '~/utils/timezone';
import { familyNoShows } from './consultation-records.server';
import { localityNameLocale } from '~/i18n/locality';

const familyUsers = alias(users, 'family_user');

const localityColumn = (locale: Locale) =>
  localityNameLocale(locale) === 'ky'
    ? localities.nameKy
    : localityNameLocale(locale) === 'ru'
      ? localities.nameRu
      : localities.nameEn;

/** The grant holder's name if chosen, else the household's first member. */
const familyName = sql<string>`coalesce(
  (select m.first_name || ' ' || m.last_name from household_members m where m.id = ${applications.beneficiaryMemberId}),
  (select m.first_name || ' ' || m.last_name from household_members m where m.household_id = ${households.id} order by m.position, m.id limit 1),
  '')`;

const DAY_MS = 24 * 60 * 60_000;

/** "YYYY-MM-DD" today on the programme's clock. */
export function todayIn(timeZone: string, now = new Date()): string {
  return utcToZonedLocal(now, timeZone).slice(0, 10);
}

/**
 * The days an agenda shows: one day, or the week (Monday to Sunday) holding `date`, as UTC
 * bounds of the programme's wall-clock days.
 */
export function agendaRange(view: 'day' | 'week', date: string, timeZone: string) {
  const anchor = new Date(`${date}T00:00:00Z`);
  const weekday = (anchor.getUTCDay() + 6) % 7;
  const first = view === 'week' ? new Date(anchor.getTime() - weekday * DAY_MS) : anchor;
  const days = view === 'week' ? 7 : 1;
  const day = (offset: number) =>
    new Date(first.getTime() + offset * DAY_MS).toISOString().slice(0, 10);
  return {
    firstDay: day(0),
    lastDay: day(days - 1),
    previous: day(view === 'week' ? -7 : -1),
    next: day(days),
    from: zonedLocalToUtc(`${day(0)}T00:00`, timeZone)!,
    to: zonedLocalToUtc(`${day(days)}T00:00`, timeZone)!,
  };
}

export type FamilyAtBooking = {
  bookingId: number;
  status: BookingStatus;
  attendance: BookingAttendance | null;
  advice: string | null;
  helpWith: string | null;
  family: string;
  village: string;
  phone: string | null;
  applicationId: number;
  title: string;
  amount: string;
  /** The amount asked in minor units and its currency (for a download's typed cell). */
  requestedMinor: number;
  currency: string;
  noShows: number;
  earlierAdvice: { date: string; consultant: string; advice: string }[];
};

/** The families at these slots (holding a place or waiting), with what the consultant needs. */
function familiesAt(
  slotIds: number[],
  locale: Locale,
  timeZone: string,
): Map<number, FamilyAtBooking[]> {
  const result = new Map<number, FamilyAtBooking[]>();
  if (slotIds.length === 0) return result;
  const rows = db
    .select({
      slotId: consultationBookings.slotId,
      startsAt: consultationSlots.startsAt,
      bookingId: consultationBookings.id,
      householdId: consultationBookings.householdId,
      status: consultationBookings.status,
      attendance: consultationBookings.attendance,
      advice: consultationBookings.advice,
      helpWith: consultationBookings.helpWith,
      family: familyName,
      village: localityColumn(locale),
      phone: sql<string | null>`coalesce(${households.phone}, ${familyUsers.phone})`,
      applicationId: applications.id,
      title: applications.title,
      requestedAmount: applications.requestedAmount,
      currency: competitions.currency,
    })
    .from(consultationBookings)
    .innerJoin(consultationSlots, eq(consultationSlots.id, consultationBookings.slotId))
    .innerJoin(applications, eq(applications.id, consultationBookings.applicationId))
    .innerJoin(competitions, eq(competitions.id, applications.competitionId))
    .innerJoin(households, eq(households.id, consultationBookings.householdId))
    .innerJoin(localities, eq(localities.id, households.localityId))
    .leftJoin(familyUsers, eq(familyUsers.id, households.userId))
    .where(
      and(
        inArray(consultationBookings.slotId, slotIds),
        ne(consultationBookings.status, 'cancelled'),
      ),
    )
    .orderBy(
      consultationBookings.slotId,
      sql`${consultationBookings.status} = 'waiting'`,
      sql`coalesce(${consultationBookings.waitingSince}, ${consultationBookings.createdAt})`,
      consultationBookings.id,
    )
    .all();
  const householdIds = [...new Set(rows.map((r) => r.householdId))];
  const noShows = familyNoShows(householdIds);
  const advice =
    householdIds.length === 0
      ? []
      : db
          .select({
            bookingId: consultationBookings.id,
            householdId: consultationBookings.householdId,
            startsAt: consultationSlots.startsAt,
            consultant: users.name,
            advice: consultationBookings.advice,
          })
          .from(consultationBookings)
          .innerJoin(consultationSlots, eq(consultationSlots.id, consultationBookings.slotId))
          .innerJoin(users, eq(users.id, consultationSlots.consultantId))
          .where(
            and(
              inArray(consultationBookings.householdId, householdIds),
              sql`${consultationBookings.advice} is not null`,
            ),
          )
          .orderBy(desc(consultationSlots.startsAt))
          .all();
  for (const row of rows) {
    const list = result.get(row.slotId) ?? [];
    list.push({
      bookingId: row.bookingId,
      status: row.status,
      attendance: row.attendance,
      advice: row.advice,
      helpWith: row.helpWith,
      family: row.family,
      village: row.village,
      phone: row.phone,
      applicationId: row.applicationId,
      title: row.title,
      amount: formatMoney(row.requestedAmount, row.currency as Currency, locale),
      requestedMinor: row.requestedAmount,
      currency: row.currency,
      noShows: noShows.get(row.householdId) ?? 0,
      earlierAdvice: advice
        .filter(
          (a) =>
            a.householdId === row.householdId &&
            a.bookingId !== row.bookingId &&
            a.startsAt.getTime() < row.startsAt.getTime(),
        )
        .map((a) => ({
          date: formattedInstant(a.startsAt, locale, { timeZone, dateOnly: true }).text,
          consultant: a.consultant,
          advice: a.advice!,
        })),
    });
    result.set(row.slotId, list);
  }
  return result;
}

const slotColumns = (locale: Locale) => ({
  id: consultationSlots.id,
  consultantId: consultationSlots.consultantId,
  consultant: users.name,
  seriesKey: consultationSlots.seriesKey,
  startsAt: consultationSlots.startsAt,
  minutes: consultationSlots.minutes,
  mode: consultationSlots.mode,
  place: consultationSlots.place,
  phone: consultationSlots.phone,
  link: consultationSlots.link,
  localityId: consultationSlots.localityId,
  village: localityColumn(locale),
  capacity: consultationSlots.capacity,
  topics: consultationSlots.topics,
  languages: consultationSlots.languages,
  status: consultationSlots.status,
});

type SlotRow = ReturnType<typeof selectSlots>[number];

function selectSlots(locale: Locale, where: SQL | undefined) {
  return db
    .select(slotColumns(locale))
    .from(consultationSlots)
    .innerJoin(users, eq(users.id, consultationSlots.consultantId))
    .innerJoin(localities, eq(localities.id, consultationSlots.localityId))
    .where(where)
    .orderBy(asc(consultationSlots.startsAt), consultationSlots.id)
    .all();
}

function slotView(slot: SlotRow, families: FamilyAtBooking[], locale: Locale, timeZone: string) {
  const end = new Date(slot.startsAt.getTime() + slot.minutes * 60_000);
  return {
    ...slot,
    day: utcToZonedLocal(slot.startsAt, timeZone).slice(0, 10),
    dayText: formattedInstant(slot.startsAt, locale, { timeZone, dateOnly: true }).text,
    startText: utcToZonedLocal(slot.startsAt, timeZone).slice(11, 16),
    endText: utcToZonedLocal(end, timeZone).slice(11, 16),
    startsAt: slot.startsAt.toISOString(),
    booked: families.filter((f) => f.status === 'booked'),
    waiting: families.filter((f) => f.status === 'waiting'),
  };
}

export type SlotView = ReturnType<typeof slotView>;

/** A consultant's slots between `from` and `to`, each with its families. */
export function consultantAgenda(
  consultantId: number,
  range: { from: Date; to: Date },
  locale: Locale,
  timeZone: string,
): SlotView[] {
  const slots = selectSlots(
    locale,
    and(
      eq(consultationSlots.consultantId, consultantId),
      gte(consultationSlots.startsAt, range.from),
      lt(consultationSlots.startsAt, range.to),
    ),
  );
  const families = familiesAt(
    slots.map((s) => s.id),
    locale,
    timeZone,
  );
  return slots.map((slot) => slotView(slot, families.get(slot.id) ?? [], locale, timeZone));
}

/** One slot with its families, or undefined. Who may see it is the route's question. */
export function slotWithFamilies(
  slotId: number,
  locale: Locale,
  timeZone: string,
): SlotView | undefined {
  const [slot] = selectSlots(locale, eq(consultationSlots.id, slotId));
  if (!slot) return undefined;
  return slotView(
    slot,
    familiesAt([slot.id], locale, timeZone).get(slot.id) ?? [],
    locale,
    timeZone,
  );
}

// ---- Staff's list ----

export type StaffFilter = {
  consultantId: number | null;
  localityId: number | null;
  from: Date | null;
  to: Date | null;
  status: BookingStatus | null;
  /** 'none' = not recorded yet. */
  attendance: BookingAttendance | 'none' | null;
};

function staffWhere(filter: StaffFilter): SQL | undefined {
  return and(
    filter.consultantId ? eq(consultationSlots.consultantId, filter.consultantId) : undefined,
    filter.localityId ? eq(households.localityId, filter.localityId) : undefined,
    filter.from ? gte(consultationSlots.startsAt, filter.from) : undefined,
    filter.to ? lt(consultationSlots.startsAt, filter.to) : undefined,
    filter.status ? eq(consultationBookings.status, filter.status) : undefined,
    filter.attendance === 'none'
      ? isNull(consultationBookings.attendance)
      : filter.attendance
        ? eq(consultationBookings.attendance, filter.attendance)
        : undefined,
  );
}

function staffQuery(locale: Locale, filter: StaffFilter) {
  return db
    .select({
      bookingId: consultationBookings.id,
      slotId: consultationSlots.id,
      startsAt: consultationSlots.startsAt,
      minutes: consultationSlots.minutes,
      mode: consultationSlots.mode,
      consultant: users.name,
      village: localityColumn(locale),
      family: familyName,
      applicationId: applications.id,
      reference: applications.reference,
      status: consultationBookings.status,
      attendance: consultationBookings.attendance,
      advice: consultationBookings.advice,
    })
    .from(consultationBookings)
    .innerJoin(consultationSlots, eq(consultationSlots.id, consultationBookings.slotId))
    .innerJoin(users, eq(users.id, consultationSlots.consultantId))
    .innerJoin(applications, eq(applications.id, consultationBookings.applicationId))
    .innerJoin(households, eq(households.id, consultationBookings.householdId))
    .innerJoin(localities, eq(localities.id, households.localityId))
    .where(staffWhere(filter))
    .orderBy(desc(consultationSlots.startsAt), desc(consultationBookings.id))
    .$dynamic();
}

export type StaffListRow = ReturnType<typeof staffQuery>['_']['result'][number];

export function staffConsultationPage(
  locale: Locale,
  filter: StaffFilter,
  page: number,
  pageSize: number,
): { rows: StaffListRow[]; total: number } {
  const rows = staffQuery(locale, filter)
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  const total = db
    .select({ n: sql<number>`count(*)` })
    .from(consultationBookings)
    .innerJoin(consultationSlots, eq(consultationSlots.id, consultationBookings.slotId))
    .innerJoin(households, eq(households.id, consultationBookings.householdId))
    .where(staffWhere(filter))
    .get()!.n;
  return { rows, total };
}

/** Every row of the filter, read a batch at a time (for the exports). */
export function* staffConsultationRows(
  locale: Locale,
  filter: StaffFilter,
  batch = 500,
): Generator<StaffListRow> {
  for (let offset = 0; ; offset += batch) {
    const rows = staffQuery(locale, filter).limit(batch).offset(offset).all();
    yield* rows;
    if (rows.length < batch) return;
  }
}

// ---- A family's consultations on her application ----

export type ApplicationConsultation = {
  bookingId: number;
  when: string;
  consultant: string;
  mode: ConsultationMode;
  status: BookingStatus;
  attendance: BookingAttendance | null;
  advice: string | null;
};

/** The consultations booked for an application, newest first (family and staff pages only). */
export function consultationsOfApplication(
  applicationId: number,
  locale: Locale,
  timeZone: string,
): ApplicationConsultation[] {
  return db
    .select({
      bookingId: consultationBookings.id,
      startsAt: consultationSlots.startsAt,
      consultant: users.name,
      mode: consultationSlots.mode,
      status: consultationBookings.status,
      attendance: consultationBookings.attendance,
      advice: consultationBookings.advice,
    })
    .from(consultationBookings)
    .innerJoin(consultationSlots, eq(consultationSlots.id, consultationBookings.slotId))
    .innerJoin(users, eq(users.id, consultationSlots.consultantId))
    .where(eq(consultationBookings.applicationId, applicationId))
    .orderBy(desc(consultationSlots.startsAt))
    .all()
    .map((row) => ({
      ...row,
      when: formattedInstant(row.startsAt, locale, { timeZone }).text,
    }));
}

const isDate = (value: string | null): value is string =>
  value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
const positiveId = (value: string | null) => {
  const n = Number(value);
  return value && /^[1-9]\d{0,14}$/.test(value) ? n : null;
};

/** The staff list's filters as the address holds them; anything malformed is ignored. */
export function staffFilterFrom(params: URLSearchParams, timeZone: string) {
  const from = params.get('from');
  const to = params.get('to');
  const status = params.get('status');
  const attendance = params.get('attendance');
  const query = {
    consultant: positiveId(params.get('consultant')),
    village: positiveId(params.get('village')),
    from: isDate(from) ? from : '',
    to: isDate(to) ? to : '',
    status: (['booked', 'waiting', 'cancelled'] as const).find((s) => s === status) ?? null,
    attendance:
      (['attended', 'family-no-show', 'consultant-no-show', 'none'] as const).find(
        (a) => a === attendance,
      ) ?? null,
  };
  const nextDay = (day: string) =>
    new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
  const filter: StaffFilter = {
    consultantId: query.consultant,
    localityId: query.village,
    from: query.from ? zonedLocalToUtc(`${query.from}T00:00`, timeZone) : null,
    // "To" is the last day shown, whole.
    to: query.to ? zonedLocalToUtc(`${nextDay(query.to)}T00:00`, timeZone) : null,
    status: query.status,
    attendance: query.attendance,
  };
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) search.set(key, String(value));
  return { query, filter, search: search.size > 0 ? `?${search}` : '' };
}
