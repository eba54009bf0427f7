// Results as the people they concern read them. A competition is decided and announced through
// the services (staff's own pages are another issue): a winner reads her result in Russian and
// agrees to be named; another declines her grant on a phone without JavaScript; a family not
// selected reads the programme's feedback; the facilitator ticks off a family told in person;
// a visitor reads the public page in Kyrgyz, which names no one who did not agree and nothing
// about any household. Before the announcement, a family sees no decision at all.
import { noticeSubject } from '../support/notice-subject';
import type { Page } from '@playwright/test';
import { db } from '~db/client';
import { householdMembers, households } from '~db/schema/households';
import { formatMoney, formattedInstant } from '~/i18n/format';
import { resources } from '~/i18n/resources';
import { findApplication } from '~/models/application.server';
import { sessionCookieFor } from '../support/jury-factories';
import { AWARDS, FAMILIES, FEEDBACK, resultsWorld } from '../support/results-scenario';
import { checkPage, expect, test } from './support/fixtures';
import { waitForHydration } from './support/journeys';
import { checkPageWithoutJavaScript, expectNoHorizontalOverflow, fill } from './support/journeys';
import { waitForMail } from './support/mailbox';

const ru = resources.ru;
const ky = resources.ky;
const PHONE = { width: 360, height: 800 };

function button(page: Page, name: string) {
  return page.getByRole('button', { name, exact: true });
}

async function signInOn(page: Page, baseURL: string, user: { id: number }) {
  const [name, ...value] = (await sessionCookieFor(user)).split('=');
  await page.context().addCookies([{ name: name!, value: value.join('='), url: baseURL }]);
}

test('a winner reads her result in Russian and agrees to be named; another declines without JavaScript; a third reads her feedback', async ({
  page,
  baseURL,
  newBrowserPage,
  allowHttpErrors,
}) => {
  test.setTimeout(120_000);
  // The decline sent without its confirmation is refused (400) and shown again.
  allowHttpErrors(400);
  const world = await resultsWorld();
  const { A1, A2, A4 } = world.applications;
  const amount = formatMoney(AWARDS.A1, 'KGS', 'ru');

  // The announcement e-mailed her in Russian, with the amount.
  const mail = await waitForMail(world.families.A1.email!, noticeSubject('ru', A1.reference));
  expect(mail.text).toContain(amount);
  expect(mail.text).toContain(ru.email.result.awardedNext);

  await page.setViewportSize(PHONE);
  await signInOn(page, baseURL!, world.families.A1);
  await page.goto(`/applications/${A1.id}`);
  const result = page.getByRole('region', { name: ru.results.family.title, exact: true });
  await expect(result).toContainText(ru.results.family.awarded.lead);
  await expect(result).toContainText(amount);
  await expect(result).toContainText(ru.results.family.awarded.agreement);
  await expect(result).toContainText(ru.results.family.awarded.consultations);
  await expect(page.locator('.badge').first()).toHaveText(ru.common.applicationStatuses.awarded);
  await checkPage(page);
  await expectNoHorizontalOverflow(page);

  // Consent: she sees exactly what would be shown, then says yes.
  const consent = page.getByRole('region', { name: ru.results.consent.title, exact: true });
  await expect(consent.locator('.result-preview')).toHaveText(/^Айпери Т\. — /);
  await expect(consent).toContainText(ru.results.consent.nowNo);
  await consent.getByLabel(ru.results.consent.yes, { exact: true }).check();
  await consent.getByRole('button', { name: ru.results.consent.save, exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(ru.results.consent.saved);
  await expect(consent).toContainText(ru.results.consent.nowYes);
  await expect(consent.getByLabel(ru.results.consent.yes, { exact: true })).toBeChecked();
  expect(findApplication(A1.id)!.publishNameConsent).toBe(true);

  // The second winner, in Kyrgyz on a phone without JavaScript, declines: the confirmation first.
  const second = await newBrowserPage({ javaScriptEnabled: false, viewport: PHONE });
  await signInOn(second, baseURL!, world.families.A2);
  await second.goto(`/applications/${A2.id}`);
  const kyDecline = ky.results.decline;
  await second.locator('summary', { hasText: kyDecline.title }).click();
  await second.getByLabel(kyDecline.reason, { exact: true }).fill('Бишкекке көчүп жатабыз.');
  await button(second, kyDecline.submit).click();
  // Refused: she did not confirm; what she typed is still there.
  await expect(second.locator('[id="field-confirm-error"]')).toHaveText(
    ky.results.errors.confirmDecline,
  );
  await expect(second.getByLabel(kyDecline.reason, { exact: true })).toHaveValue(
    'Бишкекке көчүп жатабыз.',
  );
  expect(findApplication(A2.id)!.status).toBe('awarded');
  await second
    .getByLabel(fill(kyDecline.confirm, { amount: formatMoney(AWARDS.A2, 'KGS', 'ky') }), {
      exact: true,
    })
    .check();
  await button(second, kyDecline.submit).click();
  await expect(second.getByRole('status')).toHaveText(kyDecline.done);
  const declined = second.getByRole('region', { name: ky.results.family.title, exact: true });
  await expect(declined).toContainText(ky.results.family.declined.next);
  await expect(declined).toContainText('Бишкекке көчүп жатабыз.');
  expect(findApplication(A2.id)!.status).toBe('withdrawn');
  await checkPageWithoutJavaScript(second);

  // The family not selected reads the programme's feedback and who can help her.
  const third = await newBrowserPage({ viewport: PHONE });
  await signInOn(third, baseURL!, world.families.A4);
  await third.goto(`/applications/${A4.id}`);
  const notSelected = third.getByRole('region', { name: ru.results.family.title, exact: true });
  await expect(notSelected).toContainText(ru.results.family.notSelected.lead);
  await expect(notSelected.locator('blockquote')).toHaveText(FEEDBACK.A4);
  await expect(notSelected).toContainText(
    fill(ru.results.family.help.facilitator, { name: world.facilitator.name }),
  );
  await expect(notSelected).toContainText(ru.results.family.notSelected.encourage);
  // Not a winner: nothing to consent to or decline.
  await expect(third.getByText(ru.results.consent.title)).toHaveCount(0);
  await expect(third.getByText(ru.results.decline.title)).toHaveCount(0);
  await checkPage(third);
  await expectNoHorizontalOverflow(third);
});

test('the facilitator tells in person the families who cannot be e-mailed, and ticks one off', async ({
  page,
  signInAs,
}) => {
  const world = await resultsWorld();
  const t = ru.results.tell;
  await page.setViewportSize(PHONE);
  await signInAs(world.facilitator);
  await page.goto('/');
  await page.getByRole('link', { name: ru.common.nav.results, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.title);

  const todo = page.getByRole('region', { name: `${t.todoTitle} (2)`, exact: true });
  const waitlisted = todo.getByRole('listitem').filter({ hasText: 'Бермет Казакбаева' });
  await expect(waitlisted).toContainText(fill(t.sayWaitlisted, { position: 1 }));
  await expect(waitlisted).toContainText(fill(t.feedback, { feedback: FEEDBACK.A3 }));
  await expect(waitlisted.getByRole('link', { name: '+996555112233' })).toBeVisible();
  const notSelected = todo.getByRole('listitem').filter({ hasText: 'Асель Бообекова' });
  await expect(notSelected).toContainText(t.sayNotSelected);
  await checkPage(page);
  await expectNoHorizontalOverflow(page);

  await notSelected
    .getByRole('button', { name: new RegExp(`^${t.markTold}\\s*: Асель Бообекова$`) })
    .click();
  await expect(page.getByRole('status')).toHaveText(
    fill(t.toldDone, { family: 'Асель Бообекова' }),
  );
  await expect(page.getByRole('region', { name: `${t.todoTitle} (1)`, exact: true })).toBeVisible();
  const done = page.getByRole('region', { name: `${t.doneTitle} (1)`, exact: true });
  await expect(done).toContainText('Асель Бообекова');
  const toldAt = findApplication(world.applications.A4.id)!.resultToldAt!;
  expect(Date.now() - toldAt.getTime()).toBeLessThan(60_000);
  const date = formattedInstant(toldAt, 'ru', { timeZone: world.competition.timezone }).text;
  await expect(done).toContainText(fill(t.toldOn, { date }));
  await expect(done.getByRole('button')).toHaveCount(0);
  await checkPage(page);
});

test('the public results in Kyrgyz on a phone: figures, consenting winners only, nothing about any household', async ({
  newBrowserPage,
  baseURL,
  playwright,
}) => {
  const world = await resultsWorld();
  const { A1 } = world.applications;
  const p = ky.results.public;
  // Nobody has agreed yet; then the first winner does (on her page, tested above).
  const visitor = await newBrowserPage({ locale: 'ky', viewport: PHONE });
  await visitor.goto(`/competitions/${world.competition.id}`);
  await visitor.getByRole('link', { name: p.link, exact: true }).click();
  await expect(visitor).toHaveURL(new RegExp(`/competitions/${world.competition.id}/results$`));
  await expect(visitor.locator('html')).toHaveAttribute('lang', 'ky');
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(
    fill(p.title, { competition: world.competition.titleKy! }),
  );
  const figures = visitor.getByRole('region', { name: p.figuresTitle, exact: true });
  await expect(figures).toContainText(formatMoney(AWARDS.A1 + AWARDS.A2, 'KGS', 'ky'));
  await expect(figures.locator('dd')).toHaveText([
    '4',
    '2',
    formatMoney(AWARDS.A1 + AWARDS.A2, 'KGS', 'ky'),
  ]);
  const byVillage = visitor.getByRole('region', { name: p.byVillageTitle, exact: true });
  await expect(byVillage.getByRole('row')).toHaveCount(2);
  await expect(byVillage.getByRole('row').nth(1)).toContainText('2');
  await expect(visitor.getByText(p.noneNamed, { exact: true })).toBeVisible();
  await checkPage(visitor);
  await expectNoHorizontalOverflow(visitor);
  // Printed, the links and the button stay off the paper.
  await visitor.emulateMedia({ media: 'print' });
  await expect(visitor.getByRole('link', { name: p.back })).toBeHidden();
  await visitor.emulateMedia({ media: 'screen' });

  // She agrees; the page names her by first name and initial.
  const family = await newBrowserPage();
  await signInOn(family, baseURL!, world.families.A1);
  await family.goto(`/applications/${A1.id}`);
  // A choice made before React takes over the form would be reset by it (seen once in CI).
  await waitForHydration(family);
  await family.getByLabel(ru.results.consent.yes, { exact: true }).check();
  await family.getByRole('button', { name: ru.results.consent.save, exact: true }).click();
  await expect(family.getByRole('status')).toHaveText(ru.results.consent.saved);
  await visitor.reload();
  const named = visitor.getByRole('region', { name: p.namedTitle, exact: true });
  await expect(named.getByRole('row').nth(1)).toContainText('Айпери Т.');
  await checkPage(visitor);
  await expectNoHorizontalOverflow(visitor);

  // The whole HTML (with the data the page carries) against everyone in the database.
  const request = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { 'Accept-Language': 'ky' },
  });
  const html = await (await request.get(`/competitions/${world.competition.id}/results`)).text();
  await request.dispose();
  expect(html).toContain('Айпери Т.');
  const word = (text: string) =>
    new RegExp(
      `(?<![\\p{L}\\p{N}])${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
      'u',
    );
  const everyone = db
    .select({ firstName: householdMembers.firstName, lastName: householdMembers.lastName })
    .from(householdMembers)
    .all();
  expect(everyone.length).toBeGreaterThan(12);
  const surnames = [...new Set(everyone.map((m) => m.lastName).filter((n) => n.length >= 3))];
  expect(surnames.filter((surname) => word(surname).test(html))).toEqual([]);
  // In this competition, no name but the one she agreed to show.
  const shown = Object.values(FAMILIES)
    .flat()
    .flatMap((m) => [m.firstName, m.lastName])
    .filter((name) => name !== 'Айпери');
  expect(shown.filter((name) => word(name).test(html))).toEqual([]);
  // No benefit register number, phone or address of any household.
  const facts = db
    .select({
      register: households.benefitRegisterNumber,
      phone: households.phone,
      address: households.address,
    })
    .from(households)
    .all();
  for (const fact of facts) {
    for (const value of [fact.register, fact.phone, fact.address]) {
      if (value && value.length >= 4) expect(html).not.toContain(value);
    }
  }
  // Nor benefits or income, in any language's words or in the numbers families gave.
  for (const locale of ['ky', 'ru', 'en'] as const) {
    expect(html).not.toContain(resources[locale].households.form.receivesSocialBenefits);
  }
  for (const field of ['receivesSocialBenefits', 'benefitRegisterNumber', 'expectedMonthly']) {
    expect(html).not.toContain(field);
  }
  expect(html).not.toContain(formatMoney(25_000_00, 'KGS', 'ky'));
});

test('before the announcement a family sees no decision: her application is still with the jury', async ({
  page,
  signInAs,
  allowHttpErrors,
}) => {
  allowHttpErrors(404);
  const world = await resultsWorld({ announced: false });
  const { A1 } = world.applications;
  await signInAs(world.families.A1);
  await page.goto(`/applications/${A1.id}`);
  await expect(page.locator('.badge').first()).toHaveText(
    ru.common.applicationStatuses['in-review'],
  );
  await expect(page.getByRole('region', { name: ru.results.family.title })).toHaveCount(0);
  await expect(page.getByText(ru.results.withdrawPaused)).toBeVisible();
  const html = await page.content();
  for (const word of ['awarded', 'waitlisted', 'not-selected']) {
    expect(html).not.toContain(`"${word}"`);
  }
  expect(html).not.toContain(ru.common.applicationStatuses.awarded);
  await page.goto('/applications');
  await expect(page.locator('.badge')).toHaveText([ru.common.applicationStatuses['in-review']]);
  await checkPage(page);
  // The public page is not there yet.
  const response = await page.goto(`/competitions/${world.competition.id}/results`);
  expect(response!.status()).toBe(404);
});
