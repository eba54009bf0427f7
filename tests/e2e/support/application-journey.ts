// Test data and steps shared by the application journeys: a family with a household in a
// village, an open competition there, and the texts and amounts the pages should show.
import { expect, type Locator, type Page } from '@playwright/test';
import type { Competition } from '~db/schema/competitions';
import type { Household, HouseholdMember } from '~db/schema/households';
import type { User } from '~db/schema/people';
import type { Locale } from '~/i18n/config';
import { formatMoney, type Currency } from '~/i18n/format';
import { createLocality, createUser, uniqueSuffix } from '../../support/factories';
import { noticeSubject } from '../../support/notice-subject';
import { createCompetition, createHousehold } from '../../support/programme-factories';
import { checkPage } from './fixtures';
import {
  expectNoHorizontalOverflow,
  fill,
  textsIn,
  uniqueEmail,
  waitForHydration,
} from './journeys';
import { waitForMail, type SinkMail } from './mailbox';

/** A 1×1 PNG: the smallest real photo a family can upload. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGPgjvUGAAEqALRc1f5DAAAAAElFTkSuQmCC',
  'base64',
);

/** An application's reference, e.g. "KFBA-2026-0001". */
export const REFERENCE = /^[A-Z]{2,6}-\d{4}-\d{4}$/;

export type Family = {
  user: User;
  household: Household;
  members: HouseholdMember[];
  competition: Competition;
};

/**
 * A reference prefix of its own (references are unique across competitions, and each
 * competition numbers from 1), e.g. "KFBA".
 */
export function uniquePrefix(): string {
  return uniqueSuffix()
    .slice(0, 4)
    .replace(/[0-9a-f]/g, (c) => String.fromCharCode(65 + parseInt(c, 16)));
}

/** A family with an e-mail in her own language, her household, and a competition open to it. */
export async function familyWithOpenCompetition(
  options: { locale?: Locale; competition?: Parameters<typeof createCompetition>[0] } = {},
): Promise<Family> {
  const locality = createLocality();
  const user = await createUser({
    locale: options.locale ?? 'ky',
    email: uniqueEmail('kelin'),
    localityId: locality.id,
    name: 'Айпери Токтогулова',
  });
  const { household, members } = createHousehold({ localityId: locality.id, user });
  const competition = createCompetition({
    localityIds: [locality.id],
    referencePrefix: uniquePrefix(),
    ...options.competition,
  });
  return { user, household, members, competition };
}

export function som(amount: number, locale: Locale = 'ky'): string {
  return formatMoney(amount * 100, 'KGS', locale);
}

/** The fieldset of one budget row ("1-нерсе"). */
export function budgetRow(page: Page, locale: Locale, number: number): Locator {
  const texts = textsIn(locale).applications.budget;
  return page.getByRole('group', { name: texts.item.replace('{{number}}', String(number)) });
}

export async function fillBudgetRow(
  page: Page,
  locale: Locale,
  number: number,
  item: { name: string; quantity: string; unitPrice: string },
  currency: Currency = 'KGS',
) {
  const texts = textsIn(locale).applications.budget;
  const row = budgetRow(page, locale, number);
  await row.getByLabel(texts.name, { exact: true }).fill(item.name);
  await row.getByLabel(texts.quantity, { exact: true }).fill(item.quantity);
  await row
    .getByLabel(texts.unitPrice.replace('{{currency}}', currency), { exact: true })
    .fill(item.unitPrice);
}

/** The step's heading and the accessible progress ("Step 3 of 6", the current step marked). */
export async function expectStep(page: Page, locale: Locale, step: number, name: string) {
  const texts = textsIn(locale).applications.steps;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  const nav = page.getByRole('navigation', { name: texts.navLabel });
  await expect(nav).toContainText(
    texts.progress.replace('{{current}}', String(step)).replace('{{total}}', '6'),
  );
  await expect(nav.locator('[aria-current="step"]')).toContainText(name);
}

export function button(page: Page, name: string): Locator {
  return page.locator('main').getByRole('button', { name, exact: true });
}

/** What a family answers on the six steps, and the checks a language's journey adds to them. */
export type ApplicationAnswers = {
  locale: Locale;
  currency: Currency;
  idea: {
    title: string;
    sector: keyof ReturnType<typeof textsIn>['common']['sectors'];
    description: string;
    market: string;
    experience: string;
  };
  /** Fills the budget's rows (in whole units, as typed); the own contribution follows. */
  budgetRows: (page: Page) => Promise<void>;
  ownContribution: string;
  /** The budget's total and the grant asked (total less own contribution), in whole units. */
  total: number;
  requested: number;
  plan: { revenue: string; costs: string; profit: number; jobs: string };
  /** The photo she uploads (a real PNG), by its file name. */
  photo: string;
  /** Checks on the first step, after its heading; e.g. who may not receive the grant. */
  onBeneficiary?: (page: Page) => Promise<void>;
  /** What she tries on the documents step before the photo that is accepted. */
  beforePhoto?: (page: Page) => Promise<void>;
};

/**
 * From a competition's page (signed in as `family`'s user, hydrated or not), she presses
 * "Apply", goes through the six steps and sends her application; the confirmation page shows
 * its reference and her confirmation e-mail arrives in her language with the amount asked.
 */
export async function applyThroughEveryStep(
  page: Page,
  family: Family,
  answers: ApplicationAnswers,
): Promise<{ applicationId: number; reference: string; mail: SinkMail }> {
  const { locale, currency } = answers;
  const texts = textsIn(locale);
  const a = texts.applications;
  const money = (amount: number) => formatMoney(amount * 100, currency, locale);
  await button(page, a.competition.apply).click();

  // 1. Who receives the grant.
  await expect(page).toHaveURL(/\/applications\/\d+\/edit\/beneficiary$/);
  const applicationId = Number(/applications\/(\d+)/.exec(page.url())![1]);
  await expectStep(page, locale, 1, a.steps.names.beneficiary);
  await answers.onBeneficiary?.(page);
  await checkPage(page);
  await expectNoHorizontalOverflow(page);
  await waitForHydration(page);
  await page.getByRole('radio', { name: new RegExp(family.user.name) }).check();
  await button(page, a.steps.saveAndContinue).click();

  // 2. The idea.
  await expectStep(page, locale, 2, a.steps.names.idea);
  await checkPage(page);
  await waitForHydration(page);
  await page.getByLabel(a.idea.title, { exact: true }).fill(answers.idea.title);
  await page
    .getByLabel(a.idea.sector, { exact: true })
    .selectOption({ label: texts.common.sectors[answers.idea.sector] });
  await page.getByLabel(a.idea.description, { exact: true }).fill(answers.idea.description);
  await page.getByLabel(a.idea.market, { exact: true }).fill(answers.idea.market);
  await page.getByLabel(a.idea.experience, { exact: true }).fill(answers.idea.experience);
  await button(page, a.steps.saveAndContinue).click();

  // 3. The budget: the totals follow as she types.
  await expectStep(page, locale, 3, a.steps.names.budget);
  await checkPage(page);
  await waitForHydration(page);
  await answers.budgetRows(page);
  await page
    .getByLabel(fill(a.budget.ownContribution, { currency }), { exact: true })
    .fill(answers.ownContribution);
  const totals = page.locator('.totals');
  await expect(totals).toContainText(money(answers.total));
  await expect(totals).toContainText(money(answers.requested));
  await expect(totals).toContainText(a.budget.inRange);
  await expect(page.locator('.totals [aria-live="polite"]')).toHaveCount(1);
  await checkPage(page);
  await expectNoHorizontalOverflow(page);
  await button(page, a.steps.saveAndContinue).click();

  // 4. The plan: the profit follows as she types.
  await expectStep(page, locale, 4, a.steps.names.plan);
  await checkPage(page);
  await waitForHydration(page);
  const { plan } = answers;
  await page.getByLabel(fill(a.plan.revenue, { currency }), { exact: true }).fill(plan.revenue);
  await page.getByLabel(fill(a.plan.costs, { currency }), { exact: true }).fill(plan.costs);
  await expect(page.locator('.live-total')).toHaveText(
    fill(a.plan.profit, { amount: money(plan.profit) }),
  );
  await page.getByLabel(a.plan.jobs, { exact: true }).fill(plan.jobs);
  await button(page, a.steps.saveAndContinue).click();

  // 5. A photo.
  await expectStep(page, locale, 5, a.steps.names.documents);
  await checkPage(page);
  await waitForHydration(page);
  await answers.beforePhoto?.(page);
  await page.getByLabel(a.documents.kind, { exact: true }).selectOption('photo');
  await page.getByLabel(a.documents.file, { exact: true }).setInputFiles({
    name: answers.photo,
    mimeType: 'image/png',
    buffer: TINY_PNG,
  });
  await button(page, a.documents.upload).click();
  await expect(page.getByRole('status')).toHaveText(a.documents.uploaded);
  await expect(page.getByRole('link', { name: answers.photo })).toBeVisible();
  await checkPage(page);
  await expectNoHorizontalOverflow(page);
  await page.getByRole('link', { name: a.steps.continue, exact: true }).click();

  // 6. Review: everything she wrote, nothing missing, every condition met; she sends it.
  await expectStep(page, locale, 6, a.steps.names.review);
  await expect(page.locator('main')).toContainText(a.review.complete);
  await expect(page.locator('.check--bad')).toHaveCount(0);
  await expect(page.locator('main')).toContainText(answers.idea.title);
  await expect(page.locator('main')).toContainText(money(answers.requested));
  await checkPage(page);
  await expectNoHorizontalOverflow(page);
  await button(page, a.review.submit).click();

  // The confirmation, with the reference in large type.
  await expect(page).toHaveURL(`/applications/${applicationId}/submitted`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(a.submitted.title);
  const reference = (await page.locator('.reference-big').textContent())!;
  expect(reference).toMatch(REFERENCE);
  await expect(page.locator('main')).toContainText(a.submitted.mail);
  await checkPage(page);
  await expectNoHorizontalOverflow(page);

  // Her confirmation e-mail, through the run's SMTP server, in her language.
  const mail = await waitForMail(family.user.email!, noticeSubject(locale, reference));
  expect(mail.text).toContain(fill(texts.email.greeting, { name: family.user.name }));
  expect(mail.text).toContain(reference);
  expect(mail.text).toContain(money(answers.requested));
  return { applicationId, reference, mail };
}
