// Training sessions (issue 12, item 6): staff plan a session and find it by village and topic;
// a facilitator plans only in her own villages and cannot open another village's session.
import { writeTransaction } from '~db/client';
import { trainingSessions } from '~db/schema/training';
import { createLocality, createUser } from '../support/factories';
import { createHousehold } from '../support/programme-factories';
import { checkPage, expect, test } from './support/fixtures';
import { fill, textsIn, waitForHydration } from './support/journeys';

test('staff plan a session, find it by village and topic; a facilitator keeps to her villages', async ({
  page,
  signInAs,
  allowHttpErrors,
}) => {
  test.slow();
  const en = textsIn('en');
  const tr = en.training;
  const village = createLocality();
  const other = createLocality();
  const staff = await createUser({ roles: ['staff'], locale: 'en' });
  const facilitator = await createUser({
    roles: ['facilitator'],
    locale: 'en',
    worksIn: [village.id],
  });

  await signInAs(staff);
  await page.goto('/');
  await page.getByRole('navigation').getByRole('link', { name: en.common.nav.training }).click();
  await expect(page.getByRole('heading', { level: 1, name: tr.title })).toBeVisible();
  await waitForHydration(page);
  await checkPage(page);

  const form = page.getByRole('region', { name: tr.form.createTitle });
  // Checked in the browser: nothing chosen yet.
  await form.getByRole('button', { name: tr.form.create }).click();
  await expect(form.getByLabel(tr.form.topic)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#new-session-topic-error')).toHaveText(en.errors.validation.required);
  await form.getByLabel(tr.form.topic).selectOption({ label: tr.topics['household-budget'] });
  await form.getByLabel(tr.form.startsAt).fill('2031-05-14T10:00');
  await form.getByLabel(tr.form.minutes).fill('90');
  await form.getByLabel(tr.form.locality).selectOption({ label: `${village.code} en` });
  await form.getByLabel(tr.form.place).fill('School No. 2, hall');
  await form.getByLabel(tr.form.trainerName).fill('Gulnara Osmonova');
  await form.getByRole('button', { name: tr.form.create }).click();
  await expect(page).toHaveURL(/\/training\/\d+\?saved=created$/);
  const sessionUrl = new URL(page.url()).pathname;
  await expect(page.getByRole('status')).toHaveText(tr.session.saved.created);
  // Ten in the morning in Bishkek, shown on the programme's clock; no roll call before it starts.
  await expect(page.getByRole('heading', { level: 1 })).toContainText('10:00');
  await expect(page.getByText(tr.rollCall.notYet)).toBeVisible();
  await checkPage(page);

  // The list finds it by village and topic, and not by another topic.
  await page.goto(`/training?locality=${village.id}&topic=household-budget`);
  await expect(page.getByRole('status')).toHaveText(fill(tr.list.count, { count: 1 }));
  await expect(page.getByRole('cell', { name: 'School No. 2, hall' })).toBeVisible();
  await page.goto(`/training?locality=${village.id}&topic=business-planning`);
  await expect(page.getByText(tr.list.none)).toBeVisible();

  // A session in another village, planned by staff.
  await page.goto('/training');
  await waitForHydration(page);
  await form.getByLabel(tr.form.topic).selectOption({ label: tr.topics['financial-literacy'] });
  await form.getByLabel(tr.form.startsAt).fill('2031-05-15T10:00');
  await form.getByLabel(tr.form.locality).selectOption({ label: `${other.code} en` });
  await form.getByLabel(tr.form.place).fill('Club');
  await form.getByLabel(tr.form.trainerName).fill('Gulnara Osmonova');
  await form.getByRole('button', { name: tr.form.create }).click();
  await expect(page).toHaveURL(/\/training\/\d+\?saved=created$/);
  const elsewhereUrl = new URL(page.url()).pathname;

  // The facilitator sees her village's session only; the other one does not exist for her.
  await signInAs(facilitator);
  await page.goto('/training');
  await expect(page.getByRole('cell', { name: 'School No. 2, hall' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Club' })).toHaveCount(0);
  await expect(
    page
      .getByRole('region', { name: tr.form.createTitle })
      .getByLabel(tr.form.locality)
      .locator('option'),
  ).toHaveText([tr.form.choose, `${village.code} en`]);
  await page.goto(sessionUrl);
  await expect(page.getByRole('heading', { level: 2, name: tr.rollCall.title })).toBeVisible();
  allowHttpErrors(404);
  const response = await page.goto(elsewhereUrl);
  expect(response?.status()).toBe(404);

  // With JavaScript too, the roll call is one submit; a correction changes only what changed.
  const { members } = createHousehold({ localityId: village.id });
  const held = writeTransaction((tx) =>
    tx
      .insert(trainingSessions)
      .values({
        topic: 'financial-literacy',
        startsAt: new Date(Date.now() - 60 * 60_000),
        minutes: 60,
        place: 'Library',
        localityId: village.id,
        trainerName: 'Gulnara Osmonova',
        createdById: facilitator.id,
      })
      .returning()
      .get(),
  );
  await page.goto(`/training/${held.id}`);
  await waitForHydration(page);
  const box = (name: string) => page.getByRole('checkbox', { name: new RegExp(name) });
  await box(members[3]!.firstName).check();
  await box(members[1]!.firstName).check();
  await page.getByRole('button', { name: tr.rollCall.save }).click();
  await expect(page.getByRole('status')).toHaveText(
    fill(tr.session.saved.rollCall, { present: 2, absent: 2 }),
  );
  await checkPage(page);
  await box(members[1]!.firstName).uncheck();
  await page.getByRole('button', { name: tr.rollCall.save }).click();
  await expect(page.getByRole('status')).toHaveText(
    fill(tr.session.saved.rollCall, { present: 1, absent: 3 }),
  );
  await expect(box(members[3]!.firstName)).toBeChecked();
  await expect(box(members[1]!.firstName)).not.toBeChecked();
});
