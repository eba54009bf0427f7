// A facilitator records a monitoring visit in Kyrgyz on a 360-px phone whose JavaScript does not
// run: a bad amount is shown next to its field with everything she typed kept, then the visit is
// recorded and shows as done on her list.
import { findApplication } from '~/models/application.server';
import { findHousehold } from '~/models/household.server';
import { visitsOfGrant } from '~/models/visit.server';
import { resources } from '~/i18n/resources';
import { approveMoneyRequest, recordMoneyRequest } from '~/services/disbursement.server';
import { browserRequest, createUser } from '../support/factories';
import { createGrantWorld, createMoneyStaff } from '../support/grant-factories';
import { sessionUserOf } from '../support/session-user';
import { expect, test } from './support/fixtures';
import {
  checkPageWithoutJavaScript,
  expectFieldError,
  expectNoHorizontalOverflow,
} from './support/journeys';

const v = resources.ky.visits;
const o = resources.ky.outcomes;
const errors = resources.ky.errors;

test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

test('without JavaScript a facilitator records a visit in Kyrgyz, corrects a bad amount, and sees it done', async ({
  page,
  signInAs,
  allowHttpErrors,
}) => {
  // The first try has a bad amount: refused (400) and shown again with what she typed.
  allowHttpErrors(400);
  const { staffA, staffB } = await createMoneyStaff('ky');
  const world = await createGrantWorld({ signed: true, signer: staffA, familyLocale: 'ky' });
  const household = findHousehold(findApplication(world.applicationId)!.householdId)!;
  const facilitator = await createUser({
    roles: ['facilitator'],
    worksIn: [household.localityId],
    locale: 'ky',
  });
  const first = world.tranches[0]!;
  const request = recordMoneyRequest(browserRequest(), sessionUserOf(staffA), world.grant.id, {
    kind: 'payment',
    trancheId: first.id,
    amount: first.amount,
    method: 'e-wallet',
    // About four months ago: the 3-month visit is overdue.
    paidOn: new Date(Date.now() - 122 * 24 * 60 * 60_000),
    reference: 'ODENGI-V1',
  });
  if (!request.ok) throw new Error(request.error);
  expect(approveMoneyRequest(browserRequest(), sessionUserOf(staffB), request.request.id).ok).toBe(
    true,
  );
  const visit = visitsOfGrant(world.grant.id)[0]!;
  await signInAs(facilitator);

  await page.goto('/visits');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(v.title);
  await checkPageWithoutJavaScript(page);
  await expectNoHorizontalOverflow(page);
  const row = page.locator(`tr[data-visit-id="${visit.id}"]`);
  await expect(row).toContainText(o.visitMonths['3']);
  await expect(row).toContainText(v.states.overdue);
  await row.getByRole('link').first().click();

  await expect(page).toHaveURL(`/visits/${visit.id}`);
  await expect(page.getByText(o.agency.askAlone)).toBeVisible();
  await expect(page.getByText(v.form.safeguardingHint)).toBeVisible();
  await checkPageWithoutJavaScript(page);
  await expectNoHorizontalOverflow(page);
  await page.getByLabel(v.form.businessStatus, { exact: true }).selectOption('operating');
  await page.getByLabel(v.form.monthlyRevenue, { exact: true }).fill('жыйырма беш миң');
  await page.getByLabel(v.form.monthlyCosts, { exact: true }).fill('8000');
  await page.getByLabel(v.form.monthlyHouseholdIncome, { exact: true }).fill('30 000');
  await page.getByLabel(v.form.jobsWomen, { exact: true }).fill('1,5');
  await page.getByLabel(v.form.jobsMen, { exact: true }).fill('0');
  await page.getByLabel(v.form.assetState, { exact: true }).selectOption('present-used');
  await page
    .getByLabel(o.agency.questions.ownEarnings, { exact: true })
    .selectOption('jointly-husband');
  await page.getByLabel(o.agency.questions.largePurchases, { exact: true }).selectOption('husband');
  await page.getByLabel(o.agency.questions.businessMoney, { exact: true }).selectOption('herself');
  await page.getByLabel(o.agency.say, { exact: true }).selectOption('4');
  await page.getByLabel(v.form.notes, { exact: true }).fill('Тигүү цехи иштеп жатат');
  await page.getByRole('button', { name: v.form.submit }).click();

  await expectFieldError(page, v.form.monthlyRevenue, errors.validation.money);
  await expect(page.getByRole('alert')).toContainText(v.errors.form);
  // Nothing she typed is lost.
  await expect(page.getByLabel(v.form.monthlyRevenue, { exact: true })).toHaveValue(
    'жыйырма беш миң',
  );
  await expect(page.getByLabel(v.form.notes, { exact: true })).toHaveValue(
    'Тигүү цехи иштеп жатат',
  );
  await expect(page.getByLabel(v.form.jobsWomen, { exact: true })).toHaveValue('1,5');
  await expect(page.getByLabel(o.agency.questions.businessMoney, { exact: true })).toHaveValue(
    'herself',
  );
  await expect(page.getByLabel(o.agency.say, { exact: true })).toHaveValue('4');
  await checkPageWithoutJavaScript(page);
  await expectNoHorizontalOverflow(page);

  await page.getByLabel(v.form.monthlyRevenue, { exact: true }).fill('25000');
  await page.getByRole('button', { name: v.form.submit }).click();
  await expect(page).toHaveURL(`/visits/${visit.id}?saved=visit`);
  await expect(page.getByRole('status')).toHaveText(v.page.recorded);
  await expect(page.getByRole('heading', { level: 2, name: v.page.readOnly })).toBeVisible();
  await expect(page.getByText('Тигүү цехи иштеп жатат')).toBeVisible();
  await checkPageWithoutJavaScript(page);
  await expectNoHorizontalOverflow(page);

  await page.getByRole('link', { name: v.page.back }).click();
  await expect(page.locator(`tr[data-visit-id="${visit.id}"]`)).toContainText(v.states.done);
});
