// A family's own account, on a cheap phone: she signs up with her phone number, signs out and in
// again, reads Ishenim in the three languages, and the account remembers her choice.
import { DEMO_LOCALITIES } from '~db/seed/demo-people';
import { createUser } from '../support/factories';
import { checkPage, expect, test } from './support/fixtures';
import {
  expectFieldError,
  expectNoHorizontalOverflow,
  fill,
  signOutWithMenu,
  submitSignIn,
  switchLanguage,
  textsIn,
  uniquePhone,
  waitForHydration,
} from './support/journeys';

const ivanovka = DEMO_LOCALITIES[0];
const PASSWORD = 'apricot garden 2024';

test.describe('on a 360 px phone, in a Russian-speaking browser', () => {
  test.use({ viewport: { width: 360, height: 740 }, locale: 'ru-RU' });

  test('a family signs up with her phone, signs out and in, and her language choice stays with her account', async ({
    page,
    context,
  }) => {
    // A long journey: every page she visits is checked by axe.
    test.slow();
    const ru = textsIn('ru');
    const phone = uniquePhone();
    const name = `Гулзада Орозбаева ${phone.stored.slice(-4)}`;

    // A visitor: the browser speaks Russian, so the portal does.
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ru.common.home.visitor.title);
    await checkPage(page);
    await expectNoHorizontalOverflow(page);

    await page
      .locator('main')
      .getByRole('link', { name: ru.common.home.visitor.signUp, exact: true })
      .click();
    await expect(page).toHaveURL('/signup');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ru.auth.signUp.title);
    await checkPage(page);
    await expectNoHorizontalOverflow(page);

    await waitForHydration(page);
    await page.getByLabel(ru.auth.signUp.name, { exact: true }).fill(name);
    await page.getByLabel(ru.auth.signUp.contact, { exact: true }).fill(phone.typed);
    await page
      .getByLabel(ru.auth.signUp.locality, { exact: true })
      .selectOption({ label: ivanovka.nameRu });
    await page.getByLabel(ru.auth.signUp.password, { exact: true }).fill(PASSWORD);
    await page.getByLabel(ru.auth.signUp.passwordConfirm, { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: ru.auth.signUp.submit, exact: true }).click();

    // Signed in, on her settings, welcomed by name; the number is kept in full international form.
    await expect(page).toHaveURL('/account?welcome=1');
    await expect(page.getByRole('status')).toHaveText(fill(ru.account.settings.welcome, { name }));
    await expect(page.getByLabel(ru.account.settings.phone, { exact: true })).toHaveValue(
      phone.stored,
    );
    await expect(page.locator('.account-menu summary')).toContainText(name);
    await checkPage(page);
    await expectNoHorizontalOverflow(page);

    await signOutWithMenu(page, 'ru');
    await expect(page).toHaveURL('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ru.common.home.visitor.title);

    // She signs in with the phone number, typed as she would say it.
    await page
      .locator('.site-header')
      .getByRole('link', { name: ru.common.account.signIn, exact: true })
      .click();
    await expect(page).toHaveURL('/login');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ru.auth.signIn.title);
    await checkPage(page);
    await expectNoHorizontalOverflow(page);
    await submitSignIn(page, 'ru', { identifier: phone.typed, password: PASSWORD });
    await expect(page).toHaveURL('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      fill(ru.common.home.greeting, { name }),
    );
    await checkPage(page);
    await expectNoHorizontalOverflow(page);

    // The header's switcher: Kyrgyz, Russian, English — the whole page follows.
    for (const locale of ['ky', 'ru', 'en'] as const) {
      await switchLanguage(page, locale);
      const texts = textsIn(locale);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        fill(texts.common.home.greeting, { name }),
      );
      await expect(page.locator('#home-apply')).toHaveText(texts.common.home.applicant.title);
      await expect(page.locator('.site-footer')).toHaveText(texts.common.footer.tagline);
      await checkPage(page);
      await expectNoHorizontalOverflow(page);
    }

    // English was her last choice. On another phone (no cookies; the browser still asks for
    // Russian), the sign-in page is in Russian, and once she is in, in English again.
    await signOutWithMenu(page, 'en');
    await context.clearCookies();
    await page.goto('/login');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await submitSignIn(page, 'ru', { identifier: phone.typed, password: PASSWORD });
    await expect(page).toHaveURL('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      fill(textsIn('en').common.home.greeting, { name }),
    );
    // Signed out, the browser keeps the language of the account that was signed in: English.
    await signOutWithMenu(page, 'en');
  });
});

test('a wrong password gets the same general message above the form, in her language', async ({
  page,
  allowHttpErrors,
}) => {
  const ky = textsIn('ky');
  const phone = uniquePhone();
  await createUser({ phone: phone.stored, email: null, locale: 'ky' });

  await page.goto('/login');
  await switchLanguage(page, 'ky');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ky.auth.signIn.title);
  await checkPage(page);

  await waitForHydration(page);
  allowHttpErrors(400);
  await submitSignIn(page, 'ky', { identifier: phone.typed, password: 'not her password' });

  const alert = page.locator('main').getByRole('alert');
  await expect(alert).toHaveText(ky.errors.auth.invalidCredentials);
  // Above the form, so it is read first; what she typed stays.
  const form = page.locator('main form');
  const alertBox = (await alert.boundingBox())!;
  const formBox = (await form.boundingBox())!;
  expect(alertBox.y + alertBox.height).toBeLessThanOrEqual(formBox.y);
  await expect(page.getByLabel(ky.auth.signIn.identifier, { exact: true })).toHaveValue(
    phone.typed,
  );
  await expect(page).toHaveURL('/login');
  await checkPage(page);
});

test('a bad field is marked next to it, and what she typed elsewhere stays', async ({ page }) => {
  const ky = textsIn('ky');
  const phone = uniquePhone();
  const name = `Айпери Жумалиева ${phone.stored.slice(-4)}`;

  await page.goto('/signup');
  await switchLanguage(page, 'ky');
  await waitForHydration(page);
  const nameField = page.getByLabel(ky.auth.signUp.name, { exact: true });
  const contactField = page.getByLabel(ky.auth.signUp.contact, { exact: true });
  const localityField = page.getByLabel(ky.auth.signUp.locality, { exact: true });
  const passwordField = page.getByLabel(ky.auth.signUp.password, { exact: true });
  const confirmField = page.getByLabel(ky.auth.signUp.passwordConfirm, { exact: true });
  const submit = page.getByRole('button', { name: ky.auth.signUp.submit, exact: true });

  await nameField.fill(name);
  await contactField.fill(phone.typed);
  await localityField.selectOption({ label: ivanovka.nameKy });
  // Too short: she hears about it as soon as she leaves the field.
  await passwordField.fill('kelin');
  await passwordField.blur();
  await expectFieldError(page, ky.auth.signUp.password, ky.errors.validation.passwordTooShort);
  await checkPage(page);

  // Long enough, but the second one differs: sending is refused, the message is at that field.
  await passwordField.fill('kelin tikuuchu 2024');
  await confirmField.fill('kelin tikuuchu 2025');
  await submit.click();
  await expectFieldError(
    page,
    ky.auth.signUp.passwordConfirm,
    ky.errors.validation.passwordsDiffer,
  );
  await expect(passwordField).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL('/signup');
  await expect(nameField).toHaveValue(name);
  await expect(contactField).toHaveValue(phone.typed);
  await expect(localityField.locator('option:checked')).toHaveText(ivanovka.nameKy);
  await checkPage(page);

  await confirmField.fill('kelin tikuuchu 2024');
  await expect(confirmField).not.toHaveAttribute('aria-invalid', 'true');
  await submit.click();
  await expect(page).toHaveURL('/account?welcome=1');
  await expect(page.getByRole('status')).toHaveText(fill(ky.account.settings.welcome, { name }));
  await checkPage(page);
});
