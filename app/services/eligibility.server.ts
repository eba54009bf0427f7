// The eligibility rules a competition turns on (DESIGN.md, "Households and applications").
// The checks are pure functions (the counts they read come from the two readers at the end):
// the same checks refuse a submission and are shown to staff at screening.
import { dateTimeFormat } from '~/i18n/intl-cache';
import { countAttendedConsultations, countPresentSessions } from '~/models/training.server';
import type { Application, BudgetItem } from '~db/schema/applications';
import type { Competition } from '~db/schema/competitions';
import type { Household, HouseholdMember } from '~db/schema/households';
import type { ApplicationStep } from '~/schemas/application';

export const ADULT_AGE = 18;

export type EligibilityCode =
  'locality' | 'social-benefits' | 'training' | 'consultation' | 'beneficiary' | 'amount';

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
    | 'requiredConsultations'
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
  /** Sessions the member who will hold the grant attended (0 while none is chosen). */
  trainingSessionsAttended: number;
  /** Consultations the household attended. */
  consultationsAttended: number;
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
  if (competition.requiredConsultations > 0) {
    checks.push({
      code: 'consultation',
      passed: input.consultationsAttended >= competition.requiredConsultations,
      details: {
        required: competition.requiredConsultations,
        attended: input.consultationsAttended,
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
 * Training sessions that count towards a competition's requirement: those at which the member
 * who will hold the grant was marked present (the programme trains the future grant holder, not
 * whoever of the household came). No member chosen yet, no sessions.
 */
export function trainingSessionsAttended(beneficiaryMemberId: number | null): number {
  return beneficiaryMemberId ? countPresentSessions(beneficiaryMemberId) : 0;
}

/** Consultations the household attended, as the consultant recorded them. */
export function consultationsAttended(householdId: number): number {
  return countAttendedConsultations(householdId);
}

/** The current year on the competition's wall clock. */
export function yearIn(timeZone: string, now: Date): number {
  return Number(dateTimeFormat('en-US', { timeZone, year: 'numeric' }).format(now));
}
