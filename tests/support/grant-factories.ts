// A grant ready to be paid, made through the app's own models and services: a competition, a
// family (the kelin as beneficiary) with an awarded application, its grant and tranche plan, and
// the staff who move its money (two staff members and an admin).
import { writeTransaction } from '~db/client';
import type { Competition } from '~db/schema/competitions';
import type { Grant, GrantTranche, TrancheStep } from '~db/schema/grants';
import type { Locale, User } from '~db/schema/people';
import { updateApplicationRow } from '~/models/application.server';
import { findGrant, saveTranchePlanTemplate, tranchesOf } from '~/models/grant.server';
import { openGrantFor, recordSigning } from '~/services/grants.server';
import { browserRequest, createLocality, createUser, uniqueSuffix } from './factories';
import { createApplication, createCompetition, createHousehold } from './programme-factories';
import { sessionUserOf } from './session-user';

export type MoneyStaff = { staffA: User; staffB: User; admin: User };

export async function createMoneyStaff(locale: Locale = 'ru'): Promise<MoneyStaff> {
  const suffix = uniqueSuffix();
  return {
    staffA: await createUser({ roles: ['staff'], locale, name: `Нургүл Асанова ${suffix}` }),
    staffB: await createUser({ roles: ['staff'], locale, name: `Дмитрий Ковалёв ${suffix}` }),
    admin: await createUser({ roles: ['admin'], locale, name: `Айгерим Садыкова ${suffix}` }),
  };
}

export type GrantWorld = {
  competition: Competition;
  family: User;
  applicationId: number;
  reference: string;
  grant: Grant;
  tranches: GrantTranche[];
};

/**
 * An announced competition's award turned into its grant. `signed` records the agreement (by
 * `signer`), so its first tranche may be paid.
 */
export async function createGrantWorld(
  options: {
    amount?: number;
    plan?: TrancheStep[];
    signed?: boolean;
    signer?: User;
    familyLocale?: Locale;
    perOperationLimit?: number | null;
    status?: Competition['status'];
  } = {},
): Promise<GrantWorld> {
  const amount = options.amount ?? 100_000_00;
  const locality = createLocality();
  const competition = createCompetition({
    localityIds: [locality.id],
    status: options.status ?? 'decided',
    announcedAt: new Date(),
    maxGrant: Math.max(amount, 150_000_00),
    budgetTotal: Math.max(amount * 3, 300_000_00),
  });
  if (options.plan)
    writeTransaction((tx) => saveTranchePlanTemplate(tx, competition.id, options.plan!));
  const family = await createUser({
    roles: ['applicant'],
    locale: options.familyLocale ?? 'ky',
    name: 'Айпери Токтогулова',
    localityId: locality.id,
  });
  const { household, members } = createHousehold({ localityId: locality.id, user: family });
  const reference = `TJ-${uniqueSuffix()}`;
  const application = createApplication({
    competition,
    household,
    members,
    enteredBy: family,
    status: 'awarded',
    reference,
  });
  const grant = writeTransaction((tx) => {
    const awarded = updateApplicationRow(tx, application.id, { awardedAmount: amount });
    return openGrantFor(tx, awarded, competition, null);
  });
  if (options.signed) {
    const signer = options.signer ?? (await createUser({ roles: ['staff'] }));
    const result = recordSigning(browserRequest(), sessionUserOf(signer), grant.id, {
      identityDocumentKind: 'id-card',
      identityDocumentNumber: 'ID1234567',
      signedOn: new Date(),
      signedByName: 'Айпери Токтогулова',
      witnessName: 'Гүлзат Токтогулова',
      paymentMethod: 'e-wallet',
      walletProvider: 'o-dengi',
      walletPhone: '+996 555 123 456',
      bankAccount: null,
      perOperationLimit: options.perOperationLimit ?? null,
    });
    if (!result.ok) throw new Error(`not signed: ${result.error}`);
  }
  return {
    competition,
    family,
    applicationId: application.id,
    reference,
    grant: findGrant(grant.id)!,
    tranches: tranchesOf(grant.id),
  };
}
