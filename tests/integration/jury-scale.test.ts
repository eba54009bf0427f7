// Assigning jurors at national scale (issue 9): 10,000 applications × 3 jurors of 30 in one
// transaction — once a crash ("Maximum call stack size exceeded") from one 30,000-row INSERT.
import { describe, expect, test } from 'vitest';
import { assignmentsOfRound } from '~/models/jury.server';
import { assignRound } from '~/services/jury.server';
import { browserRequest } from '../support/factories';
import { buildLargeProgramme } from '../support/large-programme';
import { sessionUserOf } from '../support/session-user';

describe('assigning jurors to 10,000 applications', () => {
  test('30,000 assignments written in one go, balanced, three jurors each', async () => {
    const programme = await buildLargeProgramme({ families: 10_000, stage: 'eligible' });
    const result = assignRound(browserRequest(), sessionUserOf(programme.staff), programme.roundId);
    expect(result).toEqual({ ok: true, assigned: 30_000 });
    const rows = assignmentsOfRound(programme.roundId);
    expect(rows).toHaveLength(30_000);
    const perApplication = new Map<number, Set<number>>();
    const perJuror = new Map<number, number>();
    for (const row of rows) {
      perApplication.set(
        row.applicationId,
        (perApplication.get(row.applicationId) ?? new Set()).add(row.jurorId),
      );
      perJuror.set(row.jurorId, (perJuror.get(row.jurorId) ?? 0) + 1);
    }
    expect(perApplication.size).toBe(10_000);
    expect([...perApplication.values()].every((jurors) => jurors.size === 3)).toBe(true);
    const loads = [...perJuror.values()];
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
  }, 300_000);
});
