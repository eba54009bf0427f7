import { describe, expect, test } from 'vitest';
import {
  normalisedScoreFromZ,
  rankRound,
  weightedTotal,
  type RankingCriterion,
} from '~/services/ranking.server';

// Two criteria: "Idea" out of 10 weighing 3, "Budget" out of 5 weighing 1.
// A juror's total = 100 × (3 × idea/10 + 1 × budget/5) / 4.
const IDEA = { id: 1, maxPoints: 10, weight: 3, position: 1 };
const BUDGET = { id: 2, maxPoints: 5, weight: 1, position: 2 };
const criteria: RankingCriterion[] = [IDEA, BUDGET];
const points = (idea: number, budget: number) =>
  new Map([
    [IDEA.id, idea],
    [BUDGET.id, budget],
  ]);
const day = (d: number) => new Date(Date.UTC(2024, 0, d));

describe('a juror’s weighted total out of 100', () => {
  test('by hand', () => {
    expect(weightedTotal(criteria, points(10, 5))).toBe(100);
    expect(weightedTotal(criteria, points(8, 2))).toBeCloseTo(70, 10); // (2.4 + 0.4) / 4
    expect(weightedTotal(criteria, points(5, 5))).toBeCloseTo(62.5, 10); // (1.5 + 1) / 4
    expect(weightedTotal(criteria, points(0, 0))).toBe(0);
  });
});

describe('ranking a harsh and a lenient juror', () => {
  // Harsh: X 35, Y 15, Z 65.  Lenient: X 100, Y 70, Z 62.5.
  const scores = [
    { applicationId: 1, jurorId: 7, points: points(4, 1) },
    { applicationId: 2, jurorId: 7, points: points(2, 0) },
    { applicationId: 3, jurorId: 7, points: points(6, 4) },
    { applicationId: 1, jurorId: 8, points: points(10, 5) },
    { applicationId: 2, jurorId: 8, points: points(8, 2) },
    { applicationId: 3, jurorId: 8, points: points(5, 5) },
  ];
  const applications = [
    { id: 1, submittedAt: day(1) },
    { id: 2, submittedAt: day(2) },
    { id: 3, submittedAt: day(3) },
  ];

  test('means, spreads and the disagreement flag', () => {
    const ranked = rankRound({
      criteria,
      applications,
      scores,
      normalise: false,
      disagreementThreshold: 25,
    });
    expect(ranked.map((r) => r.applicationId)).toEqual([1, 3, 2]);
    const byId = new Map(ranked.map((r) => [r.applicationId, r]));
    expect(byId.get(1)!.meanTotal).toBeCloseTo(67.5, 10);
    expect(byId.get(3)!.meanTotal).toBeCloseTo(63.75, 10);
    expect(byId.get(2)!.meanTotal).toBeCloseTo(42.5, 10);
    expect(byId.get(1)!.spread).toBeCloseTo(65, 10);
    expect(byId.get(3)!.spread).toBeCloseTo(2.5, 10);
    expect(ranked.filter((r) => r.flagged).map((r) => r.applicationId)).toEqual([1, 2]);
    expect(byId.get(1)!.criterionMeans.get(IDEA.id)).toBe(7);
    expect(byId.get(1)!.criterionMeans.get(BUDGET.id)).toBe(3);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3]);
  });

  test('z-scores against each juror’s own mean and spread, mapped to 50 + 15 × mean z', () => {
    const ranked = rankRound({
      criteria,
      applications,
      scores,
      normalise: true,
      disagreementThreshold: 25,
    });
    const byId = new Map(ranked.map((r) => [r.applicationId, r]));
    // Harsh juror: mean 38.33, standard deviation 20.55; lenient: mean 77.5, sd 16.20.
    const harshZ = byId.get(1)!.jurors.find((j) => j.jurorId === 7)!.z;
    const lenientZ = byId.get(1)!.jurors.find((j) => j.jurorId === 8)!.z;
    expect(harshZ).toBeCloseTo((35 - 115 / 3) / Math.sqrt(3800 / 9), 10);
    expect(lenientZ).toBeCloseTo((100 - 77.5) / Math.sqrt(262.5), 10);
    expect(byId.get(1)!.normalisedScore).toBeCloseTo(59.2, 1);
    expect(byId.get(3)!.normalisedScore).toBeCloseTo(52.79, 1);
    expect(byId.get(2)!.normalisedScore).toBeCloseTo(38.01, 1);
    expect(byId.get(1)!.score).toBe(byId.get(1)!.normalisedScore);
  });
});

describe('normalisation changes the order when jurors score different applications', () => {
  // A harsh juror scores 1 and 2, a lenient one 3 and 4. Raw: 3 (90), 4 (80), 1 (30), 2 (10).
  // Each juror's better application has z = +1, the other −1, so normalised: 65, 65, 35, 35.
  const scores = [
    { applicationId: 1, jurorId: 7, points: points(3, 1.5) },
    { applicationId: 2, jurorId: 7, points: points(1, 0.5) },
    { applicationId: 3, jurorId: 8, points: points(9, 4.5) },
    { applicationId: 4, jurorId: 8, points: points(8, 4) },
  ];
  const applications = [
    { id: 1, submittedAt: day(5) },
    { id: 2, submittedAt: day(6) },
    { id: 3, submittedAt: day(7) },
    { id: 4, submittedAt: day(8) },
  ];

  test('raw means favour the lenient juror’s applications', () => {
    const ranked = rankRound({
      criteria,
      applications,
      scores,
      normalise: false,
      disagreementThreshold: 25,
    });
    expect(ranked.map((r) => [r.applicationId, Math.round(r.score!)])).toEqual([
      [3, 90],
      [4, 80],
      [1, 30],
      [2, 10],
    ]);
  });

  test('normalised, each juror’s best ranks level; the tie goes to the higher mean on the heaviest criterion', () => {
    const ranked = rankRound({
      criteria,
      applications,
      scores,
      normalise: true,
      disagreementThreshold: 25,
    });
    expect(ranked.map((r) => [r.applicationId, r.score])).toEqual([
      [3, normalisedScoreFromZ(1)],
      [1, normalisedScoreFromZ(1)],
      [4, normalisedScoreFromZ(-1)],
      [2, normalisedScoreFromZ(-1)],
    ]);
    expect(normalisedScoreFromZ(1)).toBe(65);
  });

  test('with equal heaviest-criterion means, the earlier submission wins', () => {
    const equal = [
      { applicationId: 1, jurorId: 7, points: points(6, 2) },
      { applicationId: 2, jurorId: 7, points: points(6, 2) },
    ];
    const ranked = rankRound({
      criteria,
      applications: [
        { id: 1, submittedAt: day(9) },
        { id: 2, submittedAt: day(3) },
      ],
      scores: equal,
      normalise: false,
      disagreementThreshold: 25,
    });
    expect(ranked.map((r) => r.applicationId)).toEqual([2, 1]);
  });
});

describe('edge cases', () => {
  test('an application without a submitted score comes last, without a score', () => {
    const ranked = rankRound({
      criteria,
      applications: [
        { id: 1, submittedAt: day(1) },
        { id: 2, submittedAt: day(2) },
      ],
      scores: [{ applicationId: 2, jurorId: 7, points: points(1, 1) }],
      normalise: true,
      disagreementThreshold: 25,
    });
    expect(ranked.map((r) => [r.applicationId, r.score, r.spread, r.flagged])).toEqual([
      [2, 50, 0, false],
      [1, null, null, false],
    ]);
  });

  test('a juror who gives every application the same total has z = 0 for all of them', () => {
    const ranked = rankRound({
      criteria,
      applications: [
        { id: 1, submittedAt: day(1) },
        { id: 2, submittedAt: day(2) },
      ],
      scores: [
        { applicationId: 1, jurorId: 7, points: points(5, 5) },
        { applicationId: 2, jurorId: 7, points: points(5, 5) },
      ],
      normalise: true,
      disagreementThreshold: 25,
    });
    expect(ranked.map((r) => r.normalisedScore)).toEqual([50, 50]);
  });

  test('a spread of exactly the threshold is not flagged, even when the sums are inexact', () => {
    // Idea of 10 weighing 5, budget of 5 weighing 3, experience of 10 weighing 2: totals 92 and
    // 67 come out as 92.00000000000001 and 66.99999999999999 in floating point.
    const three: RankingCriterion[] = [
      { id: 1, maxPoints: 10, weight: 5, position: 1 },
      { id: 2, maxPoints: 5, weight: 3, position: 2 },
      { id: 3, maxPoints: 10, weight: 2, position: 3 },
    ];
    const given = (a: number, b: number, c: number) =>
      new Map([
        [1, a],
        [2, b],
        [3, c],
      ]);
    const rank = (threshold: number) =>
      rankRound({
        criteria: three,
        applications: [{ id: 1, submittedAt: day(1) }],
        scores: [
          { applicationId: 1, jurorId: 7, points: given(10, 4, 9) },
          { applicationId: 1, jurorId: 8, points: given(7, 3, 7) },
        ],
        normalise: false,
        disagreementThreshold: threshold,
      })[0]!;
    expect(rank(25).spread).toBeCloseTo(25, 10);
    expect(rank(25).flagged).toBe(false);
    expect(rank(24).flagged).toBe(true);
  });

  test('the normalised scale is limited to 0–100', () => {
    expect(normalisedScoreFromZ(10)).toBe(100);
    expect(normalisedScoreFromZ(-10)).toBe(0);
  });
});
