// Staff read the programme dashboard in Kyrgyz with JavaScript off (issue 15): the charts are SVG
// images named by their titles and summaries, the figures sit in tables beside them, a filter
// narrows the view through the URL, and a table downloads as CSV (BOM, ";", Cyrillic). The test
// writes its own competition into the server's database (the demo seed is not relied on).
import { readFile } from 'node:fs/promises';
import { resources } from '~/i18n/resources';
import { createLocality, createUser } from '../support/factories';
import { createGrantWorld } from '../support/grant-factories';
import { createApplication, createHousehold } from '../support/programme-factories';
import { roundWorld, scoreWholeRound } from '../support/round-scenario';
import { expect, test } from './support/fixtures';
import { checkPageWithoutJavaScript } from './support/journeys';

const ky = resources.ky.dashboard;

test.use({ javaScriptEnabled: false });

test('staff read the dashboard in Kyrgyz without JavaScript, filter by village and download a table', async ({
  page,
  signInAs,
}) => {
  // One awarded application (the grant world's) in one village; two submitted in a second.
  const world = await createGrantWorld();
  const second = createLocality();
  for (const sector of ['livestock', 'sewing'] as const) {
    const family = await createUser({ roles: ['applicant'], locale: 'ky', localityId: second.id });
    const { household, members } = createHousehold({ localityId: second.id, user: family });
    createApplication({
      competition: world.competition,
      household,
      members,
      enteredBy: family,
      status: 'submitted',
      sector,
    });
  }
  const staff = await createUser({ roles: ['staff'], locale: 'ky' });
  await signInAs(staff);

  await page.goto('/');
  await page.getByRole('link', { name: ky.homeLink }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ky.title);

  await page
    .getByLabel(ky.filters.competition, { exact: true })
    .selectOption(String(world.competition.id));
  await page.getByRole('button', { name: ky.filters.apply }).click();
  await expect(page).toHaveURL(new RegExp(`competition=${world.competition.id}`));
  for (const title of [ky.villages.title, ky.sectors.title, ky.statuses.title, ky.funnel.title])
    await expect(page.getByRole('img', { name: title })).toBeVisible();
  await expect(
    page.getByRole('img', { name: ky.money.title.replace('{{currency}}', 'KGS') }),
  ).toBeVisible();
  // The competition chosen, its outcomes show too (no visits yet: the charts still draw).
  for (const title of [ky.survival.title, ky.agency.title, ky.jobs.title])
    await expect(page.getByRole('img', { name: title })).toBeVisible();
  await expect(
    page.getByRole('img', { name: ky.earnings.title.replace('{{currency}}', 'KGS') }),
  ).toBeVisible();
  const funnel = page.getByTestId('funnel-figures');
  await funnel.getByText(resources.ky.dashboard.chart.showFigures).click();
  const cells = (stage: keyof typeof ky.funnel.stages) =>
    funnel.getByRole('row', { name: ky.funnel.stages[stage] }).getByRole('cell');
  await expect(cells('applied')).toHaveText('3');
  await expect(cells('awarded')).toHaveText('1');
  await checkPageWithoutJavaScript(page);

  // The second village only: two applications, none awarded.
  await page.getByLabel(ky.filters.village, { exact: true }).selectOption(String(second.id));
  await page.getByRole('button', { name: ky.filters.apply }).click();
  await expect(page).toHaveURL(new RegExp(`village=${second.id}`));
  await funnel.getByText(resources.ky.dashboard.chart.showFigures).click();
  await expect(cells('applied')).toHaveText('2');
  await expect(cells('awarded')).toHaveText('0');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: `${ky.export.csv} ${ky.funnel.title}` }).click(),
  ]);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const lines = csv.slice(1).trimEnd().split('\r\n');
  expect(lines[0]).toBe(`${ky.funnel.label};${ky.funnel.value}`);
  expect(lines).toContain(`${ky.funnel.stages.applied};2`);
  expect(lines).toContain(`${ky.funnel.stages.awarded};0`);
});

test('without JavaScript, staff read each round’s scores and jurors’ spread, and a facilitator sees only her villages', async ({
  page,
  signInAs,
}) => {
  // The hand-worked harsh / lenient / middle round (tests/support/round-scenario.ts).
  const world = await roundWorld({ staffLocale: 'ky' });
  const roundId = scoreWholeRound(world);
  // Another village of the same competition, with an application of its own.
  const other = createLocality();
  const { household, members } = createHousehold({ localityId: other.id });
  createApplication({
    competition: world.competition,
    household,
    members,
    enteredBy: world.staff,
    status: 'submitted',
  });

  await signInAs(world.staff);
  await page.goto(`/staff/dashboard?competition=${world.competition.id}`);
  const round = 'Тур 1';
  await expect(
    page.getByRole('img', { name: ky.scores.title.replace('{{round}}', round) }),
  ).toBeVisible();
  await expect(
    page.getByRole('img', { name: ky.jurors.title.replace('{{round}}', round) }),
  ).toBeVisible();
  const spread = page.getByTestId(`jurors-${roundId}-figures`);
  await spread.getByText(ky.chart.showFigures).click();
  await expect(
    spread.getByRole('row', { name: world.jurors.harsh.name }).getByRole('cell'),
  ).toHaveText(['2', '25', '25', '35', '45', '45']);
  await expect(page.getByRole('img', { name: ky.consultations.villages })).toBeVisible();
  await expect(page.getByRole('img', { name: ky.training.title })).toBeVisible();
  await checkPageWithoutJavaScript(page);

  // A malformed period is said next to its fields, never a server error.
  await page.goto(
    `/staff/dashboard?competition=${world.competition.id}&from=2026-05-01&to=2026-04-01`,
  );
  await expect(page.getByRole('alert')).toHaveText(ky.period.invalid);

  const facilitator = await createUser({
    roles: ['facilitator'],
    locale: 'ky',
    worksIn: [world.village.id],
  });
  await signInAs(facilitator);
  await page.goto('/');
  await page.getByRole('link', { name: ky.own.link }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ky.own.facilitatorTitle);
  await expect(page.getByRole('img', { name: ky.villages.title })).toBeVisible();
  const villages = page.getByTestId('villages-figures');
  await villages.getByText(ky.chart.showFigures).click();
  await expect(villages.getByRole('row', { name: `round-village-${world.suffix} ky` })).toHaveCount(
    1,
  );
  await expect(page.getByText(`${other.code} ky`)).toHaveCount(0);

  // Her villages' table downloads as on the staff dashboard: her village, never the other.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: `${ky.export.csv} ${ky.villages.title}` }).click(),
  ]);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(csv.slice(1).trimEnd().split('\r\n')).toEqual([
    `${ky.villages.label};${ky.villages.value}`,
    `round-village-${world.suffix} ky;${await villages
      .getByRole('row', { name: `round-village-${world.suffix} ky` })
      .getByRole('cell')
      .textContent()}`,
  ]);
});
