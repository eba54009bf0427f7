// A competition decided and (optionally) announced, for the result pages: the hand-computed jury
// round of round-scenario.ts (mean order A1, A2, A3, A4), with families that can sign in.
//
//   A1  awarded 100 000 som   her own account, Russian, e-mailed        (she consents)
//   A2  awarded 120 000 som   her own account, Kyrgyz, e-mailed         (she may decline)
//   A3  waitlisted, place 1   no account: her facilitator tells her     (feedback written)
//   A4  not selected          her own account, Russian, no e-mail: told in person (feedback)
//
// Every household has its own names, so a page can be scanned for any of them.
import { writeTransaction } from '~db/client';
import type { Competition } from '~db/schema/competitions';
import type { User } from '~db/schema/people';
import type { Locale } from '~/i18n/config';
import { updateHouseholdRow, type MemberInput } from '~/models/household.server';
import { announce, decide, setFeedback } from '~/services/decisions.server';
import {
  assignRound,
  closeRound,
  createRound,
  openRound,
  setRoundJurors,
} from '~/services/jury.server';
import { browserRequest, createLocality, createUser, uniqueSuffix } from './factories';
import { createApplication, createCompetition, createHousehold } from './programme-factories';
import {
  APPLICATIONS,
  declareForcingConflicts,
  roundInput,
  submitScores,
  type ApplicationKey,
  type JurorRole,
  type RoundWorld,
} from './round-scenario';
import { sessionUserOf } from './session-user';

const DAY = 24 * 60 * 60_000;

/** Each household's people: a head, his wife and the kelin who holds the grant. */
export const FAMILIES: Record<ApplicationKey, MemberInput[]> = {
  A1: [
    { firstName: 'Бакыт', lastName: 'Асанов', sex: 'male', birthYear: 1966, relation: 'head' },
    {
      firstName: 'Гульнара',
      lastName: 'Асанова',
      sex: 'female',
      birthYear: 1970,
      relation: 'spouse',
    },
    {
      firstName: 'Айпери',
      lastName: 'Турдубаева',
      sex: 'female',
      birthYear: 1996,
      relation: 'daughter-in-law',
    },
  ],
  A2: [
    { firstName: 'Марат', lastName: 'Жумабеков', sex: 'male', birthYear: 1961, relation: 'head' },
    {
      firstName: 'Жылдыз',
      lastName: 'Жумабекова',
      sex: 'female',
      birthYear: 1964,
      relation: 'spouse',
    },
    {
      firstName: 'Нургуль',
      lastName: 'Осмонова',
      sex: 'female',
      birthYear: 1993,
      relation: 'daughter-in-law',
    },
  ],
  A3: [
    { firstName: 'Эрмек', lastName: 'Сыдыков', sex: 'male', birthYear: 1959, relation: 'head' },
    {
      firstName: 'Салтанат',
      lastName: 'Сыдыкова',
      sex: 'female',
      birthYear: 1962,
      relation: 'spouse',
    },
    {
      firstName: 'Бермет',
      lastName: 'Казакбаева',
      sex: 'female',
      birthYear: 1990,
      relation: 'daughter-in-law',
    },
  ],
  A4: [
    { firstName: 'Улан', lastName: 'Мамбетов', sex: 'male', birthYear: 1970, relation: 'head' },
    {
      firstName: 'Чолпон',
      lastName: 'Мамбетова',
      sex: 'female',
      birthYear: 1972,
      relation: 'spouse',
    },
    {
      firstName: 'Асель',
      lastName: 'Бообекова',
      sex: 'female',
      birthYear: 1998,
      relation: 'daughter-in-law',
    },
  ],
};

export const FEEDBACK = {
  A3: 'Сильная идея; до следующего раза уточните цены на оборудование.',
  A4: 'Опишите подробнее, кому и где вы будете продавать, и посчитайте расходы на корм.',
};

export const AWARDS = { A1: 100_000_00, A2: 120_000_00 };

export type ResultsWorld = RoundWorld & {
  facilitator: User;
  families: Record<'A1' | 'A2' | 'A4', User>;
  roundId: number;
};

const TITLES: Record<ApplicationKey, string> = {
  A1: 'Швейный цех: школьная форма на заказ',
  A2: 'Откорм телят к осенней ярмарке',
  A3: 'Пекарня лепёшек для сельской школы',
  A4: 'Курятник на 200 несушек',
};

/**
 * Staff have decided every application of the final round (A1 and A2 awarded, A3 waitlisted, A4
 * not selected, with feedback for A3 and A4); announced unless `announced: false`.
 */
export async function resultsWorld(
  options: {
    announced?: boolean;
    /** The competition's terms otherwise (a Kazakhstan one: KZT, Kazakh by default). */
    competition?: Partial<Omit<Competition, 'id'>>;
    /** The families' languages otherwise (A1 Russian, A2 Kyrgyz, A4 Russian). */
    locales?: Partial<Record<'A1' | 'A2' | 'A4', Locale>>;
  } = {},
): Promise<ResultsWorld> {
  const suffix = uniqueSuffix();
  const village = createLocality(`results-village-${suffix}`);
  const competition = createCompetition({
    localityIds: [village.id],
    status: 'screening',
    titleRu: `Конкурс итогов ${suffix}`,
    titleKy: `Жыйынтык сынагы ${suffix}`,
    titleEn: `Results competition ${suffix}`,
    referencePrefix: 'RS',
    ...options.competition,
  });
  const staff = await createUser({ roles: ['staff'], locale: 'ru', name: `Сотрудник ${suffix}` });
  const facilitator = await createUser({
    roles: ['facilitator'],
    worksIn: [village.id],
    locale: 'ru',
    name: `Гүлнара Фасилитатор ${suffix}`,
    phone: `+996700${String(parseInt(suffix, 16) % 1_000_000).padStart(6, '0')}`,
  });
  const jurors = {} as Record<JurorRole, User>;
  for (const role of ['harsh', 'lenient', 'middle'] as const) {
    jurors[role] = await createUser({
      roles: ['juror'],
      locale: 'ru',
      name: `Жюри ${role} ${suffix}`,
    });
  }
  const families = {
    A1: await createUser({ locale: options.locales?.A1 ?? 'ru', name: `Айпери ${suffix}` }),
    A2: await createUser({ locale: options.locales?.A2 ?? 'ky', name: `Нургуль ${suffix}` }),
    A4: await createUser({
      locale: options.locales?.A4 ?? 'ru',
      name: `Асель ${suffix}`,
      contactByEmail: false,
    }),
  };
  const applications = {} as RoundWorld['applications'];
  const start = Date.now() - 20 * DAY;
  APPLICATIONS.forEach((key, index) => {
    const account = key === 'A3' ? null : families[key];
    const { household, members } = createHousehold({
      localityId: village.id,
      user: account,
      members: FAMILIES[key],
      registeredBy: account ?? facilitator,
      consentBy: account ? undefined : facilitator,
    });
    if (key === 'A3') {
      writeTransaction((tx) => updateHouseholdRow(tx, household.id, { phone: '+996555112233' }));
    }
    const reference = `RS-${suffix}-000${index + 1}`;
    const application = createApplication({
      competition,
      household,
      members,
      enteredBy: account ?? facilitator,
      status: 'eligible',
      reference,
      title: TITLES[key],
      sector: index % 2 === 0 ? 'sewing' : 'livestock',
      submittedAt: new Date(start + index * DAY),
    });
    applications[key] = { id: application.id, reference, household };
  });
  const world = { suffix, competition, staff, jurors, applications, village };

  // The jury round, scored by everyone and closed: the final ranking.
  const request = browserRequest();
  const staffUser = sessionUserOf(staff);
  const created = createRound(request, staffUser, competition.id, roundInput());
  if (!created.ok) throw new Error('round not created');
  const roundId = created.roundId;
  setRoundJurors(
    request,
    staffUser,
    roundId,
    Object.values(jurors).map((j) => j.id),
  );
  declareForcingConflicts(world, roundId);
  assignRound(request, staffUser, roundId);
  openRound(request, staffUser, roundId);
  for (const role of ['harsh', 'lenient', 'middle'] as const) submitScores(world, roundId, role);
  const closed = closeRound(request, staffUser, roundId);
  if (!closed.ok) throw new Error('round not closed');

  const decisions: [ApplicationKey, Parameters<typeof decide>[3]][] = [
    ['A1', { decision: 'awarded', amount: AWARDS.A1 }],
    ['A2', { decision: 'awarded', amount: AWARDS.A2 }],
    ['A3', { decision: 'waitlisted' }],
    ['A4', { decision: 'not-selected' }],
  ];
  for (const [key, input] of decisions) {
    const result = decide(request, staffUser, applications[key].id, input);
    if (!result.ok) throw new Error(`decision on ${key} refused: ${result.error}`);
  }
  setFeedback(request, staffUser, applications.A3.id, FEEDBACK.A3);
  setFeedback(request, staffUser, applications.A4.id, FEEDBACK.A4);
  if (options.announced !== false) {
    const announced = announce(request, staffUser, competition.id);
    if (!announced.ok) throw new Error(`announcement refused: ${announced.error}`);
  }
  return { ...world, facilitator, families, roundId };
}
