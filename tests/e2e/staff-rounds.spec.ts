// Programme staff run a jury round, in Russian: they set it up with three criteria, choose its
// jurors, try to assign before everyone has declared her conflicts, assign, open the round (the
// jurors are e-mailed in their own languages), remind, reopen a score, close the round and read
// the ranking — whose order and numbers were computed by hand (tests/support/round-scenario.ts) —
// switch normalisation on, export it and advance the top two. Jurors' own pages are another
// issue: their declarations and scores go through the services here, as they would through
// those pages.
import { noticeSubject } from '../support/notice-subject';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { and, eq, inArray } from 'drizzle-orm';
import { db } from '~db/client';
import { mailOutbox } from '~db/schema/mail';
import { resources } from '~/i18n/resources';
import { findApplication } from '~/models/application.server';
import { findCompetition } from '~/models/competition.server';
import {
  assignmentsOfRound,
  criteriaOf,
  findRound,
  roundsOfCompetition,
  scoreOfAssignment,
} from '~/models/jury.server';
import {
  assignRound,
  closeRound,
  createRound,
  declareConflicts,
  openRound,
  setRoundJurors,
} from '~/services/jury.server';
import { browserRequest, createLocality, createUser, uniqueSuffix } from '../support/factories';
import {
  createApplication,
  createCompetition,
  createHousehold,
} from '../support/programme-factories';
import {
  APPLICATIONS,
  CRITERIA,
  EXPECTED,
  FORCED_ASSIGNMENT,
  assignmentOf,
  declareForcingConflicts,
  roundInput,
  roundWorld,
  submitScores,
  wallClock,
  type ApplicationKey,
  type JurorRole,
  type RoundWorld,
} from '../support/round-scenario';
import { sessionUserOf } from '../support/session-user';
import { checkPage, expect, expectNoRawKeys, test } from './support/fixtures';
import {
  checkPageWithoutJavaScript,
  expectNoHorizontalOverflow,
  fill,
  waitForHydration,
} from './support/journeys';
import { waitForMail } from './support/mailbox';

const ru = resources.ru;
const r = ru.rounds;
const DAY = 24 * 60 * 60_000;
const ROLES: JurorRole[] = ['harsh', 'lenient', 'middle'];

const pluralRules = new Intl.PluralRules('ru');

/** A Russian text in the plural form its count needs, with its {{values}} filled in. */
function plural(texts: object, key: string, values: Record<string, string | number>) {
  const form = pluralRules.select(Number(values.count));
  const text = (texts as Record<string, string>)[`${key}_${form}`];
  if (!text) throw new Error(`no text ${key}_${form}`);
  return fill(text, values);
}

/** "75,0": one decimal with a comma, as the Russian pages show points. */
const points = (value: number) => value.toFixed(1).replace('.', ',');

const criterion = (page: import('@playwright/test').Page, number: number) =>
  page.getByRole('group', { name: fill(r.criteria.number, { number }), exact: true });

const titleLabel = (language: 'ky' | 'ru' | 'en') =>
  fill(r.form.criterionTitle, { language: r.languages[language] });

/** A round made through the services, scored by everyone and closed (for the later pages). */
async function closedRound(world: RoundWorld) {
  const staff = sessionUserOf(world.staff);
  const created = createRound(browserRequest(), staff, world.competition.id, roundInput());
  if (!created.ok) throw new Error('round not created');
  setRoundJurors(
    browserRequest(),
    staff,
    created.roundId,
    ROLES.map((role) => world.jurors[role].id),
  );
  declareForcingConflicts(world, created.roundId);
  assignRound(browserRequest(), staff, created.roundId);
  openRound(browserRequest(), staff, created.roundId);
  for (const role of ROLES) submitScores(world, created.roundId, role);
  closeRound(browserRequest(), staff, created.roundId);
  return created.roundId;
}

test('staff set up, run and close a round in Russian, read its ranking, export it and advance the top two', async ({
  page,
  signInAs,
  allowHttpErrors,
}) => {
  test.setTimeout(180_000);
  allowHttpErrors(400);
  const world = await roundWorld();
  const { jurors, applications } = world;
  await signInAs(world.staff);
  const roundName = `Тур 1: бизнес-идеи ${world.suffix}`;

  // The competition's page lists its rounds: none yet.
  await page.goto(`/staff/competitions/${world.competition.id}`);
  const roundsSection = page.getByRole('region', { name: r.list.title, exact: true });
  await expect(roundsSection).toContainText(r.list.none);
  await checkPage(page);
  await roundsSection.getByRole('link', { name: r.list.create }).click();

  // ---- The round form, with JavaScript: three criteria, one row added and removed in place.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(r.form.newTitle);
  await waitForHydration(page);
  await checkPage(page);
  await page.getByLabel(fill(r.form.nameIn, { language: r.languages.ru })).fill(roundName);
  await page.getByRole('button', { name: r.form.addCriterion }).click();
  await page.getByRole('button', { name: r.form.addCriterion }).click();
  await page.getByRole('button', { name: r.form.addCriterion }).click();
  await expect(criterion(page, 4)).toBeVisible();
  await page.getByRole('button', { name: fill(r.form.removeCriterion, { number: 4 }) }).click();
  await expect(criterion(page, 4)).toHaveCount(0);
  for (const [index, c] of CRITERIA.entries()) {
    const row = criterion(page, index + 1);
    await row.getByLabel(titleLabel('ru')).fill(c.titleRu);
    await row.getByLabel(r.form.maxPoints).fill(String(c.maxPoints));
    await row.getByLabel(r.form.weight, { exact: true }).fill(String(c.weight));
  }
  await criterion(page, 1)
    .getByLabel(fill(r.form.criterionDescription, { language: r.languages.ru }))
    .fill('Понятно ли, что семья будет продавать и кому.');
  await page.getByLabel(r.form.jurorsPerApplication).fill('2');
  await expect(page.getByLabel(r.form.isBlind)).toBeChecked();
  await expect(page.getByLabel(r.form.excludeOwnLocality)).toBeChecked();
  await expect(page.getByLabel(r.form.disagreementThreshold)).toHaveValue('25');
  // Times are typed on the competition's clock, and the form says which.
  await expect(
    page.getByText(fill(r.form.timeHint, { zone: 'Бишкек (GMT+6)' })).first(),
  ).toBeVisible();
  const opensAt = wallClock(Date.now() - DAY);
  const closesAt = wallClock(Date.now() + 10 * DAY);
  await page.getByLabel(r.form.opensAt).fill(opensAt);
  await page.getByLabel(r.form.closesAt).fill(closesAt);
  await page.getByRole('button', { name: r.form.create }).click();

  await expect(page.getByRole('status')).toHaveText(r.done.created);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    fill(r.page.title, { number: 1, name: roundName }),
  );
  const roundId = roundsOfCompetition(world.competition.id)[0]!.id;
  expect(page.url()).toContain(`/staff/rounds/${roundId}`);
  const saved = findRound(roundId)!;
  expect(saved).toMatchObject({
    name: roundName,
    jurorsPerApplication: 2,
    isBlind: true,
    excludeOwnLocality: true,
    disagreementThreshold: 25,
    status: 'draft',
  });
  // The Bishkek clock is UTC+6.
  expect(saved.opensAt.toISOString().slice(0, 16)).toBe(
    new Date(Date.parse(`${opensAt}:00Z`) - 6 * 3600_000).toISOString().slice(0, 16),
  );
  expect(
    criteriaOf(roundId).map((c) => [c.titleRu, c.maxPoints, c.weight, c.descriptionRu]),
  ).toEqual([
    [CRITERIA[0].titleRu, 10, 5, 'Понятно ли, что семья будет продавать и кому.'],
    [CRITERIA[1].titleRu, 10, 3, null],
    [CRITERIA[2].titleRu, 10, 2, null],
  ]);
  await expect(page.getByText(plural(r.page, 'poolFirst', { count: 4 }))).toBeVisible();
  await checkPage(page);

  // ---- Jurors: ticked among the accounts with the juror role.
  const jurorGroup = page.getByRole('group', { name: r.jurors.choose });
  for (const role of ROLES) await jurorGroup.getByLabel(jurors[role].name, { exact: true }).check();
  await page.getByRole('button', { name: r.jurors.save }).click();
  await expect(page.getByRole('status')).toHaveText(plural(r.done, 'jurors', { count: 3 }));
  const jurorTable = page.getByRole('region', { name: r.jurors.caption });
  for (const role of ROLES) {
    await expect(
      jurorTable.getByRole('row', { name: new RegExp(jurors[role].name) }),
    ).toContainText(r.jurors.notYet);
  }
  await checkPage(page);

  // ---- Assigning before the declarations: refused, naming who has not declared.
  await page.getByRole('button', { name: r.assign.button }).click();
  const refusal = page.locator('#assign-refusal');
  await expect(refusal).toContainText(
    plural(r.assign.refused, 'declarationsPending', { count: 3 }),
  );
  for (const role of ROLES) await expect(refusal).toContainText(jurors[role].name);
  await checkPage(page);
  expect(assignmentsOfRound(roundId)).toEqual([]);

  // Each juror declares the families she knows (on her own page, built in another issue).
  declareForcingConflicts(world, roundId);
  await page.goto(`/staff/rounds/${roundId}`);
  for (const role of ROLES) {
    await expect(
      jurorTable.getByRole('row', { name: new RegExp(jurors[role].name) }),
    ).toContainText(r.jurors.declaredOn);
  }
  await expect(jurorTable.getByRole('row', { name: new RegExp(jurors.harsh.name) })).toContainText(
    plural(r.jurors, 'conflicts', { count: 2 }),
  );
  await page.getByRole('button', { name: r.assign.button }).click();
  await expect(page.getByRole('status')).toHaveText(plural(r.done, 'assigned', { count: 8 }));
  await checkPage(page);

  // The assignment table: each application, its village and its two jurors.
  const assignmentRow = (key: ApplicationKey) =>
    page.locator('table.assignment-table tbody tr', { hasText: applications[key].reference });
  for (const key of APPLICATIONS) {
    const row = assignmentRow(key);
    await expect(row).toContainText(world.village.nameRu);
    for (const role of ROLES) {
      const names = row.locator('li > strong', { hasText: jurors[role].name });
      await expect(names).toHaveCount(FORCED_ASSIGNMENT[key].includes(role) ? 1 : 0);
    }
    await expect(row).toContainText(
      plural(r.assignment, 'submittedOf', { count: 2, submitted: 0 }),
    );
  }

  // Moving the harsh juror's A2 to the lenient juror breaks her declaration: refused, and why.
  const harshOnA2 = assignmentRow('A2').locator('li', { hasText: jurors.harsh.name });
  await harshOnA2.getByRole('link', { name: r.move.summary }).click();
  await harshOnA2.getByLabel(r.move.to).selectOption({ label: jurors.lenient.name });
  await harshOnA2.getByRole('button', { name: r.move.button, exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText(
    fill(r.move.refused.conflict, {
      name: jurors.lenient.name,
      reference: applications.A2.reference,
    }),
  );
  await checkPage(page);
  expect(assignmentOf(world, roundId, 'harsh', 'A2').jurorId).toBe(jurors.harsh.id);

  // ---- Opening: asked first; each juror is e-mailed in her own language.
  await page.getByText(r.running.open, { exact: true }).click();
  await expect(page.getByText(plural(r.running, 'openConfirm', { count: 3 }))).toBeVisible();
  await page.getByRole('button', { name: r.running.openButton }).click();
  await expect(page.getByRole('status')).toHaveText(plural(r.done, 'opened', { count: 3 }));
  await expect(page.getByText(r.status.open, { exact: true })).toBeVisible();
  await checkPage(page);
  expect(findCompetition(world.competition.id)!.status).toBe('judging');
  for (const role of ROLES) {
    const juror = jurors[role];
    const mail = await waitForMail(juror.email!, noticeSubject(juror.locale));
    expect(mail.subject).not.toContain(roundName);
    expect(mail.text).toContain(roundName);
  }

  // The harsh juror submits both her scores, the lenient one two of her three.
  submitScores(world, roundId, 'harsh');
  submitScores(world, roundId, 'lenient', ['A1', 'A3']);
  await page.goto(`/staff/rounds/${roundId}`);
  await expect(
    page.getByText(plural(r.running, 'progress', { count: 8, submitted: 4 })),
  ).toBeVisible();
  await expect(page.getByText(plural(r.running, 'pending', { count: 2 }))).toBeVisible();
  await expect(assignmentRow('A3')).toContainText(
    plural(r.assignment, 'submittedOf', { count: 2, submitted: 2 }),
  );
  await expect(
    jurorTable.getByRole('row', { name: new RegExp(jurors.lenient.name) }).locator('td.num'),
  ).toHaveText(['3', '2']);
  await checkPage(page);

  // ---- A reminder goes to the two jurors with scores pending, in their languages.
  const remindedAfter = new Date().toISOString();
  await page.getByRole('button', { name: r.running.remind }).click();
  await expect(page.getByRole('status')).toHaveText(plural(r.done, 'reminded', { count: 2 }));
  await checkPage(page);
  for (const role of ['lenient', 'middle'] as const) {
    const juror = jurors[role];
    // The reminder carries the same neutral subject: it is the message that came after the click.
    await waitForMail(juror.email!, (mail) => mail.receivedAt > remindedAfter);
  }
  const reminded = db
    .select()
    .from(mailOutbox)
    .where(
      and(
        eq(mailOutbox.template, 'jury-reminder'),
        inArray(
          mailOutbox.recipientUserId,
          ROLES.map((role) => jurors[role].id),
        ),
      ),
    )
    .all()
    .map((m) => m.recipientUserId)
    .sort();
  expect(reminded).toEqual([jurors.lenient.id, jurors.middle.id].sort());

  submitScores(world, roundId, 'lenient', ['A4']);
  submitScores(world, roundId, 'middle');

  // ---- Reopening the harsh juror's score of A3, with a reason (required).
  await page.goto(`/staff/rounds/${roundId}`);
  await waitForHydration(page);
  const harshOnA3 = assignmentRow('A3').locator('li', { hasText: jurors.harsh.name });
  await expect(harshOnA3).toContainText(r.assignment.score.submitted);
  await harshOnA3.getByRole('link', { name: r.reopen.summary }).click();
  await harshOnA3.getByRole('button', { name: r.reopen.button }).click();
  await expect(harshOnA3.getByText(ru.errors.validation.required)).toBeVisible();
  const reason = 'Баллы за бюджет перепутаны с опытом — проверьте, пожалуйста.';
  await harshOnA3.getByLabel(r.reopen.reason).fill(reason);
  await harshOnA3.getByRole('button', { name: r.reopen.button }).click();
  await expect(page.getByRole('status')).toHaveText(r.done.reopened);
  await expect(assignmentRow('A3').locator('li', { hasText: jurors.harsh.name })).toContainText(
    fill(r.assignment.reopenReason, { reason }),
  );
  await checkPage(page);
  expect(scoreOfAssignment(assignmentOf(world, roundId, 'harsh', 'A3').id)).toMatchObject({
    status: 'draft',
    reopenReason: reason,
    reopenedById: world.staff.id,
  });
  // She corrects it (here: submits the same points again).
  submitScores(world, roundId, 'harsh', ['A3']);

  // ---- Closing: asked first.
  await page.goto(`/staff/rounds/${roundId}`);
  await expect(
    page.getByText(plural(r.running, 'progress', { count: 8, submitted: 8 })),
  ).toBeVisible();
  await page.getByText(r.running.close, { exact: true }).click();
  await expect(page.getByText(r.running.closeConfirmAll)).toBeVisible();
  await page.getByRole('button', { name: r.running.closeButton }).click();
  await expect(page.getByRole('status')).toHaveText(r.done.closed);
  await checkPage(page);
  expect(findRound(roundId)!.status).toBe('closed');

  // ---- The ranking: order and numbers as computed by hand.
  await page.getByRole('link', { name: r.page.ranking }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    fill(r.ranking.title, { number: 1, name: roundName }),
  );
  await checkPage(page);
  const rankingRows = page.locator('table.ranking-table tbody tr');
  const expectOrder = async (order: ApplicationKey[]) => {
    await expect(rankingRows).toHaveCount(order.length);
    for (const [index, key] of order.entries()) {
      await expect(rankingRows.nth(index).getByRole('rowheader')).toContainText(
        applications[key].reference,
      );
    }
  };
  await expect(page.getByRole('table', { name: r.ranking.captionMean })).toBeVisible();
  await expectOrder(EXPECTED.meanOrder);
  for (const [index, key] of EXPECTED.meanOrder.entries()) {
    const row = rankingRows.nth(index);
    await expect(row.locator('td').nth(1)).toHaveText(String(index + 1));
    await expect(row).toContainText(points(EXPECTED.mean[key]));
    for (const [role, total] of Object.entries(EXPECTED.totals[key]))
      await expect(row).toContainText(`${jurors[role as JurorRole].name}: ${points(total)}`);
    await expect(row).toContainText(points(EXPECTED.spread[key]));
    // Flagged for discussion in words (and an icon), not by colour alone.
    if (EXPECTED.flagged[key]) await expect(row).toContainText(`⚑ ${r.ranking.discuss}`);
    else await expect(row).not.toContainText(r.ranking.discuss);
  }
  // Mean points per criterion.
  const breakdown = page.getByRole('table', { name: r.ranking.breakdownTitle });
  for (const key of APPLICATIONS) {
    const cells = breakdown
      .getByRole('row', { name: new RegExp(applications[key].reference) })
      .locator('td');
    await expect(cells).toHaveText([
      String(EXPECTED.meanOrder.indexOf(key) + 1),
      ...EXPECTED.criterionMeans[key].map(points),
    ]);
  }
  // The mapping of the normalised score, in words.
  await expect(page.locator('#normalisation-mapping')).toContainText(
    'Нормализованный балл = 50 + 15 × среднее z-оценок заявки, в пределах от 0 до 100',
  );

  // ---- Normalisation on: the harsh juror's low totals no longer pull A2 down.
  await page.getByRole('button', { name: r.ranking.switchOn }).click();
  await expect(page.getByRole('status')).toHaveText(r.ranking.done['normalised-on']);
  await expect(page.getByRole('table', { name: r.ranking.captionNormalised })).toBeVisible();
  await expectOrder(EXPECTED.normalisedOrder);
  for (const [index, key] of EXPECTED.normalisedOrder.entries())
    await expect(rankingRows.nth(index)).toContainText(points(EXPECTED.normalised[key]));
  await checkPage(page);
  expect(findRound(roundId)!.normalise).toBe(true);

  // ---- Exports: CSV for Excel (BOM, ";", Russian headers) and XLSX, in the ranking's order.
  await page.getByText(r.ranking.export, { exact: true }).click();
  await checkPage(page);
  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: r.ranking.exportCsv }).click(),
  ]);
  expect(csvDownload.suggestedFilename()).toMatch(
    /^ishenim-ranking-round-1-\d{4}-\d{2}-\d{2}\.csv$/,
  );
  const csv = fs.readFileSync((await csvDownload.path())!);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...lines] = csv.toString('utf8').slice(1).trim().split('\r\n');
  const columns = r.export.columns;
  const expectedHeader = [
    columns.rank,
    columns.reference,
    columns.title,
    columns.village,
    columns.sector,
    columns.jurors,
    columns.mean,
    columns.normalised,
    columns.spread,
    columns.discuss,
    ...CRITERIA.map((c) =>
      fill(r.export.criterionColumn, { criterion: c.titleRu, max: c.maxPoints }),
    ),
    columns.advanced,
    columns.status,
  ];
  expect(header).toBe(expectedHeader.join(';'));
  expect(lines.map((line) => line.split(';')[1])).toEqual(
    EXPECTED.normalisedOrder.map((key) => applications[key].reference),
  );
  expect(lines[0]!.split(';').slice(6, 10)).toEqual([
    points(EXPECTED.mean.A2),
    points(EXPECTED.normalised.A2),
    points(EXPECTED.spread.A2),
    'нет',
  ]);

  const [xlsxDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: r.ranking.exportXlsx }).click(),
  ]);
  expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await xlsxDownload.path())!);
  const sheet = workbook.getWorksheet(fill(r.export.sheet, { number: 1 }))!;
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(expectedHeader);
  expect(sheet.rowCount).toBe(5);
  expect(sheet.getRow(2).getCell(2).value).toBe(applications.A2.reference);
  expect(sheet.getRow(2).getCell(8).value).toBe(EXPECTED.normalised.A2);
  expect(sheet.getRow(3).getCell(7).value).toBe(EXPECTED.mean.A1);

  // ---- Advancing the top two: they are shortlisted.
  await page.getByLabel(r.ranking.topN).fill('2');
  await page.getByRole('button', { name: r.ranking.advanceTop }).click();
  await expect(page.getByRole('status')).toHaveText(
    plural(r.ranking.done, 'advanced', { count: 2 }),
  );
  await checkPage(page);
  for (const [index, key] of EXPECTED.normalisedOrder.entries()) {
    const top = index < 2;
    expect(findApplication(applications[key].id)!.status).toBe(top ? 'shortlisted' : 'in-review');
    const row = rankingRows.nth(index);
    if (top) {
      await expect(row).toContainText(r.ranking.advanced);
      await expect(row).toContainText(ru.common.applicationStatuses.shortlisted);
    } else {
      await expect(row).not.toContainText(r.ranking.advanced);
    }
  }

  // The competition's page shows the round, closed, with every score in.
  await page.goto(`/staff/competitions/${world.competition.id}`);
  const listed = roundsSection.getByRole('row', { name: new RegExp(roundName) });
  await expect(listed).toContainText(r.status.closed);
  await expect(listed).toContainText(plural(r.list, 'progress', { count: 8, submitted: 8 }));
  await checkPage(page);
});

test('an application nobody may score: the assignment is refused and says why for each juror', async ({
  page,
  signInAs,
  allowHttpErrors,
}) => {
  allowHttpErrors(400);
  const village = createLocality();
  const competition = createCompetition({ localityIds: [village.id], status: 'screening' });
  const family = await createUser({ roles: ['applicant'], locale: 'ky' });
  const { household, members } = createHousehold({ localityId: village.id });
  const reference = `NB-2024-${uniqueSuffix().slice(0, 4)}`;
  createApplication({
    competition,
    household,
    members,
    enteredBy: family,
    status: 'eligible',
    reference,
  });
  const suffix = uniqueSuffix();
  const neighbour = await createUser({
    roles: ['juror'],
    name: `Соседка Айнура ${suffix}`,
    localityId: village.id,
  });
  const friend = await createUser({ roles: ['juror'], name: `Подруга Жылдыз ${suffix}` });
  const staff = await createUser({ roles: ['staff'], locale: 'ru' });
  const created = createRound(
    browserRequest(),
    sessionUserOf(staff),
    competition.id,
    roundInput({ jurorsPerApplication: 1 }),
  );
  if (!created.ok) throw new Error('round not created');
  setRoundJurors(browserRequest(), sessionUserOf(staff), created.roundId, [
    neighbour.id,
    friend.id,
  ]);
  declareConflicts(browserRequest(), sessionUserOf(neighbour), created.roundId, []);
  declareConflicts(browserRequest(), sessionUserOf(friend), created.roundId, [household.id]);
  await signInAs(staff);

  await page.goto(`/staff/rounds/${created.roundId}`);
  await page.getByRole('button', { name: r.assign.button }).click();
  const refusal = page.locator('#assign-refusal');
  await expect(refusal).toContainText(r.assign.refused.constraints);
  await expect(refusal).toContainText(
    `${reference} (${village.nameRu}): ${plural(r.assign.problem, 'tooFewJurors', { count: 0, needed: 1 })}`,
  );
  await expect(refusal).toContainText(
    fill(r.assign.problem.excluded['own-locality'], {
      name: neighbour.name,
      village: village.nameRu,
    }),
  );
  await expect(refusal).toContainText(
    fill(r.assign.problem.excluded.conflict, { name: friend.name }),
  );
  await expect(refusal).toContainText(r.assign.refused.constraintsHint);
  await checkPage(page);
  expect(assignmentsOfRound(created.roundId)).toEqual([]);
});

test('jurors and consultants cannot open a round, its ranking or its exports (403)', async ({
  page,
  signInAs,
  allowHttpErrors,
}) => {
  allowHttpErrors(403);
  const world = await roundWorld();
  const roundId = await closedRound(world);
  await signInAs(world.jurors.harsh);
  for (const url of [
    `/staff/rounds/${roundId}`,
    `/staff/rounds/${roundId}/edit`,
    `/staff/rounds/${roundId}/ranking`,
    `/staff/competitions/${world.competition.id}/rounds/new`,
  ]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(403);
    await checkPage(page);
  }
  for (const url of [
    `/staff/rounds/${roundId}/ranking.csv`,
    `/staff/rounds/${roundId}/ranking.xlsx`,
  ])
    expect((await page.request.get(url)).status(), url).toBe(403);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the round form adds and removes criteria, keeps what was typed, and is checked by the server; jurors are set, assigned and one assignment moved', async ({
    page,
    signInAs,
    allowHttpErrors,
  }) => {
    test.setTimeout(90_000);
    allowHttpErrors(400);
    const world = await roundWorld();
    await signInAs(world.staff);
    const name = `Без скриптов ${world.suffix}`;

    await page.goto(`/staff/competitions/${world.competition.id}/rounds/new`);
    await checkPageWithoutJavaScript(page);
    await page.getByLabel(fill(r.form.nameIn, { language: r.languages.ru })).fill(name);
    await criterion(page, 1).getByLabel(titleLabel('ru')).fill('Идея');
    await criterion(page, 1).getByLabel(r.form.weight, { exact: true }).fill('2');
    await page.getByLabel(r.form.isBlind).uncheck();
    // "Add a criterion" posts the form; it comes back with a second row and nothing lost.
    await page.getByRole('button', { name: r.form.addCriterion }).click();
    await expect(criterion(page, 2)).toBeVisible();
    await expect(page.getByLabel(fill(r.form.nameIn, { language: r.languages.ru }))).toHaveValue(
      name,
    );
    await expect(criterion(page, 1).getByLabel(titleLabel('ru'))).toHaveValue('Идея');
    await expect(criterion(page, 1).getByLabel(r.form.weight, { exact: true })).toHaveValue('2');
    await expect(page.getByLabel(r.form.isBlind)).not.toBeChecked();
    await expect(criterion(page, 2).getByLabel(r.form.maxPoints)).toHaveValue('10');
    await checkPageWithoutJavaScript(page);
    await criterion(page, 2).getByLabel(r.form.maxPoints).fill('5');
    await page.getByRole('button', { name: r.form.addCriterion }).click();
    await expect(criterion(page, 3)).toBeVisible();
    await expect(criterion(page, 2).getByLabel(r.form.maxPoints)).toHaveValue('5');
    await page.getByRole('button', { name: fill(r.form.removeCriterion, { number: 3 }) }).click();
    await expect(criterion(page, 3)).toHaveCount(0);
    await expect(criterion(page, 2)).toBeVisible();

    // The second criterion has no title: the server refuses and says where.
    await page.getByRole('button', { name: r.form.create }).click();
    await expect(
      criterion(page, 2).getByText(ru.errors.validation.titleInOneLanguage),
    ).toBeVisible();
    await expect(criterion(page, 1).getByLabel(titleLabel('ru'))).toHaveValue('Идея');
    await expect(page.getByLabel(r.form.isBlind)).not.toBeChecked();
    await expectNoRawKeys(page);
    expect(roundsOfCompetition(world.competition.id)).toEqual([]);
    await criterion(page, 2).getByLabel(titleLabel('ky')).fill('Бюджет');
    await page.getByRole('button', { name: r.form.create }).click();
    await expect(page.getByRole('status')).toHaveText(r.done.created);
    await checkPageWithoutJavaScript(page);
    const [round] = roundsOfCompetition(world.competition.id);
    expect(round).toMatchObject({ name, isBlind: false, jurorsPerApplication: 3 });
    expect(criteriaOf(round!.id).map((c) => [c.titleRu, c.titleKy, c.maxPoints, c.weight])).toEqual(
      [
        ['Идея', null, 10, 2],
        [null, 'Бюджет', 5, 1],
      ],
    );

    // Settings can change while it is a draft: two jurors per application.
    await page.getByRole('link', { name: r.page.edit }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      fill(r.form.editTitle, { name }),
    );
    await checkPageWithoutJavaScript(page);
    await page.getByLabel(r.form.jurorsPerApplication).fill('2');
    await page.getByRole('button', { name: r.form.save }).click();
    await expect(page.getByRole('status')).toHaveText(r.done.saved);
    expect(findRound(round!.id)!.jurorsPerApplication).toBe(2);

    for (const role of ROLES)
      await page.getByLabel(world.jurors[role].name, { exact: true }).check();
    await page.getByRole('button', { name: r.jurors.save }).click();
    await expect(page.getByRole('status')).toHaveText(plural(r.done, 'jurors', { count: 3 }));
    await checkPageWithoutJavaScript(page);
    for (const role of ROLES)
      declareConflicts(browserRequest(), sessionUserOf(world.jurors[role]), round!.id, []);
    await page.getByRole('button', { name: r.assign.button }).click();
    await expect(page.getByRole('status')).toHaveText(plural(r.done, 'assigned', { count: 8 }));
    await checkPageWithoutJavaScript(page);

    // Each application has one juror free: its first assignment goes to her.
    const first = page.locator('table.assignment-table tbody tr').first();
    const item = first.locator('li').first();
    const from = (await item.locator('strong').textContent())!;
    await item.getByRole('link', { name: r.move.summary }).click();
    const to = (await item.getByLabel(r.move.to).locator('option').first().textContent())!;
    await item.getByRole('button', { name: r.move.button, exact: true }).click();
    await expect(page.getByRole('status')).toHaveText(r.done.moved);
    await expect(page.locator('table.assignment-table tbody tr').first()).toContainText(to);
    await expect(page.locator('table.assignment-table tbody tr').first()).toContainText(
      r.assignment.movedByStaff,
    );
    await expectNoRawKeys(page);
    const fromId = ROLES.map((role) => world.jurors[role]).find((j) => j.name === from)!.id;
    const toId = ROLES.map((role) => world.jurors[role]).find((j) => j.name === to)!.id;
    const moved = assignmentsOfRound(round!.id).filter((a) => a.assignedById === world.staff.id);
    expect(moved).toHaveLength(1);
    expect(moved[0]!.jurorId).toBe(toId);
    expect(moved[0]!.jurorId).not.toBe(fromId);
  });

  test('the ranking advances ticked applications with a plain form post', async ({
    page,
    signInAs,
    allowHttpErrors,
  }) => {
    allowHttpErrors(400);
    const world = await roundWorld();
    const roundId = await closedRound(world);
    await signInAs(world.staff);
    await page.goto(`/staff/rounds/${roundId}/ranking`);
    await checkPageWithoutJavaScript(page);
    // Nothing ticked: refused, said so.
    await page.getByRole('button', { name: r.ranking.advanceChosen }).click();
    await expect(page.getByText(ru.errors.validation.chooseOne)).toBeVisible();
    await expectNoRawKeys(page);
    await page
      .getByLabel(fill(r.ranking.chooseRow, { reference: world.applications.A3.reference }))
      .check();
    await page.getByRole('button', { name: r.ranking.advanceChosen }).click();
    await expect(page.getByRole('status')).toHaveText(
      plural(r.ranking.done, 'advanced', { count: 1 }),
    );
    expect(findApplication(world.applications.A3.id)!.status).toBe('shortlisted');
    expect(findApplication(world.applications.A1.id)!.status).toBe('in-review');
    await checkPageWithoutJavaScript(page);
  });
});

test('on a 360-pixel phone the round pages fit the screen; only wide tables scroll inside their frame', async ({
  page,
  signInAs,
}) => {
  const world = await roundWorld({ staffLocale: 'ky' });
  const roundId = await closedRound(world);
  // A draft round with its assignment ("move" in every juror's cell) and an open one, part
  // scored ("reopen" beside the submitted scores).
  const assigned = async () => {
    const other = await roundWorld({ staffLocale: 'ky' });
    const staff = sessionUserOf(other.staff);
    const created = createRound(browserRequest(), staff, other.competition.id, roundInput());
    if (!created.ok) throw new Error('round not created');
    setRoundJurors(
      browserRequest(),
      staff,
      created.roundId,
      ROLES.map((role) => other.jurors[role].id),
    );
    declareForcingConflicts(other, created.roundId);
    assignRound(browserRequest(), staff, created.roundId);
    return { other, roundId: created.roundId, staff };
  };
  const draft = await assigned();
  const open = await assigned();
  openRound(browserRequest(), open.staff, open.roundId);
  submitScores(open.other, open.roundId, 'harsh');
  await signInAs(world.staff);
  await page.setViewportSize({ width: 360, height: 740 });
  for (const url of [
    `/staff/competitions/${world.competition.id}`,
    `/staff/competitions/${world.competition.id}/rounds/new`,
    `/staff/rounds/${draft.roundId}`,
    `/staff/rounds/${draft.roundId}/edit`,
    `/staff/rounds/${open.roundId}`,
    `/staff/rounds/${open.roundId}/ranking`,
    `/staff/rounds/${roundId}`,
    `/staff/rounds/${roundId}/ranking`,
  ]) {
    await page.goto(url);
    await expectNoHorizontalOverflow(page);
    // Long Kyrgyz labels stand above their values, which keep the width to be read.
    for (const width of await page
      .locator('dl dd')
      .evaluateAll((dds) => dds.map((dd) => dd.getBoundingClientRect().width)))
      expect(width, url).toBeGreaterThan(200);
    await checkPage(page);
  }
});
