// Staff work on a 1366 × 768 laptop: the ranking (with normalisation on, its widest form), the
// decision board and the applications list use the page's width, and none of their tables needs
// a horizontal scroll — the mean score and the decision columns are on screen. Read in Russian,
// the longest of the three languages, on the demo programme.
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Page } from '@playwright/test';
import { db } from '~db/client';
import { competitions } from '~db/schema/competitions';
import { rounds } from '~db/schema/jury';
import { resources } from '~/i18n/resources';
import { createUser } from '../support/factories';
import { expect, test } from './support/fixtures';

const LAPTOP = { width: 1366, height: 768 };
const ru = resources.ru;

/** Every table frame on the page shows its whole table: nothing to scroll sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const frames = page.locator('.table-wrap');
  expect(await frames.count()).toBeGreaterThan(0);
  const overflows = await frames.evaluateAll((elements) =>
    elements
      .map((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }))
      .filter((f) => f.scroll > f.client),
  );
  expect(overflows).toEqual([]);
  const page_ = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(page_.scroll).toBeLessThanOrEqual(page_.client);
}

/** The column header is wholly inside the viewport. */
async function expectOnScreen(page: Page, header: ReturnType<Page['locator']>) {
  const box = (await header.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(LAPTOP.width);
}

test.use({ viewport: LAPTOP });

test('at 1366 px the ranking, the decision board and the applications list fit the screen', async ({
  page,
  signInAs,
}) => {
  const staff = await createUser({ roles: ['staff'], locale: 'ru' });
  await signInAs(staff);

  // The demo's normalised, closed round 1: the ranking with every column it can have.
  const round = db
    .select({ id: rounds.id })
    .from(rounds)
    .where(and(eq(rounds.status, 'closed'), eq(rounds.normalise, true)))
    .get()!;
  await page.goto(`/staff/rounds/${round.id}/ranking`);
  const ranking = page.locator('table.ranking-table');
  await expect(ranking).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectOnScreen(
    page,
    ranking.getByRole('columnheader', { name: ru.rounds.ranking.columns.mean, exact: true }),
  );
  await expectOnScreen(
    page,
    ranking.getByRole('columnheader', { name: ru.rounds.ranking.columns.status, exact: true }),
  );

  // The decision board of the demo competition whose final round is scored.
  const decided = db
    .select({ id: competitions.id })
    .from(competitions)
    .where(isNotNull(competitions.announcedAt))
    .get()!;
  await page.goto(`/staff/competitions/${decided.id}/decisions`);
  await expect(page.locator('main table').first()).toBeVisible();
  await expectNoSidewaysScroll(page);
  const lastHeaders = page.locator('main table thead tr th:last-child');
  for (let i = 0; i < (await lastHeaders.count()); i += 1)
    await expectOnScreen(page, lastHeaders.nth(i));

  // The applications list, every competition's applications.
  await page.goto('/staff/applications');
  await expect(page.locator('main table')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectOnScreen(page, page.locator('main table thead tr th:last-child'));
});
