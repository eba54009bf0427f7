// The eligibility rules a competition turns on (DESIGN.md, "Households and applications").
// Pure functions: the same checks refuse a submission and are shown to staff at screening.
import { dateTimeFormat } from '~/i18n/intl-cache';
import type { Application, BudgetItem } from '~db/schema/applications';
import type { Competition } from '~db/schema/competitions';
import type { Household, HouseholdMember } from '~db/schema/households';
import type { ApplicationStep } from '~/schemas/application';

export const ADULT_AGE = 18;

export type EligibilityCode =
  'locality' | 'social-benefits' | 'training' | 'beneficiary' | 'amount';

export type EligibilityCheck = {
  code: EligibilityCode;
  passed: boolean;
  /** Values the message about this check needs (amounts in minor units). */
  details: Record<string, string | number>;
};

export type EligibilityInput = {
  competition: Pick<
    Competition,
    | 'requireSocialBenefits'
    | 'requiredTrainingSessions'
    | 'beneficiaryRelations'
    | 'beneficiarySex'
    | 'beneficiaryAdultOnly'
    | 'minGrant'
    | 'maxGrant'
  >;
  competitionLocalityIds: number[];
  household: Pick<Household, 'localityId' | 'receivesSocialBenefits'>;
  beneficiary: Pick<HouseholdMember, 'relation' | 'sex' | 'birthYear'> | null;
  requestedAmount: number;
  trainingSessionsAttended: number;
  /** The year it is now, in the competition's time zone (for "adult"). */
  year: number;
};

export function beneficiaryAllowed(
  competition: EligibilityInput['competition'],
  member: Pick<HouseholdMember, 'relation' | 'sex' | 'birthYear'>,
  year: number,
): boolean {
  if (!competition.beneficiaryRelations.includes(member.relation)) return false;
  if (competition.beneficiarySex !== 'any' && member.sex !== competition.beneficiarySex)
    return false;
  if (competition.beneficiaryAdultOnly && year - member.birthYear < ADULT_AGE) return false;
  return true;
}

export function eligibilityChecks(input: EligibilityInput): EligibilityCheck[] {
  const { competition, household, beneficiary } = input;
  const checks: EligibilityCheck[] = [
    {
      code: 'locality',
      passed: input.competitionLocalityIds.includes(household.localityId),
      details: {},
    },
  ];
  if (competition.requireSocialBenefits) {
    checks.push({ code: 'social-benefits', passed: household.receivesSocialBenefits, details: {} });
  }
  if (competition.requiredTrainingSessions > 0) {
    checks.push({
      code: 'training',
      passed: input.trainingSessionsAttended >= competition.requiredTrainingSessions,
      details: {
        required: competition.requiredTrainingSessions,
        attended: input.trainingSessionsAttended,
      },
    });
  }
  checks.push({
    code: 'beneficiary',
    passed: beneficiary !== null && beneficiaryAllowed(competition, beneficiary, input.year),
    details: {},
  });
  checks.push({
    code: 'amount',
    passed:
      input.requestedAmount >= competition.minGrant &&
      input.requestedAmount <= competition.maxGrant,
    details: {
      requested: input.requestedAmount,
      min: competition.minGrant,
      max: competition.maxGrant,
    },
  });
  return checks;
}

export type MissingField = { step: ApplicationStep; field: string };

/** What the family still has to fill in before she can submit, step by step. */
export function missingForSubmission(
  application: Pick<
    Application,
    | 'beneficiaryMemberId'
    | 'title'
    | 'sector'
    | 'description'
    | 'market'
    | 'expectedMonthlyRevenue'
    | 'expectedMonthlyCosts'
    | 'jobsCreated'
  >,
  items: Pick<BudgetItem, 'id'>[],
): MissingField[] {
  const missing: MissingField[] = [];
  if (!application.beneficiaryMemberId)
    missing.push({ step: 'beneficiary', field: 'beneficiaryMemberId' });
  if (!application.title.trim()) missing.push({ step: 'idea', field: 'title' });
  if (!application.sector) missing.push({ step: 'idea', field: 'sector' });
  if (!application.description.trim()) missing.push({ step: 'idea', field: 'description' });
  if (!application.market.trim()) missing.push({ step: 'idea', field: 'market' });
  if (items.length === 0) missing.push({ step: 'budget', field: 'items' });
  if (application.expectedMonthlyRevenue == null)
    missing.push({ step: 'plan', field: 'expectedMonthlyRevenue' });
  if (application.expectedMonthlyCosts == null)
    missing.push({ step: 'plan', field: 'expectedMonthlyCosts' });
  if (application.jobsCreated == null) missing.push({ step: 'plan', field: 'jobsCreated' });
  return missing;
}

/**
 * Group training attendance is recorded by the training part of Ishenim, which does not exist
 * yet; until it does, no household has attended a session, so a competition that requires
 * sessions cannot be applied to.
 */
export function trainingSessionsAttended(_householdId: number): number {
  return 0;
}

/** The current year on the competition's wall clock. */
export function yearIn(timeZone: string, now: Date): number {
  return Number(dateTimeFormat('en-US', { timeZone, year: 'numeric' }).format(now));
}
