// The jury in the demo. The pilot's two rounds (spring 2024) are finished. The Kant competition
// shows the jury at work: round 1 finished — five jurors, one harsh and one lenient, so that
// normalising visibly changes the order, and jurors who disagree by more than the threshold on
// some applications — and round 2 open now, with scores still to come.
// Idempotent: nothing is written when a competition already has rounds.
import { eq } from 'drizzle-orm';
import type { Tx } from '../client';
import { users } from '../schema/people';
import {
  findApplication,
  insertStatusHistory,
  listApplicationsForScreening,
  updateApplicationRow,
} from '../../app/models/application.server';
import { appendAudit } from '../../app/models/audit.server';
import {
  assignmentFacts,
  assignmentsOfRound,
  criteriaOf,
  insertAssignmentRows,
  insertRound,
  markAdvanced,
  markConflictsDeclared,
  replaceCriteria,
  replaceJurorConflicts,
  replaceScoreItems,
  roundsOfCompetition,
  setRoundJurorRows,
  setRoundPool,
  updateRoundRow,
  upsertScoreRow,
} from '../../app/models/jury.server';
import { findHouseholdByRegisterNumber } from '../../app/models/household.server';
import { submittedPointsOfRound } from '../../app/models/round-ranking.server';
import { assignJurors, conflictKey } from '../../app/services/assignment.server';
import { rankRound } from '../../app/services/ranking.server';
import { zonedLocalToUtc } from '../../app/utils/timezone';
import type { Locale } from '../../app/i18n/config';

const DAY = 24 * 60 * 60_000;
const bishkek = (local: string) => zonedLocalToUtc(local, 'Asia/Bishkek')!;

/** How each demo juror scores: harshness (added to every mark, as a share of the maximum). */
const JURORS = [
  { email: 'almaz.juror@ishenim.example', bias: -0.22 }, // harsh
  { email: 'elena.juror@ishenim.example', bias: 0.18 }, // lenient
  { email: 'cholpon.juror@ishenim.example', bias: 0 },
  { email: 'azamat.juror@ishenim.example', bias: -0.06 },
  { email: 'olga.juror@ishenim.example', bias: 0.08 },
];

const ROUND_1_CRITERIA = [
  {
    titleKy: 'Идея жана рынок',
    titleRu: 'Идея и рынок',
    titleEn: 'Idea and market',
    descriptionKy: 'Идея түшүнүктүүбү, сатып алуучулар барбы, алар кантип табылат?',
    descriptionRu: 'Понятна ли идея, есть ли покупатели и как их найти?',
    descriptionEn: 'Is the idea clear; are there buyers, and how will the family reach them?',
    maxPoints: 10,
    weight: 3,
  },
  {
    titleKy: 'Чыныгы бюджет',
    titleRu: 'Реалистичный бюджет',
    titleEn: 'A realistic budget',
    descriptionKy: 'Баалар чыныгыбы, керектүү нерселердин баары бюджетте барбы?',
    descriptionRu: 'Реальны ли цены, всё ли нужное учтено в бюджете?',
    descriptionEn: 'Are the prices real, and is everything needed in the budget?',
    maxPoints: 10,
    weight: 2,
  },
  {
    titleKy: 'Үй-бүлөнүн тажрыйбасы',
    titleRu: 'Опыт семьи',
    titleEn: "The family's experience",
    descriptionKy: 'Үй-бүлө бул ишти билеби же үйрөнө алабы?',
    descriptionRu: 'Знает ли семья это дело или может ли научиться?',
    descriptionEn: 'Does the family know this work, or can it learn it?',
    maxPoints: 5,
    weight: 1,
  },
  {
    titleKy: 'Киреше жана жумуш орундары',
    titleRu: 'Доход и рабочие места',
    titleEn: 'Income and jobs',
    descriptionKy: 'Бизнес келинге жана үй-бүлөгө туруктуу киреше алып келеби?',
    descriptionRu: 'Принесёт ли дело устойчивый доход невестке и семье?',
    descriptionEn: 'Will the business bring a steady income to the kelin and the family?',
    maxPoints: 5,
    weight: 1,
  },
];

const ROUND_2_CRITERIA = [
  {
    titleKy: 'Бизнес-план',
    titleRu: 'Бизнес-план',
    titleEn: 'Business plan',
    descriptionKy: 'Кирешелер, чыгашалар жана биринчи айлар ойлонулганбы?',
    descriptionRu: 'Продуманы ли доходы, расходы и первые месяцы?',
    descriptionEn: 'Are income, costs and the first months thought through?',
    maxPoints: 10,
    weight: 2,
  },
  {
    titleKy: 'Үй-бүлөнүн даярдыгы',
    titleRu: 'Готовность семьи',
    titleEn: "The family's readiness",
    descriptionKy: 'Келин бизнести башкара алабы, үй-бүлө аны колдойбу?',
    descriptionRu: 'Сможет ли невестка вести дело, поддерживает ли её семья?',
    descriptionEn: 'Can the kelin run the business, and does the family support her?',
    maxPoints: 10,
    weight: 1,
  },
];

const COMMENTS_RU = [
  'Хорошо продумано.',
  'Рынок описан слабо.',
  'Цены реальные.',
  'Нужно уточнить расходы.',
  'Сильная идея.',
];
const COMMENTS_KY = [
  'Жакшы ойлонулган.',
  'Рынок начар сүрөттөлгөн.',
  'Баалар чыныгы.',
  'Чыгашаларды тактоо керек.',
  'Күчтүү идея.',
];

/** A repeatable number in [0, 1) from a few integers (the same seed gives the same demo). */
function hash01(...parts: number[]): number {
  let h = 2166136261;
  for (const part of parts) {
    h ^= part;
    h = Math.imul(h, 16777619) >>> 0;
    h ^= h >>> 13;
  }
  return (h % 10_000) / 10_000;
}

type Juror = { id: number; localityId: number | null; locale: Locale; bias: number };

function scoreRound(
  tx: Tx,
  roundId: number,
  jurors: Juror[],
  submittedAt: Date,
  submitShare: (juror: Juror, index: number) => boolean,
) {
  const criteria = criteriaOf(roundId, tx);
  assignmentsOfRound(roundId, tx).forEach((assignment, index) => {
    const juror = jurors.find((j) => j.id === assignment.jurorId)!;
    if (!submitShare(juror, index)) return;
    // Every application has a quality of its own; each juror adds her habit and some noise.
    const quality = 0.35 + 0.6 * hash01(assignment.applicationId, 7);
    const items = criteria.map((criterion) => {
      const noise = (hash01(assignment.applicationId, juror.id, criterion.id) - 0.5) * 0.16;
      const share = Math.min(1, Math.max(0, quality + juror.bias + noise));
      const comments = juror.locale === 'ky' ? COMMENTS_KY : COMMENTS_RU;
      return {
        criterionId: criterion.id,
        points: Math.round(share * criterion.maxPoints),
        comment:
          hash01(assignment.id, criterion.id) < 0.35
            ? comments[(assignment.id + criterion.id) % comments.length]!
            : '',
      };
    });
    const score = upsertScoreRow(tx, assignment.id, {
      status: 'submitted',
      submittedAt,
      overallComment: juror.locale === 'ky' ? 'Жалпысынан жакшы арыз.' : 'В целом хорошая заявка.',
    });
    replaceScoreItems(tx, score.id, items);
  });
}

function assign(
  tx: Tx,
  roundId: number,
  applicationIds: number[],
  jurors: Juror[],
  perApplication: number,
  conflicts: Set<string>,
) {
  const result = assignJurors({
    applications: assignmentFacts(applicationIds, tx),
    jurors: jurors.map((j) => ({ id: j.id, localityId: j.localityId })),
    jurorsPerApplication: perApplication,
    conflicts,
    excludeOwnLocality: true,
  });
  if (!result.ok) throw new Error(`demo assignment failed: ${JSON.stringify(result.problems)}`);
  setRoundPool(tx, roundId, applicationIds);
  insertAssignmentRows(
    tx,
    result.pairs.map((pair) => ({ roundId, ...pair, assignedById: null })),
  );
}

type RoundPlan = {
  /** What the round judges, in each language; pages put "Round 1:" before it. */
  names: { ky: string; ru: string; en: string };
  opensAt: Date;
  closesAt: Date;
  declaredAt: Date;
  scoredAt: Date;
  /** Closed with every score in, or open with some still to come. */
  closedAt: Date | null;
};

function roundNames(names: RoundPlan['names']) {
  return { name: names.ky, nameKy: names.ky, nameRu: names.ru, nameEn: names.en };
}

type JuryPlan = {
  /** Register numbers of the households a juror knows (declared before round 1). */
  conflicts: { juror: string; registerNumbers: string[] }[];
  round1: RoundPlan;
  shortlist: number;
  advancedAt: Date;
  round2: RoundPlan;
};

function staffAndJurors(tx: Tx) {
  const staff = tx
    .select()
    .from(users)
    .where(eq(users.email, 'nurgul.staff@ishenim.example'))
    .get()!;
  const jurors: (Juror & { email: string })[] = JURORS.map(({ email, bias }) => {
    const user = tx.select().from(users).where(eq(users.email, email)).get()!;
    return { id: user.id, localityId: user.localityId, locale: user.locale, bias, email };
  });
  return { staff, jurors };
}

/**
 * Two rounds of a screened competition, written row by row with the dates of the story (the
 * services would stamp today): round 1 blind with all five jurors — one harsh, one lenient —
 * normalised, its top applications advanced; round 2 with three jurors, not blind.
 */
function seedRounds(tx: Tx, competitionId: number, plan: JuryPlan): { rounds: number } {
  const existing = roundsOfCompetition(competitionId, tx);
  if (existing.length > 0) {
    // A demo seeded when round titles had one language gets them in three.
    for (const round of existing) {
      const names = round.number === 1 ? plan.round1.names : plan.round2.names;
      if (!round.nameKy && !round.nameRu && !round.nameEn)
        updateRoundRow(tx, round.id, roundNames(names));
    }
    return { rounds: 0 };
  }
  const { staff, jurors } = staffAndJurors(tx);
  const [cholpon, azamat, olga] = [jurors[2]!, jurors[3]!, jurors[4]!];

  // Round 1: every eligible application, two jurors each, blind.
  const round1 = insertRound(tx, {
    competitionId,
    number: 1,
    ...roundNames(plan.round1.names),
    jurorsPerApplication: 2,
    isBlind: true,
    excludeOwnLocality: true,
    opensAt: plan.round1.opensAt,
    closesAt: plan.round1.closesAt,
    status: 'closed',
    closedAt: plan.round1.closedAt,
    disagreementThreshold: 25,
    normalise: true,
  });
  replaceCriteria(tx, round1.id, ROUND_1_CRITERIA);
  setRoundJurorRows(
    tx,
    round1.id,
    jurors.map((j) => j.id),
  );
  const conflictKeys = new Set<string>();
  for (const { juror: email, registerNumbers } of plan.conflicts) {
    const juror = jurors.find((j) => j.email === email)!;
    const known = registerNumbers
      .map((number) => findHouseholdByRegisterNumber(number, tx))
      .filter((h) => h !== undefined);
    replaceJurorConflicts(
      tx,
      competitionId,
      juror.id,
      known.map((h) => h.id),
    );
    for (const household of known) conflictKeys.add(conflictKey(juror.id, household.id));
  }
  for (const juror of jurors)
    markConflictsDeclared(tx, round1.id, juror.id, plan.round1.declaredAt);
  const eligible = listApplicationsForScreening({ competitionId })
    .filter((a) => a.status === 'eligible')
    .map((a) => a.id);
  assign(tx, round1.id, eligible, jurors, 2, conflictKeys);
  scoreRound(tx, round1.id, jurors, plan.round1.scoredAt, () => true);

  // Staff normalised the ranking (the harsh and the lenient juror weigh the same) and advanced
  // the top of it.
  const criteria = criteriaOf(round1.id, tx);
  const scores = new Map<
    string,
    { applicationId: number; jurorId: number; points: Map<number, number> }
  >();
  for (const item of submittedPointsOfRound(round1.id, tx)) {
    const key = `${item.applicationId}:${item.jurorId}`;
    const entry = scores.get(key) ?? {
      applicationId: item.applicationId,
      jurorId: item.jurorId,
      points: new Map(),
    };
    entry.points.set(item.criterionId, item.points ?? 0);
    scores.set(key, entry);
  }
  const ranked = rankRound({
    criteria: criteria.map((c) => ({
      id: c.id,
      maxPoints: c.maxPoints,
      weight: c.weight,
      position: c.position,
    })),
    applications: eligible.map((id) => ({ id, submittedAt: findApplication(id, tx)!.submittedAt })),
    scores: [...scores.values()],
    normalise: true,
    disagreementThreshold: 25,
  });
  const shortlist = ranked.slice(0, plan.shortlist).map((r) => r.applicationId);
  markAdvanced(tx, round1.id, shortlist, plan.advancedAt);
  for (const applicationId of eligible) {
    insertStatusHistory(tx, {
      applicationId,
      fromStatus: 'eligible',
      toStatus: 'in-review',
      changedById: staff.id,
      createdAt: round1.opensAt,
    });
  }
  for (const applicationId of shortlist) {
    insertStatusHistory(tx, {
      applicationId,
      fromStatus: 'in-review',
      toStatus: 'shortlisted',
      changedById: staff.id,
      createdAt: plan.advancedAt,
    });
  }

  // Round 2: the shortlist, two jurors each, not blind (they meet the families).
  const round2 = insertRound(tx, {
    competitionId,
    number: 2,
    ...roundNames(plan.round2.names),
    jurorsPerApplication: 2,
    isBlind: false,
    excludeOwnLocality: true,
    opensAt: plan.round2.opensAt,
    closesAt: plan.round2.closesAt,
    status: plan.round2.closedAt ? 'closed' : 'open',
    closedAt: plan.round2.closedAt,
    disagreementThreshold: 25,
    normalise: false,
  });
  replaceCriteria(tx, round2.id, ROUND_2_CRITERIA);
  const round2Jurors = [cholpon, azamat, olga];
  setRoundJurorRows(
    tx,
    round2.id,
    round2Jurors.map((j) => j.id),
  );
  for (const juror of round2Jurors)
    markConflictsDeclared(tx, round2.id, juror.id, plan.round2.declaredAt);
  assign(tx, round2.id, shortlist, round2Jurors, 2, conflictKeys);
  for (const applicationId of shortlist) {
    updateApplicationRow(tx, applicationId, { status: 'in-review' });
    insertStatusHistory(tx, {
      applicationId,
      fromStatus: 'shortlisted',
      toStatus: 'in-review',
      changedById: staff.id,
      createdAt: round2.opensAt,
    });
  }
  if (plan.round2.closedAt) {
    scoreRound(tx, round2.id, jurors, plan.round2.scoredAt, () => true);
  } else {
    // Чолпон has scored everything, Азамат half; Ольга has hers still to do.
    scoreRound(tx, round2.id, jurors, plan.round2.scoredAt, (juror, index) =>
      juror.id === cholpon.id ? true : juror.id === azamat.id ? index % 2 === 0 : false,
    );
  }
  // The applications not advanced wait for the decision with the jury's round-1 result.
  for (const applicationId of eligible.filter((id) => !shortlist.includes(id))) {
    updateApplicationRow(tx, applicationId, { status: 'in-review' });
  }
  appendAudit(tx, {
    actorUserId: null,
    action: 'demo.rounds-created',
    entityType: 'competition',
    entityId: competitionId,
    after: { rounds: [round1.id, round2.id], shortlist },
  });
  return { rounds: 2 };
}

/**
 * The pilot's jury, February 2024: round 1 in early February (Чолпон knows the Yusupov family in
 * Osh and declared it), the ten best to round 2 in late February, every score in, both rounds
 * closed; the results follow in March (demo-decisions.ts).
 */
export function seedPilotRounds(tx: Tx, pilotId: number): { rounds: number } {
  const seeded = seedRounds(tx, pilotId, {
    conflicts: [{ juror: 'cholpon.juror@ishenim.example', registerNumbers: ['OSH-0203'] }],
    round1: {
      names: { ky: 'Бизнес идеялар', ru: 'Бизнес-идеи', en: 'Business ideas' },
      opensAt: bishkek('2024-02-05T09:00'),
      closesAt: bishkek('2024-02-15T18:00'),
      declaredAt: bishkek('2024-02-03T12:00'),
      scoredAt: bishkek('2024-02-13T16:00'),
      closedAt: bishkek('2024-02-16T10:00'),
    },
    shortlist: 10,
    advancedAt: bishkek('2024-02-17T11:00'),
    round2: {
      names: {
        ky: 'Бизнес-планды коргоо',
        ru: 'Защита бизнес-плана',
        en: 'Defending the business plan',
      },
      opensAt: bishkek('2024-02-19T09:00'),
      closesAt: bishkek('2024-02-28T18:00'),
      declaredAt: bishkek('2024-02-18T12:00'),
      scoredAt: bishkek('2024-02-27T17:00'),
      closedAt: bishkek('2024-02-29T10:00'),
    },
  });
  finishPilotRound2(tx, pilotId);
  return seeded;
}

/**
 * A demo database seeded before the pilot was decided has its round 2 still open, half scored:
 * the missing scores come in and the round closes, so the decisions can follow.
 */
function finishPilotRound2(tx: Tx, pilotId: number) {
  const round2 = roundsOfCompetition(pilotId, tx).find((r) => r.number === 2);
  if (!round2 || round2.status !== 'open') return;
  const { jurors } = staffAndJurors(tx);
  const scored = new Set(
    submittedPointsOfRound(round2.id, tx).map((i) => `${i.applicationId}:${i.jurorId}`),
  );
  const assignments = assignmentsOfRound(round2.id, tx);
  scoreRound(tx, round2.id, jurors, bishkek('2024-02-27T17:00'), (juror, index) => {
    const a = assignments[index]!;
    return !scored.has(`${a.applicationId}:${juror.id}`);
  });
  updateRoundRow(tx, round2.id, {
    status: 'closed',
    opensAt: bishkek('2024-02-19T09:00'),
    closesAt: bishkek('2024-02-28T18:00'),
    closedAt: bishkek('2024-02-29T10:00'),
  });
  appendAudit(tx, {
    actorUserId: null,
    action: 'demo.round-closed',
    entityType: 'round',
    entityId: round2.id,
  });
}

/**
 * The Kant competition's jury now: round 1 closed a few weeks ago — the harsh Алмаз and the
 * lenient Елена make normalising change the order, and pairs who disagree are flagged — and
 * round 2 open, with scores still to come. Елена knows the Litvinenko family and declared it.
 */
export function seedKantRounds(tx: Tx, kantId: number, now: Date): { rounds: number } {
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  return seedRounds(tx, kantId, {
    conflicts: [{ juror: 'elena.juror@ishenim.example', registerNumbers: ['CHUI-KT-0310'] }],
    round1: {
      names: { ky: 'Бизнес идеялар', ru: 'Бизнес-идеи', en: 'Business ideas' },
      opensAt: at(-45),
      closesAt: at(-26),
      declaredAt: at(-47),
      scoredAt: at(-30),
      closedAt: at(-25),
    },
    shortlist: 6,
    advancedAt: at(-24),
    round2: {
      names: {
        ky: 'Бизнес-планды коргоо',
        ru: 'Защита бизнес-плана',
        en: 'Defending the business plan',
      },
      opensAt: at(-3),
      closesAt: at(12),
      declaredAt: at(-5),
      scoredAt: at(-1),
      closedAt: null,
    },
  });
}
