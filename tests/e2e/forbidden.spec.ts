// What a person sees at a door that is not hers: a 403 page in her language, the sign-in page
// (and back) for a visitor, and a 404 page for an address that does not exist.
import { createUser, TEST_PASSWORD } from '../support/factories';
import { checkPage, expect, test } from './support/fixtures';
import { fill, submitSignIn, textsIn, uniqueEmail, waitForHydration } from './support/journeys';

test('a juror gets the forbidden page, in Russian, for pages of other roles', async ({
  page,
  signInAs,
  allowHttpErrors,
}) => {
  const ru = textsIn('ru');
  const juror = await createUser({ roles: ['juror'], locale: 'ru', name: 'Ольга Судьина' });
  await signInAs(juror);
  allowHttpErrors(403);

  for (const path of ['/admin/users', '/admin/audit', '/staff/outbox', '/families']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      ru.errors.page.forbidden.title,
    );
    await expect(page.locator('main')).toContainText(ru.errors.page.forbidden.body);
    // Still signed in, with her own header.
    await expect(page.locator('.account-menu summary')).toContainText(juror.name);
    await checkPage(page);
  }
  await page.getByRole('link', { name: ru.errors.page.home, exact: true }).click();
  await expect(page).toHaveURL('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    fill(ru.common.home.greeting, { name: juror.name }),
  );
  await checkPage(page);
});

test('a visitor is asked to sign in and then taken to the page she wanted', async ({ page }) => {
  const en = textsIn('en');
  const admin = await createUser({ roles: ['admin'], email: uniqueEmail('admin'), locale: 'en' });

  await page.goto('/admin/users');
  await expect(page).toHaveURL('/login?redirectTo=%2Fadmin%2Fusers');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.auth.signIn.title);
  await checkPage(page);
  await waitForHydration(page);
  await submitSignIn(page, 'en', { identifier: admin.email!, password: TEST_PASSWORD });
  await expect(page).toHaveURL('/admin/users');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.admin.users.title);
  await checkPage(page);
});

test('an unknown address shows the not-found page in the reader’s language', async ({
  page,
  signInAs,
  newBrowserPage,
  allowHttpErrors,
}) => {
  allowHttpErrors(404);

  // A visitor whose browser reads Kyrgyz.
  const visitor = await newBrowserPage({ locale: 'ky-KG' });
  const response = await visitor.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(visitor.locator('html')).toHaveAttribute('lang', 'ky');
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(
    textsIn('ky').errors.page.notFound.title,
  );
  await checkPage(visitor);

  // A signed-in person reads it in her account's language, under her own header, even though
  // her browser asks for English.
  const ru = textsIn('ru');
  const staff = await createUser({ roles: ['staff'], locale: 'ru', name: 'Дина Программова' });
  await signInAs(staff);
  const signedIn = await page.goto('/staff/no-such-page?x=1');
  expect(signedIn?.status()).toBe(404);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ru.errors.page.notFound.title);
  await expect(page.locator('main')).toContainText(ru.errors.page.notFound.body);
  await expect(page.locator('.account-menu summary')).toContainText(staff.name);
  await expect(page.getByRole('navigation', { name: ru.common.nav.label })).toBeVisible();
  await checkPage(page);
});
