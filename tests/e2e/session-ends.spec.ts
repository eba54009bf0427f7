// A session that ends mid-form loses nothing: her text is kept for her, the sign-in page says so
// in her language, and after signing in again she sends it with one button. Staff are warned
// before their idle time-out and can stay signed in. Sessions are ended by moving their clock
// in the database, never by waiting.
import { eq } from 'drizzle-orm';
import { db } from '~db/client';
import { applications } from '~db/schema/applications';
import { sessions } from '~db/schema/auth';
import { createUser, TEST_PASSWORD } from '../support/factories';
import { createApplication } from '../support/programme-factories';
import { button, expectStep, familyWithOpenCompetition } from './support/application-journey';
import { checkPage, expect, test } from './support/fixtures';
import { fill, submitSignIn, textsIn, waitForHydration } from './support/journeys';

const DAY = 24 * 60 * 60_000;

/** Ends every session of this person as her idle limit would: she was last seen long ago. */
function endSessionsOf(userId: number, idleFor: number) {
  db.update(sessions)
    .set({ lastSeenAt: new Date(Date.now() - idleFor) })
    .where(eq(sessions.userId, userId))
    .run();
}

test('her session ends while she writes her idea in Kyrgyz; after signing in again her text is sent', async ({
  page,
  signInAs,
}) => {
  const ky = textsIn('ky');
  const a = ky.applications;
  const family = await familyWithOpenCompetition({ locale: 'ky' });
  const application = createApplication({ ...family, enteredBy: family.user });
  await signInAs(family.user);

  await page.goto(`/applications/${application.id}/edit/idea`);
  await expectStep(page, 'ky', 2, a.steps.names.idea);
  await waitForHydration(page);
  const idea = `Теплица куруп, помидор өстүрүп, базарда сатабыз. ${Date.now()}`;
  await page.getByLabel(a.idea.description, { exact: true }).fill(idea);

  // A week without her: the family's idle limit passes while the page stays open.
  endSessionsOf(family.user.id, 8 * DAY);
  await button(page, a.steps.saveAndContinue).click();

  // The sign-in page, in Kyrgyz (the browser asks for English), says why and that her text waits.
  await expect(page).toHaveURL(/\/login\?session=ended&redirectTo=%2Fkept%2F/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ky');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ky.auth.signIn.title);
  await expect(
    page.getByRole('status').filter({ hasText: ky.auth.signIn.sessionEnded }),
  ).toContainText(ky.auth.signIn.textKept);
  await checkPage(page);
  expect(
    db.select().from(applications).where(eq(applications.id, application.id)).get()!.description,
  ).not.toBe(idea);

  await submitSignIn(page, 'ky', { identifier: family.user.email!, password: TEST_PASSWORD });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ky.auth.kept.title);
  await expect(page.locator('.kept-text').filter({ hasText: idea })).toHaveCount(1);
  await checkPage(page);
  await button(page, ky.auth.kept.send).click();

  // Sent as if her session had never ended: the next step, and her idea saved.
  await expectStep(page, 'ky', 3, a.steps.names.budget);
  expect(
    db.select().from(applications).where(eq(applications.id, application.id)).get()!.description,
  ).toBe(idea);
  await page.goto(`/applications/${application.id}/edit/idea`);
  await expect(page.getByLabel(a.idea.description, { exact: true })).toHaveValue(idea);
});

test('a kept form is hers alone: another person signed in on the same browser finds nothing', async ({
  page,
  signInAs,
  allowHttpErrors,
}) => {
  allowHttpErrors(404);
  const family = await familyWithOpenCompetition({ locale: 'ru' });
  const application = createApplication({ ...family, enteredBy: family.user });
  await signInAs(family.user);
  await page.goto(`/applications/${application.id}/edit/idea`);
  await waitForHydration(page);
  const ru = textsIn('ru');
  await page.getByLabel(ru.applications.idea.description, { exact: true }).fill('Секретный план');
  endSessionsOf(family.user.id, 8 * DAY);
  await button(page, ru.applications.steps.saveAndContinue).click();
  await expect(page).toHaveURL(/\/login\?session=ended/);
  const keptPath = decodeURIComponent(new URL(page.url()).searchParams.get('redirectTo')!);

  const other = await createUser({ locale: 'ru' });
  await signInAs(other);
  await page.goto(keptPath);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ru.auth.kept.title);
  await expect(page.locator('main')).toContainText(ru.auth.kept.gone);
  await expect(page.locator('main')).not.toContainText('Секретный план');
});

test('staff are warned before the idle time-out and stay signed in with one button', async ({
  page,
  signInAs,
}) => {
  const staff = await createUser({ roles: ['staff'], locale: 'ru' });
  const ru = textsIn('ru').common.session;
  await signInAs(staff);
  await page.clock.install();
  await page.goto('/');
  await waitForHydration(page);
  await expect(page.getByRole('alert')).toHaveCount(0);

  // 56 minutes without a request (the page's clock and the session's, both moved).
  await page.clock.fastForward('56:00');
  endSessionsOf(staff.id, 56 * 60_000);
  const warning = page
    .getByRole('alert')
    .filter({ hasText: fill((ru as Record<string, string>).warning_many!, { count: 5 }) });
  await expect(warning).toBeVisible();
  await checkPage(page);
  await warning.getByRole('button', { name: ru.stay, exact: true }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  const session = db.select().from(sessions).where(eq(sessions.userId, staff.id)).get()!;
  expect(Date.now() - session.lastSeenAt.getTime()).toBeLessThan(5 * 60_000);
});

test('her language stays in the browser once her session is gone', async ({ page }) => {
  const user = await createUser({ locale: 'ky', email: `lang-${Date.now()}@test.example` });
  await page.goto('/login');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await submitSignIn(page, 'en', { identifier: user.email!, password: TEST_PASSWORD });
  await expect(page.locator('html')).toHaveAttribute('lang', 'ky');
  await page.context().clearCookies({ name: 'ishenim_session' });
  await page.goto('/login');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ky');
});
