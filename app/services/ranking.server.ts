// Ranking a round (DESIGN.md, "Jury"): each juror's weighted total out of 100, the mean per
// application, and — when staff switch it on — the mean of the jurors' z-scores, so that a harsh
// and a lenient juror weigh the same. Pure functions over plain numbers.

export type RankingCriterion = { id: number; maxPoints: number; weight: number; position: number };

/** A submitted score: points per criterion id. */
export type RankingScore = { applicationId: number; jurorId: number; points: Map<number, number> };

export type RankingApplication = { id: number; submittedAt: Date | null };

export type JurorTotal = { jurorId: number; total: number; z: number };

export type RankedApplication = {
  applicationId: number;
  rank: number;
  /** The score the order uses: the mean total, or the normalised score when switched on. */
  score: number | null;
  meanTotal: number | null;
  normalisedScore: number | null;
  jurors: JurorTotal[];
  /** Largest minus smallest juror total; flagged for discussion above the round's threshold. */
  spread: number | null;
  flagged: boolean;
  /** Mean points per criterion id (not weighted), for the breakdown and the tie-break. */
  criterionMeans: Map<number, number>;
};

/**
 * The one place the normalised score is defined: 50 + 15 × (the mean of the application's
 * jurors' z-scores), limited to 0–100. A z-score is how far a total lies from that juror's own
 * mean, in units of her own standard deviation; 15 points per standard deviation keeps almost
 * every application (±3.3 SD) inside the scale.
 */
export const NORMALISED_CENTRE = 50;
const EPSILON = 1e-9;
export const NORMALISED_POINTS_PER_SD = 15;

export function normalisedScoreFromZ(meanZ: number): number {
  return Math.min(100, Math.max(0, NORMALISED_CENTRE + NORMALISED_POINTS_PER_SD * meanZ));
}

/** Σ weight × points/max, over Σ weight, scaled to 0–100. */
export function weightedTotal(criteria: RankingCriterion[], points: Map<number, number>): number {
  let weighted = 0;
  let weights = 0;
  for (const criterion of criteria) {
    weights += criterion.weight;
    weighted += (criterion.weight * (points.get(criterion.id) ?? 0)) / criterion.maxPoints;
  }
  return weights === 0 ? 0 : (100 * weighted) / weights;
}

/** The heaviest criterion breaks ties; the first by position among equally heavy ones. */
export function heaviestCriterion(criteria: RankingCriterion[]): RankingCriterion | undefined {
  return [...criteria].sort((a, b) => b.weight - a.weight || a.position - b.position)[0];
}

export function rankRound(input: {
  criteria: RankingCriterion[];
  applications: RankingApplication[];
  scores: RankingScore[];
  normalise: boolean;
  disagreementThreshold: number;
}): RankedApplication[] {
  const { criteria } = input;
  // Each juror's totals, to standardise them against her own habits.
  const totalsByJuror = new Map<number, number[]>();
  const totals = input.scores.map((score) => {
    const total = weightedTotal(criteria, score.points);
    const list = totalsByJuror.get(score.jurorId) ?? [];
    list.push(total);
    totalsByJuror.set(score.jurorId, list);
    return { score, total };
  });
  const jurorStats = new Map<number, { mean: number; sd: number }>();
  for (const [jurorId, list] of totalsByJuror) {
    const mean = list.reduce((s, v) => s + v, 0) / list.length;
    const variance = list.reduce((s, v) => s + (v - mean) ** 2, 0) / list.length;
    jurorStats.set(jurorId, { mean, sd: Math.sqrt(variance) });
  }

  const byApplication = new Map<number, { jurors: JurorTotal[]; points: Map<number, number>[] }>();
  for (const { score, total } of totals) {
    const stats = jurorStats.get(score.jurorId)!;
    // A juror who gave every application the same total says nothing about their order: z = 0.
    const z = stats.sd === 0 ? 0 : (total - stats.mean) / stats.sd;
    const entry = byApplication.get(score.applicationId) ?? { jurors: [], points: [] };
    entry.jurors.push({ jurorId: score.jurorId, total, z });
    entry.points.push(score.points);
    byApplication.set(score.applicationId, entry);
  }

  const heaviest = heaviestCriterion(criteria);
  const ranked = input.applications.map((application) => {
    const entry = byApplication.get(application.id);
    const jurors = (entry?.jurors ?? []).sort((a, b) => a.jurorId - b.jurorId);
    const criterionMeans = new Map<number, number>();
    if (entry) {
      for (const criterion of criteria) {
        const values = entry.points.map((p) => p.get(criterion.id) ?? 0);
        criterionMeans.set(criterion.id, values.reduce((s, v) => s + v, 0) / values.length);
      }
    }
    const meanTotal = jurors.length
      ? jurors.reduce((s, j) => s + j.total, 0) / jurors.length
      : null;
    const normalisedScore = jurors.length
      ? normalisedScoreFromZ(jurors.reduce((s, j) => s + j.z, 0) / jurors.length)
      : null;
    const spread = jurors.length
      ? Math.max(...jurors.map((j) => j.total)) - Math.min(...jurors.map((j) => j.total))
      : null;
    return {
      applicationId: application.id,
      submittedAt: application.submittedAt,
      rank: 0,
      score: input.normalise ? normalisedScore : meanTotal,
      meanTotal,
      normalisedScore,
      jurors,
      spread,
      // "More than the threshold" in real numbers: totals are sums of fractions, so a spread of
      // exactly 25 may come out as 25.00000000000003 and must not be flagged.
      flagged:
        spread !== null && jurors.length > 1 && spread - input.disagreementThreshold > EPSILON,
      criterionMeans,
      heaviestMean: heaviest ? (criterionMeans.get(heaviest.id) ?? -1) : -1,
    };
  });

  // Higher score first; ties: higher mean on the heaviest criterion, then earlier submission.
  // Applications without any submitted score come last.
  ranked.sort((a, b) => {
    if (a.score === null || b.score === null)
      return a.score === null ? (b.score === null ? a.applicationId - b.applicationId : 1) : -1;
    // Totals are sums of fractions: equal scores may differ in the last bits, so compare with a tolerance.
    if (Math.abs(b.score - a.score) > EPSILON) return b.score - a.score;
    if (Math.abs(b.heaviestMean - a.heaviestMean) > EPSILON) return b.heaviestMean - a.heaviestMean;
    const at = a.submittedAt?.getTime() ?? Infinity;
    const bt = b.submittedAt?.getTime() ?? Infinity;
    return at - bt || a.applicationId - b.applicationId;
  });
  return ranked.map(({ submittedAt: _s, heaviestMean: _h, ...row }, index) => ({
    ...row,
    rank: index + 1,
  }));
}
