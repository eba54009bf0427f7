// A grant's tranche plan (DESIGN.md, "Grants and money out"): the plan always sums exactly to the
// grant's amount in minor units. Pure functions, so the rule is tested on its own.
import type { TrancheStep } from '~db/schema/grants';

/** The programme's default: 70 % on signing, the rest after the purchases are verified. */
export const DEFAULT_TRANCHE_PLAN: TrancheStep[] = [
  { kind: 'percent', value: 7000, condition: 'on-signing' },
  { kind: 'rest', value: 0, condition: 'after-receipts' },
];

/** Basis points in 100 %. A percentage step's value is in basis points (7000 = 70 %). */
export const WHOLE = 10_000;

export type PlanProblem =
  | 'empty'
  | 'first-needs-signing-only'
  | 'bad-value'
  | 'more-than-one-rest'
  | 'percent-over-100'
  | 'fixed-over-amount'
  | 'does-not-sum'
  | 'zero-tranche';

/**
 * Why a plan cannot be used for this amount, or null. A plan with a "rest" step may give any
 * percentages up to 100 % and fixed sums up to the amount; one without must be all percentages
 * totalling 100 %, or all fixed sums totalling the amount.
 */
export function planProblem(steps: readonly TrancheStep[], amount: number): PlanProblem | null {
  if (steps.length === 0) return 'empty';
  if (steps[0]!.condition !== 'on-signing') return 'first-needs-signing-only';
  if (steps.some((s) => !Number.isSafeInteger(s.value) || s.value < 0)) return 'bad-value';
  const rests = steps.filter((s) => s.kind === 'rest').length;
  if (rests > 1) return 'more-than-one-rest';
  const percent = sumOf(steps, 'percent');
  if (percent > WHOLE) return 'percent-over-100';
  const fixed = sumOf(steps, 'fixed');
  if (fixed > amount) return 'fixed-over-amount';
  if (rests === 0) {
    const allPercent = steps.every((s) => s.kind === 'percent') && percent === WHOLE;
    const allFixed = steps.every((s) => s.kind === 'fixed') && fixed === amount;
    if (!allPercent && !allFixed) return 'does-not-sum';
  }
  if (splitUnchecked(steps, amount).some((a) => a <= 0)) return 'zero-tranche';
  return null;
}

function sumOf(steps: readonly TrancheStep[], kind: TrancheStep['kind']): number {
  return steps.reduce((sum, s) => sum + (s.kind === kind ? s.value : 0), 0);
}

/**
 * The one place rounding is decided. Each percentage is floored to the minor unit (never more
 * than its share); fixed sums are exact. The remainder — everything the floors left over — goes to
 * the "rest" step, or, when the plan has none, to the LAST percentage step. So 74 000,01 som at
 * 70/30 is 51 800,00 + 22 200,01: the plan sums exactly to the amount, and a later tranche, never
 * the first, carries the odd tyiyn.
 */
export function splitAmount(steps: readonly TrancheStep[], amount: number): number[] {
  const problem = planProblem(steps, amount);
  if (problem) throw new Error(`tranche plan refused: ${problem}`);
  return splitUnchecked(steps, amount);
}

function splitUnchecked(steps: readonly TrancheStep[], amount: number): number[] {
  // Integer arithmetic only: amount × basis points stays exact below 2^53 (grants below 9e11).
  const amounts = steps.map((s) =>
    s.kind === 'percent'
      ? Math.floor((amount * s.value) / WHOLE)
      : s.kind === 'fixed'
        ? s.value
        : 0,
  );
  const remainder = amount - amounts.reduce((a, b) => a + b, 0);
  const restIndex = steps.findIndex((s) => s.kind === 'rest');
  const takesRemainder =
    restIndex >= 0 ? restIndex : steps.map((s) => s.kind).lastIndexOf('percent');
  if (takesRemainder >= 0) amounts[takesRemainder]! += remainder;
  return amounts;
}
