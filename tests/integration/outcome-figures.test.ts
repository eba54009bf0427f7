// A competition's outcome figures (issue 14, item 5) against an example worked out by hand, on a
// real SQLite file: five live grants (A–E) with baselines and visits, and a cancelled grant F whose
// extreme figures must change nothing.
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { sqlite } from '~db/client';
import { formatMoney } from '~/i18n/format';
import { outcomeFigures, outcomesPage } from '~/services/outcome-figures.server';
import {
  createCompetitionWithGrants,
  insertBaseline,
  insertVisit,
  setGrantStatus,
  type OutcomeWorld,
} from '../support/outcome-view-factories';

const som = (major: number) => major * 100;
const TODAY = '2026-12-06';

/*
 * The example, in som (money is stored in tyiyn, ×100):
 *
 *        baseline income  who decides   | 3 months: status   revenue income jobs W/M
 *   A    10 000           husband       |           operating 15 000  12 000  1.00/0
 *   B     8 000           herself  (say)|           operating 20 000  10 000
 *   C    12 000           parent-in-law |           paused         0  11 000
 *   D     6 000           jointly-husband (say)     operating  5 000   7 000  1.00/0
 *   E     9 000           husband       |           closed         0   8 000  0/0
 *
 *        6 months: status  revenue income jobs   | 12 months: status revenue income jobs W/M decides
 *   A    operating 18 000  13 000                |  operating 25 000  15 000  1.50/0    herself
 *   B    operating 22 000  12 000                |  paused     3 000  11 000  1.00/0.50 jointly-in-laws
 *   C    operating  8 000  11 500                |  operating 10 000  14 000  0.25/1.00 husband
 *   D    closed         0   6 500  0/0           |  due 2099-01-01 (not yet)
 *   E    due 2020-01-01 (overdue)                |  due 2099-01-01
 *
 * Baseline: median income of 6 000, 8 000, 9 000, 10 000, 12 000 = 9 000; say 2 of 5 = 40 %.
 * 3 months: 5 visits; operating 3, paused 1, closed 1 → surviving (operating or paused) 4/5;
 *   revenue 0, 0, 5 000, 15 000, 20 000 → median 5 000; income 7 000 … 12 000 → median 10 000.
 * 6 months: 4 visits; operating 3, closed 1 → 3/4; revenue 0, 8 000, 18 000, 22 000 → median
 *   (8 000 + 18 000) / 2 = 13 000; income 6 500, 11 500, 12 000, 13 000 → (11 500 + 12 000) / 2
 *   = 11 750.
 * 12 months: 3 visits; operating 2, paused 1 → 3/3; revenue 3 000, 10 000, 25 000 → 10 000;
 *   income 11 000, 14 000, 15 000 → 14 000; say: herself, jointly-in-laws (2 of 3).
 * Jobs at each grant's latest recorded visit: A, B, C at 12 months (women 1.50 + 1.00 + 0.25 =
 *   2.75, men 0 + 0.50 + 1.00 = 1.50), D at 6 months (0/0, not its 3-month 1.00), E at 3 (0/0).
 * Counts: 5 grants (F is cancelled), 12 visits done, 1 overdue, 2 due.
 *
 * F (cancelled): baseline 1 som, herself; 3 months operating, revenue 1 000 000 — ignored.
 */
let example: OutcomeWorld;

beforeAll(async () => {
  example = await createCompetitionWithGrants(6);
  const [a, b, c, d, e, f] = example.grants.map((g) => g.id) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const by = example.staff;
  insertBaseline(a, by, { monthlyHouseholdIncome: som(10_000), decidesOwnEarnings: 'husband' });
  insertBaseline(b, by, { monthlyHouseholdIncome: som(8_000), decidesOwnEarnings: 'herself' });
  insertBaseline(c, by, {
    monthlyHouseholdIncome: som(12_000),
    decidesOwnEarnings: 'parent-in-law',
  });
  insertBaseline(d, by, {
    monthlyHouseholdIncome: som(6_000),
    decidesOwnEarnings: 'jointly-husband',
  });
  insertBaseline(e, by, { monthlyHouseholdIncome: som(9_000), decidesOwnEarnings: 'husband' });
  insertBaseline(f, by, { monthlyHouseholdIncome: som(1), decidesOwnEarnings: 'herself' });

  const visit = (
    grantId: number,
    month: 3 | 6 | 12,
    businessStatus: 'operating' | 'paused' | 'closed',
    revenue: number,
    income: number,
    jobs: [number, number] = [0, 0],
    decidesOwnEarnings: 'herself' | 'jointly-in-laws' | 'husband' | null = null,
  ) =>
    insertVisit(
      grantId,
      {
        month,
        dueOn: month === 3 ? '2025-05-01' : month === 6 ? '2025-08-01' : '2026-02-01',
        businessStatus,
        monthlyRevenue: som(revenue),
        monthlyCosts: som(revenue) / 2,
        monthlyHouseholdIncome: som(income),
        jobsWomenHundredths: jobs[0],
        jobsMenHundredths: jobs[1],
        decidesOwnEarnings,
      },
      by,
    );
  visit(a, 3, 'operating', 15_000, 12_000, [100, 0]);
  visit(b, 3, 'operating', 20_000, 10_000);
  visit(c, 3, 'paused', 0, 11_000);
  visit(d, 3, 'operating', 5_000, 7_000, [100, 0]);
  visit(e, 3, 'closed', 0, 8_000);
  visit(a, 6, 'operating', 18_000, 13_000);
  visit(b, 6, 'operating', 22_000, 12_000);
  visit(c, 6, 'operating', 8_000, 11_500);
  visit(d, 6, 'closed', 0, 6_500);
  insertVisit(e, { month: 6, dueOn: '2020-01-01' });
  visit(a, 12, 'operating', 25_000, 15_000, [150, 0], 'herself');
  visit(b, 12, 'paused', 3_000, 11_000, [100, 50], 'jointly-in-laws');
  visit(c, 12, 'operating', 10_000, 14_000, [25, 100], 'husband');
  insertVisit(d, { month: 12, dueOn: '2099-01-01' });
  insertVisit(e, { month: 12, dueOn: '2099-01-01' });
  visit(f, 3, 'operating', 1_000_000, 1_000_000, [10_000, 10_000]);
  setGrantStatus(f, 'cancelled');
});

describe('the outcome figures of a competition', () => {
  test('match the example worked out by hand', () => {
    const figures = outcomeFigures(example.world.competition.id, TODAY);
    expect(figures.counts).toEqual({ grants: 5, done: 12, due: 2, overdue: 1 });
    expect(figures.baseline).toEqual({ recorded: 5, medianIncome: som(9_000), agencyShare: 0.4 });
    expect(figures.months).toEqual([
      {
        month: 3,
        recorded: 5,
        operating: 3,
        paused: 1,
        closed: 1,
        survival: 0.8,
        medianRevenue: som(5_000),
        medianIncome: som(10_000),
        agencyShare: null,
      },
      {
        month: 6,
        recorded: 4,
        operating: 3,
        paused: 0,
        closed: 1,
        survival: 0.75,
        medianRevenue: som(13_000),
        medianIncome: som(11_750),
        agencyShare: null,
      },
      {
        month: 12,
        recorded: 3,
        operating: 2,
        paused: 1,
        closed: 0,
        survival: 1,
        medianRevenue: som(10_000),
        medianIncome: som(14_000),
        agencyShare: 2 / 3,
      },
    ]);
    expect(figures.jobs).toEqual({ womenHundredths: 275, menHundredths: 150, grants: 5 });
  });

  test('the page shows them in the reader’s language, money by Intl', () => {
    const ru = outcomesPage(example.world.competition.id, 'ru', new Date('2026-12-06T06:00:00Z'))!;
    expect(ru.baseline.medianIncome).toBe(formatMoney(som(9_000), 'KGS', 'ru'));
    expect(ru.baseline.agencyShare).toBe('40\u00a0%');
    expect(ru.months.map((m) => m.survival)).toEqual(['80\u00a0%', '75\u00a0%', '100\u00a0%']);
    expect(ru.months[1]!.medianIncome).toBe(formatMoney(som(11_750), 'KGS', 'ru'));
    expect(ru.months[2]!.agencyShare).toBe('67\u00a0%');
    expect(ru.jobs).toEqual({ women: '2,75', men: '1,5', grants: 5 });
    expect(ru.chart!.series[1]!.points.map((p) => p.value)).toEqual([
      som(9_000),
      som(10_000),
      som(11_750),
      som(14_000),
    ]);
    expect(ru.chart!.series[0]!.points.map((p) => p.value)).toEqual([
      null,
      som(5_000),
      som(13_000),
      som(10_000),
    ]);
    // Axis: the highest median is 14 000 som, so four steps of 5 000 som reach 15 000.
    expect(ru.chart!.ticks.map((tick) => tick.value)).toEqual([
      0,
      som(5_000),
      som(10_000),
      som(15_000),
    ]);
    expect(ru.chart!.ticks[1]!.text).toBe(formatMoney(som(5_000), 'KGS', 'ru'));
    const en = outcomesPage(example.world.competition.id, 'en')!;
    expect(en.jobs.women).toBe('2.75');
    expect(en.months[0]!.survival).toBe('80%');
  });

  test('a competition with no outcomes yet has counts of zero and no medians', async () => {
    const empty = await createCompetitionWithGrants(1);
    const figures = outcomeFigures(empty.world.competition.id, TODAY);
    expect(figures.counts).toEqual({ grants: 1, done: 0, due: 0, overdue: 0 });
    expect(figures.baseline).toEqual({ recorded: 0, medianIncome: null, agencyShare: null });
    expect(figures.months.every((m) => m.survival === null && m.medianRevenue === null)).toBe(true);
    expect(outcomesPage(empty.world.competition.id, 'en')!.chart).toBeNull();
    expect(outcomesPage(999_999, 'en')).toBeNull();
  });
});

describe('the cost of the figures', () => {
  test('every query reaches the competition’s rows through an index, never a table scan', () => {
    // The statements outcomeFigures prepares, captured as SQLite receives them, then explained:
    // a SCAN of a real table would read the whole programme's visits (10,000 grants × 3).
    const seen: string[] = [];
    const prepare = sqlite.prepare.bind(sqlite);
    const spy = vi.spyOn(sqlite, 'prepare').mockImplementation((source: string) => {
      seen.push(source);
      return prepare(source);
    });
    try {
      outcomeFigures(example.world.competition.id, TODAY);
    } finally {
      spy.mockRestore();
    }
    const figureQueries = seen.filter((source) => /monitoring_visits|grant_baselines/.test(source));
    expect(figureQueries.length).toBeGreaterThanOrEqual(5);
    for (const source of figureQueries) {
      const params = (source.match(/\?/g) ?? []).map(() => example.world.competition.id);
      const plan = (
        sqlite.prepare(`explain query plan ${source}`).all(...params) as { detail: string }[]
      ).map((row) => row.detail);
      // A full scan of a table (by name or alias), or the status index, which holds every visit
      // of the programme that is done.
      const scans = plan.filter(
        (detail) =>
          /^SCAN (grants|monitoring_visits|grant_baselines|v|v2|b|g)\b/.test(detail) ||
          detail.includes('monitoring_visits_due_idx'),
      );
      expect(scans, source).toEqual([]);
    }
  });
});
