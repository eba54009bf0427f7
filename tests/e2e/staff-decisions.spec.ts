// Programme staff turn the final ranking into grants, in Russian: they award within the budget
// and the village's quota, meet the refusals (a reason for passing over, over the budget, over
// the quota, out of range), write a family's feedback from the jurors' anonymous comments,
// preview the e-mails and the public page, and announce; then decisions answer 409, and an award
// withdrawn frees a place offered to the next family waiting. The same board in Kyrgyz on a
// 360-px phone, in English, without JavaScript — and four awards posted at the same moment to
// the running server never take the awarded sum over the budget.
import { noticeSubject } from '../support/notice-subject';
import type { Page } from '@playwright/test';
import { formatMoney } from '~/i18n/format';
import { resources } from '~/i18n/resources';
import { findApplication } from '~/models/application.server';
import { createUser } from '../support/factories';
import { COMMENTS, decisionWorld, type DecisionWorld } from '../support/decision-scenario';
import { APPLICATIONS, type ApplicationKey } from '../support/round-scenario';
import { checkPage, expect, test } from './support/fixtures';
import {
  checkPageWithoutJavaScript,
  expectNoHorizontalOverflow,
  fill,
  waitForHydration,
} from './support/journeys';
import { waitForMail } from './support/mailbox';

const ru = resources.ru;
const d = ru.decisions;
const som = (minor: number, locale: 'ru' | 'ky' | 'en' = 'ru') => formatMoney(minor, 'KGS', locale);
const pluralRules = new Intl.PluralRules('ru');

/** A Russian text in the plural form its count needs, with its {{values}} filled in. */
function plural(texts: object, key: string, values: Record<string, string | number>) {
  const text = (texts as Record<string, string>)[
    `${key}_${pluralRules.select(Number(values.count))}`
  ];
  if (!text) throw new Error(`no text ${key}`);
  return fill(text, values);
}

const boardUrl = (world: DecisionWorld) => `/staff/competitions/${world.competition.id}/decisions`;
const card = (page: Page, world: DecisionWorld, key: ApplicationKey) =>
  page.locator(`#row-${world.applications[key].id}`);
const reference = (world: DecisionWorld, key: ApplicationKey) => world.applications[key].reference;

/** Opens an application's card (its forms) from its reference in the ranking table. */
async function openCard(page: Page, world: DecisionWorld, key: ApplicationKey) {
  const row = card(page, world, key);
  if ((await row.count()) > 0) return row;
  await page
    .getByRole('rowheader')
    .getByRole('link', { name: reference(world, key), exact: true })
    .click();
  await expect(row).toBeVisible();
  return row;
}

/** The message under a field of one card, and that the field points at it. */
async function expectCardFieldError(
  page: Page,
  world: DecisionWorld,
  key: ApplicationKey,
  field: 'amount' | 'reason',
  message: string,
) {
  const id = `decide-${world.applications[key].id}-${field}`;
  const input = page.locator(`[id="${id}"]`);
  await expect(page.locator(`[id="${id}-error"]`)).toHaveText(message);
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(input).toHaveAttribute('aria-describedby', new RegExp(`(^| )${id}-error( |$)`));
}

async function decideIn(
  page: Page,
  world: DecisionWorld,
  key: ApplicationKey,
  decision: 'awarded' | 'waitlisted' | 'not-selected',
  fields: { amount?: string; reason?: string } = {},
) {
  const row = await openCard(page, world, key);
  await row.getByRole('radio', { name: d.decide[decision], exact: true }).check();
  if (fields.amount !== undefined)
    await row.getByLabel(d.decide.amount, { exact: true }).fill(fields.amount);
  if (fields.reason !== undefined)
    await row.getByLabel(d.decide.reason, { exact: true }).fill(fields.reason);
  await row.getByRole('button', { name: d.decide.submit, exact: true }).click();
}

async function expectDone(page: Page, text: string) {
  await expect(page.getByRole('status').filter({ hasText: text })).toBeVisible();
}

test('staff award within the budget and quota, meet each refusal, write feedback, preview and announce, then replace a winner', async ({
  page,
  signInAs,
  allowHttpErrors,
}) => {
  test.setTimeout(180_000);
  allowHttpErrors(400, 409);
  const world = await decisionWorld({ budget: 250_000_00, quota: 2, staffLocale: 'ru' });
  await signInAs(world.staff);

  // The competition's page leads to the board once a round is closed.
  await page.goto(`/staff/competitions/${world.competition.id}`);
  await page.getByRole('link', { name: d.board.link, exact: true }).click();
  await expect(page).toHaveURL(boardUrl(world));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    fill(d.board.title, { competition: world.competition.titleRu! }),
  );
  await expect(page.getByTestId('budget-total')).toHaveText(som(250_000_00));
  await expect(page.getByTestId('budget-remaining')).toHaveText(som(250_000_00));
  await expect(page.locator('.quota-list')).toContainText(
    fill(d.quotas.withQuota, { name: world.village.nameRu, awarded: 0, quota: 2 }),
  );
  // The ranking, in its order, with the means the jurors' scores give.
  const table = page.getByRole('table', { name: d.table.caption });
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(4);
  for (const [index, key] of APPLICATIONS.entries())
    await expect(rows.nth(index).getByRole('rowheader')).toHaveText(reference(world, key));
  await expect(rows.nth(0)).toContainText('75,0');
  await expect(rows.nth(0)).toContainText(som(100_000_00));
  await checkPage(page);
  await waitForHydration(page);

  // The table carries no forms: its reference opens one application's card at a time.
  await expect(page.getByRole('button', { name: d.decide.submit })).toHaveCount(0);
  await openCard(page, world, 'A1');
  await expect(page.getByRole('button', { name: d.decide.submit })).toHaveCount(1);
  await checkPage(page);

  // A1, the first of the ranking: awarded the requested amount, prefilled.
  await expect(card(page, world, 'A1').getByLabel(d.decide.amount, { exact: true })).toHaveValue(
    '100000',
  );
  await decideIn(page, world, 'A1', 'awarded');
  await expectDone(page, fill(d.done.decided, { reference: reference(world, 'A1') }));
  await expect(page.getByTestId('budget-awarded')).toHaveText(som(100_000_00));
  await expect(page.getByTestId('budget-remaining')).toHaveText(som(150_000_00));

  // A3 passes over A2: a reason is asked for, in the browser at once.
  await waitForHydration(page);
  await openCard(page, world, 'A3');
  await expect(card(page, world, 'A3')).toContainText(
    fill(d.decide.reasonNeeded, { references: reference(world, 'A2') }),
  );
  await decideIn(page, world, 'A3', 'awarded');
  await expectCardFieldError(page, world, 'A3', 'reason', d.errors['reason-required']);
  await decideIn(page, world, 'A3', 'awarded', { reason: 'Школа уже договорилась о поставках' });
  await expectDone(page, fill(d.done.decided, { reference: reference(world, 'A3') }));
  await expect(page.getByTestId('budget-awarded')).toHaveText(som(200_000_00));
  await expect(page.locator('.quota-list')).toContainText(d.quotas.full);

  // A2: 100 000 is over the budget (50 000 remain); 50 000 is over the village's quota.
  await waitForHydration(page);
  await decideIn(page, world, 'A2', 'awarded');
  await expectCardFieldError(
    page,
    world,
    'A2',
    'amount',
    fill(d.errors['over-budget'], { remaining: som(50_000_00) }),
  );
  await decideIn(page, world, 'A2', 'awarded', { amount: '50000' });
  const a2 = world.applications.A2.id;
  await expect(page.locator(`[id="decide-${a2}-decision-error"]`)).toHaveText(
    fill(d.errors['over-quota'], { village: world.village.nameRu }),
  );
  await expect(card(page, world, 'A2').getByLabel(d.decide.amount, { exact: true })).toHaveValue(
    '50000',
  );
  // Out of the competition's range: said before anything is sent.
  await decideIn(page, world, 'A2', 'awarded', { amount: '200000' });
  await expectCardFieldError(
    page,
    world,
    'A2',
    'amount',
    fill(d.errors['amount-out-of-range'], { min: som(50_000_00), max: som(150_000_00) }),
  );
  await checkPage(page);
  await decideIn(page, world, 'A2', 'waitlisted');
  await expectDone(page, fill(d.done.decided, { reference: reference(world, 'A2') }));
  await expect(card(page, world, 'A2')).toContainText(
    fill(d.table.waitlistPosition, { position: 1 }),
  );
  await waitForHydration(page);
  await decideIn(page, world, 'A4', 'not-selected');
  await expectDone(page, fill(d.done.decided, { reference: reference(world, 'A4') }));
  await expect(page.getByTestId('budget-awarded')).toHaveText(som(200_000_00));

  // Feedback for A4, suggested from the jurors' comments; never who wrote them.
  await waitForHydration(page);
  const a4 = card(page, world, 'A4');
  const feedback = a4.getByLabel(fill(d.feedback.label, { reference: reference(world, 'A4') }), {
    exact: true,
  });
  await expect(a4).toContainText(d.feedback.suggested);
  await expect(feedback).toHaveValue(new RegExp(COMMENTS.A4.middle!.slice(0, 20)));
  await a4.getByText(plural(d.feedback, 'commentsSummary', { count: 2 })).click();
  await expect(a4.locator('.juror-comments li')).toHaveCount(2);
  for (const juror of Object.values(world.jurors))
    await expect(page.locator('body')).not.toContainText(juror.name);
  const written = 'Идея хорошая. Подумайте о валяных изделиях: их покупают туристы.';
  await feedback.fill(written);
  await a4.getByRole('button', { name: d.feedback.submit, exact: true }).click();
  await expectDone(page, fill(d.done.feedback, { reference: reference(world, 'A4') }));
  await expect(card(page, world, 'A4')).toContainText(d.feedback.saved);
  await expect(
    card(page, world, 'A4').getByLabel(
      fill(d.feedback.label, { reference: reference(world, 'A4') }),
    ),
  ).toHaveValue(written);

  // The preview: who is told what and how, the e-mails in Russian, the public page.
  await page.getByRole('link', { name: d.board.announceLink, exact: true }).click();
  await expect(page).toHaveURL(`/staff/competitions/${world.competition.id}/announce`);
  await expect(page.getByTestId('plan-awarded')).toHaveText('2');
  await expect(page.getByTestId('plan-waitlisted')).toHaveText('1');
  await expect(page.getByTestId('plan-not-selected')).toHaveText('1');
  await expect(page.getByTestId('plan-by-email')).toHaveText('2');
  await expect(page.getByTestId('plan-in-person')).toHaveText('2');
  const awardedMail = page.getByRole('region', { name: d.announce.emailKind.awarded });
  await expect(awardedMail).toContainText(noticeSubject('ru', reference(world, 'A1')));
  await expect(awardedMail).toContainText(som(100_000_00));
  const notSelectedMail = page.getByRole('region', { name: d.announce.emailKind['not-selected'] });
  await expect(notSelectedMail).toContainText(written);
  const publicPage = page.getByRole('region', { name: d.announce.publicTitle });
  await expect(publicPage).toContainText(som(200_000_00));
  await expect(publicPage).toContainText(d.announce.publicNamedNone);
  await checkPage(page);

  // One action, asked once more.
  await page.getByText(d.announce.confirmSummary, { exact: true }).click();
  await expect(page.getByText(plural(d.announce, 'confirmText', { count: 4 }))).toBeVisible();
  await page.getByRole('button', { name: d.announce.submit, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${boardUrl(world)}\\?done=announced&count=4`));
  await expectDone(page, plural(d.done, 'announced', { count: 4 }));
  await expect(page.getByRole('button', { name: d.decide.submit })).toHaveCount(0);
  await openCard(page, world, 'A4');
  await expect(card(page, world, 'A4')).toContainText(d.feedback.locked);
  await expect(page.getByRole('button', { name: d.decide.submit })).toHaveCount(0);
  await checkPage(page);
  // The winner with an e-mail address reads her result in her language (Russian).
  await waitForMail(world.families.A1!.email, noticeSubject('ru', reference(world, 'A1')));

  // Decisions are locked: the server answers 409.
  const late = await page.request.post(boardUrl(world), {
    form: {
      intent: 'decide',
      applicationId: String(world.applications.A4.id),
      decision: 'awarded',
      amount: '100000',
      reason: 'поздно',
    },
    maxRedirects: 0,
  });
  expect(late.status()).toBe(409);
  expect(findApplication(world.applications.A4.id)!.status).toBe('not-selected');

  // A3's award withdrawn (with a reason); the place goes to A2, first on the village's list.
  await waitForHydration(page);
  const a3 = await openCard(page, world, 'A3');
  await a3.locator('summary', { hasText: d.withdraw.summary }).click();
  await a3
    .getByLabel(fill(d.withdraw.reason, { reference: reference(world, 'A3') }), { exact: true })
    .fill('Семья переехала в город');
  await a3.getByRole('button', { name: d.withdraw.submit, exact: true }).click();
  await expectDone(page, fill(d.done.withdrawn, { reference: reference(world, 'A3') }));
  await expect(page.getByTestId('budget-awarded')).toHaveText(som(100_000_00));
  await waitForHydration(page);
  const offer = await openCard(page, world, 'A2');
  await expect(offer).toContainText(fill(d.offer.intro, { village: world.village.nameRu }));
  await offer.getByRole('button', { name: d.offer.submit, exact: true }).click();
  await expectDone(page, fill(d.done.offered, { reference: reference(world, 'A2') }));
  await expect(page.getByTestId('budget-awarded')).toHaveText(som(200_000_00));
  await expect(page.locator('.quota-list')).toContainText(
    fill(d.quotas.withQuota, { name: world.village.nameRu, awarded: 2, quota: 2 }),
  );
  await checkPage(page);
});

test('in Kyrgyz on a 360-px phone the board and the preview fit and pass the checks', async ({
  page,
  signInAs,
}) => {
  const ky = resources.ky.decisions;
  const world = await decisionWorld({ staffLocale: 'ky' });
  await page.setViewportSize({ width: 360, height: 740 });
  await signInAs(world.staff);
  await page.goto(boardUrl(world));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(ky.title);
  await expect(page.getByTestId('budget-total')).toHaveText(som(300_000_00, 'ky'));
  await checkPage(page);
  await expectNoHorizontalOverflow(page);
  // The decision form of a card is reached and used by keyboard.
  await waitForHydration(page);
  await openCard(page, world, 'A1');
  await checkPage(page);
  await expectNoHorizontalOverflow(page);
  const first = page.locator(`[id="decide-${world.applications.A1.id}-awarded"]`);
  await first.focus();
  await page.keyboard.press('Space');
  await expect(first).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.locator(`[id="decide-${world.applications.A1.id}-amount"]`)).toBeFocused();

  await page.getByRole('link', { name: ky.board.announceLink, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    fill(ky.announce.title, { competition: world.competition.titleKy! }),
  );
  await expect(page.locator('#undecided')).toContainText(
    fill(ky.announce.undecided_other, { count: 4 }),
  );
  await checkPage(page);
  await expectNoHorizontalOverflow(page);
});

test('in English: a board whose round is still being scored explains why decisions wait', async ({
  page,
  signInAs,
}) => {
  const en = resources.en.decisions;
  const scoring = await decisionWorld({ leaveOpen: true, staffLocale: 'en' });
  await signInAs(scoring.staff);
  await page.goto(boardUrl(scoring));
  await expect(page.getByText(en.state.noClosedRound)).toBeVisible();
  await expect(page.getByRole('button', { name: en.decide.submit })).toHaveCount(0);
  await checkPage(page);

  const world = await decisionWorld({ staffLocale: 'en' });
  const staff = await createUser({ roles: ['staff'], locale: 'en' });
  await signInAs(staff);
  await page.goto(boardUrl(world));
  await expect(page.getByTestId('budget-total')).toHaveText(som(300_000_00, 'en'));
  await checkPage(page);
  await page.goto(`/staff/competitions/${world.competition.id}/announce`);
  await expect(page.getByRole('region', { name: en.announce.emailKind.waitlisted })).toContainText(
    en.announce.emailNone,
  );
  await checkPage(page);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

  test('the award form posts, and the server’s refusal sits next to the reason, the amount kept', async ({
    page,
    signInAs,
    allowHttpErrors,
  }) => {
    allowHttpErrors(400);
    const world = await decisionWorld({ staffLocale: 'ru' });
    await signInAs(world.staff);
    await page.goto(boardUrl(world));
    await checkPageWithoutJavaScript(page);
    await decideIn(page, world, 'A1', 'awarded', { amount: '120000' });
    await expectDone(page, fill(d.done.decided, { reference: reference(world, 'A1') }));
    await expect(page.getByTestId('budget-awarded')).toHaveText(som(120_000_00));
    expect(findApplication(world.applications.A1.id)!.awardedAmount).toBe(120_000_00);

    await decideIn(page, world, 'A3', 'awarded', { amount: '90000' });
    await expectCardFieldError(page, world, 'A3', 'reason', d.errors['reason-required']);
    await expect(card(page, world, 'A3').getByLabel(d.decide.amount, { exact: true })).toHaveValue(
      '90000',
    );
    await expect(
      card(page, world, 'A3').getByRole('radio', { name: d.decide.awarded, exact: true }),
    ).toBeChecked();
    await checkPageWithoutJavaScript(page);
    await expectNoHorizontalOverflow(page);
    await card(page, world, 'A3')
      .getByLabel(d.decide.reason, { exact: true })
      .fill('Пекарня нужна школе');
    await card(page, world, 'A3').getByRole('button', { name: d.decide.submit }).click();
    await expectDone(page, fill(d.done.decided, { reference: reference(world, 'A3') }));
    expect(findApplication(world.applications.A3.id)!.awardedAmount).toBe(90_000_00);
  });
});

test('four awards posted at the same moment never take the awarded sum over the budget', async ({
  page,
  signInAs,
}) => {
  // Each 100 000 fits the 250 000 budget alone; all four together would be 400 000.
  const world = await decisionWorld({ budget: 250_000_00, staffLocale: 'ru' });
  await signInAs(world.staff);
  await page.goto(boardUrl(world));
  const responses = await Promise.all(
    APPLICATIONS.map((key) =>
      page.request.post(boardUrl(world), {
        form: {
          intent: 'decide',
          applicationId: String(world.applications[key].id),
          decision: 'awarded',
          amount: '100000',
          reason: 'Все четыре сразу',
        },
        maxRedirects: 0,
      }),
    ),
  );
  const statuses = responses.map((r) => r.status());
  expect(statuses.filter((s) => s === 302)).toHaveLength(2);
  expect(statuses.filter((s) => s === 400)).toHaveLength(2);
  const overBudget = fill(d.errors['over-budget'], { remaining: som(50_000_00) });
  for (const response of responses.filter((r) => r.status() === 400))
    expect(await response.text()).toContain(overBudget);
  const awarded = APPLICATIONS.map((key) => findApplication(world.applications[key].id)!).filter(
    (a) => a.status === 'awarded',
  );
  expect(awarded).toHaveLength(2);
  expect(awarded.reduce((sum, a) => sum + a.awardedAmount!, 0)).toBe(200_000_00);
  await page.reload();
  await expect(page.getByTestId('budget-remaining')).toHaveText(som(50_000_00));
});
