// A competition ready for decisions: the hand-computed jury round of round-scenario.ts, scored
// by its harsh, lenient and middle jurors — each leaving a comment of her own on every
// application — and closed. The final ranking (means, normalisation off) is A1 75, A2 57.5,
// A3 55, A4 52.5; every application requests 100 000 som (the factories' greenhouse budget);
// grants run from 50 000 to 150 000 som. The families of A1 and A2 have accounts and may be
// e-mailed; A3 and A4 were registered by a facilitator and are told in person.
import { writeTransaction } from '~db/client';
import type { Locale } from '~db/schema/people';
import { criteriaOf, assignmentsOfRound } from '~/models/jury.server';
import { replaceCompetitionLocalities, updateCompetitionRow } from '~/models/competition.server';
import { updateHouseholdRow } from '~/models/household.server';
import {
  assignRound,
  closeRound,
  createRound,
  openRound,
  saveScore,
  setRoundJurors,
} from '~/services/jury.server';
import { browserRequest, createUser } from './factories';
import {
  APPLICATIONS,
  SCORES,
  declareForcingConflicts,
  roundInput,
  roundWorld,
  type ApplicationKey,
  type JurorRole,
  type RoundWorld,
} from './round-scenario';
import { sessionUserOf } from './session-user';

export const REQUESTED = 100_000_00;
export const MIN_GRANT = 50_000_00;
export const MAX_GRANT = 150_000_00;

/** What each juror wrote about each application she scored (never shown with her name). */
export const COMMENTS: Record<ApplicationKey, Partial<Record<JurorRole, string>>> = {
  A1: {
    lenient: 'Заказы на шторы уже есть у соседей — хороший старт.',
    middle: 'Стоит посчитать стоимость ткани точнее.',
  },
  A2: {
    harsh: 'Корма зимой дорогие; в бюджете этого не видно.',
    middle: 'Понятный рынок сбыта в райцентре.',
  },
  A3: {
    harsh: 'Договор со школой пока только устный.',
    lenient: 'Школе действительно нужен хлеб каждый день.',
  },
  A4: {
    lenient: 'Жүн сатуу боюнча тажрыйбасы бар.',
    middle: 'Рынок для шерсти небольшой; подумайте о валяных изделиях.',
  },
};

export type DecisionWorld = RoundWorld & {
  roundId: number;
  families: Partial<Record<ApplicationKey, { email: string; locale: Locale }>>;
};

export async function decisionWorld(
  options: {
    budget?: number;
    quota?: number | null;
    staffLocale?: Locale;
    /** Leave the round open (scored, not closed): decisions must wait. */
    leaveOpen?: boolean;
  } = {},
): Promise<DecisionWorld> {
  const world = await roundWorld({ staffLocale: options.staffLocale ?? 'ru' });
  const competitionId = world.competition.id;
  writeTransaction((tx) => {
    updateCompetitionRow(tx, competitionId, {
      budgetTotal: options.budget ?? 300_000_00,
      minGrant: MIN_GRANT,
      maxGrant: MAX_GRANT,
    });
    replaceCompetitionLocalities(tx, competitionId, [
      { localityId: world.village.id, quota: options.quota ?? null },
    ]);
  });
  const families: DecisionWorld['families'] = {};
  for (const [key, locale] of [
    ['A1', 'ru'],
    ['A2', 'ky'],
  ] as const) {
    const email = `family-${key.toLowerCase()}-${world.suffix}@test.example`;
    const user = await createUser({ roles: ['applicant'], locale, email });
    writeTransaction((tx) =>
      updateHouseholdRow(tx, world.applications[key].household.id, { userId: user.id }),
    );
    families[key] = { email, locale };
  }

  const staff = sessionUserOf(world.staff);
  const created = createRound(browserRequest(), staff, competitionId, roundInput());
  if (!created.ok) throw new Error('round not created');
  const roundId = created.roundId;
  const roles: JurorRole[] = ['harsh', 'lenient', 'middle'];
  setRoundJurors(
    browserRequest(),
    staff,
    roundId,
    roles.map((role) => world.jurors[role].id),
  );
  declareForcingConflicts(world, roundId);
  const assigned = assignRound(browserRequest(), staff, roundId);
  if (!assigned.ok) throw new Error('round not assigned');
  openRound(browserRequest(), staff, roundId);
  const criteria = criteriaOf(roundId);
  for (const role of roles) {
    const juror = world.jurors[role];
    for (const key of APPLICATIONS) {
      const points = SCORES[role][key];
      if (!points) continue;
      const assignment = assignmentsOfRound(roundId).find(
        (a) =>
          a.jurorId === juror.id &&
          a.applicationId === world.applications[key].id &&
          a.status === 'active',
      )!;
      const saved = saveScore(
        browserRequest(),
        sessionUserOf(juror),
        assignment.id,
        {
          items: criteria.map((c, index) => ({
            criterionId: c.id,
            points: points[index]!,
            comment: '',
          })),
          overallComment: COMMENTS[key][role] ?? '',
        },
        true,
      );
      if (!saved.ok) throw new Error(`score refused: ${saved.error}`);
    }
  }
  if (!options.leaveOpen) closeRound(browserRequest(), staff, roundId);
  return { ...world, roundId, families };
}
