// Keyboard and screen-reader users are told where they are: after a step move focus is on the new
// page's heading and its title is announced; after removing a budget row focus goes to the row
// that took its place. Required fields say so in words and to assistive technology, and the
// budget announces only the grant asked, once typing pauses.
import { createApplication } from '../support/programme-factories';
import {
  budgetRow,
  button,
  expectStep,
  familyWithOpenCompetition,
  som,
} from './support/application-journey';
import { checkPage, expect, test } from './support/fixtures';
import { fill, textsIn, waitForHydration } from './support/journeys';

const ky = textsIn('ky');
const a = ky.applications;
const REQUIRED = ky.common.form.required;

test('after Save and continue and Back, focus is on the new heading and its title is announced', async ({
  page,
  signInAs,
}) => {
  const family = await familyWithOpenCompetition({ locale: 'ky' });
  const application = createApplication({ ...family, enteredBy: family.user });
  await signInAs(family.user);
  await page.goto(`/applications/${application.id}/edit/idea`);
  await waitForHydration(page);

  await button(page, a.steps.saveAndContinue).click();
  await expectStep(page, 'ky', 3, a.steps.names.budget);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toBeFocused();
  await expect(page.locator('#route-announcer')).toHaveText(await page.title());

  await button(page, a.steps.back).click();
  await expectStep(page, 'ky', 2, a.steps.names.idea);
  await expect(heading).toBeFocused();
  await expect(page.locator('#route-announcer')).toHaveText(await page.title());
});

test('removing a budget row by keyboard puts focus on the next row, or on the add button', async ({
  page,
  signInAs,
}) => {
  const family = await familyWithOpenCompetition({ locale: 'ky' });
  const application = createApplication({
    ...family,
    enteredBy: family.user,
    items: [
      { name: 'Теплица', quantity: 1, unitPrice: 80_000_00 },
      { name: 'Үрөн', quantity: 10, unitPrice: 1_500_00 },
    ],
  });
  await signInAs(family.user);
  await page.goto(`/applications/${application.id}/edit/budget`);
  await waitForHydration(page);
  const b = a.budget;

  await budgetRow(page, 'ky', 1)
    .getByRole('button', { name: fill(b.removeRow, { number: 1 }) })
    .press('Enter');
  const first = budgetRow(page, 'ky', 1).getByLabel(b.name, { exact: true });
  await expect(first).toHaveValue('Үрөн');
  await expect(first).toBeFocused();

  await budgetRow(page, 'ky', 1)
    .getByRole('button', { name: fill(b.removeRow, { number: 1 }) })
    .press('Enter');
  await expect(page.getByRole('button', { name: b.addRow })).toBeFocused();
  await checkPage(page);
});

test('the budget announces only the grant asked, after typing pauses', async ({
  page,
  signInAs,
}) => {
  const family = await familyWithOpenCompetition({ locale: 'ky' });
  const application = createApplication({
    ...family,
    enteredBy: family.user,
    items: [{ name: 'Теплица', quantity: 1, unitPrice: 80_000_00 }],
    ownContribution: 10_000_00,
  });
  await signInAs(family.user);
  await page.goto(`/applications/${application.id}/edit/budget`);
  await waitForHydration(page);
  const said = page.getByTestId('requested-said');
  await expect(said).toHaveText('');
  // The totals block itself is no longer a live region.
  await expect(page.locator('.totals [aria-live]')).toHaveCount(1);
  await page
    .getByLabel(a.budget.ownContribution.replace('{{currency}}', 'KGS'), { exact: true })
    .fill('20000');
  await expect(said).toHaveText(fill(a.budget.requestedSaid, { amount: som(60_000) }));
});

test('sign-up and every step mark required fields in words and with aria-required', async ({
  page,
  signInAs,
}) => {
  await page.goto('/signup');
  const signUp = textsIn('en').auth.signUp;
  const en = textsIn('en').common.form;
  await expect(page.locator('main')).toContainText(en.requiredNote);
  for (const label of [signUp.name, signUp.contact, signUp.password, signUp.passwordConfirm]) {
    const field = page.getByLabel(label, { exact: true });
    await expect(field).toHaveAttribute('aria-required', 'true');
    const id = await field.getAttribute('id');
    await expect(page.locator(`.field__label:has(label[for="${id}"])`)).toContainText(en.required);
  }
  await expect(page.getByLabel(signUp.locality, { exact: true })).not.toHaveAttribute(
    'aria-required',
  );
  await checkPage(page);

  const family = await familyWithOpenCompetition({ locale: 'ky' });
  const application = createApplication({ ...family, enteredBy: family.user });
  await signInAs(family.user);
  const expectRequired = async (labels: string[], optional: string[] = []) => {
    await expect(page.locator('main')).toContainText(ky.common.form.requiredNoteDraft);
    for (const label of labels) {
      const field = page.getByLabel(label, { exact: true }).first();
      await expect(field).toHaveAttribute('aria-required', 'true');
      const id = await field.getAttribute('id');
      await expect(page.locator(`.field__label:has(label[for="${id}"])`).first()).toContainText(
        REQUIRED,
      );
    }
    for (const label of optional) {
      await expect(page.getByLabel(label, { exact: true })).not.toHaveAttribute('aria-required');
    }
    await checkPage(page);
  };

  await page.goto(`/applications/${application.id}/edit/beneficiary`);
  await expect(page.getByRole('group', { name: a.beneficiary.legend })).toContainText(REQUIRED);
  for (const radio of await page
    .getByRole('group', { name: a.beneficiary.legend })
    .getByRole('radio')
    .all()) {
    await expect(radio).toHaveAttribute('required', '');
  }
  await expect(page.locator('main')).toContainText(ky.common.form.requiredNoteDraft);
  await checkPage(page);

  await page.goto(`/applications/${application.id}/edit/idea`);
  await expectRequired(
    [a.idea.title, a.idea.sector, a.idea.description, a.idea.market],
    [a.idea.experience],
  );

  await page.goto(`/applications/${application.id}/edit/budget`);
  await expectRequired(
    [a.budget.name, a.budget.quantity, a.budget.unitPrice.replace('{{currency}}', 'KGS')],
    [a.budget.ownContribution.replace('{{currency}}', 'KGS')],
  );

  await page.goto(`/applications/${application.id}/edit/plan`);
  await expectRequired([
    a.plan.revenue.replace('{{currency}}', 'KGS'),
    a.plan.costs.replace('{{currency}}', 'KGS'),
    a.plan.jobs,
  ]);
});
