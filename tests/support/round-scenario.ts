// A jury round whose ranking is known by hand: four eligible applications, a harsh, a lenient and
// a middle juror, two jurors per application, and conflicts that force the one possible
// assignment. Used by the service tests and the staff journey, which check the same numbers.
//
// Criteria (max 10 each) weigh 5, 3 and 2, so a juror's total out of 100 is 5·p1 + 3·p2 + 2·p3.
//
//              harsh (H)      lenient (L)     middle (M)      mean    spread
//   A1         — (conflict)   9,9,9 → 90      6,6,6 → 60      75.0    30 ⚑
//   A2         5,4,4 → 45     — (conflict)    8,6,6 → 70      57.5    25
//   A3         3,2,2 → 25     9,8,8 → 85      — (conflict)    55.0    60 ⚑
//   A4         — (conflict)   7,7,7 → 70      3,4,4 → 35      52.5    35 ⚑
//
// Each juror's totals standardised against her own (population) mean and deviation:
//   H: 45, 25 (mean 35, sd 10)          → z  A2 +1,      A3 −1
//   L: 90, 85, 70 (mean 81.67, sd 8.50) → z  A1 +0.981,  A3 +0.392,  A4 −1.373
//   M: 60, 70, 35 (mean 55, sd 14.72)   → z  A1 +0.340,  A2 +1.019,  A4 −1.359
// Normalised = 50 + 15 × mean z:  A1 59.9, A2 65.1, A3 45.4, A4 29.5 — so A2 overtakes A1.
import type { Competition } from '~db/schema/competitions';
import type { Household } from '~db/schema/households';
import type { User } from '~db/schema/people';
import type { Locale } from '~/i18n/config';
import { assignmentsOfRound, criteriaOf } from '~/models/jury.server';
import type { RoundFormInput } from '~/schemas/round';
import {
  assignRound,
  createRound,
  declareConflicts,
  openRound,
  saveScore,
  setRoundJurors,
} from '~/services/jury.server';
import { utcToZonedLocal } from '~/utils/timezone';
import { browserRequest, createLocality, createUser, uniqueSuffix } from './factories';
import { createApplication, createCompetition, createHousehold } from './programme-factories';
import { sessionUserOf } from './session-user';

export type JurorRole = 'harsh' | 'lenient' | 'middle';
export const APPLICATIONS = ['A1', 'A2', 'A3', 'A4'] as const;
export type ApplicationKey = (typeof APPLICATIONS)[number];

/** Points per criterion each juror gives; absent = a declared conflict (she never gets it). */
export const SCORES: Record<
  JurorRole,
  Partial<Record<ApplicationKey, [number, number, number]>>
> = {
  harsh: { A2: [5, 4, 4], A3: [3, 2, 2] },
  lenient: { A1: [9, 9, 9], A3: [9, 8, 8], A4: [7, 7, 7] },
  middle: { A1: [6, 6, 6], A2: [8, 6, 6], A4: [3, 4, 4] },
};

/** The hand-computed ranking (see the table above), one decimal as the pages show it. */
export const EXPECTED = {
  meanOrder: ['A1', 'A2', 'A3', 'A4'] as ApplicationKey[],
  normalisedOrder: ['A2', 'A1', 'A3', 'A4'] as ApplicationKey[],
  mean: { A1: 75, A2: 57.5, A3: 55, A4: 52.5 },
  normalised: { A1: 59.9, A2: 65.1, A3: 45.4, A4: 29.5 },
  spread: { A1: 30, A2: 25, A3: 60, A4: 35 },
  flagged: { A1: true, A2: false, A3: true, A4: true },
  totals: {
    A1: { lenient: 90, middle: 60 },
    A2: { harsh: 45, middle: 70 },
    A3: { harsh: 25, lenient: 85 },
    A4: { lenient: 70, middle: 35 },
  } as Record<ApplicationKey, Partial<Record<JurorRole, number>>>,
  criterionMeans: {
    A1: [7.5, 7.5, 7.5],
    A2: [6.5, 5, 5],
    A3: [6, 5, 5],
    A4: [5, 5.5, 5.5],
  } as Record<ApplicationKey, [number, number, number]>,
};

/** The households each juror knows (declared before assignment): it forces the assignment. */
const CONFLICTS: Record<JurorRole, ApplicationKey[]> = {
  harsh: ['A1', 'A4'],
  lenient: ['A2'],
  middle: ['A3'],
};

export const CRITERIA = [
  { titleRu: 'Бизнес-идея и рынок', maxPoints: 10, weight: 5 },
  { titleRu: 'Бюджет', maxPoints: 10, weight: 3 },
  { titleRu: 'Опыт семьи', maxPoints: 10, weight: 2 },
] as const;

/** Ideas as families write them: long enough to make the tables wide on a phone. */
const TITLES: Record<ApplicationKey, string> = {
  A1: 'Швейная мастерская: шторы и постельное бельё на заказ',
  A2: 'Откорм бычков и продажа мяса на районном рынке',
  A3: 'Мини-пекарня: лепёшки и булочки для сельской школы',
  A4: 'Кой семиртүү жана жүн сатуу',
};

export type RoundWorld = {
  suffix: string;
  competition: Competition;
  staff: User;
  jurors: Record<JurorRole, User>;
  applications: Record<ApplicationKey, { id: number; reference: string; household: Household }>;
  village: { id: number; nameRu: string };
};

const DAY = 24 * 60 * 60_000;

/**
 * A competition in screening with four eligible applications (references in order A1…A4) in a
 * village of its own, three jurors living nowhere in particular, and a staff member.
 */
export async function roundWorld(
  options: {
    jurorLocales?: Record<JurorRole, Locale>;
    staffLocale?: Locale;
  } = {},
): Promise<RoundWorld> {
  const suffix = uniqueSuffix();
  const locales = options.jurorLocales ?? { harsh: 'ru', lenient: 'ky', middle: 'en' };
  const village = createLocality(`round-village-${suffix}`);
  const competition = createCompetition({
    localityIds: [village.id],
    status: 'screening',
    titleRu: `Конкурс для жюри ${suffix}`,
    titleKy: `Калыстар үчүн сынак ${suffix}`,
    referencePrefix: 'JR',
  });
  const family = await createUser({ roles: ['applicant'], locale: 'ky' });
  const staff = await createUser({
    roles: ['staff'],
    locale: options.staffLocale ?? 'ru',
    name: `Сотрудник ${suffix}`,
  });
  const names: Record<JurorRole, string> = {
    harsh: `Строгая Айгерим ${suffix}`,
    lenient: `Мягкий Нурлан ${suffix}`,
    middle: `Средняя Ольга ${suffix}`,
  };
  const jurors = {} as Record<JurorRole, User>;
  for (const role of ['harsh', 'lenient', 'middle'] as const) {
    jurors[role] = await createUser({
      roles: ['juror'],
      locale: locales[role],
      name: names[role],
      email: `juror-${role}-${suffix}@test.example`,
    });
  }
  const applications = {} as RoundWorld['applications'];
  const start = Date.now() - 20 * DAY;
  APPLICATIONS.forEach((key, index) => {
    const { household, members } = createHousehold({ localityId: village.id });
    const reference = `JR-${suffix}-000${index + 1}`;
    const application = createApplication({
      competition,
      household,
      members,
      enteredBy: family,
      status: 'eligible',
      reference,
      title: TITLES[key],
      sector: index % 2 === 0 ? 'sewing' : 'livestock',
      submittedAt: new Date(start + index * DAY),
    });
    applications[key] = { id: application.id, reference, household };
  });
  return { suffix, competition, staff, jurors, applications, village };
}

/** The round as the staff journey types it: on the Bishkek clock, open since yesterday. */
export function roundInput(overrides: Partial<RoundFormInput> = {}): RoundFormInput {
  const now = Date.now();
  return {
    nameKy: 'Тур 1',
    nameRu: '',
    nameEn: '',
    jurorsPerApplication: 2,
    isBlind: true,
    excludeOwnLocality: true,
    opensAt: wallClock(now - DAY),
    closesAt: wallClock(now + 10 * DAY),
    disagreementThreshold: 25,
    criteria: CRITERIA.map((c) => ({
      titleKy: '',
      titleRu: c.titleRu,
      titleEn: '',
      descriptionKy: '',
      descriptionRu: '',
      descriptionEn: '',
      maxPoints: c.maxPoints,
      weight: c.weight,
    })),
    ...overrides,
  };
}

/** "2024-05-31T09:00" on the competitions' clock (Asia/Bishkek). */
export function wallClock(instant: number): string {
  return utcToZonedLocal(instant, 'Asia/Bishkek');
}

/** Each juror declares the households she knows (a service call: her own page is elsewhere). */
export function declareForcingConflicts(world: RoundWorld, roundId: number) {
  for (const role of ['harsh', 'lenient', 'middle'] as const) {
    const result = declareConflicts(
      browserRequest(),
      sessionUserOf(world.jurors[role]),
      roundId,
      CONFLICTS[role].map((key) => world.applications[key].household.id),
    );
    if (!result.ok) throw new Error(`declaration refused: ${result.error}`);
  }
}

/** The assignment the conflicts force: each application's two jurors. */
export const FORCED_ASSIGNMENT: Record<ApplicationKey, JurorRole[]> = {
  A1: ['lenient', 'middle'],
  A2: ['harsh', 'middle'],
  A3: ['harsh', 'lenient'],
  A4: ['lenient', 'middle'],
};

/** A juror submits her scores (from SCORES) for the given applications, as she would herself. */
export function submitScores(
  world: RoundWorld,
  roundId: number,
  role: JurorRole,
  keys: ApplicationKey[] = Object.keys(SCORES[role]) as ApplicationKey[],
) {
  const juror = world.jurors[role];
  const criteria = criteriaOf(roundId);
  for (const key of keys) {
    const points = SCORES[role][key];
    if (!points) throw new Error(`${role} does not score ${key}`);
    const assignment = assignmentsOfRound(roundId).find(
      (a) =>
        a.jurorId === juror.id &&
        a.applicationId === world.applications[key].id &&
        a.status === 'active',
    );
    if (!assignment) throw new Error(`${role} is not assigned to ${key}`);
    const result = saveScore(
      browserRequest(),
      sessionUserOf(juror),
      assignment.id,
      {
        items: criteria.map((c, index) => ({
          criterionId: c.id,
          points: points[index]!,
          comment: '',
        })),
        overallComment: '',
      },
      true,
    );
    if (!result.ok) throw new Error(`score of ${role} on ${key} refused: ${result.error}`);
  }
}

/** The assignment of one juror on one application (e.g. to reopen it). */
export function assignmentOf(
  world: RoundWorld,
  roundId: number,
  role: JurorRole,
  key: ApplicationKey,
) {
  return assignmentsOfRound(roundId).find(
    (a) => a.jurorId === world.jurors[role].id && a.applicationId === world.applications[key].id,
  )!;
}

/** The whole scenario in one call: the round created, assigned, opened, every score submitted. */
export function scoreWholeRound(world: RoundWorld): number {
  const staff = sessionUserOf(world.staff);
  const created = createRound(browserRequest(), staff, world.competition.id, roundInput());
  if (!created.ok) throw new Error('round not created');
  const roundId = created.roundId;
  setRoundJurors(
    browserRequest(),
    staff,
    roundId,
    Object.values(world.jurors).map((j) => j.id),
  );
  declareForcingConflicts(world, roundId);
  assignRound(browserRequest(), staff, roundId);
  openRound(browserRequest(), staff, roundId);
  for (const role of ['harsh', 'lenient', 'middle'] as const) submitScores(world, roundId, role);
  return roundId;
}
