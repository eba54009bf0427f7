// Issue 16 items 5 and 6. Who saw what: a facilitator opens a family's page and one of her
// application's photos, and the admin sees both lines (and downloads them); anyone else is
// refused that page. Settings: the admin changes one, with instant checks and without script.
import { eq } from 'drizzle-orm';
import { db } from '~db/client';
import { applicationAttachments } from '~db/schema/applications';
import { addAttachment } from '~/services/applications.server';
import { createLocality, createUser } from '../support/factories';
import {
  createApplication,
  createCompetition,
  createHousehold,
} from '../support/programme-factories';
import { TINY_PNG, uniquePrefix } from './support/application-journey';
import { checkPage, expect, test } from './support/fixtures';
import {
  checkPageWithoutJavaScript,
  expectFieldError,
  fill,
  textsIn,
  waitForHydration,
} from './support/journeys';

async function familyWithPhoto() {
  const locality = createLocality();
  const user = await createUser({ locale: 'ky', localityId: locality.id });
  const { household, members } = createHousehold({ localityId: locality.id, user });
  const competition = createCompetition({
    localityIds: [locality.id],
    referencePrefix: uniquePrefix(),
  });
  const application = createApplication({ competition, household, members, enteredBy: user });
  const added = addAttachment(
    new Request('http://localhost/'),
    { user, roles: ['applicant'], sessionId: 'test' },
    application.id,
    { name: 'теплица.png', bytes: new Uint8Array(TINY_PNG), kind: 'photo' },
  );
  expect(added.ok).toBe(true);
  const attachment = db
    .select()
    .from(applicationAttachments)
    .where(eq(applicationAttachments.applicationId, application.id))
    .get()!;
  return { locality, household, application, attachment };
}

test('the admin sees who opened a family file: her page and a photo, by a facilitator', async ({
  page,
  signInAs,
}) => {
  const { locality, household, application, attachment } = await familyWithPhoto();
  const facilitator = await createUser({
    roles: ['facilitator'],
    name: 'Гүлзат Окуу-Журнал',
    locale: 'ru',
    worksIn: [locality.id],
  });
  await signInAs(facilitator);
  await page.goto(`/households/${household.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // A facilitator has no link to the log.
  await expect(page.getByRole('link', { name: textsIn('ru').admin.reads.link })).toHaveCount(0);
  const photo = await page.request.get(
    `/applications/${application.id}/attachments/${attachment.id}`,
  );
  expect(photo.status()).toBe(200);

  const admin = await createUser({ roles: ['admin'], locale: 'ky' });
  await signInAs(admin);
  const ky = textsIn('ky');
  await page.goto(`/households/${household.id}`);
  await waitForHydration(page);
  await page.getByRole('link', { name: ky.admin.reads.link }).click();
  await expect(page).toHaveURL(`/admin/households/${household.id}/reads`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(ky.admin.reads.title);

  const rows = page.locator('tbody tr');
  // Newest first: her own look at the family's page (an admin's reads are recorded too), then
  // the facilitator's photo and page; who, her role and what, in the admin's language.
  await expect(rows).toHaveCount(3);
  const expected = [
    [admin.name, ky.common.roles.admin, ky.admin.reads.kinds.household],
    [facilitator.name, ky.common.roles.facilitator, ky.admin.reads.kinds.attachment],
    [facilitator.name, ky.common.roles.facilitator, ky.admin.reads.kinds.household],
  ];
  for (const [i, cells] of expected.entries()) {
    await expect(rows.nth(i).locator('td')).toHaveText([/\d/, ...cells]);
  }
  await checkPage(page);

  const csv = await page.request.get(`/admin/households/${household.id}/reads.csv`);
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text.split('\r\n').filter(Boolean)).toHaveLength(4);
  expect(text).toContain(ky.admin.reads.kinds.attachment);
  const xlsx = await page.request.get(`/admin/households/${household.id}/reads.xlsx`);
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
});

test('staff and facilitators are refused the log of who opened a file', async ({
  page,
  signInAs,
  allowHttpErrors,
}) => {
  allowHttpErrors(403);
  const { locality, household } = await familyWithPhoto();
  for (const person of [
    await createUser({ roles: ['staff'] }),
    await createUser({ roles: ['facilitator'], worksIn: [locality.id] }),
  ]) {
    await signInAs(person);
    for (const url of [
      `/admin/households/${household.id}/reads`,
      `/admin/households/${household.id}/reads.csv`,
      `/admin/households/${household.id}/reads.xlsx`,
    ]) {
      const response = await page.request.get(url, { maxRedirects: 0 });
      expect(response.status(), url).toBe(403);
    }
    const shown = await page.goto(`/admin/households/${household.id}/reads`);
    expect(shown?.status()).toBe(403);
  }
});

// backupKeep: the e2e server makes no backups of its own, so no other journey depends on it.
test('the admin changes a setting; a wrong value is named next to the field at once', async ({
  page,
  signInAs,
}) => {
  const admin = await createUser({ roles: ['admin'], locale: 'ru' });
  await signInAs(admin);
  const ru = textsIn('ru').admin.settings;
  await page.goto('/');
  await waitForHydration(page);
  await page.getByRole('link', { name: textsIn('ru').common.home.admin.settings }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ru.title);
  await waitForHydration(page);

  const field = page.getByLabel(ru.fields.backupKeep.label, { exact: true });
  const before = await field.inputValue();
  await field.fill('0');
  await field.blur();
  await expectFieldError(page, ru.fields.backupKeep.label, fill(ru.range, { min: 1, max: 365 }));

  await field.fill('9');
  await page.getByRole('button', { name: ru.groups.backups.save }).click();
  await expect(page.locator('.alert--success')).toHaveText(ru.saved);
  await expect(field).toHaveValue('9');
  await expect(page.getByText(fill(ru.defaultAndNow, { default: '14', now: '9' }))).toBeVisible();
  await checkPage(page);

  // Put back what it was, for any later run against this database.
  await field.fill(before);
  await page.getByRole('button', { name: ru.groups.backups.save }).click();
  await expect(page.locator('.alert--success')).toHaveText(ru.saved);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a wrong value comes back with its error and what was typed', async ({
    page,
    signInAs,
    allowHttpErrors,
  }) => {
    allowHttpErrors(400);
    const admin = await createUser({ roles: ['admin'], locale: 'ky' });
    await signInAs(admin);
    const ky = textsIn('ky').admin.settings;
    await page.goto('/admin/settings');
    const field = page.getByLabel(ky.fields.backupKeep.label, { exact: true });
    await field.fill('1000');
    await page.getByRole('button', { name: ky.groups.backups.save }).click();
    await expectFieldError(page, ky.fields.backupKeep.label, fill(ky.range, { min: 1, max: 365 }));
    await expect(field).toHaveValue('1000');
    await checkPageWithoutJavaScript(page);
  });
});
