// On a slow network the page arrives long before its script. What a person types meanwhile must
// still be there when the script takes over (react-hook-form would reset fields to their
// defaults), and the form then validates as she goes on.
import { resources } from '~/i18n/resources';
import { createUser } from '../support/factories';
import { expect, test } from './support/fixtures';
import { waitForHydration } from './support/journeys';

test('changes made before the script arrived are kept when it takes over', async ({
  page,
  signInAs,
}) => {
  const en = resources.en.account.settings;
  const family = await createUser({ roles: ['applicant'], name: 'Айгүл Бекова', locale: 'en' });
  await signInAs(family);
  let releaseScripts!: () => void;
  const scriptsHeld = new Promise<void>((resolve) => (releaseScripts = resolve));
  await page.route('**/build/**/*.js', async (route) => {
    await scriptsHeld;
    await route.continue();
  });

  await page.goto('/account', { waitUntil: 'domcontentloaded' });
  await expect(page.getByLabel(en.name)).toHaveValue('Айгүл Бекова');
  await page.getByLabel(en.name).fill('Айгүл Бекова-Асанова');
  await page.getByLabel(en.phone).fill('0555 12');
  await page.getByLabel(en.contactOnlyViaFacilitator).check();
  await page.getByLabel(en.contactByEmail).uncheck();

  releaseScripts();
  await waitForHydration(page);

  await expect(page.getByLabel(en.name)).toHaveValue('Айгүл Бекова-Асанова');
  await expect(page.getByLabel(en.phone)).toHaveValue('0555 12');
  await expect(page.getByLabel(en.contactOnlyViaFacilitator)).toBeChecked();
  await expect(page.getByLabel(en.contactByEmail)).not.toBeChecked();

  // The script now checks the form: the unfinished phone number is refused next to its field.
  await page.getByRole('button', { name: en.submit }).click();
  await expect(page.getByText(resources.en.errors.validation.phone)).toBeVisible();
  await expect(page).toHaveURL('/account');
});

test('a language and roles chosen before the script arrived are kept', async ({
  page,
  signInAs,
}) => {
  const en = resources.en;
  const admin = await createUser({ roles: ['admin'], locale: 'en' });
  await signInAs(admin);
  let releaseScripts!: () => void;
  const scriptsHeld = new Promise<void>((resolve) => (releaseScripts = resolve));
  await page.route('**/build/**/*.js', async (route) => {
    await scriptsHeld;
    await route.continue();
  });

  await page.goto('/admin/users/new', { waitUntil: 'domcontentloaded' });
  await page.getByLabel(en.admin.invite.name).fill('Гүлзат Токтогулова');
  await page.getByLabel(en.admin.invite.language).selectOption('ky');
  await page.getByLabel(en.common.roles.juror).check();
  await page.getByLabel(en.common.roles.staff).check();

  releaseScripts();
  await waitForHydration(page);

  await expect(page.getByLabel(en.admin.invite.name)).toHaveValue('Гүлзат Токтогулова');
  await expect(page.getByLabel(en.admin.invite.language)).toHaveValue('ky');
  await expect(page.getByLabel(en.common.roles.juror)).toBeChecked();
  await expect(page.getByLabel(en.common.roles.staff)).toBeChecked();
});
