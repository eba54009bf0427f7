// What a family, a facilitator and staff stumbled on in a real browser (issue 10): the account
// menu on a small phone, the household form's messages, money hidden behind a sideways scroll,
// past results nobody could find, a refusal that told about another family, and a file picker
// in the browser's English.
import { eq } from 'drizzle-orm';
import { db } from '~db/client';
import { competitions } from '~db/schema/competitions';
import { users } from '~db/schema/people';
import { formatMoney } from '~/i18n/format';
import { roundsOfCompetition } from '~/models/jury.server';
import { rolesOfUser } from '~/models/user.server';
import { announce, decide, decisionBoard } from '~/services/decisions.server';
import { decisionWorld } from '../support/decision-scenario';
import { browserRequest, createLocality, createUser } from '../support/factories';
import { createApplication, createHousehold } from '../support/programme-factories';
import { familyWithOpenCompetition } from './support/application-journey';
import { checkPage, expect, test } from './support/fixtures';
import {
  expectNoHorizontalOverflow,
  fill,
  textsIn,
  uniquePhone,
  waitForHydration,
} from './support/journeys';
import type { Page } from '@playwright/test';

const pilot = () =>
  db
    .select()
    .from(competitions)
    .all()
    .find((c) => c.titleRu?.includes('Татыктуу Жашоо 2024'))!;

/** The element lies wholly inside the screen's width. */
async function expectInsideViewport(page: Page, selector: string) {
  const width = page.viewportSize()!.width;
  const boxes = await page.locator(selector).evaluateAll((elements) =>
    elements.map((e) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, right: r.right, text: (e as HTMLElement).innerText };
    }),
  );
  expect(boxes.length, `${selector} on the page`).toBeGreaterThan(0);
  for (const box of boxes) {
    expect(box.left, `${box.text} starts on screen`).toBeGreaterThanOrEqual(0);
    expect(box.right, `${box.text} ends on screen`).toBeLessThanOrEqual(width);
  }
}

for (const width of [320, 360]) {
  test(`the account menu opens inside a ${width} px screen, by touch and by keyboard`, async ({
    page,
    signInAs,
  }) => {
    await page.setViewportSize({ width, height: 700 });
    const ky = textsIn('ky');
    const staff = await createUser({
      roles: ['staff', 'juror'],
      locale: 'ky',
      name: 'Нургүл Асанова-Токтогулова',
    });
    await signInAs(staff);
    await page.goto('/account');
    const menu = page.locator('.account-menu');
    await menu.locator('summary').click();
    const signOut = menu.getByRole('button', { name: ky.common.account.signOut, exact: true });
    await expect(signOut).toBeVisible();
    await expectInsideViewport(page, '.account-menu__panel');
    await expectInsideViewport(page, '.account-menu__panel a, .account-menu__panel button');
    await expectNoHorizontalOverflow(page, width);
    await checkPage(page);
    // Closed again, then opened from the keyboard: every entry is reachable and on screen.
    await menu.locator('summary').click();
    await expect(signOut).toBeHidden();
    await menu.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(signOut).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(
      menu.getByRole('link', { name: ky.common.account.settings, exact: true }),
    ).toBeFocused();
    await expectInsideViewport(page, '.account-menu__panel a, .account-menu__panel button');
    // Escape closes it and leaves her on the menu's button.
    await page.keyboard.press('Escape');
    await expect(signOut).toBeHidden();
    await expect(menu.locator('summary')).toBeFocused();
  });
}

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the household form speaks up only when it should, and never moves a button mid-tap', async ({
    page,
    signInAs,
  }) => {
    const ky = textsIn('ky');
    const h = ky.households;
    const village = createLocality();
    const family = await createUser({
      roles: ['applicant'],
      locale: 'ky',
      name: 'Айгүл Бекова',
      localityId: village.id,
    });
    await signInAs(family);
    await page.goto('/household');
    await waitForHydration(page);
    const person = (n: number) =>
      page.getByRole('group', { name: fill(h.form.person, { number: n }) });
    const errors = page.locator('main .field__error');

    // Passing through fields without typing says nothing.
    await person(1).getByLabel(h.form.relation).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(errors).toHaveCount(0);

    // A year that is not a year, then straight on to "Add a person": one tap adds the row
    // (the message waits until the tap is over), and the new empty row shows no error.
    await person(1).getByLabel(h.form.birthYear).fill('94');
    await page.getByRole('button', { name: h.form.addPerson }).click();
    await expect(person(2)).toBeVisible();
    await expect(person(1)).toContainText(ky.errors.validation.birthYear);
    await expect(person(2).locator('.field__error')).toHaveCount(0);
    // Fixed: the message goes as she types.
    await person(1).getByLabel(h.form.birthYear).fill('1994');
    await expect(person(1).locator('.field__error')).toHaveCount(0);

    // Trying to save marks what is missing; a select given a value loses its message at once.
    await page.getByRole('button', { name: h.own.save }).click();
    await expect(person(2).getByLabel(h.form.relation)).toHaveAttribute('aria-invalid', 'true');
    await person(2).getByLabel(h.form.relation).selectOption('daughter-in-law');
    await expect(person(2).getByLabel(h.form.relation)).not.toHaveAttribute('aria-invalid', 'true');
    await person(1).getByLabel(h.form.relation).selectOption('head');
    await expect(person(1).getByLabel(h.form.relation)).not.toHaveAttribute('aria-invalid', 'true');
    // A third person after the save attempt: her empty row is quiet too.
    await page.getByRole('button', { name: h.form.addPerson }).click();
    await expect(person(3)).toBeVisible();
    await expect(person(3).locator('.field__error')).toHaveCount(0);
    await checkPage(page);
  });

  test('a register number already in use is refused without a word about another family', async ({
    page,
    signInAs,
    allowHttpErrors,
  }) => {
    allowHttpErrors(400);
    for (const locale of ['ky', 'ru'] as const) {
      const texts = textsIn(locale);
      const h = texts.households;
      const village = createLocality();
      const other = createHousehold({ localityId: village.id });
      const family = await createUser({
        roles: ['applicant'],
        locale,
        name: 'Мээрим Алиева',
        localityId: village.id,
      });
      await signInAs(family);
      await page.goto('/household');
      await waitForHydration(page);
      const first = page.getByRole('group', { name: fill(h.form.person, { number: 1 }) });
      await first.getByLabel(h.form.relation).selectOption('daughter-in-law');
      await first.getByLabel(h.form.sex).selectOption('female');
      await first.getByLabel(h.form.birthYear).fill('1990');
      await page.getByLabel(h.form.phone).fill(uniquePhone().typed);
      await page.getByLabel(h.form.receivesSocialBenefits).check();
      await page
        .getByLabel(h.form.benefitRegisterNumber)
        .fill(other.household.benefitRegisterNumber!);
      await page.getByRole('button', { name: h.own.save }).click();
      const message = page.locator('[id="field-benefitRegisterNumber-error"]');
      await expect(message).toHaveText(texts.errors.household.registerNumberTaken);
      await expect(message).not.toContainText(/other|другой|башка/i);
      await checkPage(page);
    }
  });

  test('the review step shows every sum and the three totals as lines, in Kyrgyz and Russian', async ({
    page,
    signInAs,
  }) => {
    for (const locale of ['ky', 'ru'] as const) {
      const a = textsIn(locale).applications;
      const family = await familyWithOpenCompetition({ locale });
      const application = createApplication({ ...family, enteredBy: family.user });
      await signInAs(family.user);
      await page.goto(`/applications/${application.id}/edit/review`);
      await expect(page.locator('main')).toContainText(a.review.complete);
      const budget = page.locator('.table-wrap', { has: page.locator('table.table--stack') });
      for (const [label, amount] of [
        [a.budget.total, 110_000_00],
        [a.budget.own, 10_000_00],
        [a.budget.requested, 100_000_00],
      ] as const) {
        const line = budget.locator('tfoot tr', { hasText: label });
        await expect(line).toContainText(formatMoney(amount, 'KGS', locale));
      }
      // Each sum is a line of its own, named after its column.
      const sum = budget.locator('tbody tr').first().locator('td').last();
      await expect(sum).toHaveAttribute('data-label', a.summary.lineTotal);
      await expect(sum).toHaveText(formatMoney(80_000_00, 'KGS', locale));
      const named = await sum.evaluate((e) => getComputedStyle(e, '::before').content);
      expect(named).toBe(JSON.stringify(a.summary.lineTotal));
      await expectInsideViewport(page, '.table--stack td, .table--stack tfoot th');
      const scrolls = await budget.evaluate((e) => e.scrollWidth > e.clientWidth);
      expect(scrolls, 'the budget needs no sideways scroll').toBe(false);
      await expectNoHorizontalOverflow(page);
      await checkPage(page);
    }
  });

  test("the pilot's results: found from the competitions list, every column on screen", async ({
    newBrowserPage,
  }) => {
    const competition = pilot();
    for (const locale of ['ky', 'ru'] as const) {
      const texts = textsIn(locale);
      const a = texts.applications;
      const page = await newBrowserPage({ locale, viewport: { width: 360, height: 740 } });
      await page.goto('/competitions');
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      const past = page.getByRole('region', { name: a.competitions.pastTitle });
      const title = locale === 'ky' ? competition.titleKy! : competition.titleRu!;
      const card = past.getByRole('listitem').filter({ hasText: title });
      // Announced in March 2024, where it happened — not the day the demo was seeded.
      await expect(card).toContainText('2024');
      await checkPage(page);
      await card.getByRole('link', { name: a.competitions.results }).click();
      await expect(page).toHaveURL(new RegExp(`/competitions/${competition.id}/results$`));
      await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
      await expectInsideViewport(page, '.table--stack tbody th, .table--stack td');
      await expect(page.locator('.table--stack td[data-label]').first()).toBeVisible();
      await expectNoHorizontalOverflow(page);
      await checkPage(page);
    }
  });
});

test('the file picker is in the page language, and names the file chosen', async ({
  page,
  signInAs,
}) => {
  for (const locale of ['ky', 'ru'] as const) {
    const texts = textsIn(locale);
    const staff = await createUser({ roles: ['staff'], locale });
    await signInAs(staff);
    await page.goto('/households/import');
    await waitForHydration(page);
    const picker = page.locator('.file-picker');
    await expect(picker).toContainText(texts.common.filePicker.choose);
    await expect(picker.getByText(texts.common.filePicker.none, { exact: true })).toBeVisible();
    await expect(picker.getByText(texts.common.filePicker.chosen, { exact: true })).toBeHidden();
    await page.getByLabel(texts.households.import.file, { exact: true }).setInputFiles({
      name: 'реестр.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('register_number\n'),
    });
    await expect(picker.getByTestId('file-picker-chosen')).toHaveText(
      fill(texts.common.filePicker.chosenName, { name: 'реестр.csv' }),
    );
    await checkPage(page);
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the file picker still says, in the page language, whether a file is chosen', async ({
    page,
    signInAs,
  }) => {
    const texts = textsIn('ru');
    const staff = await createUser({ roles: ['staff'], locale: 'ru' });
    await signInAs(staff);
    await page.goto('/households/import');
    const chosen = page.getByTestId('file-picker-chosen');
    const none = chosen.getByText(texts.common.filePicker.none, { exact: true });
    const some = chosen.getByText(texts.common.filePicker.chosen, { exact: true });
    await expect(none).toBeVisible();
    await expect(some).toBeHidden();
    await page.getByLabel(texts.households.import.file, { exact: true }).setInputFiles({
      name: 'register.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('register_number\n'),
    });
    await expect(some).toBeVisible();
    await expect(none).toBeHidden();
  });
});

test("a round's title is in the reader's language, and the ranking heading says the round once", async ({
  page,
  signInAs,
}) => {
  const round = roundsOfCompetition(pilot().id).find((r) => r.number === 1)!;
  for (const [locale, name] of [
    ['ky', 'Бизнес идеялар'],
    ['ru', 'Бизнес-идеи'],
  ] as const) {
    const r = textsIn(locale).rounds;
    const staff = await createUser({ roles: ['staff'], locale });
    await signInAs(staff);
    await page.goto(`/staff/rounds/${round.id}/ranking`);
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText(fill(r.ranking.title, { number: 1, name }));
    await expect(heading).not.toContainText('/');
    await page.goto(`/staff/competitions/${pilot().id}`);
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
    await checkPage(page);
  }
});

test('feedback in the family’s language: the board shows what she reads and marks a text not in it; she is told its language', async ({
  page,
  signInAs,
}) => {
  test.slow();
  const world = await decisionWorld({ staffLocale: 'ru' });
  const d = textsIn('ru').decisions;
  await signInAs(world.staff);
  await page.goto(`/staff/competitions/${world.competition.id}/decisions`);
  await waitForHydration(page);
  // A2's family reads Kyrgyz: her card opens from her reference in the ranking.
  await page
    .getByRole('rowheader')
    .getByRole('link', { name: world.applications.A2.reference, exact: true })
    .click();
  const a2 = page.locator(`#row-${world.applications.A2.id}`);
  await expect(a2).toContainText(fill(d.feedback.reads, { language: 'Кыргызча' }));
  const language = a2.getByLabel(d.feedback.writtenIn, { exact: true });
  await expect(language).toHaveValue('ky');
  // Written in Russian: marked as not in her language.
  const text = a2.getByLabel(
    fill(d.feedback.label, { reference: world.applications.A2.reference }),
    { exact: true },
  );
  await text.fill('Хорошая идея, но бюджет нужно пересчитать.');
  await language.selectOption('ru');
  await a2.getByRole('button', { name: d.feedback.submit, exact: true }).click();
  await expect(a2).toContainText(d.feedback.saved);
  await expect(
    a2.getByText(fill(d.feedback.notInHers, { language: 'Русский' }), { exact: true }),
  ).toBeVisible();
  await checkPage(page);

  // Decided and announced as staff do; she reads her result in Kyrgyz, with a note on the
  // feedback's language.
  const staff = { user: world.staff, roles: rolesOfUser(world.staff.id), sessionId: 'test' };
  const board = decisionBoard(world.competition.id)!;
  board.rows.forEach((row, index) => {
    const amount = Math.min(
      Math.max(row.requestedAmount, board.competition.minGrant),
      board.competition.maxGrant,
    );
    const result = decide(
      browserRequest(),
      staff,
      row.applicationId,
      index === 0 ? { decision: 'awarded', amount } : { decision: 'not-selected' },
    );
    expect(result.ok).toBe(true);
  });
  expect(announce(browserRequest(), staff, world.competition.id).ok).toBe(true);
  const family = db.select().from(users).where(eq(users.email, world.families.A2!.email)).get()!;
  await signInAs(family);
  await page.goto(`/applications/${world.applications.A2.id}`);
  const ky = textsIn('ky').results;
  await expect(page.locator('.result-feedback')).toContainText(
    'Хорошая идея, но бюджет нужно пересчитать.',
  );
  await expect(page.locator('.result-feedback blockquote')).toHaveAttribute('lang', 'ru');
  await expect(page.locator('.result-feedback')).toContainText(
    fill(ky.family.feedbackIn, { language: 'Русский' }),
  );
  await checkPage(page);
});
