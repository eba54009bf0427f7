import { and, eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { db } from '~db/client';
import { applications } from '~db/schema/applications';
import { competitions } from '~db/schema/competitions';
import { jurorConflicts } from '~db/schema/jury';
import { mailOutbox } from '~db/schema/mail';
import {
  assignmentsOfRound,
  criteriaOf,
  findRound,
  roundApplicationRows,
  scoreOfAssignment,
} from '~/models/jury.server';
import { rolesOfUser } from '~/models/user.server';
import type { RoundFormInput } from '~/schemas/round';
import {
  advanceApplications,
  assignRound,
  closeRound,
  createRound,
  declareConflicts,
  moveAssignment,
  openRound,
  rankingOf,
  recuse,
  remindJurors,
  reopenScore,
  saveScore,
  setNormalisation,
  setRoundJurors,
} from '~/services/jury.server';
import { browserRequest, createLocality, createUser } from '../support/factories';
import {
  createApplication,
  createCompetition,
  createHousehold,
} from '../support/programme-factories';

type Person = Awaited<ReturnType<typeof createUser>>;
const session = (user: Person) => ({ user, roles: rolesOfUser(user.id), sessionId: 'test' });
const request = () => browserRequest();

function roundInput(overrides: Partial<RoundFormInput> = {}): RoundFormInput {
  const now = new Date();
  const local = (offsetDays: number) =>
    new Date(now.getTime() + 6 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 16);
  return {
    nameKy: 'Round 1',
    nameRu: '',
    nameEn: '',
    jurorsPerApplication: 2,
    isBlind: true,
    excludeOwnLocality: true,
    opensAt: local(-1),
    closesAt: local(10),
    disagreementThreshold: 25,
    criteria: [
      {
        titleKy: '',
        titleRu: 'Идея',
        titleEn: 'Idea',
        descriptionKy: '',
        descriptionRu: '',
        descriptionEn: '',
        maxPoints: 10,
        weight: 3,
      },
      {
        titleKy: '',
        titleRu: 'Бюджет',
        titleEn: 'Budget',
        descriptionKy: '',
        descriptionRu: '',
        descriptionEn: '',
        maxPoints: 5,
        weight: 1,
      },
    ],
    ...overrides,
  };
}

/** A competition in screening with six eligible applications in two villages, and four jurors. */
async function setup() {
  const north = createLocality();
  const south = createLocality();
  const staff = await createUser({ roles: ['staff'] });
  const competition = createCompetition({ localityIds: [north.id, south.id], status: 'screening' });
  const family = await createUser({ roles: ['applicant'] });
  const apps = [north, north, north, south, south, south].map((locality) => {
    const { household, members } = createHousehold({ localityId: locality.id });
    return {
      household,
      application: createApplication({
        competition,
        household,
        members,
        enteredBy: family,
        status: 'eligible',
      }),
    };
  });
  const jurors = [
    await createUser({ roles: ['juror'], localityId: north.id, locale: 'ru' }),
    await createUser({ roles: ['juror'], localityId: south.id, locale: 'ky' }),
    await createUser({ roles: ['juror'], localityId: null, locale: 'en' }),
    await createUser({ roles: ['juror'], localityId: null, locale: 'en' }),
  ];
  return { north, south, staff, competition, apps, jurors };
}

async function assignedRound() {
  const world = await setup();
  const created = createRound(request(), session(world.staff), world.competition.id, roundInput());
  if (!created.ok) throw new Error('round not created');
  expect(
    setRoundJurors(
      request(),
      session(world.staff),
      created.roundId,
      world.jurors.map((j) => j.id),
    ),
  ).toEqual({ ok: true });
  for (const juror of world.jurors)
    declareConflicts(request(), session(juror), created.roundId, []);
  expect(assignRound(request(), session(world.staff), created.roundId).ok).toBe(true);
  return { ...world, roundId: created.roundId };
}

function scoreInput(roundId: number, idea: number | null, budget: number | null) {
  const [ideaCriterion, budgetCriterion] = criteriaOf(roundId);
  return {
    items: [
      { criterionId: ideaCriterion!.id, points: idea, comment: '' },
      { criterionId: budgetCriterion!.id, points: budget, comment: '' },
    ],
    overallComment: 'Хорошая идея',
  };
}

describe('setting a round up', () => {
  test('needs the competition to have stopped taking applications', async () => {
    const staff = await createUser({ roles: ['staff'] });
    const competition = createCompetition({ status: 'open' });
    expect(createRound(request(), session(staff), competition.id, roundInput())).toEqual({
      ok: false,
      error: { error: 'jury:errors.competitionNotReady' },
    });
  });

  test('only people with the juror role can be its jurors', async () => {
    const { staff, competition } = await setup();
    const created = createRound(request(), session(staff), competition.id, roundInput());
    if (!created.ok) throw new Error('round not created');
    const applicant = await createUser({ roles: ['applicant'] });
    expect(setRoundJurors(request(), session(staff), created.roundId, [applicant.id])).toEqual({
      ok: false,
      error: 'jury:errors.notAJuror',
    });
  });
});

describe('assignment', () => {
  test('waits for every juror to declare her conflicts, and names who has not', async () => {
    const { staff, competition, jurors } = await setup();
    const created = createRound(request(), session(staff), competition.id, roundInput());
    if (!created.ok) throw new Error('round not created');
    setRoundJurors(
      request(),
      session(staff),
      created.roundId,
      jurors.map((j) => j.id),
    );
    declareConflicts(request(), session(jurors[0]!), created.roundId, []);
    const result = assignRound(request(), session(staff), created.roundId);
    expect(result).toEqual({
      ok: false,
      refusal: {
        kind: 'declarations-pending',
        jurorIds: jurors
          .slice(1)
          .map((j) => j.id)
          .sort((a, b) => a - b),
      },
    });
    expect(assignmentsOfRound(created.roundId)).toEqual([]);
  });

  test('respects declared conflicts and own villages, and balances the load', async () => {
    const { staff, competition, jurors, apps, north } = await setup();
    const created = createRound(request(), session(staff), competition.id, roundInput());
    if (!created.ok) throw new Error('round not created');
    setRoundJurors(
      request(),
      session(staff),
      created.roundId,
      jurors.map((j) => j.id),
    );
    const known = apps[3]!.household.id;
    declareConflicts(request(), session(jurors[2]!), created.roundId, [known]);
    for (const juror of [jurors[0]!, jurors[1]!, jurors[3]!])
      declareConflicts(request(), session(juror), created.roundId, []);
    expect(assignRound(request(), session(staff), created.roundId)).toEqual({
      ok: true,
      assigned: 12,
    });
    const rows = assignmentsOfRound(created.roundId);
    expect(rows).toHaveLength(12);
    expect(
      rows.some((a) => a.jurorId === jurors[2]!.id && a.applicationId === apps[3]!.application.id),
    ).toBe(false);
    const northApps = new Set(
      apps.filter((a) => a.household.localityId === north.id).map((a) => a.application.id),
    );
    expect(rows.some((a) => a.jurorId === jurors[0]!.id && northApps.has(a.applicationId))).toBe(
      false,
    );
    const loads = jurors.map((j) => rows.filter((a) => a.jurorId === j.id).length);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    expect(roundApplicationRows(created.roundId)).toHaveLength(6);
  });

  test('when the rules cannot be met nothing is written, and the application that lacks jurors is named', async () => {
    const { staff, competition, jurors, apps } = await setup();
    const created = createRound(
      request(),
      session(staff),
      competition.id,
      roundInput({ jurorsPerApplication: 3 }),
    );
    if (!created.ok) throw new Error('round not created');
    setRoundJurors(
      request(),
      session(staff),
      created.roundId,
      jurors.map((j) => j.id),
    );
    // Two jurors know the first family: with one living in the north too, only one is left.
    declareConflicts(request(), session(jurors[2]!), created.roundId, [apps[0]!.household.id]);
    declareConflicts(request(), session(jurors[3]!), created.roundId, [apps[0]!.household.id]);
    for (const juror of [jurors[0]!, jurors[1]!])
      declareConflicts(request(), session(juror), created.roundId, []);
    const result = assignRound(request(), session(staff), created.roundId);
    expect(result.ok).toBe(false);
    if (result.ok || result.refusal.kind !== 'constraints')
      throw new Error('expected constraint problems');
    expect(result.refusal.problems[0]).toMatchObject({
      kind: 'too-few-jurors',
      applicationId: apps[0]!.application.id,
      needed: 3,
    });
    expect(assignmentsOfRound(created.roundId)).toEqual([]);
  });

  test('staff move an assignment only within the rules', async () => {
    const { staff, roundId, jurors, apps } = await assignedRound();
    const rows = assignmentsOfRound(roundId);
    const onFirst = rows.filter((a) => a.applicationId === apps[0]!.application.id);
    const free = jurors.find((j) => !onFirst.some((a) => a.jurorId === j.id))!;
    const target = onFirst[0]!;
    const result = moveAssignment(request(), session(staff), target.id, free.id);
    // jurors[0] lives in the north, like the first family: she may never take it.
    if (free.id === jurors[0]!.id) expect(result).toEqual({ ok: false, error: 'not-eligible' });
    else expect(result).toEqual({ ok: true });
    expect(moveAssignment(request(), session(staff), target.id, onFirst[1]!.jurorId)).toEqual({
      ok: false,
      error: 'already-assigned',
    });
  });
});

describe('scoring', () => {
  test('opening tells each juror in her language and puts the applications with the jury', async () => {
    const { staff, roundId, jurors, competition, apps } = await assignedRound();
    expect(openRound(request(), session(staff), roundId)).toEqual({ ok: true });
    expect(
      db.select().from(competitions).where(eq(competitions.id, competition.id)).get()!.status,
    ).toBe('judging');
    expect(
      db.select().from(applications).where(eq(applications.id, apps[0]!.application.id)).get()!
        .status,
    ).toBe('in-review');
    const mails = db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.template, 'jury-assignment'))
      .all();
    const toKyrgyzJuror = mails.find((m) => m.recipientUserId === jurors[1]!.id)!;
    expect(toKyrgyzJuror.subject).toBe('Ишеним: жаңы билдирүү');
    expect(toKyrgyzJuror.text).toContain('«Round 1» турунда');
    expect(mails.find((m) => m.recipientUserId === jurors[0]!.id)!.text).toContain('Вам назначен');
  });

  test('a juror saves, comes back, submits; then it is locked', async () => {
    const { staff, roundId, jurors } = await assignedRound();
    openRound(request(), session(staff), roundId);
    const juror = jurors[2]!;
    const mine = assignmentsOfRound(roundId).find((a) => a.jurorId === juror.id)!;
    expect(
      saveScore(request(), session(juror), mine.id, scoreInput(roundId, 7, null), false),
    ).toEqual({ ok: true });
    expect(scoreOfAssignment(mine.id)!.status).toBe('draft');
    expect(
      saveScore(request(), session(juror), mine.id, scoreInput(roundId, 7, null), true),
    ).toMatchObject({
      ok: false,
      error: 'incomplete',
    });
    expect(
      saveScore(request(), session(juror), mine.id, scoreInput(roundId, 11, 3), true),
    ).toMatchObject({
      ok: false,
      error: 'out-of-range',
    });
    expect(saveScore(request(), session(juror), mine.id, scoreInput(roundId, 7, 3), true)).toEqual({
      ok: true,
    });
    expect(saveScore(request(), session(juror), mine.id, scoreInput(roundId, 9, 5), true)).toEqual({
      ok: false,
      error: 'locked',
    });
  });

  test('nobody scores an application not assigned to her, or outside the round’s window', async () => {
    const { staff, roundId, jurors } = await assignedRound();
    openRound(request(), session(staff), roundId);
    const someoneElses = assignmentsOfRound(roundId).find((a) => a.jurorId !== jurors[2]!.id)!;
    expect(
      saveScore(request(), session(jurors[2]!), someoneElses.id, scoreInput(roundId, 5, 5), false),
    ).toEqual({
      ok: false,
      error: 'not-found',
    });
    const mine = assignmentsOfRound(roundId).find((a) => a.jurorId === jurors[2]!.id)!;
    const later = new Date(Date.now() + 30 * 86_400_000);
    expect(
      saveScore(request(), session(jurors[2]!), mine.id, scoreInput(roundId, 5, 5), false, later),
    ).toEqual({
      ok: false,
      error: 'window-closed',
    });
    closeRound(request(), session(staff), roundId);
    expect(
      saveScore(request(), session(jurors[2]!), mine.id, scoreInput(roundId, 5, 5), false),
    ).toEqual({
      ok: false,
      error: 'window-closed',
    });
  });

  test('staff reopen a submitted score with a reason, and the juror can correct it', async () => {
    const { staff, roundId, jurors } = await assignedRound();
    openRound(request(), session(staff), roundId);
    const juror = jurors[3]!;
    const mine = assignmentsOfRound(roundId).find((a) => a.jurorId === juror.id)!;
    saveScore(request(), session(juror), mine.id, scoreInput(roundId, 2, 1), true);
    expect(reopenScore(request(), session(staff), mine.id, 'Баллы перепутаны')).toEqual({
      ok: true,
    });
    expect(scoreOfAssignment(mine.id)).toMatchObject({
      status: 'draft',
      reopenReason: 'Баллы перепутаны',
    });
    expect(saveScore(request(), session(juror), mine.id, scoreInput(roundId, 8, 4), true)).toEqual({
      ok: true,
    });
  });

  test('a juror who recuses is replaced by the eligible juror with the lightest load', async () => {
    const { staff, roundId, jurors, apps } = await assignedRound();
    openRound(request(), session(staff), roundId);
    const juror = jurors[3]!;
    const mine = assignmentsOfRound(roundId).find((a) => a.jurorId === juror.id)!;
    const result = recuse(request(), session(juror), mine.id, 'Это семья моей сестры');
    expect(result.ok).toBe(true);
    const after = assignmentsOfRound(roundId);
    expect(after.find((a) => a.id === mine.id)!.status).toBe('recused');
    const active = after.filter(
      (a) => a.applicationId === mine.applicationId && a.status === 'active',
    );
    expect(active).toHaveLength(2);
    const householdId = apps.find((a) => a.application.id === mine.applicationId)!.household.id;
    expect(
      db
        .select()
        .from(jurorConflicts)
        .where(
          and(eq(jurorConflicts.jurorId, juror.id), eq(jurorConflicts.householdId, householdId)),
        )
        .all(),
    ).toHaveLength(1);
  });

  test('reminders go only to jurors with scores still to submit', async () => {
    const { staff, roundId, jurors } = await assignedRound();
    openRound(request(), session(staff), roundId);
    for (const a of assignmentsOfRound(roundId).filter((x) => x.jurorId === jurors[2]!.id)) {
      saveScore(request(), session(jurors[2]!), a.id, scoreInput(roundId, 5, 5), true);
    }
    expect(remindJurors(request(), session(staff), roundId)).toEqual({ ok: true, reminded: 3 });
    const reminded = db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.template, 'jury-reminder'))
      .all();
    expect(reminded.map((m) => m.recipientUserId)).not.toContain(jurors[2]!.id);
  });
});

describe('ranking and advancing', () => {
  test('ranks by submitted scores, normalises on request, and advances the top N', async () => {
    const { staff, roundId, jurors, competition } = await assignedRound();
    openRound(request(), session(staff), roundId);
    const rows = assignmentsOfRound(roundId);
    // Every juror scores: the better the application's id, the higher.
    for (const a of rows) {
      const idea = (a.applicationId % 6) + 3;
      saveScore(
        request(),
        session(jurors.find((j) => j.id === a.jurorId)!),
        a.id,
        scoreInput(roundId, idea, 3),
        true,
      );
    }
    expect(advanceApplications(request(), session(staff), roundId, { topN: 2 })).toEqual({
      ok: false,
      error: 'not-closed',
    });
    closeRound(request(), session(staff), roundId);
    const ranking = rankingOf(roundId)!;
    expect(ranking.ranked).toHaveLength(6);
    expect(ranking.ranked.every((r) => r.jurors.length === 2)).toBe(true);
    const raw = ranking.ranked.map((r) => r.score);
    expect([...raw].sort((a, b) => b! - a!)).toEqual(raw);
    setNormalisation(request(), session(staff), roundId, true);
    expect(findRound(roundId)!.normalise).toBe(true);
    expect(rankingOf(roundId)!.ranked[0]!.score).toBe(
      rankingOf(roundId)!.ranked[0]!.normalisedScore,
    );

    const top = rankingOf(roundId)!
      .ranked.slice(0, 2)
      .map((r) => r.applicationId);
    expect(advanceApplications(request(), session(staff), roundId, { topN: 2 })).toEqual({
      ok: true,
      advanced: 2,
    });
    for (const id of top) {
      expect(db.select().from(applications).where(eq(applications.id, id)).get()!.status).toBe(
        'shortlisted',
      );
    }
    // Round 2 takes exactly the advanced ones.
    const second = createRound(
      request(),
      session(staff),
      competition.id,
      roundInput({ nameKy: 'Round 2', jurorsPerApplication: 1 }),
    );
    if (!second.ok) throw new Error('round 2 not created');
    setRoundJurors(request(), session(staff), second.roundId, [jurors[2]!.id, jurors[3]!.id]);
    for (const juror of [jurors[2]!, jurors[3]!])
      declareConflicts(request(), session(juror), second.roundId, []);
    expect(assignRound(request(), session(staff), second.roundId)).toEqual({
      ok: true,
      assigned: 2,
    });
    expect(
      roundApplicationRows(second.roundId)
        .map((r) => r.applicationId)
        .sort(),
    ).toEqual([...top].sort());
  });
});
