// The family's side of her grant, in real Chromium against the running server, without
// JavaScript on a 360-px phone in Kyrgyz: she reads what was paid, when and how; she shows her
// purchases line by line with a receipt; staff verify them and the second tranche unlocks. The
// printed agreement in Kyrgyz names the daughter-in-law and her identity document (in full; her
// grant page masks it) with the amount in words.
import { formatDate, formatMoney } from '~/i18n/format';
import { resources } from '~/i18n/resources';
import { budgetItemsOf } from '~/models/application.server';
import { approveMoneyRequest, recordMoneyRequest } from '~/services/disbursement.server';
import { recordIdentityDocument } from '~/services/grants.server';
import { browserRequest, createUser } from '../support/factories';
import { createGrantWorld, createMoneyStaff } from '../support/grant-factories';
import { sessionUserOf } from '../support/session-user';
import { expect, test } from './support/fixtures';
import { checkPageWithoutJavaScript, expectNoHorizontalOverflow, fill } from './support/journeys';

const ky = resources.ky.grantFamily;
const kyGrants = resources.ky.grants;
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1]);

test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

test('she reads what was paid in Kyrgyz on a phone, uploads her receipts without JavaScript, and staff verifying them unlocks the second tranche', async ({
  page,
  signInAs,
  allowHttpErrors,
}) => {
  // A line saved without its reason is refused (400) and shown again with what she typed.
  allowHttpErrors(400);
  const { staffA, staffB } = await createMoneyStaff('ky');
  const world = await createGrantWorld({ signed: true, signer: staffA, familyLocale: 'ky' });
  const [first, second] = world.tranches;
  const request = recordMoneyRequest(browserRequest(), sessionUserOf(staffA), world.grant.id, {
    kind: 'payment',
    trancheId: first!.id,
    amount: first!.amount,
    method: 'e-wallet',
    paidOn: new Date('2026-03-02T06:00:00Z'),
    reference: 'ODENGI-1',
  });
  if (!request.ok) throw new Error(request.error);
  expect(approveMoneyRequest(browserRequest(), sessionUserOf(staffB), request.request.id).ok).toBe(
    true,
  );

  await signInAs({ id: world.family.id });
  await page.goto('/');
  await page.getByRole('link', { name: ky.page.title }).click();
  await expect(page).toHaveURL(new RegExp(`/grants/${world.grant.id}$`));
  await expect(page.locator('html')).toHaveAttribute('lang', 'ky');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ky.page.title);
  await expect(page.getByTestId('grant-paid')).toHaveText(formatMoney(70_000_00, 'KGS', 'ky'));
  const payments = page.locator('.payments');
  await expect(payments).toContainText(formatMoney(70_000_00, 'KGS', 'ky'));
  await expect(payments).toContainText(formatDate(new Date('2026-03-02T06:00:00Z'), 'ky'));
  await expect(payments).toContainText(kyGrants.methods['e-wallet']);
  await expect(page.getByTestId('grant-next')).toHaveText(
    fill(ky.page.nextReceipts, { position: 1 }),
  );
  await expectNoHorizontalOverflow(page);
  await checkPageWithoutJavaScript(page);

  // Line by line: the greenhouse cost less (with the reason), seeds and drip irrigation as planned.
  const items = budgetItemsOf(world.applicationId);
  const spent = ['78500', '15000', '15000'];
  for (const [index, item] of items.entries()) {
    const form = page.locator(`form#line-${item.id}`);
    await form.getByLabel(ky.receipts.actual, { exact: true }).fill(spent[index]!);
    if (index === 0) {
      // No reason for a different amount: refused, next to the line.
      await form.getByRole('button', { name: ky.receipts.save }).click();
      await expect(page.locator(`form#line-${item.id}`).getByRole('alert')).toHaveText(
        ky.receipts.refused['reason-required'],
      );
      await page
        .locator(`form#line-${item.id}`)
        .getByLabel(ky.receipts.reason, { exact: true })
        .fill('Базардан арзаныраак таптым');
    }
    await page
      .locator(`form#line-${item.id}`)
      .getByLabel(ky.receipts.file, { exact: true })
      .setInputFiles({ name: `чек-${index + 1}.jpg`, mimeType: 'image/jpeg', buffer: JPEG });
    await page
      .locator(`form#line-${item.id}`)
      .getByRole('button', { name: ky.receipts.save })
      .click();
    await expect(page.getByRole('status')).toHaveText(ky.receipts.saved);
    await expect(page.locator(`form#line-${item.id}`)).toContainText(`чек-${index + 1}.jpg`);
  }
  await expectNoHorizontalOverflow(page);
  await page.getByRole('button', { name: ky.receipts.submit }).click();
  await expect(page.getByRole('status')).toHaveText(ky.receipts.sent);
  await expect(page.getByTestId('grant-next')).toHaveText(
    fill(ky.page.nextChecking, { position: 1 }),
  );

  // Staff B finds them in what waits for her, and verifies them.
  await signInAs({ id: staffB.id });
  await page.goto('/');
  await page.getByTestId('waiting-receipts').getByRole('link', { name: world.reference }).click();
  await expect(page.locator('main')).toContainText('Базардан арзаныраак таптым');
  await page.getByRole('button', { name: ky.staff.verify }).click();
  await expect(page.getByRole('status')).toHaveText(ky.staff.accepted);
  await page.goto(`/staff/grants/${world.grant.id}`);
  await expect(page.getByTestId(`tranche-${second!.position}`)).toContainText(
    kyGrants.trancheStates.open,
  );
});

test('the printed agreement in Kyrgyz names the daughter-in-law and her document, with the amount in words', async ({
  page,
  signInAs,
}) => {
  const world = await createGrantWorld({ amount: 74_000_01, familyLocale: 'ky' });
  // Staff entered her ID card before printing.
  const staff = await createUser({ roles: ['staff'] });
  const entered = recordIdentityDocument(browserRequest(), sessionUserOf(staff), world.grant.id, {
    identityDocumentKind: 'id-card',
    identityDocumentNumber: 'ID3456789',
  });
  expect(entered).toEqual({ ok: true });
  await signInAs({ id: world.family.id });
  // Her grant page shows it masked.
  await page.goto(`/grants/${world.grant.id}`);
  await expect(page.getByTestId('identity-document')).toHaveText(
    `${kyGrants.documentKinds['id-card']} ID•••••89`,
  );
  await expect(page.locator('main')).not.toContainText('ID3456789');
  await page.goto(`/grants/${world.grant.id}/agreement`);
  await expect(page.locator('article.agreement')).toHaveAttribute('lang', 'ky');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ky.agreement.title);
  const main = page.locator('main');
  await expect(main).toContainText('Токтогулова Айпери');
  await expect(main).toContainText(resources.ky.common.relations['daughter-in-law']);
  await expect(main.getByText(ky.agreement.identityDocument, { exact: true })).toBeVisible();
  await expect(
    main.getByText(`${kyGrants.documentKinds['id-card']} ID3456789`, { exact: true }),
  ).toBeVisible();
  await expect(page.getByTestId('agreement-amount')).toContainText(
    `${formatMoney(74_000_01, 'KGS', 'ky')} (жетимиш төрт миң сом 01 тыйын)`,
  );
  await expect(main).toContainText(ky.agreement.obligationReceipts);
  await expect(main).toContainText(ky.agreement.signHolder);
  await checkPageWithoutJavaScript(page);
});
