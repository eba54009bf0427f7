import type { Household, HouseholdMember } from '~db/schema/households';

/** A household as its form shows it: every value a string or boolean, members in order. */
export function householdFormValues(household: Household, members: HouseholdMember[]) {
  return {
    localityId: String(household.localityId),
    address: household.address,
    phone: household.phone ?? '',
    receivesSocialBenefits: household.receivesSocialBenefits,
    benefitRegisterNumber: household.benefitRegisterNumber ?? '',
    members: members.map((m) => ({
      memberId: String(m.id),
      firstName: m.firstName,
      lastName: m.lastName,
      sex: m.sex as string,
      birthYear: String(m.birthYear),
      relation: m.relation as string,
    })),
  };
}
