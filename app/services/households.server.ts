import { writeTransaction, type Tx } from '~db/client';
import type { Household } from '~db/schema/households';
import { appendAudit } from '~/models/audit.server';
import {
  facilitatorWorksIn,
  findHousehold,
  findHouseholdByRegisterNumber,
  findHouseholdOfUser,
  insertConsent,
  insertHousehold,
  lockedBeneficiaryIds,
  membersOf,
  replaceMembers,
  updateHouseholdRow,
  type MemberInput,
} from '~/models/household.server';
import {
  findUserByIdentifier,
  insertUser,
  listLocalities,
  replaceUserRoles,
} from '~/models/user.server';
import type { ConsentMethod } from '~/schemas/enums';
import type { HouseholdFormInput } from '~/schemas/household';
import { normalizePhone } from '~/utils/contact.server';
import { generateReadablePassword, hashPassword } from '~/utils/password.server';
import { clientIp } from '~/utils/request.server';
import type { SessionUser } from '~/utils/session.server';
import { zonedLocalToUtc } from '~/utils/timezone';

export type HouseholdError =
  | { field: 'benefitRegisterNumber'; error: 'household.registerNumberTaken' }
  | { field: 'localityId'; error: 'household.localityNotYours' | 'validation.required' }
  | { field: 'phone'; error: 'validation.phone' | 'household.phoneTaken' }
  | { field: 'members'; error: 'household.beneficiaryCannotBeRemoved' };

/** Who may act on a household, and as what. Staff read every household; facilitators theirs. */
export type HouseholdAccess = 'owner' | 'facilitator' | 'staff';

export function householdAccess(actor: SessionUser, household: Household): HouseholdAccess | null {
  if (household.userId === actor.user.id && actor.roles.includes('applicant')) return 'owner';
  if (
    actor.roles.includes('facilitator') &&
    facilitatorWorksIn(actor.user.id, household.localityId)
  ) {
    return 'facilitator';
  }
  if (actor.roles.includes('staff') || actor.roles.includes('admin')) return 'staff';
  return null;
}

function householdSnapshot(householdId: number, tx: Tx) {
  const household = findHousehold(householdId, tx)!;
  return {
    localityId: household.localityId,
    receivesSocialBenefits: household.receivesSocialBenefits,
    benefitRegisterNumber: household.benefitRegisterNumber,
    members: membersOf(householdId, tx).map((m) => ({
      id: m.id,
      relation: m.relation,
      sex: m.sex,
      birthYear: m.birthYear,
    })),
  };
}

/** Checks shared by every way of saving a household; returns the row values or an error. */
function checkHousehold(input: HouseholdFormInput, householdId: number | null) {
  if (!listLocalities().some((l) => l.id === input.localityId)) {
    return {
      ok: false as const,
      error: { field: 'localityId', error: 'validation.required' } as HouseholdError,
    };
  }
  const registerNumber = input.receivesSocialBenefits
    ? input.benefitRegisterNumber.trim() || null
    : null;
  if (registerNumber) {
    const holder = findHouseholdByRegisterNumber(registerNumber);
    if (holder && holder.id !== householdId) {
      return {
        ok: false as const,
        error: {
          field: 'benefitRegisterNumber',
          error: 'household.registerNumberTaken',
        } as HouseholdError,
      };
    }
  }
  let phone: string | null = null;
  if (input.phone.trim()) {
    phone = normalizePhone(input.phone);
    if (!phone)
      return {
        ok: false as const,
        error: { field: 'phone', error: 'validation.phone' } as HouseholdError,
      };
  }
  const members: MemberInput[] = input.members.map(({ memberId, ...member }) => ({
    ...member,
    id: memberId,
  }));
  if (householdId) {
    const keptIds = new Set(members.map((m) => m.id));
    if (lockedBeneficiaryIds(householdId).some((id) => !keptIds.has(id))) {
      return {
        ok: false as const,
        error: {
          field: 'members',
          error: 'household.beneficiaryCannotBeRemoved',
        } as HouseholdError,
      };
    }
  }
  return {
    ok: true as const,
    values: {
      localityId: input.localityId,
      address: input.address,
      phone,
      receivesSocialBenefits: input.receivesSocialBenefits,
      benefitRegisterNumber: registerNumber,
    },
    members,
  };
}

/** A family registers or updates her own household. */
export function saveOwnHousehold(
  request: Request,
  applicant: SessionUser,
  input: HouseholdFormInput,
): { ok: true; householdId: number } | { ok: false; error: HouseholdError } {
  const existing = findHouseholdOfUser(applicant.user.id);
  const checked = checkHousehold(input, existing?.id ?? null);
  if (!checked.ok) return checked;
  const householdId = writeTransaction((tx) => {
    const before = existing ? householdSnapshot(existing.id, tx) : undefined;
    const household = existing
      ? updateHouseholdRow(tx, existing.id, checked.values)!
      : insertHousehold(tx, {
          ...checked.values,
          userId: applicant.user.id,
          source: 'self',
          registeredById: applicant.user.id,
        });
    replaceMembers(tx, household.id, checked.members);
    appendAudit(tx, {
      actorUserId: applicant.user.id,
      action: existing ? 'household.updated' : 'household.registered',
      entityType: 'household',
      entityId: household.id,
      before,
      after: householdSnapshot(household.id, tx),
      ipAddress: clientIp(request),
    });
    return household.id;
  });
  return { ok: true, householdId };
}

export type ConsentInput = {
  givenBy: string;
  method: ConsentMethod;
  givenOn: string;
  note: string;
};

function consentInstant(givenOn: string): Date {
  // A day, as the facilitator wrote it on paper: noon in Bishkek keeps it on that day.
  return zonedLocalToUtc(`${givenOn}T12:00`, 'Asia/Bishkek') ?? new Date();
}

/**
 * A facilitator registers a family of her localities, with the family's consent and, if the
 * family wants one, a sign-in by phone whose password is shown once.
 */
export async function registerFamily(
  request: Request,
  facilitator: SessionUser,
  input: HouseholdFormInput & { consent: ConsentInput; account: { name: string } | null },
): Promise<
  { ok: true; householdId: number; password: string | null } | { ok: false; error: HouseholdError }
> {
  if (!facilitatorWorksIn(facilitator.user.id, input.localityId)) {
    return { ok: false, error: { field: 'localityId', error: 'household.localityNotYours' } };
  }
  const checked = checkHousehold(input, null);
  if (!checked.ok) return checked;
  if (
    input.account &&
    (!checked.values.phone || findUserByIdentifier({ phone: checked.values.phone }))
  ) {
    return {
      ok: false,
      error: {
        field: 'phone',
        error: checked.values.phone ? 'household.phoneTaken' : 'validation.phone',
      },
    };
  }
  const password = input.account ? generateReadablePassword() : null;
  const passwordHash = password ? await hashPassword(password) : null;
  const householdId = writeTransaction((tx) => {
    let userId: number | null = null;
    if (input.account && passwordHash) {
      const user = insertUser(tx, {
        name: input.account.name,
        phone: checked.values.phone,
        passwordHash,
        passwordChangedAt: new Date(),
        locale: facilitator.user.locale,
        localityId: input.localityId,
        contactByEmail: false,
        contactByPhone: true,
        createdById: facilitator.user.id,
      });
      replaceUserRoles(tx, user.id, ['applicant'], facilitator.user.id);
      userId = user.id;
    }
    const household = insertHousehold(tx, {
      ...checked.values,
      userId,
      source: 'facilitator',
      registeredById: facilitator.user.id,
    });
    replaceMembers(tx, household.id, checked.members);
    const consent = insertConsent(tx, {
      householdId: household.id,
      recordedById: facilitator.user.id,
      givenBy: input.consent.givenBy,
      method: input.consent.method,
      givenAt: consentInstant(input.consent.givenOn),
      note: input.consent.note || null,
    });
    appendAudit(tx, {
      actorUserId: facilitator.user.id,
      action: 'household.registered-by-facilitator',
      entityType: 'household',
      entityId: household.id,
      after: {
        ...householdSnapshot(household.id, tx),
        consentId: consent.id,
        accountUserId: userId,
      },
      ipAddress: clientIp(request),
    });
    return household.id;
  });
  return { ok: true, householdId, password };
}

/** A facilitator corrects a family's household (in her localities). */
export function updateFamilyHousehold(
  request: Request,
  facilitator: SessionUser,
  householdId: number,
  input: HouseholdFormInput,
): { ok: true } | { ok: false; error: HouseholdError | 'not-found' } {
  const household = findHousehold(householdId);
  if (!household || householdAccess(facilitator, household) !== 'facilitator')
    return { ok: false, error: 'not-found' };
  if (!facilitatorWorksIn(facilitator.user.id, input.localityId)) {
    return { ok: false, error: { field: 'localityId', error: 'household.localityNotYours' } };
  }
  const checked = checkHousehold(input, householdId);
  if (!checked.ok) return checked;
  writeTransaction((tx) => {
    const before = householdSnapshot(householdId, tx);
    updateHouseholdRow(tx, householdId, checked.values);
    replaceMembers(tx, householdId, checked.members);
    appendAudit(tx, {
      actorUserId: facilitator.user.id,
      action: 'household.updated',
      entityType: 'household',
      entityId: householdId,
      before,
      after: householdSnapshot(householdId, tx),
      ipAddress: clientIp(request),
    });
  });
  return { ok: true };
}

/** A new consent (e.g. renewed for a new competition), recorded by the family's facilitator. */
export function recordConsent(
  request: Request,
  facilitator: SessionUser,
  householdId: number,
  consent: ConsentInput,
): { ok: true } | { ok: false; error: 'not-found' } {
  const household = findHousehold(householdId);
  if (!household || householdAccess(facilitator, household) !== 'facilitator')
    return { ok: false, error: 'not-found' };
  writeTransaction((tx) => {
    const row = insertConsent(tx, {
      householdId,
      recordedById: facilitator.user.id,
      givenBy: consent.givenBy,
      method: consent.method,
      givenAt: consentInstant(consent.givenOn),
      note: consent.note || null,
    });
    appendAudit(tx, {
      actorUserId: facilitator.user.id,
      action: 'household.consent-recorded',
      entityType: 'household',
      entityId: householdId,
      after: { consentId: row.id, method: row.method, givenAt: row.givenAt.toISOString() },
      ipAddress: clientIp(request),
    });
  });
  return { ok: true };
}
