// Someone types wrong passwords for a family's account until it is locked for unknown devices;
// the family's own phone, which signed in before, still gets in with her password.
import type { Page } from '@playwright/test';
import { createUser, TEST_PASSWORD } from '../support/factories';
import { cookieName, expect, test } from './support/fixtures';
import { textsIn } from './support/journeys';

const en = textsIn('en');

async function signInWithForm(page: Page, identifier: string, password: string) {
  await page.goto('/login');
  await page.getByLabel(en.auth.signIn.identifier, { exact: true }).fill(identifier);
  await page.getByLabel(en.auth.signIn.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: en.auth.signIn.submit, exact: true }).click();
}

test('a known device signs in while the account is locked for others', async ({
  page,
  context,
  newBrowserPage,
  allowHttpErrors,
}) => {
  allowHttpErrors(400, 429);
  const family = await createUser({ locale: 'en' });

  // Her phone signs in once and so becomes a known device; then her session ends.
  await signInWithForm(page, family.email!, TEST_PASSWORD);
  await expect(page).not.toHaveURL(/\/login/);
  await context.clearCookies({ name: cookieName });

  // A stranger's browser guesses until the account is locked for unknown devices.
  const stranger = await newBrowserPage();
  for (let i = 0; i < 5; i += 1) {
    await signInWithForm(stranger, family.email!, `guess ${i}`);
    await expect(stranger.getByRole('alert')).toHaveText(en.errors.auth.invalidCredentials);
  }
  await signInWithForm(stranger, family.email!, TEST_PASSWORD);
  await expect(stranger.getByRole('alert')).toHaveText(en.errors.auth.throttled);

  // Her own phone still gets in with her password.
  await signInWithForm(page, family.email!, TEST_PASSWORD);
  await expect(page).not.toHaveURL(/\/login/);
});
