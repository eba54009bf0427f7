import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { TrancheStep } from '~db/schema/grants';
import { DEFAULT_TRANCHE_PLAN, planProblem, splitAmount } from '~/services/grant-plan.server';

const SOM = 100;

describe('a tranche plan sums exactly to the grant', () => {
  test('74 000,01 som at 70/30: the odd tyiyn goes to the second tranche', () => {
    expect(splitAmount(DEFAULT_TRANCHE_PLAN, 74_000 * SOM + 1)).toEqual([5_180_000, 2_220_001]);
  });

  test('70/30 as two percentages: the last percentage takes the remainder', () => {
    const plan: TrancheStep[] = [
      { kind: 'percent', value: 7000, condition: 'on-signing' },
      { kind: 'percent', value: 3000, condition: 'after-receipts' },
    ];
    expect(splitAmount(plan, 74_000 * SOM + 1)).toEqual([5_180_000, 2_220_001]);
  });

  test('thirds of 100 000,00 som', () => {
    const plan: TrancheStep[] = [
      { kind: 'percent', value: 3333, condition: 'on-signing' },
      { kind: 'percent', value: 3333, condition: 'after-receipts' },
      { kind: 'rest', value: 0, condition: 'after-receipts' },
    ];
    expect(splitAmount(plan, 100_000 * SOM)).toEqual([3_333_000, 3_333_000, 3_334_000]);
  });

  test('a fixed first tranche and the rest', () => {
    const plan: TrancheStep[] = [
      { kind: 'fixed', value: 30_000 * SOM, condition: 'on-signing' },
      { kind: 'rest', value: 0, condition: 'after-receipts' },
    ];
    expect(splitAmount(plan, 74_000 * SOM + 1)).toEqual([3_000_000, 4_400_001]);
  });

  test('plans that cannot sum are refused, with their reason', () => {
    expect(planProblem([], 100)).toBe('empty');
    expect(
      planProblem(
        [
          { kind: 'percent', value: 7000, condition: 'on-signing' },
          { kind: 'percent', value: 2000, condition: 'after-receipts' },
        ],
        100_000,
      ),
    ).toBe('does-not-sum');
    expect(
      planProblem(
        [
          { kind: 'fixed', value: 200_000, condition: 'on-signing' },
          { kind: 'rest', value: 0, condition: 'after-receipts' },
        ],
        100_000,
      ),
    ).toBe('fixed-over-amount');
    expect(
      planProblem(
        [
          { kind: 'percent', value: 10_000, condition: 'on-signing' },
          { kind: 'rest', value: 0, condition: 'after-receipts' },
        ],
        100_000,
      ),
    ).toBe('zero-tranche');
    expect(planProblem([{ kind: 'rest', value: 0, condition: 'after-receipts' }], 100)).toBe(
      'first-needs-signing-only',
    );
  });

  test('any amount and any percentage split: every tranche is positive and they sum exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 10_000_000_00 }),
        fc.array(fc.integer({ min: 1, max: 9_000 }), { minLength: 1, maxLength: 4 }),
        (amount, shares) => {
          const total = shares.reduce((a, b) => a + b, 0);
          fc.pre(total < 10_000);
          const plan: TrancheStep[] = [
            ...shares.map((value, i): TrancheStep => ({
              kind: 'percent',
              value,
              condition: i === 0 ? 'on-signing' : 'after-receipts',
            })),
            { kind: 'rest', value: 0, condition: 'after-receipts' },
          ];
          fc.pre(planProblem(plan, amount) === null);
          const parts = splitAmount(plan, amount);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(amount);
          for (const [i, share] of shares.entries()) {
            // Never more than its share, and less by under one minor unit.
            expect(parts[i]! * 10_000).toBeLessThanOrEqual(amount * share);
            expect(amount * share - parts[i]! * 10_000).toBeLessThan(10_000);
          }
        },
      ),
    );
  });
});
