// Programme staff run a competition and screen its applications, in Russian: create and open a
// competition, search the list in Kyrgyz whatever the case, decide one application and two in
// bulk (the families are e-mailed in their own languages), export the list. Jurors and
// consultants cannot open these pages.
import { noticeSubject } from '../support/notice-subject';
import fs from 'node:fs';
import type { BrowserContext } from '@playwright/test';
import ExcelJS from 'exceljs';
import type { Competition } from '~db/schema/competitions';
import type { User } from '~db/schema/people';
import { resources } from '~/i18n/resources';
import {
  competitionLocalityRows,
  findCompetition,
  listCompetitions,
} from '~/models/competition.server';
import { findApplication } from '~/models/application.server';
import { listLocalities } from '~/models/user.server';
import type { MemberInput } from '~/models/household.server';
import { createUser, uniqueSuffix } from '../support/factories';
import {
  createApplication,
  createCompetition,
  createHousehold,
} from '../support/programme-factories';
import { checkPage, expect, expectNoRawKeys, test } from './support/fixtures';
import { waitForMail } from './support/mailbox';

const ru = resources.ru;

/**
 * A page of the signed-in context for journeys that expect a refusal: the browser logs every
 * 4xx response as a console error, so only those with the expected status are allowed here —
 * any other console error or page error still fails the test.
 */
async function pageExpecting(context: BrowserContext, status: 400 | 403) {
  const page = await context.newPage();
  const errors: string[] = [];
  const expected = `the server responded with a status of ${status}`;
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().includes(expected)) {
      errors.push(message.text());
    }
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}
const localityId = (code: string) => listLocalities().find((l) => l.code === code)!.id;

function kelin(firstName: string, lastName: string): MemberInput[] {
  return [
    { firstName: 'Бакыт', lastName, sex: 'male', birthYear: 1966, relation: 'head' },
    { firstName, lastName, sex: 'female', birthYear: 1997, relation: 'daughter-in-law' },
  ];
}

async function familyApplying(
  competition: Competition,
  options: { firstName: string; lastName: string; locale: 'ky' | 'ru' | 'en'; reference: string },
) {
  const family = await createUser({
    roles: ['applicant'],
    locale: options.locale,
    name: `${options.firstName} ${options.lastName}`,
    email: `family-${uniqueSuffix()}@test.example`,
  });
  const household = createHousehold({
    localityId: localityId('ivanovka'),
    user: family,
    members: kelin(options.firstName, options.lastName),
  });
  const application = createApplication({
    competition,
    ...household,
    enteredBy: family,
    status: 'submitted',
    reference: options.reference,
    title: 'Швейная мастерская',
    sector: 'sewing',
  });
  return { family, application };
}

function subject(locale: 'ky' | 'ru' | 'en', reference: string) {
  return noticeSubject(locale, reference);
}

test('staff create a competition in Russian, with localities and quotas, open it and see it listed', async ({
  page,
  signInAs,
}) => {
  const staff = await createUser({ roles: ['staff'], locale: 'ru' });
  await signInAs(staff);
  const title = `Татыктуу Жашоо ${uniqueSuffix()}`;
  const form = ru.competitions.form;

  await page.goto('/staff/competitions/new');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(form.newTitle);
  await checkPage(page);

  // Nothing filled in: the form says what is missing and stays on the page.
  await page.getByRole('button', { name: form.create }).click();
  await expect(page.getByText(ru.errors.validation.titleInOneLanguage)).toBeVisible();
  await expect(page.getByText(ru.errors.validation.chooseLocality)).toBeVisible();
  await expect(page).toHaveURL('/staff/competitions/new');

  await page.getByLabel(form.titleRu).fill(title);
  await expect(
    page.getByText('Название не написано на языках: кыргызский, английский.'),
  ).toBeVisible();
  await page.getByLabel(form.descriptionRu).fill('Малые гранты для семей, получающих пособия.');
  await page.getByLabel(form.referencePrefix).fill('te');
  await expect(page.getByLabel(form.currency)).toHaveValue('KGS');
  await page.getByLabel(form.budgetTotal).fill('3 000 000');
  await page.getByLabel(form.minGrant).fill('50 000');
  await page.getByLabel(form.maxGrant).fill('150 000,50');
  await page.getByLabel(form.timezone).selectOption('Asia/Bishkek');
  await expect(page.getByText('Время: Бишкек (GMT+6). С этой минуты')).toBeVisible();
  await page.getByLabel(form.opensAt).fill('2025-01-01T09:00');
  await page.getByLabel(form.closesAt).fill('2098-01-31T18:00');
  await expect(page.getByLabel(form.requireSocialBenefits)).toBeChecked();
  await page.getByLabel(form.requiredTrainingSessions).fill('0');
  const relations = page.getByRole('group', { name: form.beneficiaryRelations });
  await relations.getByLabel(ru.common.relations['mother-in-law']).uncheck();
  await relations.getByLabel(ru.common.relations.head).uncheck();
  await page.getByLabel(ru.competitions.sexRules.female).check();
  await expect(page.getByLabel(form.beneficiaryAdultOnly)).toBeChecked();
  await page.getByLabel('Ивановка', { exact: true }).check();
  await page.getByLabel('Квота грантов: Ивановка').fill('15');
  await page.getByLabel('Ош', { exact: true }).check();
  await page.getByLabel('Квота грантов: Ош').fill('15');
  await page.getByRole('button', { name: form.create }).click();

  await expect(page.getByRole('status')).toContainText(form.created);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await checkPage(page);
  const competition = listCompetitions().find((c) => c.titleRu === title)!;
  expect(competition).toMatchObject({
    status: 'draft',
    referencePrefix: 'TE',
    currency: 'KGS',
    budgetTotal: 3_000_000_00,
    minGrant: 50_000_00,
    maxGrant: 150_000_50,
    timezone: 'Asia/Bishkek',
    beneficiaryRelations: ['spouse', 'daughter-in-law', 'daughter'],
    beneficiarySex: 'female',
  });
  // The times were typed on the Bishkek clock (UTC+6).
  expect(competition.opensAt.toISOString()).toBe('2025-01-01T03:00:00.000Z');
  expect(competition.closesAt.toISOString()).toBe('2098-01-31T12:00:00.000Z');
  expect(
    competitionLocalityRows(competition.id)
      .map((l) => `${l.code}:${l.quota}`)
      .sort(),
  ).toEqual(['ivanovka:15', 'osh:15']);

  // Opening asks first, then says so.
  await page.getByText(ru.competitions.actions.open).click();
  await expect(page.getByText(/Семьи смогут подавать заявки до крайнего срока/)).toBeVisible();
  await page.getByRole('button', { name: ru.competitions.actions.openButton }).click();
  await expect(page.getByRole('status')).toContainText('Статус конкурса: Открыт.');
  await checkPage(page);
  expect(findCompetition(competition.id)!.status).toBe('open');

  await page.goto('/staff/competitions');
  const row = page.getByRole('row').filter({ hasText: title });
  await expect(row).toContainText(ru.competitions.status.open);
  await expect(row).toContainText(ru.competitions.list.noApplications);
  await checkPage(page);
});

test('opening a competition that is not ready is refused with the reason', async ({
  context,
  signInAs,
}) => {
  const staff = await createUser({ roles: ['staff'], locale: 'ru' });
  await signInAs(staff);
  const competition = createCompetition({
    status: 'draft',
    titleRu: `Без сёл ${uniqueSuffix()}`,
    localityIds: [],
  });
  const { page, errors } = await pageExpecting(context, 400);
  await page.goto(`/staff/competitions/${competition.id}`);
  await page.getByText(ru.competitions.actions.open).click();
  await page.getByRole('button', { name: ru.competitions.actions.openButton }).click();
  await expect(page.getByRole('alert')).toHaveText(ru.competitions.errors['not-ready']);
  await checkPage(page);
  expect(findCompetition(competition.id)!.status).toBe('draft');
  expect(errors).toEqual([]);
});

test('staff search, decide one application not eligible and two eligible in bulk; the families are e-mailed in their languages', async ({
  page,
  signInAs,
}) => {
  const suffix = uniqueSuffix();
  const competition = createCompetition({
    localityIds: [localityId('ivanovka')],
    titleRu: `Проверка ${suffix}`,
    titleKy: `Текшерүү ${suffix}`,
    titleEn: `Screening ${suffix}`,
  });
  const prefix = `S${suffix
    .slice(0, 4)
    .toUpperCase()
    .replace(/[^A-Z]/g, 'X')}`;
  const natalya = await familyApplying(competition, {
    firstName: 'Наталья',
    lastName: 'Иванова',
    locale: 'ru',
    reference: `${prefix}-2024-0001`,
  });
  const aigul = await familyApplying(competition, {
    firstName: 'Айгүл',
    lastName: 'Бекова',
    locale: 'ky',
    reference: `${prefix}-2024-0002`,
  });
  const meerim = await familyApplying(competition, {
    firstName: 'Мээрим',
    lastName: 'Алиева',
    locale: 'en',
    reference: `${prefix}-2024-0003`,
  });
  const staff = await createUser({ roles: ['staff'], locale: 'ru' });
  await signInAs(staff);
  const list = ru.screening.list;

  await page.goto(`/staff/applications?competition=${competition.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(list.title);
  await expect(page.getByText('3 заявки')).toBeVisible();
  await checkPage(page);

  // The search folds Kyrgyz letters' case: "айгүл" finds Айгүл.
  await page.getByLabel(list.search).fill('айгүл');
  await page.getByRole('button', { name: list.filter }).click();
  const rows = page.locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Бекова Айгүл');
  await checkPage(page);
  // …and a reference, typed in lower case.
  await page.getByLabel(list.search).fill(natalya.application.reference!.toLowerCase());
  await page.getByRole('button', { name: list.filter }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Иванова Наталья');

  // One application, not eligible, with the reason the family will read.
  await rows.first().getByRole('link', { name: natalya.application.reference! }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    natalya.application.reference!,
  );
  await expect(page.getByText('Она получит письмо на языке: Русский.')).toBeVisible();
  await expect(page.getByText(ru.screening.checks.locality.passed)).toBeVisible();
  await checkPage(page);
  await page.getByLabel(ru.screening.decision.ineligible, { exact: true }).check();
  await page.getByRole('button', { name: ru.screening.decision.submit }).click();
  await expect(page.getByText(ru.errors.validation.reasonRequired)).toBeVisible();
  expect(findApplication(natalya.application.id)!.status).toBe('submitted');
  const reason = 'Семья не получает социальных пособий.';
  await page.getByLabel(ru.screening.decision.reason).fill(reason);
  await page.getByRole('button', { name: ru.screening.decision.submit }).click();
  await expect(page.getByRole('status')).toContainText(
    'Решение сохранено: Не соответствует условиям.',
  );
  await expect(page.getByRole('status')).toContainText('Она получит письмо на языке: Русский.');
  await checkPage(page);
  const toNatalya = await waitForMail(
    natalya.family.email!,
    subject('ru', natalya.application.reference!),
  );
  expect(toNatalya.text).toContain(reason);

  // Two at once, eligible, from the list (the form around the table).
  await page.goto(`/staff/applications?competition=${competition.id}&status=submitted`);
  await expect(rows).toHaveCount(2);
  for (const { application, family } of [aigul, meerim]) {
    const [first, last] = (family as User).name.split(' ');
    await page
      .getByLabel(`Выбрать заявку ${application.reference}, ${last} ${first}`, { exact: true })
      .check();
  }
  await page.getByLabel(ru.screening.decision.eligible).check();
  await page.getByRole('button', { name: ru.screening.bulk.submit }).click();
  await expect(page.getByRole('status')).toContainText(
    'Сохранено: 2 заявки теперь «Соответствует условиям».',
  );
  await expect(page.getByRole('status')).toContainText('2 семьи получат письмо на своём языке.');
  await checkPage(page);
  expect(findApplication(aigul.application.id)!.status).toBe('eligible');
  expect(findApplication(meerim.application.id)!.status).toBe('eligible');
  await waitForMail(aigul.family.email!, subject('ky', aigul.application.reference!));
  await waitForMail(meerim.family.email!, subject('en', meerim.application.reference!));
});

test('the list exports to CSV (UTF-8 with BOM, Russian headers) and XLSX, with the filters', async ({
  page,
  signInAs,
}) => {
  const suffix = uniqueSuffix();
  const competition = createCompetition({
    localityIds: [localityId('ivanovka')],
    titleRu: `Выгрузка ${suffix}`,
  });
  const { application } = await familyApplying(competition, {
    firstName: 'Гүлзат',
    lastName: 'Өмүрбекова',
    locale: 'ky',
    reference: `EX-2024-${suffix.slice(0, 4)}`,
  });
  const staff = await createUser({ roles: ['staff'], locale: 'ru' });
  await signInAs(staff);
  await page.goto(`/staff/applications?competition=${competition.id}`);
  const list = ru.screening.list;

  await page.getByText(list.export, { exact: true }).click();
  await checkPage(page);
  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: list.exportCsv }).click(),
  ]);
  expect(csvDownload.suggestedFilename()).toMatch(/^ishenim-applications-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync((await csvDownload.path())!);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = csv.toString('utf8').slice(1);
  const [header, row, ...rest] = text.trim().split('\r\n');
  expect(header).toBe(Object.values(ru.screening.export.columns).join(';'));
  expect(row).toContain(application.reference!);
  expect(row).toContain('Өмүрбекова Гүлзат');
  expect(row).toContain(`Выгрузка ${suffix}`);
  // Only this competition's application: the export keeps the page's filters.
  expect(rest).toEqual([]);

  // The menu is still open.
  const [xlsxDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: list.exportXlsx }).click(),
  ]);
  expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await xlsxDownload.path())!);
  const sheet = workbook.getWorksheet(ru.screening.export.sheet)!;
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(
    Object.values(ru.screening.export.columns),
  );
  expect(sheet.getRow(2).getCell(1).value).toBe(application.reference);
  expect(sheet.rowCount).toBe(2);
});

for (const role of ['juror', 'consultant'] as const) {
  test(`a ${role} cannot open the competitions or screening pages (403)`, async ({
    context,
    signInAs,
  }) => {
    const person = await createUser({ roles: [role], locale: 'ky' });
    await signInAs(person);
    const competition = createCompetition({ localityIds: [localityId('osh')] });
    const { page, errors } = await pageExpecting(context, 403);
    for (const url of [
      '/staff/applications',
      '/staff/competitions',
      '/staff/competitions/new',
      `/staff/competitions/${competition.id}`,
    ]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(403);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        resources.ky.errors.page.forbidden.title,
      );
      await checkPage(page);
    }
    for (const url of ['/staff/applications/export.csv', '/staff/applications/export.xlsx']) {
      expect((await page.request.get(url)).status(), url).toBe(403);
    }
    expect(errors).toEqual([]);
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  // axe runs scripts in the page, so here only the texts are checked; the same pages are
  // checked with axe in the journeys above.

  test('the bulk decision posts as a plain form: a missing reason is refused, ticks kept; then saved', async ({
    context,
    signInAs,
  }) => {
    const suffix = uniqueSuffix();
    const competition = createCompetition({
      localityIds: [localityId('ivanovka')],
      titleRu: `Без скриптов ${suffix}`,
    });
    const first = await familyApplying(competition, {
      firstName: 'Жыпар',
      lastName: 'Осмонова',
      locale: 'ky',
      reference: `NJ-2024-${suffix.slice(0, 4)}1`,
    });
    // A family who asked to be reached only through her facilitator.
    const facilitatorOnly = await createUser({
      roles: ['applicant'],
      locale: 'ky',
      contactOnlyViaFacilitator: true,
    });
    const household = createHousehold({
      localityId: localityId('ivanovka'),
      user: facilitatorOnly,
      members: kelin('Жаркынай', 'Турдубаева'),
    });
    const second = createApplication({
      competition,
      ...household,
      enteredBy: facilitatorOnly,
      status: 'submitted',
      reference: `NJ-2024-${suffix.slice(0, 4)}2`,
    });
    const staff = await createUser({ roles: ['staff'], locale: 'ru' });
    await signInAs(staff);
    const { page, errors } = await pageExpecting(context, 400);

    await page.goto(`/staff/applications?competition=${competition.id}`);
    const boxes = page.locator('tbody input[type="checkbox"]');
    await expect(boxes).toHaveCount(2);
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByLabel(ru.screening.decision.ineligible, { exact: true }).check();
    await page.getByRole('button', { name: ru.screening.bulk.submit }).click();
    await expect(page.getByText(ru.errors.validation.reasonRequired)).toBeVisible();
    await expect(boxes.nth(0)).toBeChecked();
    await expect(boxes.nth(1)).toBeChecked();
    await expectNoRawKeys(page);
    expect(findApplication(first.application.id)!.status).toBe('submitted');

    await page.getByLabel(ru.screening.decision.reason).fill('Бюджет превышает максимум гранта.');
    await page.getByRole('button', { name: ru.screening.bulk.submit }).click();
    const status = page.getByRole('status');
    await expect(status).toContainText('Сохранено: 2 заявки теперь «Не соответствует условиям».');
    await expect(status).toContainText('1 семья получит письмо на своём языке.');
    await expect(status).toContainText(
      `${second.reference}: ${ru.screening.notice['via-facilitator-only']}`,
    );
    await expectNoRawKeys(page);
    expect(findApplication(first.application.id)!.status).toBe('ineligible');
    expect(findApplication(second.id)!.status).toBe('ineligible');
    await waitForMail(first.family.email!, subject('ky', first.application.reference!));
    expect(errors).toEqual([]);
  });

  test('the competition form is checked by the server and shows again what was typed', async ({
    context,
    signInAs,
  }) => {
    const staff = await createUser({ roles: ['staff'], locale: 'ru' });
    await signInAs(staff);
    const { page, errors } = await pageExpecting(context, 400);
    const form = ru.competitions.form;
    const title = `Без скриптов ${uniqueSuffix()}`;
    await page.goto('/staff/competitions/new');
    await page.getByLabel(form.titleRu).fill(title);
    await page.getByLabel(form.referencePrefix).fill('NJ');
    await page.getByLabel(form.budgetTotal).fill('1 000 000');
    await page.getByLabel(form.minGrant).fill('90 000');
    await page.getByLabel(form.maxGrant).fill('80 000');
    await page.getByLabel(form.opensAt).fill('2025-01-01T09:00');
    await page.getByLabel(form.closesAt).fill('2098-01-31T18:00');
    await page.getByLabel(form.requireSocialBenefits).uncheck();
    await page.getByLabel('Ош', { exact: true }).check();
    await page.getByLabel('Квота грантов: Ош').fill('-1');
    await page.getByRole('button', { name: form.create }).click();

    await expect(page.getByText(ru.errors.validation.maxBelowMin)).toBeVisible();
    await expect(page.getByText(ru.errors.validation.wholeNumber)).toBeVisible();
    await expect(page.getByLabel(form.titleRu)).toHaveValue(title);
    await expect(page.getByLabel(form.requireSocialBenefits)).not.toBeChecked();
    await expect(page.getByLabel('Ош', { exact: true })).toBeChecked();
    await expect(page.getByLabel('Ивановка', { exact: true })).not.toBeChecked();
    await expect(page.getByLabel('Квота грантов: Ош')).toHaveValue('-1');
    await expectNoRawKeys(page);

    await page.getByLabel(form.maxGrant).fill('150 000');
    await page.getByLabel('Квота грантов: Ош').fill('10');
    await page.getByRole('button', { name: form.create }).click();
    await expect(page.getByRole('status')).toContainText(form.created);
    const saved = listCompetitions().find((c) => c.titleRu === title)!;
    expect(saved.requireSocialBenefits).toBe(false);
    expect(competitionLocalityRows(saved.id).map((l) => `${l.code}:${l.quota}`)).toEqual([
      'osh:10',
    ]);
    expect(errors).toEqual([]);
  });
});

test('on a 360-pixel phone the pages fit the screen; only wide tables scroll inside their frame', async ({
  page,
  signInAs,
}) => {
  const competition = createCompetition({ localityIds: [localityId('osh')] });
  const { application } = await familyApplying(competition, {
    firstName: 'Чолпон',
    lastName: 'Абдыкадырова',
    locale: 'ky',
    reference: `PH-2024-${uniqueSuffix().slice(0, 4)}`,
  });
  const staff = await createUser({ roles: ['staff'], locale: 'ky' });
  await signInAs(staff);
  await page.setViewportSize({ width: 360, height: 740 });
  for (const url of [
    '/staff/competitions',
    '/staff/competitions/new',
    `/staff/competitions/${competition.id}`,
    `/staff/applications?competition=${competition.id}`,
    `/staff/applications/${application.id}`,
  ]) {
    await page.goto(url);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, url).toBeLessThanOrEqual(360);
    await checkPage(page);
  }
});
