// What the family's and the facilitator's consultation pages show: DTOs built from the booking
// models, times formatted on the server in the programme's time zone.
import type { Locale } from '~/i18n/config';
import { formatDate, formattedInstant, type FormattedInstant } from '~/i18n/format';
import { dateTimeFormat } from '~/i18n/intl-cache';
import { localityName } from '~/i18n/locality';
import { INTL_TAGS } from '~/i18n/config';
import {
  familyNames,
  listApplicationsForFacilitator,
  listApplicationsOfHousehold,
} from '~/models/application-view.server';
import {
  bookingsForFacilitator,
  bookingsOfHousehold,
  countOpenSlots,
  findBooking,
  listOpenSlots,
  slotWithDetails,
  localitiesWithOpenSlots,
  type BookingListRow,
  type OpenSlotFilter,
} from '~/models/consultation-booking.server';
import { findCompetition } from '~/models/competition.server';
import { findHousehold, findHouseholdOfUser } from '~/models/household.server';
import { findUserById } from '~/models/user.server';
import type { ConsultationSlot } from '~db/schema/consultations';
import type {
  BookingAttendance,
  BookingStatus,
  ConsultationMode,
  ConsultationTopic,
} from '~/schemas/enums';
import type { SessionUser } from '~/utils/session.server';
import { zonedLocalToUtc } from '~/utils/timezone';
import { changeDeadlines, mayViewBooking, programmeTimeZone } from './bookings.server';
import { withheldReason } from './notices.server';
import { pickLocalized, titleTexts } from '~/i18n/localized-text';

export const OPEN_SLOTS_PAGE_SIZE = 20;

export type SlotView = {
  id: number;
  startsAt: FormattedInstant;
  /** "10:00–10:45" in the programme's zone. */
  timeRange: string;
  day: string;
  minutes: number;
  mode: ConsultationMode;
  place: string | null;
  link: string | null;
  village: string;
  consultant: string;
  topics: ConsultationTopic[];
  languages: Locale[];
  capacity: number;
  placesLeft: number;
};

function timeRange(slot: Pick<ConsultationSlot, 'startsAt' | 'minutes'>, locale: Locale) {
  const format = dateTimeFormat(INTL_TAGS[locale], {
    timeStyle: 'short',
    timeZone: programmeTimeZone(),
  });
  const end = new Date(slot.startsAt.getTime() + slot.minutes * 60_000);
  return `${format.format(slot.startsAt)}–${format.format(end)}`;
}

function slotView(
  slot: ConsultationSlot,
  extra: { booked: number; consultantName: string; village: string },
  locale: Locale,
  showLink: boolean,
): SlotView {
  return {
    id: slot.id,
    startsAt: formattedInstant(slot.startsAt, locale, { timeZone: programmeTimeZone() }),
    timeRange: timeRange(slot, locale),
    day: formatDate(slot.startsAt, locale, programmeTimeZone()),
    minutes: slot.minutes,
    mode: slot.mode,
    place: slot.mode === 'in-person' ? slot.place : null,
    // The meeting link is for those who booked, not for everyone browsing the list.
    link: showLink && slot.mode === 'online' ? slot.link : null,
    village: extra.village,
    consultant: extra.consultantName,
    topics: slot.topics,
    languages: slot.languages,
    capacity: slot.capacity,
    placesLeft: Math.max(0, slot.capacity - extra.booked),
  };
}

/** The day chosen in the filter ("2026-12-10", in the programme's zone) as UTC bounds. */
export function dayBounds(day: string | null): { from?: Date; to?: Date } {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return {};
  const from = zonedLocalToUtc(`${day}T00:00`, programmeTimeZone());
  if (!from) return {};
  return { from, to: new Date(from.getTime() + 24 * 60 * 60_000 - 1) };
}

/** One page of open times, filtered in SQL, and the villages to filter by. */
export function openSlotsPage(
  filter: OpenSlotFilter,
  page: number,
  locale: Locale,
  now: Date = new Date(),
) {
  const rows = listOpenSlots(filter, now, {
    limit: OPEN_SLOTS_PAGE_SIZE,
    offset: (page - 1) * OPEN_SLOTS_PAGE_SIZE,
  });
  return {
    total: countOpenSlots(filter, now),
    slots: rows.map((row) =>
      slotView(
        row.slot,
        {
          booked: row.booked,
          consultantName: row.consultantName,
          village: localityName(row.locality, locale),
        },
        locale,
        false,
      ),
    ),
    villages: localitiesWithOpenSlots(now)
      .map((l) => ({ id: l.id, name: localityName(l, locale) }))
      .sort((a, b) => a.name.localeCompare(b.name, INTL_TAGS[locale])),
  };
}

/** One slot as the booking page shows it, or null when it is not there. */
export function slotForBooking(slotId: number, locale: Locale, now: Date = new Date()) {
  const row = slotWithDetails(slotId);
  if (!row) return null;
  const slot = row.slot;
  return {
    open: slot.status === 'open' && slot.startsAt > now,
    consultantId: slot.consultantId,
    view: slotView(
      slot,
      {
        booked: row.booked,
        consultantName: row.consultantName,
        village: localityName(row.locality, locale),
      },
      locale,
      false,
    ),
  };
}

/**
 * The applications this person may book a consultation for: her own family's (not withdrawn),
 * or a facilitator's families'. Staff type an application number instead (null here).
 */
export function bookableApplications(actor: SessionUser, locale: Locale) {
  if (actor.roles.includes('applicant')) {
    const household = findHouseholdOfUser(actor.user.id);
    if (household) {
      return listApplicationsOfHousehold(household.id)
        .filter((a) => a.status !== 'withdrawn')
        .map((a) => ({
          id: a.id,
          label: [a.reference, a.title, competitionTitle(a, locale)].filter(Boolean).join(' · '),
        }));
    }
  }
  if (actor.roles.includes('facilitator')) {
    const rows = listApplicationsForFacilitator(actor.user.id).filter(
      (a) => a.status !== 'withdrawn',
    );
    const names = familyNames(rows);
    return rows.map((a) => ({
      id: a.id,
      label: [names.get(a.id), a.reference, a.title].filter(Boolean).join(' · '),
    }));
  }
  return null;
}

function competitionTitle(row: Parameters<typeof titleTexts>[0], locale: Locale) {
  return pickLocalized(titleTexts(row), locale)?.text ?? '';
}

export type BookingView = {
  id: number;
  status: BookingStatus;
  slot: SlotView;
  helpWith: string | null;
  attendance: BookingAttendance | null;
  advice: string | null;
  applicationId: number;
  applicationLabel: string;
  /** Until when she may still cancel / move herself; null once it has passed. */
  changeUntil: string | null;
  mayCancel: boolean;
  mayMove: boolean;
  noticeHours: number;
  past: boolean;
};

function bookingView(row: BookingListRow, locale: Locale, now: Date): BookingView {
  const competitionId = row.competitionId;
  const competition = findCompetition(competitionId)!;
  const deadlines = changeDeadlines(row.slot, competition);
  const live = row.booking.status !== 'cancelled';
  const past = row.slot.startsAt <= now;
  const inTime = (until: Date) => now < until;
  return {
    id: row.booking.id,
    status: row.booking.status,
    slot: slotView(
      row.slot,
      {
        booked: 0,
        consultantName: row.consultantName,
        village: localityName(row.locality, locale),
      },
      locale,
      row.booking.status === 'booked',
    ),
    helpWith: row.booking.helpWith,
    attendance: row.booking.attendance,
    advice: row.booking.advice,
    applicationId: row.booking.applicationId,
    applicationLabel: [row.applicationReference, row.applicationTitle].filter(Boolean).join(' · '),
    changeUntil: inTime(deadlines.cancelUntil)
      ? formattedInstant(deadlines.cancelUntil, locale, { timeZone: programmeTimeZone() }).text
      : null,
    // Leaving a waiting list is always possible; a place only within the notice.
    mayCancel: live && !past && (row.booking.status === 'waiting' || inTime(deadlines.cancelUntil)),
    mayMove: row.booking.status === 'booked' && !past && inTime(deadlines.moveUntil),
    noticeHours: competition.bookingCancelNoticeHours,
    past,
  };
}

/** A family's consultations in four groups, for her page (or one application's). */
export function familyBookings(
  householdId: number,
  locale: Locale,
  options: { applicationId?: number } = {},
  now: Date = new Date(),
) {
  const views = bookingsOfHousehold(householdId, options).map((row) =>
    bookingView(row, locale, now),
  );
  const soonestFirst = (a: BookingView, b: BookingView) =>
    a.slot.startsAt.iso.localeCompare(b.slot.startsAt.iso);
  return {
    upcoming: views.filter((v) => v.status === 'booked' && !v.past).sort(soonestFirst),
    waiting: views.filter((v) => v.status === 'waiting' && !v.past).sort(soonestFirst),
    past: views.filter((v) => v.status === 'booked' && v.past),
    cancelled: views.filter((v) => v.status === 'cancelled'),
  };
}

export type FamilyBookings = ReturnType<typeof familyBookings>;

/** The signed-in family's consultations, or null when she has no household. */
export function ownBookings(actor: SessionUser, locale: Locale, now: Date = new Date()) {
  const household = findHouseholdOfUser(actor.user.id);
  return household ? familyBookings(household.id, locale, {}, now) : null;
}

/**
 * A facilitator's villages: bookings ahead (and of the last week), and the families among them
 * who get no e-mail and must be told in person (the same safe-contact rule as every notice).
 */
export function facilitatorBookings(
  facilitator: SessionUser,
  locale: Locale,
  now: Date = new Date(),
) {
  const since = new Date(now.getTime() - 7 * 24 * 60 * 60_000);
  const rows = bookingsForFacilitator(facilitator.user.id, since, { limit: 200, offset: 0 });
  const names = familyNames(
    rows.map((r) => ({
      id: r.booking.applicationId,
      householdId: r.householdId,
      beneficiaryMemberId: r.beneficiaryMemberId,
    })),
  );
  const list = rows.map((row) => {
    const household = findHousehold(row.householdId)!;
    const account = row.familyUserId ? findUserById(row.familyUserId) : undefined;
    const view = bookingView(row, locale, now);
    return {
      ...view,
      family: names.get(row.booking.applicationId) ?? '',
      phone: household.phone ?? account?.phone ?? null,
      tellInPerson: !account || withheldReason(account, 'programme') !== null,
    };
  });
  return {
    bookings: list,
    toTell: list.filter((b) => b.tellInPerson && b.status === 'booked' && !b.past),
  };
}

/**
 * The move page: the booking as it is now, and the consultant's other open times (a booking
 * moves only within one consultant's times), or null when this person may not see it.
 */
export function moveChoices(
  actor: SessionUser,
  bookingId: number,
  locale: Locale,
  now: Date = new Date(),
) {
  const booking = findBooking(bookingId);
  if (!booking || !mayViewBooking(actor, booking)) return null;
  const current = slotWithDetails(booking.slotId)!;
  const others = listOpenSlots({ consultantId: current.slot.consultantId }, now, {
    limit: 60,
    offset: 0,
  }).filter((row) => row.slot.id !== booking.slotId);
  const view = (row: typeof current) =>
    slotView(
      row.slot,
      {
        booked: row.booked,
        consultantName: row.consultantName,
        village: localityName(row.locality, locale),
      },
      locale,
      false,
    );
  return {
    bookingId: booking.id,
    status: booking.status,
    current: view(current),
    choices: others.map(view).filter((slot) => slot.placesLeft > 0),
  };
}
