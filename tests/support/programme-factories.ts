// Test data for competitions, households and applications, written through the app's models.
import { writeTransaction } from '~db/client';
import type { Competition } from '~db/schema/competitions';
import type { Household, HouseholdMember } from '~db/schema/households';
import type { User } from '~db/schema/people';
import {
  insertApplication,
  insertStatusHistory,
  replaceBudgetItems,
  updateApplicationRow,
} from '~/models/application.server';
import { insertCompetition, replaceCompetitionLocalities } from '~/models/competition.server';
import {
  insertConsent,
  insertHousehold,
  membersOf,
  replaceMembers,
  type MemberInput,
} from '~/models/household.server';
import type { ApplicationStatus, Sector } from '~/schemas/enums';
import { createLocality, uniqueSuffix } from './factories';

const DAY = 24 * 60 * 60_000;

/** An open competition (opened yesterday, closing in 30 days) in the given localities. */
export function createCompetition(
  options: Partial<Omit<Competition, 'id'>> & {
    localityIds?: number[];
    quotas?: Record<number, number>;
  } = {},
): Competition {
  const { localityIds, quotas, ...overrides } = options;
  const localityList = localityIds ?? [createLocality().id];
  const now = Date.now();
  return writeTransaction((tx) => {
    const competition = insertCompetition(tx, {
      titleKy: `Сынак ${uniqueSuffix()}`,
      titleRu: `Конкурс ${uniqueSuffix()}`,
      titleEn: null,
      currency: 'KGS',
      budgetTotal: 300_000_00,
      minGrant: 50_000_00,
      maxGrant: 150_000_00,
      timezone: 'Asia/Bishkek',
      opensAt: new Date(now - DAY),
      closesAt: new Date(now + 30 * DAY),
      status: 'open',
      requireSocialBenefits: true,
      requiredTrainingSessions: 0,
      beneficiaryRelations: ['daughter-in-law', 'spouse', 'head', 'daughter'],
      beneficiarySex: 'female',
      beneficiaryAdultOnly: true,
      referencePrefix: 'TJ',
      ...overrides,
    });
    replaceCompetitionLocalities(
      tx,
      competition.id,
      localityList.map((localityId) => ({ localityId, quota: quotas?.[localityId] ?? null })),
    );
    return competition;
  });
}

export const DEFAULT_MEMBERS: MemberInput[] = [
  { firstName: 'Бакыт', lastName: 'Токтогулов', sex: 'male', birthYear: 1968, relation: 'head' },
  {
    firstName: 'Айнура',
    lastName: 'Токтогулова',
    sex: 'female',
    birthYear: 1972,
    relation: 'spouse',
  },
  { firstName: 'Нуржан', lastName: 'Токтогулов', sex: 'male', birthYear: 1995, relation: 'son' },
  {
    firstName: 'Айпери',
    lastName: 'Токтогулова',
    sex: 'female',
    birthYear: 1998,
    relation: 'daughter-in-law',
  },
];

/** A household receiving benefits, with a head, his wife, their son and his wife (the kelin). */
export function createHousehold(options: {
  localityId: number;
  user?: Pick<User, 'id'> | null;
  members?: MemberInput[];
  receivesSocialBenefits?: boolean;
  registeredBy?: Pick<User, 'id'>;
  consentBy?: Pick<User, 'id'>;
}): { household: Household; members: HouseholdMember[] } {
  return writeTransaction((tx) => {
    const household = insertHousehold(tx, {
      localityId: options.localityId,
      address: 'ул. Ленина 12',
      receivesSocialBenefits: options.receivesSocialBenefits ?? true,
      benefitRegisterNumber:
        options.receivesSocialBenefits === false ? null : `SR-${uniqueSuffix()}`,
      phone: null,
      userId: options.user?.id ?? null,
      source: options.user ? 'self' : 'facilitator',
      registeredById: options.registeredBy?.id ?? options.user?.id ?? null,
    });
    replaceMembers(tx, household.id, options.members ?? DEFAULT_MEMBERS);
    if (options.consentBy) {
      insertConsent(tx, {
        householdId: household.id,
        recordedById: options.consentBy.id,
        givenBy: 'Айпери Токтогулова',
        method: 'signed-paper',
        givenAt: new Date(),
      });
    }
    return { household, members: membersOf(household.id, tx) };
  });
}

/**
 * An application with everything filled in (the kelin as beneficiary, a 100 000 som greenhouse
 * budget with 10 000 own contribution), in the given status.
 */
export function createApplication(options: {
  competition: Competition;
  household: Household;
  members: HouseholdMember[];
  enteredBy: Pick<User, 'id'>;
  status?: ApplicationStatus;
  title?: string;
  sector?: Sector;
  items?: { name: string; quantity: number; unitPrice: number }[];
  ownContribution?: number;
  reference?: string;
  submittedAt?: Date;
}) {
  const items = options.items ?? [
    { name: 'Теплица 6×20 м', quantity: 1, unitPrice: 80_000_00 },
    { name: 'Семена томатов', quantity: 10, unitPrice: 1_500_00 },
    { name: 'Капельный полив', quantity: 1, unitPrice: 15_000_00 },
  ];
  const ownContribution = options.ownContribution ?? 10_000_00;
  const total = items.reduce((sum, item) => sum + item.quantity * item.unitPrice, 0);
  const status = options.status ?? 'draft';
  const beneficiary =
    options.members.find((m) => m.relation === 'daughter-in-law') ??
    options.members.find((m) => m.sex === 'female')!;
  return writeTransaction((tx) => {
    const application = insertApplication(tx, {
      competitionId: options.competition.id,
      householdId: options.household.id,
      enteredById: options.enteredBy.id,
      status: 'draft',
    });
    replaceBudgetItems(tx, application.id, items);
    insertStatusHistory(tx, {
      applicationId: application.id,
      toStatus: 'draft',
      changedById: options.enteredBy.id,
    });
    const submitted = status !== 'draft';
    const updated = updateApplicationRow(tx, application.id, {
      status,
      beneficiaryMemberId: beneficiary.id,
      title: options.title ?? 'Теплица для томатов',
      sector: options.sector ?? 'crop-farming',
      description: 'Выращивать томаты в теплице и продавать на рынке в Ивановке.',
      market: 'Соседи и рынок в райцентре.',
      experience: 'Пять лет выращиваем овощи в огороде.',
      ownContribution,
      requestedAmount: total - ownContribution,
      expectedMonthlyRevenue: 25_000_00,
      expectedMonthlyCosts: 8_000_00,
      jobsCreated: 2,
      reference: submitted ? (options.reference ?? `TJ-2024-${uniqueSuffix()}`) : null,
      submittedAt: submitted ? (options.submittedAt ?? new Date()) : null,
      submittedById: submitted ? options.enteredBy.id : null,
    });
    if (submitted) {
      insertStatusHistory(tx, {
        applicationId: application.id,
        fromStatus: 'draft',
        toStatus: status,
        changedById: options.enteredBy.id,
      });
    }
    return updated;
  });
}
