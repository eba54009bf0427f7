// The family's own report and the baseline (issue 14), in real Chromium on a 360-px phone: she
// sends a report in Russian without JavaScript (a missing status is shown next to its field with
// what she typed kept), sees it on her grant page; staff find it in their inbox and mark it read.
// Her facilitator records the household's starting point with JavaScript on the same phone.
import { formatMoney } from '~/i18n/format';
import { resources } from '~/i18n/resources';
import { findBaseline } from '~/models/baseline.server';
import { createUser } from '../support/factories';
import { createGrantWorld, createMoneyStaff } from '../support/grant-factories';
import { checkPage, expect, test } from './support/fixtures';
import {
  checkPageWithoutJavaScript,
  expectNoHorizontalOverflow,
  fill,
  waitForHydration,
} from './support/journeys';

const ru = resources.ru.familyReports;
const ruOutcomes = resources.ru.outcomes;
const JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9,
]);

test.use({ viewport: { width: 360, height: 740 } });

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('she sends a report in Russian on her phone and sees it; staff read it and mark it read', async ({
    page,
    signInAs,
    allowHttpErrors,
  }) => {
    allowHttpErrors(400);
    const { staffA } = await createMoneyStaff('ru');
    const world = await createGrantWorld({ signed: true, signer: staffA, familyLocale: 'ru' });
    const question = 'Когда придут на следующий визит?';

    await signInAs({ id: world.family.id });
    await page.goto(`/grants/${world.grant.id}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(page.getByRole('heading', { name: ru.page.visitsTitle })).toBeVisible();
    await expect(page.locator('main')).toContainText(ru.page.reportsNone);
    await page.getByRole('link', { name: ru.page.sendLink }).click();
    await expect(page).toHaveURL(new RegExp(`/grants/${world.grant.id}/report$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ru.report.title);
    await expectNoHorizontalOverflow(page);
    await checkPageWithoutJavaScript(page);

    // No status chosen: refused next to the question, and what she typed is still there.
    await page.getByLabel(ru.report.revenue, { exact: true }).fill('35 000');
    await page.getByLabel(ru.report.question, { exact: true }).fill(question);
    await page.getByRole('button', { name: ru.report.send }).click();
    await expect(page.locator('#businessStatus-error')).toHaveText(
      resources.ru.errors.validation.required,
    );
    await expect(page.getByLabel(ru.report.revenue, { exact: true })).toHaveValue('35 000');
    await expect(page.getByLabel(ru.report.question, { exact: true })).toHaveValue(question);
    await expectNoHorizontalOverflow(page);

    await page.getByLabel(ruOutcomes.businessStatuses.operating, { exact: true }).check();
    await page
      .getByLabel(ru.report.photo, { exact: true })
      .setInputFiles({ name: 'теплица.jpg', mimeType: 'image/jpeg', buffer: JPEG });
    await page.getByRole('button', { name: ru.report.send }).click();

    await expect(page).toHaveURL(new RegExp(`/grants/${world.grant.id}\\?done=report-sent`));
    await expect(page.getByRole('status')).toHaveText(ru.report.sent);
    const reports = page.getByTestId('grant-reports');
    await expect(reports).toContainText(ruOutcomes.businessStatuses.operating);
    await expect(reports).toContainText(
      fill(ru.page.revenue, { amount: formatMoney(35_000_00, 'KGS', 'ru') }),
    );
    await expect(reports).toContainText(question);
    await expect(reports.getByRole('link', { name: ru.page.photo })).toHaveAttribute(
      'href',
      /^\/outcome-photos\/\d+$/,
    );
    await expectNoHorizontalOverflow(page);

    // Staff: the home card counts it, the inbox shows it unread, and marking it read sticks.
    await signInAs({ id: staffA.id });
    await page.goto('/');
    await page.getByTestId('waiting-report-questions').getByRole('link').click();
    await expect(page).toHaveURL(/\/staff\/reports$/);
    await page.goto(`/staff/reports?competition=${world.competition.id}`);
    const card = page.locator('li', { hasText: question });
    await expect(card).toContainText(ru.inbox.unread);
    await expect(card).toContainText(world.reference);
    await expect(card).toContainText(formatMoney(35_000_00, 'KGS', 'ru'));
    await expectNoHorizontalOverflow(page);
    await checkPageWithoutJavaScript(page);
    await card.getByRole('button', { name: ru.inbox.markRead }).click();
    await expect(page.getByRole('status')).toHaveText(ru.inbox.markedRead);
    await expect(page.locator('li', { hasText: question })).not.toContainText(ru.inbox.unread);
    await expect(
      page.locator('li', { hasText: question }).getByRole('button', { name: ru.inbox.markRead }),
    ).toHaveCount(0);
  });
});

test('her facilitator records the starting point on a phone; a missing answer is shown next to it', async ({
  page,
  signInAs,
  allowHttpErrors,
}) => {
  allowHttpErrors(400);
  const { staffA } = await createMoneyStaff('ru');
  const world = await createGrantWorld({ signed: true, signer: staffA, familyLocale: 'ru' });
  const facilitator = await createUser({
    roles: ['facilitator'],
    locale: 'ru',
    worksIn: [world.family.localityId!],
  });
  await signInAs({ id: facilitator.id });
  await page.goto(`/grants/${world.grant.id}`);
  await page.getByRole('link', { name: ru.baseline.link }).click();
  await expect(page).toHaveURL(new RegExp(`/grants/${world.grant.id}/baseline$`));
  await waitForHydration(page);
  await expect(page.getByRole('note')).toContainText(ruOutcomes.agency.askAlone);
  await checkPage(page);

  await page.getByLabel(ru.baseline.income, { exact: true }).fill('18 000');
  await page.getByLabel(ruOutcomes.incomeSources.livestock, { exact: true }).check();
  await page.getByLabel(ru.baseline.no, { exact: true }).check();
  const answer = (question: keyof typeof ruOutcomes.agency.questions, value: string) =>
    page
      .getByRole('group', { name: ruOutcomes.agency.questions[question] })
      .getByLabel(value, { exact: true })
      .check();
  await answer('ownEarnings', ruOutcomes.agency.answers.husband);
  await answer('largePurchases', ruOutcomes.agency.answers['parent-in-law']);
  // The business's money is left unanswered.
  await page
    .getByRole('group', { name: ruOutcomes.agency.say })
    .getByLabel(`2 — ${ruOutcomes.agency.sayScale['2']}`, { exact: true })
    .check();
  await page.getByRole('button', { name: ru.baseline.save }).click();
  await expect(page.locator('#decidesBusinessMoney-error')).toHaveText(
    resources.ru.errors.validation.required,
  );
  await expect(page.getByLabel(ru.baseline.income, { exact: true })).toHaveValue('18 000');
  await expect(page.getByLabel(ruOutcomes.incomeSources.livestock, { exact: true })).toBeChecked();
  await expectNoHorizontalOverflow(page);

  await answer('businessMoney', ruOutcomes.agency.answers['jointly-husband']);
  await page.getByRole('button', { name: ru.baseline.save }).click();
  await expect(page.getByRole('status')).toHaveText(ru.baseline.saved);
  await expect(page.getByTestId('baseline-recorded')).toContainText(
    formatMoney(18_000_00, 'KGS', 'ru'),
  );
  expect(findBaseline(world.grant.id)).toMatchObject({
    monthlyHouseholdIncome: 18_000_00,
    incomeSources: ['livestock'],
    hasSavings: false,
    decidesBusinessMoney: 'jointly-husband',
    recordedById: facilitator.id,
  });
  const answers = page.getByTestId('baseline-answers');
  await expect(answers).toContainText(ruOutcomes.incomeSources.livestock);
  await expect(answers).toContainText(ruOutcomes.agency.answers['jointly-husband']);
  // Recorded once: the form is gone for her.
  await expect(page.getByRole('button', { name: ru.baseline.save })).toHaveCount(0);
  await expect(page.locator('main')).toContainText(ru.baseline.refused['already-recorded']);
});

test('with JavaScript too, her report is sent and shows on her grant page', async ({
  page,
  signInAs,
}) => {
  const { staffA } = await createMoneyStaff('ru');
  const world = await createGrantWorld({ signed: true, signer: staffA, familyLocale: 'ru' });
  await signInAs({ id: world.family.id });
  await page.goto(`/grants/${world.grant.id}/report`);
  await waitForHydration(page);
  await page.getByLabel(ruOutcomes.businessStatuses.paused, { exact: true }).check();
  await page.getByLabel(ru.report.question, { exact: true }).fill('Можно перенести визит?');
  await page.getByRole('button', { name: ru.report.send }).click();
  await expect(page.getByRole('status')).toHaveText(ru.report.sent);
  const reports = page.getByTestId('grant-reports');
  await expect(reports).toContainText(ruOutcomes.businessStatuses.paused);
  await expect(reports).toContainText('Можно перенести визит?');
  await checkPage(page);
});
