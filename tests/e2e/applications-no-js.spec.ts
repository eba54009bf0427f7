// The same application journey on a phone whose JavaScript does not run: every step posts and
// the server answers; budget rows are added and removed by buttons that post the form.
import { noticeSubject } from '../support/notice-subject';
import {
  TINY_PNG,
  budgetRow,
  button,
  expectStep,
  familyWithOpenCompetition,
  fillBudgetRow,
  som,
} from './support/application-journey';
import { expect, test } from './support/fixtures';
import { waitForMail } from './support/mailbox';
import {
  checkPageWithoutJavaScript,
  expectNoHorizontalOverflow,
  fill,
  textsIn,
} from './support/journeys';

test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

test('without JavaScript a family applies in Kyrgyz, adding and removing budget rows', async ({
  page,
  signInAs,
  allowHttpErrors,
}) => {
  test.slow();
  const ky = textsIn('ky');
  const a = ky.applications;
  const family = await familyWithOpenCompetition();
  await signInAs(family.user);

  await page.goto(`/competitions/${family.competition.id}`);
  await checkPageWithoutJavaScript(page);
  await button(page, a.competition.apply).click();
  await expect(page).toHaveURL(/\/applications\/\d+\/edit\/beneficiary$/);
  const applicationId = Number(/applications\/(\d+)/.exec(page.url())![1]);

  await expectStep(page, 'ky', 1, a.steps.names.beneficiary);
  await checkPageWithoutJavaScript(page);
  await page.getByRole('radio', { name: /Айнура Токтогулова/ }).check();
  // "Save" stays on the step and says so.
  await button(page, a.steps.save).click();
  await expect(page).toHaveURL(`/applications/${applicationId}/edit/beneficiary?saved=1`);
  await expect(page.getByRole('status')).toHaveText(a.steps.saved);
  await expect(page.getByRole('radio', { name: /Айнура Токтогулова/ })).toBeChecked();
  await button(page, a.steps.saveAndContinue).click();

  // The idea, with a title that is too long: the server refuses and keeps what she typed.
  await expectStep(page, 'ky', 2, a.steps.names.idea);
  await checkPageWithoutJavaScript(page);
  allowHttpErrors(400);
  await page.getByLabel(a.idea.title, { exact: true }).fill('Нан '.repeat(40));
  await page.getByLabel(a.idea.description, { exact: true }).fill('Тандырда нан бышырабыз.');
  await button(page, a.steps.saveAndContinue).click();
  await expect(page.locator('#field-title-error')).toHaveText(ky.errors.validation.tooLong);
  await expect(page.getByLabel(a.idea.description, { exact: true })).toHaveValue(
    'Тандырда нан бышырабыз.',
  );
  await checkPageWithoutJavaScript(page);
  await page.getByLabel(a.idea.title, { exact: true }).fill('Тандыр нан');
  await page
    .getByLabel(a.idea.sector, { exact: true })
    .selectOption({ label: ky.common.sectors['baking-food'] });
  await page.getByLabel(a.idea.market, { exact: true }).fill('Айылдагы дүкөндөр.');
  await button(page, a.steps.saveAndContinue).click();

  // The budget: "Add a row" posts, saves, and comes back with one more row.
  await expectStep(page, 'ky', 3, a.steps.names.budget);
  await checkPageWithoutJavaScript(page);
  await fillBudgetRow(page, 'ky', 1, { name: 'Тандыр', quantity: '1', unitPrice: '45000' });
  await button(page, a.budget.addRow).click();
  await expect(page).toHaveURL(/rows=2/);
  await expect(page.getByRole('status')).toHaveText(a.budget.rowAdded);
  await expect(budgetRow(page, 'ky', 1).getByLabel(a.budget.name, { exact: true })).toHaveValue(
    'Тандыр',
  );
  await fillBudgetRow(page, 'ky', 2, { name: 'Ун', quantity: '20', unitPrice: '1200' });
  await button(page, a.budget.addRow).click();
  await expect(budgetRow(page, 'ky', 3)).toBeVisible();
  await fillBudgetRow(page, 'ky', 3, { name: 'Ката', quantity: '1', unitPrice: '1' });
  await button(page, fill(a.budget.removeRow, { number: 3 })).click();
  await expect(page.getByRole('status')).toHaveText(a.budget.rowRemoved);
  await expect(budgetRow(page, 'ky', 3)).toHaveCount(0);
  await expect(budgetRow(page, 'ky', 2).getByLabel(a.budget.name, { exact: true })).toHaveValue(
    'Ун',
  );
  await page
    .getByLabel(fill(a.budget.ownContribution, { currency: 'KGS' }), { exact: true })
    .fill('9000');
  await button(page, a.steps.save).click();
  // The totals are the server's: 45 000 + 24 000 − 9 000 = 60 000.
  const totals = page.locator('.totals');
  await expect(totals).toContainText(som(69_000));
  await expect(totals).toContainText(som(60_000));
  await expect(totals).toContainText(a.budget.inRange);
  await checkPageWithoutJavaScript(page);
  await expectNoHorizontalOverflow(page);
  await button(page, a.steps.saveAndContinue).click();

  await expectStep(page, 'ky', 4, a.steps.names.plan);
  await checkPageWithoutJavaScript(page);
  await page.getByLabel(fill(a.plan.revenue, { currency: 'KGS' }), { exact: true }).fill('18000');
  await page.getByLabel(fill(a.plan.costs, { currency: 'KGS' }), { exact: true }).fill('7000');
  await page.getByLabel(a.plan.jobs, { exact: true }).fill('1');
  await button(page, a.steps.saveAndContinue).click();

  await expectStep(page, 'ky', 5, a.steps.names.documents);
  // A photo over 5 MB: the server stops reading at the limit and answers with a clear message.
  const tooBig = Buffer.alloc(5 * 1024 * 1024 + 1);
  TINY_PNG.copy(tooBig);
  await page.getByLabel(a.documents.file, { exact: true }).setInputFiles({
    name: 'чоң.png',
    mimeType: 'image/png',
    buffer: tooBig,
  });
  await button(page, a.documents.upload).click();
  await expect(page.getByRole('alert')).toHaveText(a.errors.tooLarge);
  await expect(page.locator('main')).toContainText(a.documents.none);
  await checkPageWithoutJavaScript(page);
  await page.getByLabel(a.documents.kind, { exact: true }).selectOption('price-quote');
  await page.getByLabel(a.documents.file, { exact: true }).setInputFiles({
    name: 'баалар.png',
    mimeType: 'image/png',
    buffer: TINY_PNG,
  });
  await button(page, a.documents.upload).click();
  await expect(page.getByRole('status')).toHaveText(a.documents.uploaded);
  await expect(page.getByRole('link', { name: 'баалар.png' })).toBeVisible();
  await checkPageWithoutJavaScript(page);
  await page.getByRole('link', { name: a.steps.continue, exact: true }).click();

  await expectStep(page, 'ky', 6, a.steps.names.review);
  await expect(page.locator('main')).toContainText(a.review.complete);
  await checkPageWithoutJavaScript(page);
  await expectNoHorizontalOverflow(page);
  await button(page, a.review.submit).click();

  await expect(page).toHaveURL(`/applications/${applicationId}/submitted`);
  const reference = (await page.locator('.reference-big').textContent())!;
  expect(reference).toMatch(new RegExp(`^${family.competition.referencePrefix}-\\d{4}-0001$`));
  await checkPageWithoutJavaScript(page);
  await waitForMail(family.user.email!, noticeSubject('ky', reference));

  await page.getByRole('link', { name: a.submitted.see, exact: true }).click();
  await expect(page.locator('main')).toContainText(ky.common.applicationStatuses.submitted);
  await checkPageWithoutJavaScript(page);
});
