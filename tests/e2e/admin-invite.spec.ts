// An administrator working in Kyrgyz invites a programme officer. The invitation arrives in
// Kyrgyz; she chooses a password and starts working; the administrator changes her roles,
// disables her, and finds every step in the audit log.
import { createUser } from '../support/factories';
import { checkPage, expect, test } from './support/fixtures';
import { linkIn, waitForMail } from './support/mailbox';
import { fill, textsIn, uniqueEmail, waitForHydration } from './support/journeys';

test('an admin invites a staff member in Kyrgyz, then changes her roles and disables her', async ({
  page,
  baseURL,
  signInAs,
  newBrowserPage,
}) => {
  // A long journey: every page she visits is checked by axe.
  test.slow();
  const ky = textsIn('ky');
  const admin = await createUser({ roles: ['admin'], locale: 'ky', name: 'Жылдыз Админова' });
  const email = uniqueEmail('officer');
  const name = 'Айнура Кызматкерова';
  const password = 'тоо суусу таза 2025';

  await signInAs(admin);
  await page.goto('/admin/users/new');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ky.admin.invite.title);
  await checkPage(page);
  await waitForHydration(page);
  await page.getByLabel(ky.admin.invite.name, { exact: true }).fill(name);
  await page.getByLabel(ky.admin.invite.email, { exact: true }).fill(email);
  await page
    .getByLabel(ky.admin.invite.language, { exact: true })
    .selectOption({ label: 'Кыргызча' });
  await page.getByRole('checkbox', { name: ky.common.roles.staff, exact: true }).check();
  await page.getByRole('button', { name: ky.admin.invite.submit, exact: true }).click();

  await expect(page).toHaveURL(/\/admin\/users\/\d+\?invited=1$/);
  const userId = Number(/\/admin\/users\/(\d+)/.exec(page.url())![1]);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByRole('status')).toHaveText(ky.admin.user.saved.invited);
  await checkPage(page);

  // The invitation, in Kyrgyz, names who invited her and as what.
  const mail = await waitForMail(email, ky.email.invitation.subject);
  expect(mail.text).toContain(fill(ky.email.greeting, { name }));
  expect(mail.text).toContain(
    fill(ky.email.invitation.body, { inviter: admin.name, roles: ky.common.roles.staff }),
  );
  const link = linkIn(mail, `${baseURL}/set-password?token=`);

  // On her own computer (its browser reads Kyrgyz) she chooses a password and is signed in.
  const officer = await newBrowserPage({ locale: 'ky-KG' });
  await officer.goto(link);
  await expect(officer.getByRole('heading', { level: 1 })).toHaveText(
    fill(ky.auth.setPassword.inviteTitle, { name }),
  );
  await checkPage(officer);
  await waitForHydration(officer);
  await officer.getByLabel(ky.auth.setPassword.password, { exact: true }).fill(password);
  await officer.getByLabel(ky.auth.setPassword.passwordConfirm, { exact: true }).fill(password);
  await officer.getByRole('button', { name: ky.auth.setPassword.submit, exact: true }).click();
  await expect(officer).toHaveURL('/?password=set');
  await expect(officer.getByRole('heading', { level: 1 })).toHaveText(
    fill(ky.common.home.greeting, { name }),
  );
  // The staff home: the outbox card.
  await expect(officer.locator('#home-outbox')).toHaveText(ky.common.home.outbox.title);
  await expect(
    officer.locator('main').getByRole('link', { name: ky.common.home.outbox.link }),
  ).toHaveAttribute('href', '/staff/outbox');
  await checkPage(officer);

  // The admin finds her in People, active.
  await page.goto('/admin/users');
  await waitForHydration(page);
  await page.getByLabel(ky.admin.users.search, { exact: true }).fill(email);
  await page.getByRole('button', { name: ky.admin.users.filter, exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/users\?q=/);
  const row = page.locator('tbody tr');
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('link', { name, exact: true })).toBeVisible();
  await expect(row).toContainText(ky.common.roles.staff);
  await expect(row.locator('.badge')).toHaveText(ky.admin.users.active);
  await checkPage(page);

  // She becomes a juror too.
  await row.getByRole('link', { name, exact: true }).click();
  await expect(page).toHaveURL(`/admin/users/${userId}`);
  await waitForHydration(page);
  const roles = page.getByRole('region', { name: ky.admin.user.rolesTitle });
  await expect(roles.getByRole('checkbox', { name: ky.common.roles.staff })).toBeChecked();
  await roles.getByRole('checkbox', { name: ky.common.roles.juror, exact: true }).check();
  await roles.getByRole('button', { name: ky.admin.user.saveRoles, exact: true }).click();
  await expect(page).toHaveURL(`/admin/users/${userId}?saved=roles`);
  await expect(page.getByRole('status')).toHaveText(ky.admin.user.saved.roles);
  await checkPage(page);

  // Opened afresh, the page's dates keep the Kyrgyz format the server wrote, also once the
  // script runs in a browser that has no Kyrgyz Intl data (as this Chromium).
  await page.goto(`/admin/users/${userId}`);
  await waitForHydration(page);
  await expect(page.locator('.details time').first()).toHaveText(/^\d{4}-ж\., \d{1,2}-/);

  // Disabled: her next request finds her signed out.
  await page.getByRole('button', { name: ky.admin.user.disable, exact: true }).click();
  await expect(page).toHaveURL(`/admin/users/${userId}?saved=status`);
  await expect(page.getByRole('status')).toHaveText(ky.admin.user.saved.status);
  await expect(page.getByRole('button', { name: ky.admin.user.enable, exact: true })).toBeVisible();
  await checkPage(page);
  await officer.goto('/staff/outbox');
  await expect(officer).toHaveURL('/login?redirectTo=%2Fstaff%2Foutbox');
  await expect(
    officer.locator('.site-header').getByRole('link', { name: ky.common.account.signIn }),
  ).toBeVisible();
  await checkPage(officer);

  // The audit log, filtered to her record, tells the story — with the roles before and after.
  await page.getByRole('link', { name: ky.admin.user.history, exact: true }).click();
  await expect(page).toHaveURL(`/admin/audit?entityType=user&entityId=${userId}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ky.admin.audit.title);
  await expect(page.getByLabel(ky.admin.audit.entityId, { exact: true })).toHaveValue(
    String(userId),
  );
  const entries = page.locator('tbody tr');
  const actions = await entries.locator('td:nth-child(4)').allInnerTexts();
  const label = ky.admin.audit.actions.user;
  expect(actions).toEqual(
    expect.arrayContaining([
      label.invited,
      label['invitation-accepted'],
      label['roles-changed'],
      label.disabled,
    ]),
  );
  // The record is named, and links to her page.
  for (const record of await entries.locator('td:nth-child(5)').allInnerTexts()) {
    expect(record).toBe(`${ky.admin.audit.entityTypes.user}: ${name}`);
  }
  await expect(
    entries
      .first()
      .locator('td:nth-child(5)')
      .getByRole('link', { name: new RegExp(name) }),
  ).toHaveAttribute('href', `/admin/users/${userId}`);
  const rolesChange = entries.filter({ hasText: label['roles-changed'] });
  await expect(rolesChange).toHaveCount(1);
  await expect(rolesChange.getByRole('link', { name: admin.name })).toBeVisible();
  await rolesChange.getByText(ky.admin.audit.showChange, { exact: true }).click();
  const [before, after] = await rolesChange.locator('pre').allInnerTexts();
  expect(JSON.parse(before!)).toMatchObject({ roles: ['staff'] });
  expect(JSON.parse(after!)).toMatchObject({ roles: ['juror', 'staff'] });
  await checkPage(page);
});
