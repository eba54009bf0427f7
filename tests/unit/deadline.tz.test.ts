// The deadline lives on the competition's wall clock. These run twice (vitest projects "utc"
// and "bishkek"): the answers must not change with the server's own time zone.
import { describe, expect, test } from 'vitest';
import { submissionWindow } from '~/services/competitions.server';
import { beneficiaryAllowed, yearIn } from '~/services/eligibility.server';
import { isValidTimeZone, utcToZonedLocal, zonedLocalToUtc } from '~/utils/timezone';

const BISHKEK = 'Asia/Bishkek';

function bishkek(local: string): Date {
  const instant = zonedLocalToUtc(local, BISHKEK);
  if (!instant) throw new Error(`bad local time ${local}`);
  return instant;
}

describe('the process runs in the time zone its project says', () => {
  test('TZ is applied, so the other assertions mean something', () => {
    expect(['UTC', BISHKEK]).toContain(process.env.TZ);
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(process.env.TZ);
    const offset = new Date(Date.UTC(2024, 0, 31, 12)).getTimezoneOffset();
    expect(offset).toBe(process.env.TZ === 'UTC' ? 0 : -360);
  });
});

describe('wall clock ⇄ UTC', () => {
  test('31 January 18:00 in Bishkek is 12:00 UTC, and back', () => {
    expect(zonedLocalToUtc('2024-01-31T18:00', BISHKEK)?.toISOString()).toBe(
      '2024-01-31T12:00:00.000Z',
    );
    expect(utcToZonedLocal(new Date('2024-01-31T12:00:00Z'), BISHKEK)).toBe('2024-01-31T18:00');
  });

  test('a time just after midnight in Bishkek is the previous day in UTC', () => {
    expect(zonedLocalToUtc('2024-03-01T00:30', BISHKEK)?.toISOString()).toBe(
      '2024-02-29T18:30:00.000Z',
    );
    expect(utcToZonedLocal(Date.UTC(2024, 1, 29, 18, 30), BISHKEK)).toBe('2024-03-01T00:30');
  });

  test('Kazakhstan moved to UTC+5 on 1 March 2024: the zone database decides, not a constant', () => {
    expect(zonedLocalToUtc('2024-01-31T18:00', 'Asia/Almaty')?.toISOString()).toBe(
      '2024-01-31T12:00:00.000Z',
    );
    expect(zonedLocalToUtc('2024-06-01T18:00', 'Asia/Almaty')?.toISOString()).toBe(
      '2024-06-01T13:00:00.000Z',
    );
    expect(zonedLocalToUtc('2024-06-01T18:00', 'Asia/Oral')?.toISOString()).toBe(
      '2024-06-01T13:00:00.000Z',
    );
  });

  test('summer time is handled where a zone has it', () => {
    expect(zonedLocalToUtc('2024-07-01T12:00', 'Europe/Berlin')?.toISOString()).toBe(
      '2024-07-01T10:00:00.000Z',
    );
    expect(zonedLocalToUtc('2024-01-15T12:00', 'Europe/Berlin')?.toISOString()).toBe(
      '2024-01-15T11:00:00.000Z',
    );
  });

  test('every minute of a day goes there and back unchanged', () => {
    for (let minute = 0; minute < 24 * 60; minute += 7) {
      const local = `2024-05-09T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
      expect(utcToZonedLocal(bishkek(local), BISHKEK)).toBe(local);
    }
  });

  test('malformed or impossible times are refused, not guessed', () => {
    expect(zonedLocalToUtc('2024-02-30T10:00', BISHKEK)).toBeNull();
    expect(zonedLocalToUtc('2024-01-31 18:00', BISHKEK)).toBeNull();
    expect(zonedLocalToUtc('2024-01-31T24:00', BISHKEK)).toBeNull();
    expect(zonedLocalToUtc('', BISHKEK)).toBeNull();
    expect(isValidTimeZone('Asia/Bishkek')).toBe(true);
    expect(isValidTimeZone('Asia/Frunze-Bishkek')).toBe(false);
  });
});

describe('submission window', () => {
  const competition = {
    status: 'open' as const,
    opensAt: bishkek('2024-01-01T09:00'),
    closesAt: bishkek('2024-01-31T18:00'),
  };

  test('17:59 in Bishkek on the last day is open; 18:00 is refused', () => {
    expect(submissionWindow(competition, bishkek('2024-01-31T17:59'))).toEqual({ open: true });
    expect(submissionWindow(competition, new Date('2024-01-31T11:59:59.999Z'))).toEqual({
      open: true,
    });
    expect(submissionWindow(competition, bishkek('2024-01-31T18:00'))).toEqual({
      open: false,
      reason: 'deadline-passed',
    });
    expect(submissionWindow(competition, new Date('2024-01-31T12:00:00.000Z'))).toEqual({
      open: false,
      reason: 'deadline-passed',
    });
  });

  test('before the opening time it is not yet open', () => {
    expect(submissionWindow(competition, bishkek('2024-01-01T08:59'))).toEqual({
      open: false,
      reason: 'not-yet-open',
    });
    expect(submissionWindow(competition, bishkek('2024-01-01T09:00'))).toEqual({ open: true });
  });

  test('the deadline holds whatever the status says; a closed status closes early', () => {
    expect(submissionWindow({ ...competition }, bishkek('2024-02-01T10:00'))).toEqual({
      open: false,
      reason: 'deadline-passed',
    });
    expect(
      submissionWindow({ ...competition, status: 'screening' }, bishkek('2024-01-20T10:00')),
    ).toEqual({ open: false, reason: 'competition-not-open' });
  });
});

describe('"adult" is counted by the year on the competition\'s clock', () => {
  test('at 01:00 on 1 January in Bishkek it is already the new year, though not in UTC', () => {
    const newYearNight = bishkek('2025-01-01T01:00');
    expect(newYearNight.getUTCFullYear()).toBe(2024);
    expect(yearIn(BISHKEK, newYearNight)).toBe(2025);
    const rules = {
      requireSocialBenefits: true,
      requiredTrainingSessions: 0,
      requiredConsultations: 0,
      minGrant: 0,
      maxGrant: 1,
      beneficiaryRelations: ['daughter-in-law' as const],
      beneficiarySex: 'female' as const,
      beneficiaryAdultOnly: true,
    };
    const bornIn2007 = {
      relation: 'daughter-in-law' as const,
      sex: 'female' as const,
      birthYear: 2007,
    };
    expect(beneficiaryAllowed(rules, bornIn2007, yearIn(BISHKEK, newYearNight))).toBe(true);
    expect(beneficiaryAllowed(rules, bornIn2007, yearIn('UTC', newYearNight))).toBe(false);
  });
});
