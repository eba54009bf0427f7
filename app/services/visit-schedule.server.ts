// When a grant's monitoring visits fall due (DESIGN.md, "Outcomes"): 3, 6 and 12 months after
// its first payment, counted on the competition's calendar. Pure functions, no database.
import { VISIT_MONTHS, type VisitMonth } from '~/schemas/outcome-enums';
import { utcToZonedLocal, zonedLocalToUtc } from '~/utils/timezone';

/** The facilitator is reminded this many days before a visit's due day (the setting's default). */
export const VISIT_REMINDER_DAYS = 7;
/** The reminder goes out at this hour of the morning, on the competition's clock. */
export const VISIT_REMINDER_HOUR = '09:00';

/** The calendar day ("YYYY-MM-DD") of an instant in `timeZone`. */
export function zonedCalendarDay(instant: Date, timeZone: string): string {
  return utcToZonedLocal(instant, timeZone).slice(0, 10);
}

function daysInMonth(year: number, month1: number): number {
  return new Date(Date.UTC(year, month1, 0)).getUTCDate();
}

/**
 * "YYYY-MM-DD" plus `months` calendar months. Clamping: when the later month is shorter than the
 * start day (31 January + 3 months; 31 August + 6 months), the due day is that month's LAST day
 * (30 April; 28 or 29 February) — never rolled over into the month after, so a visit is never
 * due later than the programme's "three months".
 */
export function addCalendarMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month1 = (index % 12) + 1;
  const date = Math.min(d, daysInMonth(year, month1));
  return `${String(year).padStart(4, '0')}-${String(month1).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

/** "YYYY-MM-DD" plus (or minus) whole days. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The due day of each visit, from the instant of the grant's first payment: the payment's
 * calendar day in the competition's time zone (a payment at 2025-01-31T20:00Z is 1 February in
 * Bishkek), plus 3, 6 and 12 months, clamped to the month's end (addCalendarMonths).
 */
export function visitDueDays(
  firstPaidAt: Date,
  timeZone: string,
): { month: VisitMonth; dueOn: string }[] {
  const paidOn = zonedCalendarDay(firstPaidAt, timeZone);
  return VISIT_MONTHS.map((month) => ({ month, dueOn: addCalendarMonths(paidOn, month) }));
}

/** When the facilitator's reminder of a visit goes: a week before its due day, 09:00 local. */
export function visitReminderAt(
  dueOn: string,
  timeZone: string,
  daysBefore: number = VISIT_REMINDER_DAYS,
): Date {
  return zonedLocalToUtc(`${addDays(dueOn, -daysBefore)}T${VISIT_REMINDER_HOUR}`, timeZone)!;
}

export type VisitState = 'due' | 'overdue' | 'done';

/** A visit not recorded is overdue once its due day has passed on the competition's calendar. */
export function visitState(
  visit: { status: 'due' | 'done'; dueOn: string },
  today: string,
): VisitState {
  if (visit.status === 'done') return 'done';
  return visit.dueOn < today ? 'overdue' : 'due';
}
