// Without JavaScript (an old phone, a script that failed to load), every form still posts and
// the server validates: sign-up, sign-in, sign-out and the language switcher. axe needs a
// script, so each page's HTML is checked in a copy (checkPageWithoutJavaScript).
import { DEMO_LOCALITIES } from '~db/seed/demo-people';
import { expect, test } from './support/fixtures';
import {
  checkPageWithoutJavaScript,
  expectFieldError,
  fill,
  signOutWithMenu,
  submitSignIn,
  switchLanguage,
  textsIn,
  uniquePhone,
} from './support/journeys';

test.use({ javaScriptEnabled: false });

const osh = DEMO_LOCALITIES[1];

test('without JavaScript a family signs up, signs out, signs in and changes the language', async ({
  page,
  allowHttpErrors,
}) => {
  // A long journey: every page she visits is checked by axe.
  test.slow();
  const en = textsIn('en');
  const phone = uniquePhone();
  const name = `Nurzhan Toktosunova ${phone.stored.slice(-4)}`;
  const password = 'walnut bread oven';

  await page.goto('/signup');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.auth.signUp.title);
  await checkPageWithoutJavaScript(page);

  // A password that is too short: the server answers 400 and the page says why, at the field.
  allowHttpErrors(400);
  await page.getByLabel(en.auth.signUp.name, { exact: true }).fill(name);
  await page.getByLabel(en.auth.signUp.contact, { exact: true }).fill(phone.typed);
  await page
    .getByLabel(en.auth.signUp.locality, { exact: true })
    .selectOption({ label: osh.nameEn });
  await page.getByLabel(en.auth.signUp.password, { exact: true }).fill('short');
  await page.getByLabel(en.auth.signUp.passwordConfirm, { exact: true }).fill('short');
  const refused = page.waitForResponse(
    (response) => response.url().endsWith('/signup') && response.request().method() === 'POST',
  );
  await page.getByRole('button', { name: en.auth.signUp.submit, exact: true }).click();
  expect((await refused).status()).toBe(400);
  await expectFieldError(page, en.auth.signUp.password, en.errors.validation.passwordTooShort);
  // What she typed comes back from the server — except the passwords, which are never echoed.
  await expect(page.getByLabel(en.auth.signUp.name, { exact: true })).toHaveValue(name);
  await expect(page.getByLabel(en.auth.signUp.contact, { exact: true })).toHaveValue(phone.typed);
  await expect(
    page.getByLabel(en.auth.signUp.locality, { exact: true }).locator('option:checked'),
  ).toHaveText(osh.nameEn);
  await expect(page.getByLabel(en.auth.signUp.password, { exact: true })).toHaveValue('');
  await checkPageWithoutJavaScript(page);

  await page.getByLabel(en.auth.signUp.password, { exact: true }).fill(password);
  await page.getByLabel(en.auth.signUp.passwordConfirm, { exact: true }).fill(password);
  await page.getByRole('button', { name: en.auth.signUp.submit, exact: true }).click();
  await expect(page).toHaveURL('/account?welcome=1');
  await expect(page.getByRole('status')).toHaveText(fill(en.account.settings.welcome, { name }));
  await checkPageWithoutJavaScript(page);

  // The account menu is a native <details>: it opens without a script.
  await signOutWithMenu(page, 'en');
  await expect(page).toHaveURL('/');
  await checkPageWithoutJavaScript(page);

  await page.goto('/login');
  await checkPageWithoutJavaScript(page);
  await submitSignIn(page, 'en', { identifier: phone.typed, password });
  await expect(page).toHaveURL('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    fill(en.common.home.greeting, { name }),
  );
  await checkPageWithoutJavaScript(page);

  // The switcher is a form that posts: Russian, then Kyrgyz.
  for (const locale of ['ru', 'ky'] as const) {
    await switchLanguage(page, locale);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      fill(textsIn(locale).common.home.greeting, { name }),
    );
    await checkPageWithoutJavaScript(page);
  }

  await signOutWithMenu(page, 'ky');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    textsIn('ky').common.home.visitor.title,
  );
  await checkPageWithoutJavaScript(page);
});

test('without JavaScript a visitor switches the language of the sign-in page', async ({ page }) => {
  await page.goto('/login');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await switchLanguage(page, 'ru');
  await expect(page).toHaveURL('/login');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(textsIn('ru').auth.signIn.title);
  await expect(
    page.getByLabel(textsIn('ru').auth.signIn.identifier, { exact: true }),
  ).toBeVisible();
  await checkPageWithoutJavaScript(page);
});
