// Each eligibility rule a competition turns on, passing and failing (DESIGN.md, "Households and
// applications"): locality, social benefits, training, who may hold the grant, the amount.
import { describe, expect, test } from 'vitest';
import { eligibilityChecks, type EligibilityInput } from '~/services/eligibility.server';

const kelin = { relation: 'daughter-in-law' as const, sex: 'female' as const, birthYear: 1998 };

function input(overrides: Partial<EligibilityInput> = {}): EligibilityInput {
  return {
    competition: {
      requireSocialBenefits: true,
      requiredTrainingSessions: 0,
      requiredConsultations: 0,
      beneficiaryRelations: ['daughter-in-law', 'spouse'],
      beneficiarySex: 'female',
      beneficiaryAdultOnly: true,
      minGrant: 50_000_00,
      maxGrant: 150_000_00,
    },
    competitionLocalityIds: [1, 2],
    household: { localityId: 1, receivesSocialBenefits: true },
    beneficiary: kelin,
    requestedAmount: 95_000_00,
    trainingSessionsAttended: 0,
    consultationsAttended: 0,
    year: 2024,
    ...overrides,
  };
}

function check(result: ReturnType<typeof eligibilityChecks>, code: string) {
  return result.find((c) => c.code === code);
}

describe('eligibility checks', () => {
  test('a household that meets every rule passes every check', () => {
    const result = eligibilityChecks(input());
    expect(result.map((c) => c.code)).toEqual([
      'locality',
      'social-benefits',
      'beneficiary',
      'amount',
    ]);
    expect(result.every((c) => c.passed)).toBe(true);
  });

  test('locality: in the list passes, elsewhere fails', () => {
    expect(check(eligibilityChecks(input()), 'locality')?.passed).toBe(true);
    const elsewhere = input({ household: { localityId: 3, receivesSocialBenefits: true } });
    expect(check(eligibilityChecks(elsewhere), 'locality')?.passed).toBe(false);
  });

  test('social benefits: required and received passes; required and not received fails; not required is not checked', () => {
    const none = { localityId: 1, receivesSocialBenefits: false };
    expect(check(eligibilityChecks(input({ household: none })), 'social-benefits')?.passed).toBe(
      false,
    );
    const notRequired = input({
      household: none,
      competition: { ...input().competition, requireSocialBenefits: false },
    });
    expect(check(eligibilityChecks(notRequired), 'social-benefits')).toBeUndefined();
  });

  test('training: enough sessions passes, too few fails, with the numbers', () => {
    const requiresThree = { ...input().competition, requiredTrainingSessions: 3 };
    const enough = eligibilityChecks(
      input({ competition: requiresThree, trainingSessionsAttended: 3 }),
    );
    expect(check(enough, 'training')).toEqual({
      code: 'training',
      passed: true,
      details: { required: 3, attended: 3 },
    });
    const tooFew = eligibilityChecks(
      input({ competition: requiresThree, trainingSessionsAttended: 2 }),
    );
    expect(check(tooFew, 'training')?.passed).toBe(false);
    expect(check(eligibilityChecks(input()), 'training')).toBeUndefined();
  });

  test('beneficiary: relation allowed passes; another relation fails', () => {
    const son = { relation: 'son' as const, sex: 'female' as const, birthYear: 1995 };
    expect(check(eligibilityChecks(input({ beneficiary: son })), 'beneficiary')?.passed).toBe(
      false,
    );
  });

  test('beneficiary: sex — women only refuses a man; "any" accepts him', () => {
    const man = { relation: 'spouse' as const, sex: 'male' as const, birthYear: 1970 };
    expect(check(eligibilityChecks(input({ beneficiary: man })), 'beneficiary')?.passed).toBe(
      false,
    );
    const anySex = { ...input().competition, beneficiarySex: 'any' as const };
    expect(
      check(eligibilityChecks(input({ beneficiary: man, competition: anySex })), 'beneficiary')
        ?.passed,
    ).toBe(true);
    const menOnly = { ...input().competition, beneficiarySex: 'male' as const };
    expect(check(eligibilityChecks(input({ competition: menOnly })), 'beneficiary')?.passed).toBe(
      false,
    );
  });

  test('beneficiary: adults only counts years — 18 this year passes, 17 fails, unless adults-only is off', () => {
    const born2006 = { ...kelin, birthYear: 2006 };
    const born2007 = { ...kelin, birthYear: 2007 };
    expect(
      check(eligibilityChecks(input({ beneficiary: born2006, year: 2024 })), 'beneficiary')?.passed,
    ).toBe(true);
    expect(
      check(eligibilityChecks(input({ beneficiary: born2007, year: 2024 })), 'beneficiary')?.passed,
    ).toBe(false);
    const anyAge = { ...input().competition, beneficiaryAdultOnly: false };
    expect(
      check(
        eligibilityChecks(input({ beneficiary: born2007, competition: anyAge, year: 2024 })),
        'beneficiary',
      )?.passed,
    ).toBe(true);
  });

  test('beneficiary: none chosen fails', () => {
    expect(check(eligibilityChecks(input({ beneficiary: null })), 'beneficiary')?.passed).toBe(
      false,
    );
  });

  test('amount: the bounds are inclusive; a tyiyn outside fails', () => {
    const at = (requestedAmount: number) =>
      check(eligibilityChecks(input({ requestedAmount })), 'amount')?.passed;
    expect(at(50_000_00)).toBe(true);
    expect(at(150_000_00)).toBe(true);
    expect(at(50_000_00 - 1)).toBe(false);
    expect(at(150_000_00 + 1)).toBe(false);
    expect(check(eligibilityChecks(input()), 'amount')?.details).toEqual({
      requested: 95_000_00,
      min: 50_000_00,
      max: 150_000_00,
    });
  });
});
