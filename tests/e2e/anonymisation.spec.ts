// An administrator previews the anonymisation of the households past retention and runs it
// (issue 16): the run needs its box ticked, with or without JavaScript, and ends with a summary.
// The competition closed 51 years ago, past any retention an admin may set (at most 50 years), so
// the settings other specs change do not matter.
import { writeTransaction } from '~db/client';
import { updateCompetitionRow } from '~/models/competition.server';
import { findHouseholdOfUser } from '~/models/household.server';
import { createUser } from '../support/factories';
import { createGrantWorld } from '../support/grant-factories';
import { setGrantStatus } from '../support/outcome-view-factories';
import { checkPage, expect, test } from './support/fixtures';
import { textsIn, waitForHydration } from './support/journeys';

const YEAR = 365 * 24 * 60 * 60_000;

async function familyPastRetention() {
  const world = await createGrantWorld({ signed: true });
  writeTransaction((tx) =>
    updateCompetitionRow(tx, world.competition.id, {
      status: 'closed',
      closedAt: new Date(Date.now() - 51 * YEAR),
    }),
  );
  setGrantStatus(world.grant.id, 'completed');
  return world;
}

test('an admin previews and anonymises the households past retention, and sees the summary', async ({
  page,
  signInAs,
}) => {
  const texts = textsIn('en').admin.anonymisation;
  const world = await familyPastRetention();
  const admin = await createUser({ roles: ['admin'], locale: 'en' });
  await signInAs(admin);
  await page.goto('/admin/anonymisation');
  await waitForHydration(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(texts.title);
  await expect(page.getByRole('link', { name: texts.changeRetention })).toHaveAttribute(
    'href',
    '/admin/settings',
  );
  const preview = page.getByRole('region', { name: texts.previewTitle });
  await expect(preview.getByRole('row', { name: texts.kinds.members })).toContainText('4');
  await checkPage(page);

  const run = page.getByRole('button', { name: /^Anonymise \d+ household/ });
  await run.click();
  await expect(page.getByText(texts.confirmRequired)).toBeVisible();
  expect(findHouseholdOfUser(world.family.id)?.anonymisedAt).toBeNull();

  await page.getByLabel(texts.confirm).check();
  await run.click();
  const summary = page.getByRole('status', { name: texts.doneTitle });
  await expect(summary).toContainText(/households? (was|were) anonymised/);
  await expect(summary.getByRole('row', { name: texts.kinds.accounts })).toBeVisible();
  expect(findHouseholdOfUser(world.family.id)?.anonymisedAt).not.toBeNull();
  await expect(preview).toContainText(texts.none);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the run is refused until the box is ticked, then done', async ({
    page,
    signInAs,
    allowHttpErrors,
  }) => {
    // The unticked post is answered 400 with the field's error, as every form here.
    allowHttpErrors(400);
    const texts = textsIn('ru').admin.anonymisation;
    const world = await familyPastRetention();
    const admin = await createUser({ roles: ['admin'], locale: 'ru' });
    await signInAs(admin);
    await page.goto('/admin/anonymisation');
    const run = page.getByRole('button', { name: /^Обезличить/ });
    await run.click();
    await expect(page.getByText(texts.confirmRequired)).toBeVisible();
    expect(findHouseholdOfUser(world.family.id)?.anonymisedAt).toBeNull();
    await page.getByLabel(texts.confirm).check();
    await page.getByRole('button', { name: /^Обезличить/ }).click();
    await expect(page.getByRole('status', { name: texts.doneTitle })).toBeVisible();
    expect(findHouseholdOfUser(world.family.id)?.anonymisedAt).not.toBeNull();
  });
});
