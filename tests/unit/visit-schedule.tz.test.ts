// When monitoring visits fall due (DESIGN.md, "Outcomes"): 3, 6 and 12 months after the first
// payment, on the competition's calendar, clamped to the end of a shorter month. Runs with the
// server clock in UTC and in Asia/Bishkek: neither may change a due day.
import { describe, expect, test } from 'vitest';
import {
  addCalendarMonths,
  visitDueDays,
  visitReminderAt,
  visitState,
} from '~/services/visit-schedule.server';

describe('visit due days', () => {
  test('a payment on 31 January is due on 30 April, 31 July and 31 January', () => {
    expect(visitDueDays(new Date('2025-01-31T06:00:00Z'), 'Asia/Bishkek')).toEqual([
      { month: 3, dueOn: '2025-04-30' },
      { month: 6, dueOn: '2025-07-31' },
      { month: 12, dueOn: '2026-01-31' },
    ]);
  });

  test('a payment on 31 August is due at the end of February six months on (28, or 29 in a leap year)', () => {
    expect(addCalendarMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addCalendarMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addCalendarMonths('2024-11-30', 3)).toBe('2025-02-28');
    expect(addCalendarMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addCalendarMonths('2024-10-15', 3)).toBe('2025-01-15');
  });

  test("the payment's day is the competition's: 20:00 UTC on 31 January is 1 February in Bishkek", () => {
    const paidAt = new Date('2025-01-31T20:00:00Z');
    expect(visitDueDays(paidAt, 'Asia/Bishkek').map((d) => d.dueOn)).toEqual([
      '2025-05-01',
      '2025-08-01',
      '2026-02-01',
    ]);
    expect(visitDueDays(paidAt, 'UTC').map((d) => d.dueOn)).toEqual([
      '2025-04-30',
      '2025-07-31',
      '2026-01-31',
    ]);
  });

  test("the facilitator's reminder goes a week before the due day, 09:00 on the competition's clock", () => {
    expect(visitReminderAt('2025-05-01', 'Asia/Bishkek').toISOString()).toBe(
      '2025-04-24T03:00:00.000Z',
    );
    expect(visitReminderAt('2025-03-03', 'UTC').toISOString()).toBe('2025-02-24T09:00:00.000Z');
  });

  test('a due visit past its day is overdue; a recorded one is done, whenever it was due', () => {
    expect(visitState({ status: 'due', dueOn: '2025-05-01' }, '2025-05-01')).toBe('due');
    expect(visitState({ status: 'due', dueOn: '2025-05-01' }, '2025-05-02')).toBe('overdue');
    expect(visitState({ status: 'done', dueOn: '2025-05-01' }, '2026-01-01')).toBe('done');
  });
});
