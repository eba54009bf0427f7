import { eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { db } from '~db/client';
import { auditLog } from '~db/schema/audit';
import { findHousehold, latestConsent, membersOf } from '~/models/household.server';
import { findUserByIdentifier, rolesOfUser } from '~/models/user.server';
import type { HouseholdFormInput } from '~/schemas/household';
import { signIn } from '~/services/accounts.server';
import {
  householdAccess,
  registerFamily,
  saveOwnHousehold,
  updateFamilyHousehold,
} from '~/services/households.server';
import { browserRequest, createLocality, createUser, uniqueSuffix } from '../support/factories';
import { createApplication, createCompetition } from '../support/programme-factories';

function sessionOf(user: Awaited<ReturnType<typeof createUser>>) {
  return { user, roles: rolesOfUser(user.id), sessionId: 'test' };
}

function householdInput(
  localityId: number,
  overrides: Partial<HouseholdFormInput> = {},
): HouseholdFormInput {
  return {
    localityId,
    address: 'ул. Садовая 5',
    phone: '',
    receivesSocialBenefits: true,
    benefitRegisterNumber: `SR-${uniqueSuffix()}`,
    members: [
      {
        memberId: null,
        firstName: 'Бакыт',
        lastName: 'Беков',
        sex: 'male',
        birthYear: 1962,
        relation: 'head',
      },
      {
        memberId: null,
        firstName: 'Айгүл',
        lastName: 'Бекова',
        sex: 'female',
        birthYear: 1994,
        relation: 'daughter-in-law',
      },
    ],
    ...overrides,
  };
}

const consent = {
  givenBy: 'Айгүл Бекова',
  method: 'signed-paper' as const,
  givenOn: '2026-11-20',
  note: '',
};

describe('a family registers her own household', () => {
  test('creates it with its members, linked to her account, and audits it', async () => {
    const locality = createLocality();
    const family = await createUser({ roles: ['applicant'] });
    const result = saveOwnHousehold(
      browserRequest(),
      sessionOf(family),
      householdInput(locality.id),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const household = findHousehold(result.householdId)!;
    expect(household).toMatchObject({ userId: family.id, source: 'self', localityId: locality.id });
    expect(membersOf(household.id).map((m) => m.firstName)).toEqual(['Бакыт', 'Айгүл']);
    const audit = db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(household.id)))
      .all();
    expect(audit.map((a) => a.action)).toContain('household.registered');
  });

  test('saving again updates the same household and keeps members that stay the same person', async () => {
    const locality = createLocality();
    const family = await createUser({ roles: ['applicant'] });
    const first = saveOwnHousehold(
      browserRequest(),
      sessionOf(family),
      householdInput(locality.id),
    );
    if (!first.ok) throw new Error('first save failed');
    const [head, kelin] = membersOf(first.householdId);
    const second = saveOwnHousehold(
      browserRequest(),
      sessionOf(family),
      householdInput(locality.id, {
        members: [
          {
            memberId: kelin!.id,
            firstName: 'Айгүл',
            lastName: 'Бекова',
            sex: 'female',
            birthYear: 1994,
            relation: 'daughter-in-law',
          },
          {
            memberId: null,
            firstName: 'Эрлан',
            lastName: 'Беков',
            sex: 'male',
            birthYear: 1991,
            relation: 'son',
          },
        ],
      }),
    );
    expect(second).toEqual({ ok: true, householdId: first.householdId });
    const members = membersOf(first.householdId);
    expect(members.map((m) => m.firstName)).toEqual(['Айгүл', 'Эрлан']);
    expect(members[0]!.id).toBe(kelin!.id);
    expect(members.some((m) => m.id === head!.id)).toBe(false);
  });

  test('a register number another household has is refused', async () => {
    const locality = createLocality();
    const a = await createUser({ roles: ['applicant'] });
    const b = await createUser({ roles: ['applicant'] });
    const number = `SR-${uniqueSuffix()}`;
    expect(
      saveOwnHousehold(
        browserRequest(),
        sessionOf(a),
        householdInput(locality.id, { benefitRegisterNumber: number }),
      ).ok,
    ).toBe(true);
    expect(
      saveOwnHousehold(
        browserRequest(),
        sessionOf(b),
        householdInput(locality.id, { benefitRegisterNumber: number }),
      ),
    ).toEqual({
      ok: false,
      error: { field: 'benefitRegisterNumber', error: 'household.registerNumberTaken' },
    });
  });

  test("the member who holds a submitted application's grant cannot be removed", async () => {
    const locality = createLocality();
    const family = await createUser({ roles: ['applicant'] });
    const saved = saveOwnHousehold(
      browserRequest(),
      sessionOf(family),
      householdInput(locality.id),
    );
    if (!saved.ok) throw new Error('save failed');
    const household = findHousehold(saved.householdId)!;
    const members = membersOf(household.id);
    createApplication({
      competition: createCompetition({ localityIds: [locality.id] }),
      household,
      members,
      enteredBy: family,
      status: 'submitted',
    });
    const withoutKelin = householdInput(locality.id, {
      benefitRegisterNumber: household.benefitRegisterNumber!,
      members: [
        {
          memberId: members[0]!.id,
          firstName: 'Бакыт',
          lastName: 'Беков',
          sex: 'male',
          birthYear: 1962,
          relation: 'head',
        },
      ],
    });
    expect(saveOwnHousehold(browserRequest(), sessionOf(family), withoutKelin)).toEqual({
      ok: false,
      error: { field: 'members', error: 'household.beneficiaryCannotBeRemoved' },
    });
  });
});

describe('a facilitator registers a family', () => {
  test('in her locality, with consent on record and no account', async () => {
    const locality = createLocality();
    const facilitator = await createUser({ roles: ['facilitator'], worksIn: [locality.id] });
    const result = await registerFamily(browserRequest(), sessionOf(facilitator), {
      ...householdInput(locality.id),
      consent,
      account: null,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.password).toBeNull();
    const household = findHousehold(result.householdId)!;
    expect(household).toMatchObject({
      userId: null,
      source: 'facilitator',
      registeredById: facilitator.id,
    });
    expect(latestConsent(household.id)).toMatchObject({
      givenBy: 'Айгүл Бекова',
      method: 'signed-paper',
      recordedById: facilitator.id,
    });
  });

  test('with a sign-in by phone whose one-time password works', async () => {
    const locality = createLocality();
    const facilitator = await createUser({ roles: ['facilitator'], worksIn: [locality.id] });
    const digits = String(Math.floor(Math.random() * 900000) + 100000);
    const phone = `0555 ${digits.slice(0, 3)} ${digits.slice(3)}`;
    const result = await registerFamily(browserRequest(), sessionOf(facilitator), {
      ...householdInput(locality.id, { phone }),
      consent,
      account: { name: 'Айгүл Бекова' },
    });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.password).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    const account = findUserByIdentifier({ phone: `+996555${digits}` })!;
    expect(account.name).toBe('Айгүл Бекова');
    expect(rolesOfUser(account.id)).toEqual(['applicant']);
    expect(findHousehold(result.householdId)!.userId).toBe(account.id);
    const signedIn = await signIn(browserRequest(), {
      identifier: phone,
      password: result.password!,
    });
    expect(signedIn.ok).toBe(true);
  });

  test('outside her localities is refused', async () => {
    const own = createLocality();
    const other = createLocality();
    const facilitator = await createUser({ roles: ['facilitator'], worksIn: [own.id] });
    const result = await registerFamily(browserRequest(), sessionOf(facilitator), {
      ...householdInput(other.id),
      consent,
      account: null,
    });
    expect(result).toEqual({
      ok: false,
      error: { field: 'localityId', error: 'household.localityNotYours' },
    });
  });

  test('sees only the households of her localities; staff see all; another family sees none', async () => {
    const own = createLocality();
    const other = createLocality();
    const facilitator = await createUser({ roles: ['facilitator'], worksIn: [own.id] });
    const staff = await createUser({ roles: ['staff'] });
    const stranger = await createUser({ roles: ['applicant'] });
    const ownResult = await registerFamily(browserRequest(), sessionOf(facilitator), {
      ...householdInput(own.id),
      consent,
      account: null,
    });
    const otherFacilitator = await createUser({ roles: ['facilitator'], worksIn: [other.id] });
    const otherResult = await registerFamily(browserRequest(), sessionOf(otherFacilitator), {
      ...householdInput(other.id),
      consent,
      account: null,
    });
    if (!ownResult.ok || !otherResult.ok) throw new Error('registration failed');
    const ownHousehold = findHousehold(ownResult.householdId)!;
    const otherHousehold = findHousehold(otherResult.householdId)!;
    expect(householdAccess(sessionOf(facilitator), ownHousehold)).toBe('facilitator');
    expect(householdAccess(sessionOf(facilitator), otherHousehold)).toBeNull();
    expect(householdAccess(sessionOf(staff), otherHousehold)).toBe('staff');
    expect(householdAccess(sessionOf(stranger), ownHousehold)).toBeNull();
    expect(
      updateFamilyHousehold(
        browserRequest(),
        sessionOf(facilitator),
        otherHousehold.id,
        householdInput(other.id),
      ),
    ).toEqual({ ok: false, error: 'not-found' });
  });
});
