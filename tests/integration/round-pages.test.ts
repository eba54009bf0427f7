// What staff read while running a round: progress, the round's overview, refusals explained with
// names and villages, and the ranking with its CSV and XLSX exports — checked against the
// hand-computed harsh / lenient / middle scenario (tests/support/round-scenario.ts).
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { assignmentsOfRound, scoreOfAssignment } from '~/models/jury.server';
import {
  advanceApplications,
  assignRound,
  closeRound,
  createRound,
  declareConflicts,
  moveAssignment,
  openRound,
  reopenScore,
  setNormalisation,
  setRoundJurors,
} from '~/services/jury.server';
import {
  explainAssignRefusal,
  explainMoveRefusal,
  roundOverview,
  roundSummariesOf,
} from '~/services/round-overview.server';
import {
  formatPoints,
  rankingCsv,
  rankingFileName,
  rankingTable,
  rankingXlsx,
} from '~/services/round-ranking.server';
import { browserRequest, createLocality, createUser } from '../support/factories';
import {
  createApplication,
  createCompetition,
  createHousehold,
} from '../support/programme-factories';
import {
  APPLICATIONS,
  EXPECTED,
  FORCED_ASSIGNMENT,
  assignmentOf,
  declareForcingConflicts,
  roundInput,
  roundWorld,
  submitScores,
  type ApplicationKey,
  type RoundWorld,
} from '../support/round-scenario';
import { sessionUserOf } from '../support/session-user';

const request = () => browserRequest();

async function roundOf(world: RoundWorld) {
  const staff = sessionUserOf(world.staff);
  const created = createRound(request(), staff, world.competition.id, roundInput());
  if (!created.ok) throw new Error('round not created');
  const jurorIds = Object.values(world.jurors).map((j) => j.id);
  expect(setRoundJurors(request(), staff, created.roundId, jurorIds)).toEqual({ ok: true });
  return created.roundId;
}

/** The whole scenario: assigned, opened, every score submitted, closed. */
async function scoredRound() {
  const world = await roundWorld();
  const roundId = await roundOf(world);
  const staff = sessionUserOf(world.staff);
  declareForcingConflicts(world, roundId);
  expect(assignRound(request(), staff, roundId)).toEqual({ ok: true, assigned: 8 });
  expect(openRound(request(), staff, roundId)).toEqual({ ok: true });
  for (const role of ['harsh', 'lenient', 'middle'] as const) submitScores(world, roundId, role);
  return { world, roundId, staff };
}

const keyOf = (world: RoundWorld, applicationId: number) =>
  APPLICATIONS.find((key) => world.applications[key].id === applicationId)!;

describe('the round’s overview', () => {
  test('the competition lists its rounds with the pool, jurors and scores submitted', async () => {
    const world = await roundWorld();
    const roundId = await roundOf(world);
    let [summary] = roundSummariesOf(world.competition.id, 'ru');
    expect(summary).toMatchObject({
      id: roundId,
      number: 1,
      status: 'draft',
      applications: 4,
      jurors: 3,
      assigned: 0,
      submitted: 0,
    });
    declareForcingConflicts(world, roundId);
    assignRound(request(), sessionUserOf(world.staff), roundId);
    openRound(request(), sessionUserOf(world.staff), roundId);
    submitScores(world, roundId, 'harsh');
    [summary] = roundSummariesOf(world.competition.id, 'ru');
    expect(summary).toMatchObject({ status: 'open', assigned: 8, submitted: 2 });
    // Dates come formatted for the reader, on the competition's clock.
    expect(summary!.opensAt.text).toMatch(/\d{2}:\d{2}/);
  });

  test('shows each juror’s declaration and load, and each application’s jurors and progress', async () => {
    const world = await roundWorld();
    const roundId = await roundOf(world);
    let overview = roundOverview(roundId, 'ru')!;
    expect(overview.pool).toBe(4);
    expect(overview.jurors.every((j) => j.declaredAt === null)).toBe(true);
    expect(overview.jurorAccounts.map((a) => a.id)).toEqual(
      expect.arrayContaining(Object.values(world.jurors).map((j) => j.id)),
    );

    declareForcingConflicts(world, roundId);
    assignRound(request(), sessionUserOf(world.staff), roundId);
    overview = roundOverview(roundId, 'ru')!;
    const harsh = overview.jurors.find((j) => j.id === world.jurors.harsh.id)!;
    expect(harsh).toMatchObject({ conflicts: 2, assigned: 2, submitted: 0 });
    expect(harsh.declaredAt!.text).toMatch(/\d{2}:\d{2}/);
    expect(overview.assignments.map((row) => row.reference)).toEqual(
      APPLICATIONS.map((key) => world.applications[key].reference),
    );
    for (const row of overview.assignments) {
      const key = keyOf(world, row.applicationId);
      expect(row.jurors.map((j) => j.jurorId).sort()).toEqual(
        FORCED_ASSIGNMENT[key].map((role) => world.jurors[role].id).sort(),
      );
      expect(row.village).toBe(world.village.nameRu);
      // Whoever is not on it may be offered to take it over.
      expect(row.others).toHaveLength(1);
    }

    openRound(request(), sessionUserOf(world.staff), roundId);
    submitScores(world, roundId, 'harsh');
    overview = roundOverview(roundId, 'ru')!;
    expect(overview.progress).toEqual({ assigned: 8, submitted: 2 });
    expect(overview.pendingJurors).toBe(2);
    const a3 = overview.assignments.find((r) => r.applicationId === world.applications.A3.id)!;
    expect(a3.submitted).toBe(1);

    // A reopened score shows as reopened, with the reason the juror reads.
    const mine = assignmentOf(world, roundId, 'harsh', 'A3');
    expect(reopenScore(request(), sessionUserOf(world.staff), mine.id, 'Баллы перепутаны')).toEqual(
      { ok: true },
    );
    const after = roundOverview(roundId, 'ru')!.assignments.find(
      (r) => r.applicationId === world.applications.A3.id,
    )!;
    expect(after.jurors.find((j) => j.assignmentId === mine.id)).toMatchObject({
      score: 'draft',
      reopenReason: 'Баллы перепутаны',
    });
  });
});

describe('a round larger than one page', () => {
  test('shows 50 applications and its jurors a page at a time, and counts the whole round', async () => {
    const village = createLocality();
    const elsewhere = createLocality();
    const competition = createCompetition({ localityIds: [village.id], status: 'screening' });
    const family = await createUser({ roles: ['applicant'] });
    const total = 53;
    for (let n = total; n >= 1; n--) {
      const { household, members } = createHousehold({ localityId: village.id });
      createApplication({
        competition,
        household,
        members,
        enteredBy: family,
        status: 'eligible',
        reference: `PG-2024-${String(n).padStart(4, '0')}`,
      });
    }
    const staff = sessionUserOf(await createUser({ roles: ['staff'] }));
    const jurors = [];
    for (const name of ['Айбек', 'Бермет', 'Гульнара'])
      jurors.push(await createUser({ roles: ['juror'], name, localityId: elsewhere.id }));
    const created = createRound(request(), staff, competition.id, roundInput());
    if (!created.ok) throw new Error('round not created');
    const roundId = created.roundId;
    setRoundJurors(
      request(),
      staff,
      roundId,
      jurors.map((j) => j.id),
    );
    for (const juror of jurors) declareConflicts(request(), sessionUserOf(juror), roundId, []);
    expect(assignRound(request(), staff, roundId)).toEqual({ ok: true, assigned: total * 2 });

    const first = roundOverview(roundId, 'en')!;
    expect(first.assignments).toHaveLength(50);
    expect(first.assignmentsPaging).toEqual({ page: 1, pageSize: 50, total });
    expect(first.assignments.map((r) => r.reference)).toEqual(
      Array.from({ length: 50 }, (_, i) => `PG-2024-${String(i + 1).padStart(4, '0')}`),
    );
    for (const row of first.assignments) {
      expect(row.jurors).toHaveLength(2);
      expect(row.others).toHaveLength(1);
      expect(row.village).toBe(village.nameEn);
    }
    // The counts are the whole round's, not the page's.
    expect(first.pool).toBe(total);
    expect(first.unassigned).toBe(0);
    expect(first.progress).toEqual({ assigned: total * 2, submitted: 0 });
    expect(first.assignedJurors).toBe(3);
    expect(first.jurors.reduce((sum, j) => sum + j.assigned, 0)).toBe(total * 2);
    expect(first.jurorsPaging).toEqual({ page: 1, pageSize: 50, total: 3 });
    expect(first.roundJurors.map((j) => j.id).sort()).toEqual(jurors.map((j) => j.id).sort());

    const second = roundOverview(roundId, 'en', { page: 2 })!;
    expect(second.assignments.map((r) => r.reference)).toEqual([
      'PG-2024-0051',
      'PG-2024-0052',
      'PG-2024-0053',
    ]);
    expect(second.assignmentsPaging.page).toBe(2);
    expect(second.progress).toEqual(first.progress);
    // A page past the end shows the last one.
    expect(roundOverview(roundId, 'en', { page: 9 })!.assignmentsPaging.page).toBe(2);

    // An application found eligible after the assignment is in the pool but not assigned.
    const late = createHousehold({ localityId: village.id });
    createApplication({
      competition,
      household: late.household,
      members: late.members,
      enteredBy: family,
      status: 'eligible',
      reference: 'PG-2024-0054',
    });
    const stale = roundOverview(roundId, 'en')!;
    expect(stale.pool).toBe(total + 1);
    expect(stale.unassigned).toBe(1);
    expect(stale.assignmentsPaging.total).toBe(total);

    expect(assignRound(request(), staff, roundId)).toEqual({ ok: true, assigned: (total + 1) * 2 });
    expect(openRound(request(), staff, roundId)).toEqual({ ok: true });
    const opened = roundOverview(roundId, 'en', { page: 2 })!;
    expect(opened.pool).toBe(total + 1);
    expect(opened.unassigned).toBe(0);
    expect(opened.pendingJurors).toBe(3);
    expect(opened.assignments).toHaveLength(4);
  });
});

describe('refusals, explained', () => {
  test('assignment waits for declarations: the jurors who have not declared are named', async () => {
    const world = await roundWorld();
    const roundId = await roundOf(world);
    declareConflicts(request(), sessionUserOf(world.jurors.middle), roundId, []);
    const result = assignRound(request(), sessionUserOf(world.staff), roundId);
    if (result.ok) throw new Error('expected a refusal');
    const view = explainAssignRefusal(roundId, result.refusal, 'ru');
    expect(view).toEqual({
      kind: 'declarations-pending',
      jurors: expect.arrayContaining([world.jurors.harsh.name, world.jurors.lenient.name]),
    });
    expect(view.kind === 'declarations-pending' && view.jurors).toHaveLength(2);
  });

  test('an application nobody may score: its reference, village and why each juror is excluded', async () => {
    const village = createLocality();
    const competition = createCompetition({ localityIds: [village.id], status: 'screening' });
    const family = await createUser({ roles: ['applicant'] });
    const { household, members } = createHousehold({ localityId: village.id });
    const application = createApplication({
      competition,
      household,
      members,
      enteredBy: family,
      status: 'eligible',
      reference: 'TJ-2024-0099',
    });
    const staff = sessionUserOf(await createUser({ roles: ['staff'] }));
    const neighbour = await createUser({
      roles: ['juror'],
      name: 'Соседка Айнура',
      localityId: village.id,
    });
    const friend = await createUser({ roles: ['juror'], name: 'Подруга Жылдыз' });
    const created = createRound(
      request(),
      staff,
      competition.id,
      roundInput({ jurorsPerApplication: 1 }),
    );
    if (!created.ok) throw new Error('round not created');
    setRoundJurors(request(), staff, created.roundId, [neighbour.id, friend.id]);
    declareConflicts(request(), sessionUserOf(neighbour), created.roundId, []);
    declareConflicts(request(), sessionUserOf(friend), created.roundId, [household.id]);
    const result = assignRound(request(), staff, created.roundId);
    if (result.ok) throw new Error('expected a refusal');
    expect(explainAssignRefusal(created.roundId, result.refusal, 'ru')).toEqual({
      kind: 'constraints',
      problems: [
        {
          kind: 'too-few-jurors',
          applicationId: application.id,
          reference: 'TJ-2024-0099',
          village: village.nameRu,
          eligible: 0,
          needed: 1,
          excluded: expect.arrayContaining([
            { name: 'Соседка Айнура', reason: 'own-locality' },
            { name: 'Подруга Жылдыз', reason: 'conflict' },
          ]),
        },
      ],
    });
    expect(assignmentsOfRound(created.roundId)).toEqual([]);
  });

  test('too few jurors for the number per application', async () => {
    const world = await roundWorld();
    const staff = sessionUserOf(world.staff);
    const created = createRound(
      request(),
      staff,
      world.competition.id,
      roundInput({ jurorsPerApplication: 4 }),
    );
    if (!created.ok) throw new Error('round not created');
    setRoundJurors(
      request(),
      staff,
      created.roundId,
      Object.values(world.jurors).map((j) => j.id),
    );
    for (const juror of Object.values(world.jurors))
      declareConflicts(request(), sessionUserOf(juror), created.roundId, []);
    const result = assignRound(request(), staff, created.roundId);
    if (result.ok) throw new Error('expected a refusal');
    expect(explainAssignRefusal(created.roundId, result.refusal, 'en')).toEqual({
      kind: 'constraints',
      problems: [{ kind: 'not-enough-jurors', jurors: 3, needed: 4 }],
    });
  });

  test('a move that breaks a rule says which rule and whose', async () => {
    const world = await roundWorld();
    const roundId = await roundOf(world);
    const staff = sessionUserOf(world.staff);
    declareForcingConflicts(world, roundId);
    assignRound(request(), staff, roundId);
    const harshOnA2 = assignmentOf(world, roundId, 'harsh', 'A2');
    // The lenient juror knows A2's family.
    const toLenient = moveAssignment(request(), staff, harshOnA2.id, world.jurors.lenient.id);
    if (toLenient.ok) throw new Error('expected a refusal');
    expect(
      explainMoveRefusal(harshOnA2.id, world.jurors.lenient.id, toLenient.error, 'ru'),
    ).toEqual({
      reason: 'conflict',
      juror: world.jurors.lenient.name,
      reference: world.applications.A2.reference,
      village: world.village.nameRu,
    });
    const toMiddle = moveAssignment(request(), staff, harshOnA2.id, world.jurors.middle.id);
    if (toMiddle.ok) throw new Error('expected a refusal');
    expect(explainMoveRefusal(harshOnA2.id, world.jurors.middle.id, toMiddle.error, 'ru')).toEqual(
      expect.objectContaining({ reason: 'already-assigned', juror: world.jurors.middle.name }),
    );

    const outsider = await createUser({ roles: ['juror'], name: 'Чужая' });
    expect(moveAssignment(request(), staff, harshOnA2.id, outsider.id)).toEqual({
      ok: false,
      error: 'not-eligible',
    });
    expect(explainMoveRefusal(harshOnA2.id, outsider.id, 'not-eligible', 'ru').reason).toBe(
      'not-a-juror',
    );
  });

  test('a move to a juror from the family’s own village names the village', async () => {
    const north = createLocality();
    const south = createLocality();
    const competition = createCompetition({
      localityIds: [north.id, south.id],
      status: 'screening',
    });
    const family = await createUser({ roles: ['applicant'] });
    const [fromNorth, fromSouth] = [north, south].map((village) => {
      const { household, members } = createHousehold({ localityId: village.id });
      return createApplication({
        competition,
        household,
        members,
        enteredBy: family,
        status: 'eligible',
      });
    });
    const staff = sessionUserOf(await createUser({ roles: ['staff'] }));
    const northerner = await createUser({ roles: ['juror'], localityId: north.id });
    const southerner = await createUser({ roles: ['juror'], localityId: south.id });
    const created = createRound(
      request(),
      staff,
      competition.id,
      roundInput({ jurorsPerApplication: 1 }),
    );
    if (!created.ok) throw new Error('round not created');
    setRoundJurors(request(), staff, created.roundId, [northerner.id, southerner.id]);
    for (const juror of [northerner, southerner])
      declareConflicts(request(), sessionUserOf(juror), created.roundId, []);
    expect(assignRound(request(), staff, created.roundId)).toEqual({ ok: true, assigned: 2 });
    const onNorth = assignmentsOfRound(created.roundId).find(
      (a) => a.applicationId === fromNorth!.id,
    )!;
    expect(onNorth.jurorId).toBe(southerner.id);
    const result = moveAssignment(request(), staff, onNorth.id, northerner.id);
    if (result.ok) throw new Error('expected a refusal');
    expect(explainMoveRefusal(onNorth.id, northerner.id, result.error, 'ru')).toEqual({
      reason: 'own-locality',
      juror: northerner.name,
      reference: fromNorth!.reference,
      village: north.nameRu,
    });
    expect(fromSouth).toBeDefined();
  });

  test('a submitted score cannot move; after closing nothing moves', async () => {
    const { world, roundId, staff } = await scoredRound();
    const harshOnA2 = assignmentOf(world, roundId, 'harsh', 'A2');
    const submitted = moveAssignment(request(), staff, harshOnA2.id, world.jurors.lenient.id);
    if (submitted.ok) throw new Error('expected a refusal');
    expect(
      explainMoveRefusal(harshOnA2.id, world.jurors.lenient.id, submitted.error, 'ru').reason,
    ).toBe('score-submitted');
    closeRound(request(), staff, roundId);
    const closed = moveAssignment(request(), staff, harshOnA2.id, world.jurors.lenient.id);
    if (closed.ok) throw new Error('expected a refusal');
    expect(
      explainMoveRefusal(harshOnA2.id, world.jurors.lenient.id, closed.error, 'ru').reason,
    ).toBe('round-closed');
  });
});

describe('the ranking as staff read it', () => {
  test('order, each juror’s total by name, mean, spread and flag, criterion means — as computed by hand', async () => {
    const { world, roundId } = await scoredRound();
    const table = rankingTable(roundId, 'ru')!;
    const keys = table.rows.map((row) => keyOf(world, row.applicationId));
    expect(keys).toEqual(EXPECTED.meanOrder);
    for (const row of table.rows) {
      const key = keyOf(world, row.applicationId) as ApplicationKey;
      expect(row.reference).toBe(world.applications[key].reference);
      expect(row.village).toBe(world.village.nameRu);
      expect(row.meanTotal).toBeCloseTo(EXPECTED.mean[key], 6);
      expect(row.normalisedScore).toBeCloseTo(EXPECTED.normalised[key], 1);
      expect(row.spread).toBeCloseTo(EXPECTED.spread[key], 6);
      expect(row.flagged).toBe(EXPECTED.flagged[key]);
      expect(
        Object.fromEntries(
          row.jurors.map((j) => [
            Object.entries(world.jurors).find(([, u]) => u.id === j.jurorId)![0],
            Math.round(j.total * 1000) / 1000,
          ]),
        ),
      ).toEqual(EXPECTED.totals[key]);
      expect(row.jurors.every((j) => j.name.length > 0)).toBe(true);
      expect(row.criterionMeans).toEqual(EXPECTED.criterionMeans[key]);
    }
    expect(table.criteria.map((c) => c.title?.text)).toEqual([
      'Бизнес-идея и рынок',
      'Бюджет',
      'Опыт семьи',
    ]);

    setNormalisation(request(), sessionUserOf(world.staff), roundId, true);
    const normalised = rankingTable(roundId, 'ru')!;
    expect(normalised.rows.map((row) => keyOf(world, row.applicationId))).toEqual(
      EXPECTED.normalisedOrder,
    );
    expect(normalised.rows.map((row) => formatPoints(row.normalisedScore!, 'ru'))).toEqual(
      EXPECTED.normalisedOrder.map((key) => String(EXPECTED.normalised[key]).replace('.', ',')),
    );
    expect(formatPoints(57.5, 'en')).toBe('57.5');
    expect(formatPoints(75, 'ru')).toBe('75,0');
  });

  test('advanced applications are marked in the table', async () => {
    const { world, roundId, staff } = await scoredRound();
    closeRound(request(), staff, roundId);
    expect(advanceApplications(request(), staff, roundId, { topN: 2 })).toEqual({
      ok: true,
      advanced: 2,
    });
    const table = rankingTable(roundId, 'en')!;
    expect(
      table.rows.filter((r) => r.advanced).map((row) => keyOf(world, row.applicationId)),
    ).toEqual(['A1', 'A2']);
    expect(table.rows.filter((r) => r.advanced).every((r) => r.status === 'shortlisted')).toBe(
      true,
    );
  });

  test('CSV for Excel: BOM, ";", Russian headers, decimal commas, the ranking’s order', async () => {
    const { world, roundId } = await scoredRound();
    const csv = rankingCsv(rankingTable(roundId, 'ru')!, 'ru');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parse(csv.slice(1), { delimiter: ';', relax_column_count: false }) as string[][];
    expect(rows[0]).toEqual([
      'Место',
      'Номер заявки',
      'Бизнес-идея',
      'Село или город',
      'Сфера',
      'Итоги членов жюри (из 100)',
      'Среднее (из 100)',
      'Нормализованный балл (0–100)',
      'Расхождение (баллы)',
      'Отмечена для обсуждения',
      'Бизнес-идея и рынок: средний балл из 10',
      'Бюджет: средний балл из 10',
      'Опыт семьи: средний балл из 10',
      'Переведена дальше',
      'Статус',
    ]);
    expect(rows).toHaveLength(5);
    const a1 = rows[1]!;
    expect(a1.slice(0, 5)).toEqual([
      '1',
      world.applications.A1.reference,
      'Швейная мастерская: шторы и постельное бельё на заказ',
      world.village.nameRu,
      'Швейное дело',
    ]);
    expect(a1[5]).toBe(`${world.jurors.lenient.name}: 90,0, ${world.jurors.middle.name}: 60,0`);
    expect(a1.slice(6, 13)).toEqual(['75,0', '59,9', '30,0', 'да', '7,5', '7,5', '7,5']);
    expect(rows[2]!.slice(6, 10)).toEqual(['57,5', '65,1', '25,0', 'нет']);
    expect(rows.slice(1).map((r) => r[1])).toEqual(
      EXPECTED.meanOrder.map((key) => world.applications[key].reference),
    );
    expect(rankingFileName(rankingTable(roundId, 'ru')!, 'csv')).toMatch(
      /^ishenim-ranking-round-1-\d{4}-\d{2}-\d{2}\.csv$/,
    );
  });

  test('XLSX: headers in the reader’s language, numbers as numbers', async () => {
    const { world, roundId } = await scoredRound();
    setNormalisation(request(), sessionUserOf(world.staff), roundId, true);
    const buffer = await rankingXlsx(rankingTable(roundId, 'ky')!, 'ky');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('1-турдун рейтинги')!;
    expect(sheet).toBeDefined();
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['Орун', 'Арыздын номери', 'Бизнес идея']);
    expect(sheet.rowCount).toBe(5);
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(2).value).toBe(world.applications.A2.reference);
    expect(first.getCell(7).value).toBe(57.5);
    expect(first.getCell(8).value).toBe(65.1);
    expect(first.getCell(9).value).toBe(25);
  });

  test('a reopened score leaves the ranking until it is submitted again', async () => {
    const { world, roundId, staff } = await scoredRound();
    const harshOnA3 = assignmentOf(world, roundId, 'harsh', 'A3');
    reopenScore(request(), staff, harshOnA3.id, 'Проверьте бюджет');
    expect(scoreOfAssignment(harshOnA3.id)!.status).toBe('draft');
    const a3 = rankingTable(roundId, 'ru')!.rows.find(
      (r) => r.applicationId === world.applications.A3.id,
    )!;
    expect(a3.jurors.map((j) => j.jurorId)).toEqual([world.jurors.lenient.id]);
    expect(a3.meanTotal).toBeCloseTo(85, 6);
    submitScores(world, roundId, 'harsh', ['A3']);
    expect(
      rankingTable(roundId, 'ru')!.rows.find((r) => r.applicationId === world.applications.A3.id)!
        .meanTotal,
    ).toBeCloseTo(55, 6);
  });
});
