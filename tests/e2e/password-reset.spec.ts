// A person who forgot her password asks for a link by e-mail, in Russian. The page never tells
// whether an address has an account; the mail is in her language; the link works once.
import { createUser, TEST_PASSWORD } from '../support/factories';
import { checkPage, expect, test } from './support/fixtures';
import { linkIn, mailTo, waitForMail } from './support/mailbox';
import {
  fill,
  signOutWithMenu,
  submitSignIn,
  switchLanguage,
  textsIn,
  uniqueEmail,
  waitForHydration,
} from './support/journeys';

test('a reset link in Russian sets a new password once, and the old one stops working', async ({
  page,
  baseURL,
  allowHttpErrors,
}) => {
  // A long journey: every page she visits is checked by axe.
  test.slow();
  const ru = textsIn('ru');
  const email = uniqueEmail('reset');
  const unknown = uniqueEmail('nobody');
  const user = await createUser({ email, name: 'Светлана Ким', locale: 'ru' });
  const newPassword = 'спелые абрикосы 2025';

  // She opens the sign-in page, chooses Russian, and follows "Forgot your password?".
  await page.goto('/login');
  await switchLanguage(page, 'ru');
  await checkPage(page);
  await page.getByRole('link', { name: ru.auth.signIn.forgot, exact: true }).click();
  await expect(page).toHaveURL('/forgot-password');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ru.auth.forgot.title);
  await checkPage(page);

  const askForLink = async (address: string) => {
    await waitForHydration(page);
    await page.getByLabel(ru.auth.forgot.email, { exact: true }).fill(address);
    await page.getByRole('button', { name: ru.auth.forgot.submit, exact: true }).click();
    await expect(page.getByRole('status')).toHaveText(ru.auth.forgot.sent);
    return page.locator('main').innerText();
  };
  const answerForHer = await askForLink(email);
  await checkPage(page);
  // An address without an account gets exactly the same page.
  await page.goto('/forgot-password');
  const answerForNobody = await askForLink(unknown);
  expect(answerForNobody).toBe(answerForHer);

  // The mail, read back from the SMTP server, is in Russian and greets her by name.
  const mail = await waitForMail(email, ru.email.passwordReset.subject);
  expect(mail.subject).toBe(ru.email.passwordReset.subject);
  expect(mail.text).toContain(fill(ru.email.greeting, { name: user.name }));
  expect(mail.text).toContain(ru.email.passwordReset.body);
  expect(mail.text).toContain(ru.email.passwordReset.notYou);
  const link = linkIn(mail, `${baseURL}/set-password?token=`);

  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ru.auth.setPassword.title);
  await expect(page.locator('main')).toContainText(
    fill(ru.auth.setPassword.resetIntro, { name: user.name }),
  );
  await checkPage(page);
  await waitForHydration(page);
  await page.getByLabel(ru.auth.setPassword.password, { exact: true }).fill(newPassword);
  await page.getByLabel(ru.auth.setPassword.passwordConfirm, { exact: true }).fill(newPassword);
  await page.getByRole('button', { name: ru.auth.setPassword.submit, exact: true }).click();

  // Signed in at once.
  await expect(page).toHaveURL('/?password=set');
  await expect(page.getByRole('status')).toHaveText(ru.common.home.passwordSet);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    fill(ru.common.home.greeting, { name: user.name }),
  );
  await checkPage(page);
  // She is told by mail that her password changed.
  await waitForMail(email, ru.email.passwordChanged.subject);
  // The reset asked for an address without an account (before this notice) sent nothing.
  expect(mailTo(unknown)).toEqual([]);

  // The old password no longer works; the new one does.
  await signOutWithMenu(page, 'ru');
  await page.goto('/login');
  await waitForHydration(page);
  allowHttpErrors(400);
  await submitSignIn(page, 'ru', { identifier: email, password: TEST_PASSWORD });
  await expect(page.locator('main').getByRole('alert')).toHaveText(
    ru.errors.auth.invalidCredentials,
  );
  await checkPage(page);
  await submitSignIn(page, 'ru', { identifier: email, password: newPassword });
  await expect(page).toHaveURL('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    fill(ru.common.home.greeting, { name: user.name }),
  );
  await signOutWithMenu(page, 'ru');

  // The link was used: a second time it explains that it no longer works.
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ru.auth.setPassword.title);
  await expect(page.locator('main').getByRole('alert')).toHaveText(ru.auth.setPassword.invalid);
  await expect(page.getByLabel(ru.auth.setPassword.password, { exact: true })).toHaveCount(0);
  await expect(page.getByRole('link', { name: ru.auth.setPassword.newLink })).toHaveAttribute(
    'href',
    '/forgot-password',
  );
  await checkPage(page);
});
