// A competition ready for decisions, put there through the app's own services: two villages with
// quotas, eight families with known contact choices, round 1 (one juror) closed with the top six
// advanced, round 2 (two jurors) closed. The ranking is fixed by the points below, so tests know
// it by heart:
//
//   rank  key  village  account                               round-1 points  final round
//   1     N1   north    ru, e-mail                             10, 5           yes
//   2     S1   south    ky, e-mail                             9, 5            yes
//   3     N2   north    en, e-mail                             8, 4            yes
//   4     S2   south    ky, e-mail                             7, 4            yes
//   5     N3   north    ru, has e-mail but "no e-mail contact"  6, 3            yes
//   6     S3   south    ky, no e-mail address (phone only)     5, 3            yes
//   7     X    north    ru, e-mail                             3, 2            no
//   8     Z    south    en, "only through the facilitator"     2, 1            no
//
// Every request in the world asks 100 000 som (the factory's greenhouse budget).
import crypto from 'node:crypto';
import type { Competition } from '~db/schema/competitions';
import type { Household } from '~db/schema/households';
import type { Locale, User } from '~db/schema/people';
import { assignmentsOfRound, criteriaOf } from '~/models/jury.server';
import { advanceApplications, closeRound, saveScore } from '~/services/jury.server';
import { browserRequest, createLocality, createUser, uniqueSuffix } from './factories';
import { roundWithJurors } from './jury-factories';
import { createApplication, createCompetition, createHousehold } from './programme-factories';
import { sessionUserOf } from './session-user';

export const FAMILY_KEYS = ['N1', 'S1', 'N2', 'S2', 'N3', 'S3', 'X', 'Z'] as const;
export type FamilyKey = (typeof FAMILY_KEYS)[number];
export const FINALISTS: FamilyKey[] = ['N1', 'S1', 'N2', 'S2', 'N3', 'S3'];

type FamilySpec = {
  village: 'north' | 'south';
  locale: Locale;
  email: boolean;
  contactByEmail?: boolean;
  onlyViaFacilitator?: boolean;
  kelin: [string, string];
  points: [number, number];
};

export const FAMILIES: Record<FamilyKey, FamilySpec> = {
  N1: {
    village: 'north',
    locale: 'ru',
    email: true,
    kelin: ['Айпери', 'Асанова'],
    points: [10, 5],
  },
  S1: {
    village: 'south',
    locale: 'ky',
    email: true,
    kelin: ['Бермет', 'Бакирова'],
    points: [9, 5],
  },
  N2: {
    village: 'north',
    locale: 'en',
    email: true,
    kelin: ['Гулиза', 'Жумалиева'],
    points: [8, 4],
  },
  S2: {
    village: 'south',
    locale: 'ky',
    email: true,
    kelin: ['Динара', 'Дооронова'],
    points: [7, 4],
  },
  N3: {
    village: 'north',
    locale: 'ru',
    email: true,
    contactByEmail: false,
    kelin: ['Эльмира', 'Эсенова'],
    points: [6, 3],
  },
  S3: {
    village: 'south',
    locale: 'ky',
    email: false,
    kelin: ['Жамиля', 'Жээнбекова'],
    points: [5, 3],
  },
  X: { village: 'north', locale: 'ru', email: true, kelin: ['Зарина', 'Зулпуева'], points: [3, 2] },
  Z: {
    village: 'south',
    locale: 'en',
    email: true,
    onlyViaFacilitator: true,
    kelin: ['Илмира', 'Исакова'],
    points: [2, 1],
  },
};

export const SOM = 100;
export const REQUESTED = 100_000 * SOM;

export type DecisionWorld = {
  suffix: string;
  competition: Competition;
  north: { id: number };
  south: { id: number };
  staff: User;
  jurors: [User, User];
  facilitators: { north: User; south: User };
  families: Record<
    FamilyKey,
    { user: User; applicationId: number; reference: string; household: Household }
  >;
  rounds: { first: number; second: number | null };
};

export type Stage = 'round-1-open' | 'round-2-open' | 'final-closed';

/** Builds the world up to `stage` (default: both rounds closed, ready for decisions). */
export async function decisionWorld(
  options: {
    stage?: Stage;
    budget?: number;
    quotas?: { north: number | null; south: number | null };
    /** Comments the jurors write in round 2, by family: [first juror's, second juror's]. */
    comments?: Partial<Record<FamilyKey, [string, string]>>;
  } = {},
): Promise<DecisionWorld> {
  const stage = options.stage ?? 'final-closed';
  const suffix = uniqueSuffix();
  const north = createLocality(`north-${suffix}`);
  const south = createLocality(`south-${suffix}`);
  const quotas = options.quotas ?? { north: 2, south: 2 };
  const competition = createCompetition({
    localityIds: [north.id, south.id],
    quotas: Object.fromEntries(
      [
        [north.id, quotas.north],
        [south.id, quotas.south],
      ].filter(([, q]) => q !== null),
    ) as Record<number, number>,
    status: 'screening',
    titleRu: `Конкурс решений ${suffix}`,
    titleKy: `Чечимдер сынагы ${suffix}`,
    titleEn: `Decisions competition ${suffix}`,
    budgetTotal: options.budget ?? 300_000 * SOM,
    minGrant: 50_000 * SOM,
    maxGrant: 150_000 * SOM,
    referencePrefix: 'DC',
  });
  const staff = await createUser({ roles: ['staff'], locale: 'ru', name: `Сотрудник ${suffix}` });
  const jurors: [User, User] = [
    await createUser({ roles: ['juror'], locale: 'ru', name: `Жюри Алмаз ${suffix}` }),
    await createUser({ roles: ['juror'], locale: 'ky', name: `Жюри Чолпон ${suffix}` }),
  ];
  const facilitators = {
    north: await createUser({ roles: ['facilitator'], worksIn: [north.id], locale: 'ky' }),
    south: await createUser({ roles: ['facilitator'], worksIn: [south.id], locale: 'ru' }),
  };
  const families = {} as DecisionWorld['families'];
  const start = Date.now() - 30 * 86_400_000;
  for (const [index, key] of FAMILY_KEYS.entries()) {
    const spec = FAMILIES[key];
    const localityId = spec.village === 'north' ? north.id : south.id;
    const user = await createUser({
      roles: ['applicant'],
      locale: spec.locale,
      name: `${spec.kelin[0]} ${spec.kelin[1]}`,
      email: spec.email ? `family-${key.toLowerCase()}-${suffix}@test.example` : null,
      phone: spec.email ? null : `+996555${String(crypto.randomInt(1_000_000)).padStart(6, '0')}`,
      contactByEmail: spec.contactByEmail ?? spec.email,
      contactOnlyViaFacilitator: spec.onlyViaFacilitator ?? false,
      localityId,
    });
    const { household, members } = createHousehold({
      localityId,
      user,
      members: [
        {
          firstName: 'Бакыт',
          lastName: `${spec.kelin[1].slice(0, -1)}`,
          sex: 'male',
          birthYear: 1990,
          relation: 'head',
        },
        {
          firstName: spec.kelin[0],
          lastName: spec.kelin[1],
          sex: 'female',
          birthYear: 1993,
          relation: 'daughter-in-law',
        },
      ],
    });
    const reference = `DC-${suffix}-${String(index + 1).padStart(4, '0')}`;
    const application = createApplication({
      competition,
      household,
      members,
      enteredBy: user,
      status: 'eligible',
      reference,
      title: `Идея семьи ${key}`,
      sector: index % 2 === 0 ? 'sewing' : 'livestock',
      submittedAt: new Date(start + index * 86_400_000),
    });
    families[key] = { user, applicationId: application.id, reference, household };
  }

  const first = roundWithJurors({
    staff,
    competition,
    jurors: [jurors[0]],
    declare: [jurors[0]],
    open: true,
  });
  const world: DecisionWorld = {
    suffix,
    competition,
    north,
    south,
    staff,
    jurors,
    facilitators,
    families,
    rounds: { first, second: null },
  };
  scoreRound(world, first, FAMILY_KEYS, {});
  if (stage === 'round-1-open') return world;
  closeOrThrow(world, first);
  const advanced = advanceApplications(browserRequest(), sessionUserOf(staff), first, {
    topN: FINALISTS.length,
  });
  if (!advanced.ok) throw new Error(`not advanced: ${advanced.error}`);
  const second = roundWithJurors({
    staff,
    competition,
    jurors,
    input: { nameKy: 'Round 2', jurorsPerApplication: 2 },
    declare: jurors,
    open: true,
  });
  world.rounds.second = second;
  scoreRound(world, second, FINALISTS, options.comments ?? {});
  if (stage === 'round-2-open') return world;
  closeOrThrow(world, second);
  return world;
}

function closeOrThrow(world: DecisionWorld, roundId: number) {
  const closed = closeRound(browserRequest(), sessionUserOf(world.staff), roundId);
  if (!closed.ok) throw new Error(`round not closed: ${closed.error}`);
}

/** Every active assignment of the round is scored with the family's points, and submitted. */
function scoreRound(
  world: DecisionWorld,
  roundId: number,
  keys: readonly FamilyKey[],
  comments: Partial<Record<FamilyKey, [string, string]>>,
) {
  const criteria = criteriaOf(roundId);
  for (const key of keys) {
    const { applicationId } = world.families[key];
    for (const assignment of assignmentsOfRound(roundId).filter(
      (a) => a.applicationId === applicationId && a.status === 'active',
    )) {
      const jurorIndex = world.jurors.findIndex((j) => j.id === assignment.jurorId);
      const juror = world.jurors[jurorIndex]!;
      const comment = comments[key]?.[jurorIndex] ?? '';
      const result = saveScore(
        browserRequest(),
        sessionUserOf(juror),
        assignment.id,
        {
          items: criteria.map((c, index) => ({
            criterionId: c.id,
            points: FAMILIES[key].points[index]!,
            comment: index === 0 ? comment : '',
          })),
          overallComment: '',
        },
        true,
      );
      if (!result.ok) throw new Error(`score of ${key} refused: ${result.error}`);
    }
  }
}
