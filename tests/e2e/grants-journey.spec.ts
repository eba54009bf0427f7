// Paying a grant with four eyes, in real Chromium against the running server: staff A (Kyrgyz)
// records the signed agreement (her ID card and a photo of the signed paper) and the first tranche, cannot approve it herself — neither with
// the page nor with a hand-made POST — and staff B approves it in Russian; the ledger and the
// competition's money page show it. Then approvals posted at the same moment by two people post
// the tranche once.
import type { Page } from '@playwright/test';
import { formatMoney } from '~/i18n/format';
import { resources } from '~/i18n/resources';
import { ledgerOf } from '~/models/grant-ledger.server';
import { recordMoneyRequest } from '~/services/disbursement.server';
import { browserRequest, createUser, TEST_PASSWORD } from '../support/factories';
import { createGrantWorld, createMoneyStaff } from '../support/grant-factories';
import { sessionUserOf } from '../support/session-user';
import { checkPage, expect, test } from './support/fixtures';
import { checkPageWithoutJavaScript, fill, submitSignIn } from './support/journeys';

const ky = resources.ky.grants;
/** A photo of the signed paper: a PNG's signature and header (the type is read from the bytes). */
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1,
  0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xde, 0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42,
  0x60, 0x82,
]);
const ru = resources.ru.grants;

async function expectDone(page: Page, text: string) {
  await expect(page.getByRole('status').filter({ hasText: text })).toBeVisible();
}

test('staff A records a tranche, cannot approve it, and staff B approves it in Russian', async ({
  page,
  signInAs,
  newBrowserPage,
  allowHttpErrors,
}) => {
  allowHttpErrors(403);
  const { staffB } = await createMoneyStaff('ru');
  const staffA = await createUser({ roles: ['staff'], locale: 'ky', name: 'Нургүл Асанова' });
  const world = await createGrantWorld({ amount: 100_000_00 });
  const grantUrl = `/staff/grants/${world.grant.id}`;
  // Staff A works in Kyrgyz.
  await signInAs({ id: staffA.id });
  await page.goto(grantUrl);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ky');
  await expect(page.getByTestId('beneficiary')).toHaveText('Айпери Токтогулова');
  await checkPage(page);
  // The agreement was signed on paper: she records it (e-wallet, 30 000 som a time).
  const signing = page.locator('form', { has: page.getByRole('button', { name: ky.grant.sign }) });
  await signing
    .getByLabel(ky.grant.documentKind, { exact: true })
    .selectOption({ label: ky.documentKinds['id-card'] });
  await signing.getByLabel(ky.grant.documentNumber, { exact: true }).fill('id 765 43 21');
  await signing.getByLabel(ky.grant.witness, { exact: true }).fill('Гүлзат Токтогулова');
  await signing.getByLabel(ky.grant.method, { exact: true }).selectOption('e-wallet');
  await signing.getByLabel(ky.grant.provider, { exact: true }).selectOption('o-dengi');
  await signing.getByLabel(ky.grant.phone, { exact: true }).fill('+996 555 123 456');
  await signing.getByLabel(ky.grant.limit, { exact: true }).fill('30000');
  await signing.getByLabel(ky.grant.scan, { exact: true }).setInputFiles({
    name: 'kelishim.png',
    mimeType: 'image/png',
    buffer: PNG,
  });
  await page.getByRole('button', { name: ky.grant.sign }).click();
  await expectDone(page, ky.grant.signedDone);
  await expect(page.getByText('••• •• 34 56')).toBeVisible();
  await expect(page.getByTestId('identity-document')).toHaveText(
    `${ky.documentKinds['id-card']} ID7654321`,
  );
  // The scan opens for staff, as the PNG it is.
  const scanLink = page.getByTestId('agreement-scan');
  await expect(scanLink).toHaveText(ky.grant.scanOpen);
  const scan = await page.request.get((await scanLink.getAttribute('href'))!);
  expect(scan.status()).toBe(200);
  expect(scan.headers()['content-type']).toBe('image/png');
  expect(Buffer.from(await scan.body()).subarray(0, 8)).toEqual(PNG.subarray(0, 8));
  // 70 000 is above the wallet's 30 000 a time: she is warned.
  await expect(
    page.getByText(
      fill(ky.grant.limitWarning, {
        amount: formatMoney(70_000_00, 'KGS', 'ky'),
        limit: formatMoney(30_000_00, 'KGS', 'ky'),
      }),
    ),
  ).toBeVisible();

  await page.getByLabel(ky.grant.referenceField, { exact: true }).fill('ODENGI-778812');
  await page.getByRole('button', { name: ky.grant.record }).click();
  await expectDone(page, ky.grant.recordedDone);
  await expect(page.getByText(ky.grant.ownRequest)).toBeVisible();
  await expect(page.getByRole('button', { name: ky.grant.approve, exact: true })).toHaveCount(0);
  await checkPage(page);
  // A POST made by hand is refused by the server too.
  const requestId = (await page
    .locator('[data-testid^="request-"]')
    .first()
    .getAttribute('data-testid'))!.replace('request-', '');
  const own = await page.request.post(grantUrl, {
    form: { intent: 'approve', requestId },
    maxRedirects: 0,
  });
  expect(own.status()).toBe(403);
  expect(await own.text()).toContain(ky.refused['own-request']);
  expect(ledgerOf(world.grant.id)).toEqual([]);

  // Staff B, in Russian, finds it first on the competition's money page and approves it.
  const dmitry = await newBrowserPage({ locale: 'ru-RU' });
  await dmitry.goto('/login');
  await submitSignIn(dmitry, 'ru', { identifier: staffB.email!, password: TEST_PASSWORD });
  await expect(dmitry).not.toHaveURL(/\/login/);
  await dmitry.goto(`/staff/competitions/${world.competition.id}/money`);
  await expect(dmitry.getByTestId(`waiting-${requestId}`)).toContainText(staffA.name);
  await expect(dmitry.getByTestId('money-paid')).toHaveText(formatMoney(0, 'KGS', 'ru'));
  await checkPage(dmitry);
  await dmitry.getByTestId(`waiting-${requestId}`).getByRole('link').click();
  await expect(dmitry).toHaveURL(new RegExp(`${grantUrl}`));
  await dmitry.getByRole('button', { name: ru.grant.approve, exact: true }).click();
  await expectDone(dmitry, ru.grant.approvedDone);
  await expect(dmitry.getByTestId('grant-paid')).toHaveText(formatMoney(70_000_00, 'KGS', 'ru'));
  const entry = ledgerOf(world.grant.id)[0]!;
  await expect(dmitry.getByTestId(`entry-${entry.id}`)).toContainText(staffB.name);
  await expect(dmitry.getByTestId(`entry-${entry.id}`)).toContainText('ODENGI-778812');
  await expect(dmitry.getByTestId('tranche-1')).toContainText(ru.trancheStates.paid);
  await checkPage(dmitry);
  await dmitry.goto(`/staff/competitions/${world.competition.id}/money`);
  await expect(dmitry.getByTestId('money-paid')).toHaveText(formatMoney(70_000_00, 'KGS', 'ru'));
  await expect(dmitry.getByText(ru.money.pendingNone)).toBeVisible();
  expect(ledgerOf(world.grant.id)).toMatchObject([
    { amount: 70_000_00, recordedById: staffA.id, approvedById: staffB.id },
  ]);
});

test('the grant page works without JavaScript', async ({ browser, baseURL }) => {
  const { staffA } = await createMoneyStaff('ru');
  const world = await createGrantWorld({ signed: true, signer: staffA });
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL, locale: 'ru-RU' });
  const page = await context.newPage();
  await page.goto('/login');
  await submitSignIn(page, 'ru', { identifier: staffA.email!, password: TEST_PASSWORD });
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`/staff/grants/${world.grant.id}`);
  await page.getByLabel(ru.grant.referenceField, { exact: true }).fill('КО-17');
  await page.getByRole('button', { name: ru.grant.record }).click();
  await expectDone(page, ru.grant.recordedDone);
  await checkPageWithoutJavaScript(page);
  await context.close();
});

test('approvals posted at the same moment by two people post the tranche once', async ({
  signInAs,
  page,
  newBrowserPage,
}) => {
  const { staffA, staffB, admin } = await createMoneyStaff('ru');
  const world = await createGrantWorld({ signed: true, signer: staffA });
  const tranche = world.tranches[0]!;
  const recorded = recordMoneyRequest(browserRequest(), sessionUserOf(staffA), world.grant.id, {
    kind: 'payment',
    trancheId: tranche.id,
    amount: tranche.amount,
    method: 'cash',
    paidOn: new Date(),
    reference: 'КО-1',
  });
  if (!recorded.ok) throw new Error(recorded.error);
  const grantUrl = `/staff/grants/${world.grant.id}`;
  await signInAs({ id: staffB.id });
  await page.goto(grantUrl);
  const other = await newBrowserPage();
  await other.goto('/login');
  await submitSignIn(other, 'en', { identifier: admin.email!, password: TEST_PASSWORD });
  await expect(other).not.toHaveURL(/\/login/);
  await other.goto(grantUrl);
  const form = { intent: 'approve', requestId: String(recorded.request.id) };
  const responses = await Promise.all(
    [page, other, page, other, page, other].map((p) =>
      p.request.post(grantUrl, { form, maxRedirects: 0 }),
    ),
  );
  const statuses = responses.map((r) => r.status());
  expect(statuses.filter((s) => s === 302)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(5);
  expect(ledgerOf(world.grant.id)).toHaveLength(1);
  expect(ledgerOf(world.grant.id)[0]!.amount).toBe(tranche.amount);
});
