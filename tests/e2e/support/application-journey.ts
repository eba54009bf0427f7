// Test data and steps shared by the application journeys: a family with a household in a
// village, an open competition there, and the texts and amounts the pages should show.
import { expect, type Locator, type Page } from '@playwright/test';
import type { Competition } from '~db/schema/competitions';
import type { Household, HouseholdMember } from '~db/schema/households';
import type { User } from '~db/schema/people';
import type { Locale } from '~/i18n/config';
import { formatMoney } from '~/i18n/format';
import { createLocality, createUser, uniqueSuffix } from '../../support/factories';
import { createCompetition, createHousehold } from '../../support/programme-factories';
import { textsIn, uniqueEmail } from './journeys';

/** A 1×1 PNG: the smallest real photo a family can upload. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGPgjvUGAAEqALRc1f5DAAAAAElFTkSuQmCC',
  'base64',
);

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
) {
  const texts = textsIn(locale).applications.budget;
  const row = budgetRow(page, locale, number);
  await row.getByLabel(texts.name, { exact: true }).fill(item.name);
  await row.getByLabel(texts.quantity, { exact: true }).fill(item.quantity);
  await row
    .getByLabel(texts.unitPrice.replace('{{currency}}', 'KGS'), { exact: true })
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
