// A facilitator helps the families of her own villages only: a family without e-mail that
// forgot her password gets a new one from her. Staff read notices in the outbox, never a
// single-use link from them.
import { createLocality, createUser } from '../support/factories';
import { checkPage, expect, test } from './support/fixtures';
import { linkIn, waitForMail } from './support/mailbox';
import {
  expectNoHorizontalOverflow,
  fill,
  submitSignIn,
  textsIn,
  uniqueEmail,
  uniquePhone,
  waitForHydration,
} from './support/journeys';

test('a facilitator sees only her villages’ families and gives one of them a new password', async ({
  page,
  signInAs,
  newBrowserPage,
  allowHttpErrors,
}) => {
  const ky = textsIn('ky');
  const village = createLocality();
  const otherVillage = createLocality();
  const facilitator = await createUser({
    roles: ['facilitator'],
    locale: 'ky',
    localityId: village.id,
    worksIn: [village.id],
  });
  const phone = uniquePhone();
  const family = await createUser({
    name: `Бактыгүл Асанова ${phone.stored.slice(-4)}`,
    phone: phone.stored,
    email: null,
    locale: 'ky',
    localityId: village.id,
  });
  const neighbour = await createUser({
    name: 'Айжан Маматова',
    locale: 'ky',
    localityId: village.id,
  });
  const elsewhere = await createUser({
    name: 'Гүлбара Сыдыкова',
    phone: uniquePhone().stored,
    email: null,
    locale: 'ky',
    localityId: otherVillage.id,
  });

  await signInAs(facilitator);
  // The old address of the list leads to the families page.
  await page.goto('/families');
  await expect(page).toHaveURL('/households');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ky.households.list.title);
  await expect(page.locator('main')).toContainText(ky.households.list.introOwn);
  // Families who signed up but have not described their household yet are listed with their
  // account, for a new password.
  const accounts = page
    .getByRole('region', { name: ky.households.list.accountsTitle })
    .locator('li');
  await expect(accounts).toHaveCount(2);
  const familyRow = accounts.filter({ hasText: family.name });
  await expect(familyRow).toContainText(phone.stored);
  await expect(accounts.filter({ hasText: neighbour.name })).toContainText(neighbour.email!);
  await expect(page.locator('main')).not.toContainText(elsewhere.name);
  await checkPage(page);

  // The link's name carries the family's name for screen readers ("New password: …").
  const newPasswordLink = familyRow.getByRole('link', { name: ky.households.list.newPassword });
  await expect(newPasswordLink).toHaveAccessibleName(new RegExp(`${family.name}$`));
  await newPasswordLink.click();
  await expect(page).toHaveURL(`/families/${family.id}/password`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    fill(ky.admin.families.passwordTitle, { name: family.name }),
  );
  await checkPage(page);
  await page.getByRole('button', { name: ky.admin.families.passwordSubmit, exact: true }).click();
  const issued = page.getByTestId('issued-password');
  await expect(issued).toBeVisible();
  await expect(page.getByRole('status')).toContainText(
    fill(ky.admin.families.passwordIssued, { name: family.name }),
  );
  const password = (await issued.innerText()).trim();
  expect(password.length).toBeGreaterThanOrEqual(8);
  await checkPage(page);

  // Shown once: coming back to the page shows the button again, not the password.
  await page.goto(`/families/${family.id}/password`);
  await expect(page.getByTestId('issued-password')).toHaveCount(0);

  // The family signs in on her own phone with the number and the new password.
  const familyPhone = await newBrowserPage({
    locale: 'ky-KG',
    viewport: { width: 360, height: 740 },
  });
  await familyPhone.goto('/login');
  await waitForHydration(familyPhone);
  await submitSignIn(familyPhone, 'ky', { identifier: phone.typed, password });
  await expect(familyPhone).toHaveURL('/');
  await expect(familyPhone.getByRole('heading', { level: 1 })).toHaveText(
    fill(ky.common.home.greeting, { name: family.name }),
  );
  await checkPage(familyPhone);
  await expectNoHorizontalOverflow(familyPhone);

  // A family of another village is not hers: by URL, it does not exist.
  allowHttpErrors(404);
  const response = await page.goto(`/families/${elsewhere.id}/password`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ky.errors.page.notFound.title);
  await expect(page.locator('main')).not.toContainText(elsewhere.name);
  await checkPage(page);
});

test('the staff outbox lists a notice and shows its text with the single-use link hidden', async ({
  page,
  baseURL,
  signInAs,
  newBrowserPage,
}) => {
  const ru = textsIn('ru');
  const ky = textsIn('ky');
  const email = uniqueEmail('outbox');
  const person = await createUser({ email, locale: 'ky', name: 'Зарина Почтовая' });

  // A reset link is asked for her: a notice with a token in its link.
  const visitor = await newBrowserPage();
  await visitor.goto('/forgot-password');
  await waitForHydration(visitor);
  await visitor.getByLabel(textsIn('en').auth.forgot.email, { exact: true }).fill(email);
  await visitor.getByRole('button', { name: textsIn('en').auth.forgot.submit }).click();
  await expect(visitor.getByRole('status')).toHaveText(textsIn('en').auth.forgot.sent);
  await checkPage(visitor);
  const mail = await waitForMail(email, ky.email.passwordReset.subject);
  const token = new URL(linkIn(mail, `${baseURL}/set-password?token=`)).searchParams.get('token')!;
  expect(token.length).toBeGreaterThan(10);

  const staff = await createUser({ roles: ['staff'], locale: 'ru' });
  await signInAs(staff);
  await page.goto('/staff/outbox');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ru.admin.outbox.title);
  const row = page.locator('tbody tr').filter({ hasText: email });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(person.name);
  await checkPage(page);

  await row.getByRole('link', { name: ky.email.passwordReset.subject, exact: true }).click();
  await expect(page).toHaveURL(/\/staff\/outbox\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ky.email.passwordReset.subject);
  const text = page.locator('pre.mail-text');
  await expect(text).toContainText(fill(ky.email.greeting, { name: person.name }));
  await expect(text).toContainText(ky.email.passwordReset.body);
  await expect(text).toContainText('/set-password?token=…');
  await expect(page.locator('body')).not.toContainText(token);
  expect(await page.content()).not.toContain(token);
  await checkPage(page);
});
