// Staff read a competition's outcomes in Russian (issue 14): from the competition's page they open
// the outcomes, read survival, median income against the baseline, jobs and agency, see the chart,
// download the visits CSV (which carries no safeguarding note), open a grant's timeline, resolve
// its safeguarding concern, and close the competition with a reason. The test writes its own
// grants, baselines and visits into the server's database (the demo seed is not relied on).
import { readFile } from 'node:fs/promises';
import { formatMoney } from '~/i18n/format';
import { resources } from '~/i18n/resources';
import { createUser } from '../support/factories';
import { sessionCookieFor } from '../support/jury-factories';
import {
  createCompetitionWithGrants,
  insertBaseline,
  insertSafeguardingFlag,
  insertVisit,
} from '../support/outcome-view-factories';
import { checkPage, expect, test } from './support/fixtures';
import { checkPageWithoutJavaScript, fill, waitForHydration } from './support/journeys';

const ru = resources.ru.outcomes;
const som = (major: number) => major * 100;
const SECRET = 'Соседка слышала крики (e2e-safeguarding-5512)';

test('staff read the outcomes in Russian, download the visits, resolve a concern and close the competition', async ({
  page,
  signInAs,
}) => {
  test.setTimeout(90_000);
  // Three grants: baselines 6 000, 8 000, 10 000 som (median 8 000); at 3 months two operate and
  // one is paused (survival 100 %), household incomes 9 000, 11 000, 12 000 (median 11 000);
  // jobs 1.5 + 0.5 women, 1 man; one of three decides on her earnings alone or jointly at the
  // baseline, two of three at 3 months. Only the 3-month visits are recorded so far.
  const { world, grants, staff: recorder } = await createCompetitionWithGrants(3, 'monitoring');
  const incomes = [6_000, 8_000, 10_000];
  const visits = [
    { status: 'operating', revenue: 20_000, income: 9_000, women: 150, men: 0 },
    { status: 'operating', revenue: 12_000, income: 11_000, women: 50, men: 100 },
    { status: 'paused', revenue: 0, income: 12_000, women: 0, men: 0 },
  ] as const;
  grants.forEach((grant, i) => {
    insertBaseline(grant.id, recorder, {
      monthlyHouseholdIncome: som(incomes[i]!),
      decidesOwnEarnings: i === 0 ? 'herself' : 'husband',
    });
    const v = visits[i]!;
    insertVisit(
      grant.id,
      {
        month: 3,
        dueOn: '2025-05-01',
        businessStatus: v.status,
        monthlyRevenue: som(v.revenue),
        monthlyHouseholdIncome: som(v.income),
        jobsWomenHundredths: v.women,
        jobsMenHundredths: v.men,
        decidesOwnEarnings: i === 2 ? 'husband' : 'jointly-husband',
      },
      recorder,
    );
    insertVisit(grant.id, { month: 6, dueOn: i === 0 ? '2020-08-01' : '2099-08-01' });
  });
  const flag = insertSafeguardingFlag(grants[0]!.id, recorder, SECRET);

  const staff = await createUser({ roles: ['staff'], locale: 'ru' });
  await signInAs(staff);
  await page.goto(`/staff/competitions/${world.competition.id}`);
  await page.getByRole('link', { name: ru.figures.link }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(ru.title);
  await checkPage(page);

  const counts = page.getByTestId('outcome-counts');
  await expect(counts).toContainText(`${ru.figures.grants}3`);
  await expect(counts).toContainText(`${ru.figures.visitsOverdue}1`);
  const table = page.getByRole('table', { name: ru.figures.tableTitle });
  const row = (testId: string) => table.getByTestId(testId).getByRole('cell');
  await expect(row('row-survival')).toHaveText(['—', '100\u00a0%', '—', '—']);
  await expect(row('row-income')).toHaveText([
    formatMoney(som(8_000), 'KGS', 'ru'),
    formatMoney(som(11_000), 'KGS', 'ru'),
    '—',
    '—',
  ]);
  await expect(row('row-revenue').nth(1)).toHaveText(formatMoney(som(12_000), 'KGS', 'ru'));
  await expect(row('row-agency')).toHaveText(['33\u00a0%', '67\u00a0%', '—', '—']);
  await expect(page.getByTestId('outcome-jobs')).toContainText(`${ru.figures.jobsWomen}2`);
  await expect(page.getByTestId('outcome-jobs')).toContainText(`${ru.figures.jobsMen}1`);
  await expect(page.getByRole('img', { name: ru.figures.chartTitle })).toBeVisible();

  // The visits CSV: BOM, Russian headers, one row per visit, never the safeguarding note.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: ru.export.linkCsv }).click(),
  ]);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const lines = csv.slice(1).trim().split('\r\n');
  expect(lines[0]!.split(';')[0]).toBe(ru.export.reference);
  expect(lines).toHaveLength(1 + 6);
  expect(csv).not.toContain('e2e-safeguarding-5512');

  // The grant's timeline, and its concern, resolved with a note.
  await page.goto(`/staff/grants/${grants[0]!.id}`);
  const timeline = page.getByRole('table', { name: ru.timeline.title });
  await expect(timeline).toContainText(ru.timeline.baseline);
  await expect(timeline).toContainText(
    fill(ru.timeline.visitOverdue, { visit: ru.visitMonths['6'] }),
  );
  await expect(page.getByRole('img', { name: ru.timeline.chartTitle })).toBeVisible();
  const concern = page.getByTestId(`flag-${flag.id}`);
  await expect(concern).toContainText(SECRET);
  await checkPage(page);
  await concern.getByLabel(ru.timeline.resolveNote).fill('Передано в кризисный центр');
  await concern.getByRole('button', { name: ru.timeline.resolveButton }).click();
  await expect(
    page.getByRole('status').filter({ hasText: ru.timeline.resolvedDone }),
  ).toBeVisible();
  await expect(page.getByTestId(`flag-${flag.id}`).getByTestId('flag-resolved')).toContainText(
    'Передано в кризисный центр',
  );

  // Closing: the reason is required (shown next to the field), then the competition closes.
  await page.goto(`/staff/competitions/${world.competition.id}/outcomes`);
  await waitForHydration(page);
  await page.getByRole('button', { name: ru.close.button }).click();
  const reason = page.getByLabel(ru.close.reason);
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#close-reason-error')).toHaveText(
    resources.ru.errors.validation.required,
  );
  await reason.fill('Две семьи уехали, бизнес закрыт досрочно');
  await page.getByRole('button', { name: ru.close.button }).click();
  await expect(page.getByRole('status').filter({ hasText: ru.close.done })).toBeVisible();
  await expect(page.getByRole('button', { name: ru.close.button })).toHaveCount(0);
  await checkPage(page);
});

test('without JavaScript, the outcomes page shows its figures and a missing reason next to the field', async ({
  newBrowserPage,
  baseURL,
  allowHttpErrors,
}) => {
  allowHttpErrors(400);
  const { world, grants, staff: recorder } = await createCompetitionWithGrants(1, 'disbursing');
  insertBaseline(grants[0]!.id, recorder, { monthlyHouseholdIncome: som(7_000) });
  const staff = await createUser({ roles: ['staff'], locale: 'en' });
  const page = await newBrowserPage({ javaScriptEnabled: false });
  const [name, ...value] = (await sessionCookieFor(staff)).split('=');
  await page.context().addCookies([{ name: name!, value: value.join('='), url: baseURL! }]);
  const en = resources.en.outcomes;
  await page.goto(`/staff/competitions/${world.competition.id}/outcomes`);
  await expect(
    page
      .getByRole('table', { name: en.figures.tableTitle })
      .getByTestId('row-income')
      .getByRole('cell')
      .first(),
  ).toHaveText(formatMoney(som(7_000), 'KGS', 'en'));
  await page.getByRole('button', { name: en.close.button }).click();
  await expect(page.getByLabel(en.close.reason)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#close-reason-error')).toHaveText(
    resources.en.errors.validation.required,
  );
  await checkPageWithoutJavaScript(page);
  await page.getByLabel(en.close.reason).fill('The programme ended early');
  await page.getByRole('button', { name: en.close.button }).click();
  await expect(page.getByRole('status').filter({ hasText: en.close.done })).toBeVisible();
});
