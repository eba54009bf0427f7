// The programme dashboard (issue 15): every figure against an example worked out by hand, on a real
// SQLite file; the chart module draws labelled SVG whose figures table holds the chart's data; the
// exports (CSV with a BOM and ";" in Russian, XLSX read back) hold the same figures.
import ExcelJS from 'exceljs';
import { renderToString } from 'react-dom/server';
import { createElement, type ReactElement } from 'react';
import { beforeAll, describe, expect, test } from 'vitest';
import { sqlite } from '~db/client';
import type { User } from '~db/schema/people';
import { niceAxis } from '~/components/charts/axis';
import { BarChart, LineChart, StackedBarChart } from '~/components/charts/charts';
import { formatMoney } from '~/i18n/format';
import { TranslationProvider } from '~/i18n/react';
import { resources } from '~/i18n/resources';
import type { DashboardFilters } from '~/models/dashboard.server';
import { loader as csvLoader } from '~/routes/staff.dashboard.$table.csv/route';
import { loader as xlsxLoader } from '~/routes/staff.dashboard.$table.xlsx/route';
import { approveMoneyRequest, recordMoneyRequest } from '~/services/disbursement.server';
import {
  dashboardCharts,
  dashboardExportTable,
  dashboardFiltersFrom,
  dashboardOutcomes,
  dashboardQuery,
  type DashboardChart,
} from '~/services/dashboard-view.server';
import { dashboardMoneyOverTime } from '~/services/dashboard-activity-view.server';
import { tableCsv, tableXlsx } from '~/services/ledger-export.server';
import type { ApplicationStatus, Sector } from '~/schemas/enums';
import { browserRequest, createLocality, createUser } from '../support/factories';
import { createGrantWorld, createMoneyStaff, type GrantWorld } from '../support/grant-factories';
import { sessionCookieFor } from '../support/jury-factories';
import { createApplication, createHousehold } from '../support/programme-factories';
import { sessionUserOf } from '../support/session-user';
import {
  createCompetitionWithGrants,
  insertBaseline,
  insertVisit,
  type OutcomeWorld,
} from '../support/outcome-view-factories';
import { updateApplicationRow } from '~/models/application.server';
import { openGrantFor } from '~/services/grants.server';
import { writeTransaction } from '~db/client';

const som = (major: number) => major * 100;

/*
 * The example: one competition (budget 300 000 som) open to two fresh villages, V1 and V2.
 *
 *   V1  A1 awarded      crop-farming  grant 100 000, signed, first tranche paid
 *       A2 awarded      livestock     grant  50 000, not signed
 *       A3 draft        (never submitted)
 *       A4 ineligible   sewing
 *   V2  B1 shortlisted  livestock
 *       B2 not-selected livestock
 *       B3 eligible     sewing
 *       B4 submitted    trade
 *       a fifth family registered in V2 without an application
 *
 * Registered families: 4 in V1 + 5 in V2 = 9. Applied (submitted): 7 (all but A3).
 * By village: V2 4, V1 3. By sector: livestock 3, sewing 2, crop-farming 1, trade 1.
 * Eligible or further: A1, A2, B1, B2, B3 = 5; shortlisted or further: A1, A2, B1, B2 = 4;
 * awarded 2; paid 1 (A1).
 * Money: budgeted 300 000, awarded 150 000, committed (signed) 100 000, paid = A1's first tranche.
 * Village V2 only: registered 5, applied 4, eligible 3, shortlisted 2, awarded 0, paid 0.
 * Livestock only: registered 9 (a family has no sector), applied 3, eligible 3, shortlisted 3,
 * awarded 1, paid 0; money awarded 50 000, committed 0, paid 0.
 */
let world: GrantWorld;
let v1: number;
let v2: number;
let paid: number;
let staff: User;

async function apply(localityId: number, status: ApplicationStatus, sector: Sector) {
  const family = await createUser({ roles: ['applicant'], locale: 'ky', localityId });
  const { household, members } = createHousehold({ localityId, user: family });
  return createApplication({
    competition: world.competition,
    household,
    members,
    enteredBy: family,
    status,
    sector,
  });
}

beforeAll(async () => {
  const { staffA, staffB } = await createMoneyStaff();
  staff = staffA;
  world = await createGrantWorld({ signed: true });
  const first = world.tranches[0]!;
  const recorded = recordMoneyRequest(browserRequest(), sessionUserOf(staffA), world.grant.id, {
    kind: 'payment',
    trancheId: first.id,
    amount: first.amount,
    method: 'e-wallet',
    paidOn: new Date('2026-03-02T06:00:00Z'),
    reference: 'ODENGI-1',
  });
  if (!recorded.ok) throw new Error(recorded.error);
  const approved = approveMoneyRequest(
    browserRequest(),
    sessionUserOf(staffB),
    recorded.request.id,
  );
  if (!approved.ok) throw new Error(approved.error);
  paid = first.amount;

  v1 = (
    sqlite
      .prepare(
        'select h.locality_id as id from applications a join households h on h.id = a.household_id where a.id = ?',
      )
      .get(world.applicationId) as { id: number }
  ).id;
  v2 = createLocality().id;
  sqlite
    .prepare('insert into competition_localities (competition_id, locality_id) values (?, ?)')
    .run(world.competition.id, v2);

  const a2 = await apply(v1, 'awarded', 'livestock');
  writeTransaction((tx) => {
    const awarded = updateApplicationRow(tx, a2.id, { awardedAmount: som(50_000) });
    return openGrantFor(tx, awarded, world.competition, null);
  });
  await apply(v1, 'draft', 'crop-farming');
  await apply(v1, 'ineligible', 'sewing');
  await apply(v2, 'shortlisted', 'livestock');
  await apply(v2, 'not-selected', 'livestock');
  await apply(v2, 'eligible', 'sewing');
  await apply(v2, 'submitted', 'trade');
  createHousehold({ localityId: v2 });
});

const filters = (more: Partial<DashboardFilters> = {}): DashboardFilters => ({
  competitionId: world.competition.id,
  localityId: null,
  sector: null,
  ...more,
});

function figures(chart: DashboardChart | undefined) {
  return Object.fromEntries(chart!.bars.map((bar) => [bar.key, bar.value]));
}

const byKey = (charts: DashboardChart[], key: string) => charts.find((c) => c.key === key);

describe('the dashboard figures', () => {
  test('one competition: applications by village, sector and status, the funnel and the money', () => {
    const charts = dashboardCharts(filters(), 'en');
    const villageCodes = sqlite
      .prepare('select id, code from localities where id in (?, ?)')
      .all(v1, v2) as { id: number; code: string }[];
    const code = (id: number) => villageCodes.find((v) => v.id === id)!.code;
    expect(byKey(charts, 'villages')!.bars.map((b) => [b.key, b.value])).toEqual([
      [code(v2), 4],
      [code(v1), 3],
    ]);
    expect(figures(byKey(charts, 'sectors'))).toEqual({
      'crop-farming': 1,
      livestock: 3,
      sewing: 2,
      trade: 1,
    });
    expect(figures(byKey(charts, 'statuses'))).toEqual({
      draft: 1,
      submitted: 1,
      eligible: 1,
      ineligible: 1,
      shortlisted: 1,
      awarded: 2,
      'not-selected': 1,
    });
    expect(byKey(charts, 'funnel')!.bars.map((b) => [b.key, b.value])).toEqual([
      ['registered', 9],
      ['applied', 7],
      ['eligible', 5],
      ['shortlisted', 4],
      ['awarded', 2],
      ['paid', 1],
    ]);
    const money = byKey(charts, 'money-KGS')!;
    expect(money.bars.map((b) => [b.key, b.value])).toEqual([
      ['budgeted', som(300_000)],
      ['awarded', som(150_000)],
      ['committed', som(100_000)],
      ['paid', paid],
    ]);
    expect(money.bars[1]!.text).toBe(formatMoney(som(150_000), 'KGS', 'en'));
    expect(paid).toBeGreaterThan(0);
  });

  test('a village narrows every figure but the budget', () => {
    const charts = dashboardCharts(filters({ localityId: v2 }), 'en');
    expect(figures(byKey(charts, 'funnel'))).toEqual({
      registered: 5,
      applied: 4,
      eligible: 3,
      shortlisted: 2,
      awarded: 0,
      paid: 0,
    });
    expect(figures(byKey(charts, 'money-KGS'))).toEqual({
      budgeted: som(300_000),
      awarded: 0,
      committed: 0,
      paid: 0,
    });
    // Without the competition, the village alone gives the same applications (it is fresh).
    const all = dashboardCharts(filters({ competitionId: null, localityId: v2 }), 'en');
    expect(figures(byKey(all, 'funnel'))).toEqual(figures(byKey(charts, 'funnel')));
  });

  test('a sector narrows the applications, not the registered families', () => {
    const charts = dashboardCharts(filters({ sector: 'livestock' }), 'en');
    expect(figures(byKey(charts, 'funnel'))).toEqual({
      registered: 9,
      applied: 3,
      eligible: 3,
      shortlisted: 3,
      awarded: 1,
      paid: 0,
    });
    expect(figures(byKey(charts, 'money-KGS'))).toMatchObject({
      awarded: som(50_000),
      committed: 0,
      paid: 0,
    });
  });

  test('money paid by month, on the programme’s clock, and a period on the money’s own dates', () => {
    const [chart] = dashboardMoneyOverTime(filters(), 'en', 'Asia/Bishkek');
    expect(chart!.months).toEqual(['2026-03']);
    expect(chart!.series[0]!.values).toEqual([paid]);
    expect(chart!.series[0]!.points[0]!.text).toBe(formatMoney(paid, 'KGS', 'en'));
    // March 2026: the tranche was paid then; the grants were awarded and the applications
    // submitted when this test ran, not in March.
    const march = dashboardFiltersFrom(
      new URLSearchParams(`competition=${world.competition.id}&from=2026-03-01&to=2026-03-31`),
    );
    expect(figures(byKey(dashboardCharts(march, 'en'), 'money-KGS'))).toEqual({
      budgeted: som(300_000),
      awarded: 0,
      committed: 0,
      paid,
    });
    expect(figures(byKey(dashboardCharts(march, 'en'), 'funnel'))).toMatchObject({
      registered: 9,
      applied: 0,
    });
    const april = { ...march, from: new Date('2026-03-31T18:00:00Z'), to: null };
    expect(dashboardMoneyOverTime(april, 'en', 'Asia/Bishkek')).toEqual([]);
  });

  test('the filters come from the URL and go back into it; anything odd means all', () => {
    const read = dashboardFiltersFrom(
      new URLSearchParams(`competition=${world.competition.id}&village=${v2}&sector=trade`),
    );
    expect(read).toEqual({ competitionId: world.competition.id, localityId: v2, sector: 'trade' });
    expect(dashboardFiltersFrom(new URLSearchParams(dashboardQuery(read)))).toEqual(read);
    expect(
      dashboardFiltersFrom(new URLSearchParams('competition=abc&village=-1&sector=drop')),
    ).toEqual({ competitionId: null, localityId: null, sector: null });
  });

  test('labels and numbers are in the reader’s language', () => {
    const charts = dashboardCharts(filters(), 'ky');
    expect(byKey(charts, 'funnel')!.text.title).toBe(resources.ky.dashboard.funnel.title);
    expect(byKey(charts, 'sectors')!.bars.find((b) => b.key === 'livestock')!.label).toBe(
      resources.ky.common.sectors.livestock,
    );
    expect(byKey(charts, 'money-KGS')!.bars[0]!.text).toBe(formatMoney(som(300_000), 'KGS', 'ky'));
    expect(byKey(charts, 'money-KGS')!.bars[0]!.text).toContain('сом');
  });
});

function render(locale: 'ky' | 'en', element: ReactElement) {
  return renderToString(
    createElement(TranslationProvider, { locale, bundle: resources[locale] } as never, element),
  );
}

describe('the chart module', () => {
  test('a bar chart is a labelled SVG image whose figures table holds the chart’s data', () => {
    const chart = byKey(dashboardCharts(filters(), 'ky'), 'funnel')!;
    const html = render(
      'ky',
      createElement(BarChart, {
        id: 'funnel',
        text: chart.text,
        bars: chart.bars,
        axis: chart.axis,
      }),
    );
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-labelledby="funnel-title funnel-desc"');
    expect(html).toContain(`<title id="funnel-title">${chart.text.title}</title>`);
    expect(html).toContain(`<desc id="funnel-desc">${chart.text.description}</desc>`);
    expect(html).toContain(`<summary>${resources.ky.dashboard.chart.showFigures}</summary>`);
    const table = html.slice(html.indexOf('<table'), html.indexOf('</table>'));
    const rows = [
      ...table.matchAll(/<tr><th scope="row">(.*?)<\/th><td class="num">(.*?)<\/td><\/tr>/g),
    ].map((m) => [m[1], m[2]]);
    expect(rows).toEqual(chart.bars.map((bar) => [bar.label, bar.text]));
    // One drawn bar per figure, each a rect named by its label and value.
    const drawn = [...html.matchAll(/<rect [^>]*><title>(.*?)<\/title><\/rect>/g)].map((m) => m[1]);
    expect(drawn).toEqual(chart.bars.map((bar) => `${bar.label}: ${bar.text}`));
    expect(html).not.toContain('style=');
  });

  test('a line chart gives each series its own dash and marker, and a table of its points', () => {
    const axis = niceAxis([0, 12_000], (v) => String(v));
    // 12 000 in four round steps: steps of 5 000 up to 15 000.
    expect(axis).toEqual({
      max: 15_000,
      ticks: [0, 5_000, 10_000, 15_000].map((v) => ({ value: v, text: String(v) })),
    });
    const html = render(
      'en',
      createElement(LineChart, {
        id: 'line',
        text: { title: 'Money', description: 'Two lines', columns: ['When', 'A', 'B'] },
        xLabels: ['Baseline', '3 months'],
        series: [
          {
            key: 'a',
            label: 'A',
            points: [
              { value: 1, text: '1' },
              { value: 2, text: '2' },
            ],
          },
          {
            key: 'b',
            label: 'B',
            points: [
              { value: null, text: null },
              { value: 3, text: '3' },
            ],
          },
        ],
        axis: niceAxis([3], String),
      }),
    );
    expect(html).toContain('stroke-dasharray="6 4"');
    expect(html).toContain('<circle');
    expect(html).toContain('<rect');
    expect(html).toContain(
      '<tr><th scope="row">Baseline</th><td class="num">1</td><td class="num">—</td></tr>',
    );
  });
});

describe('the stacked bar chart', () => {
  test('each part is drawn with its own hatched fill, and the table holds every part and the total', () => {
    const html = render(
      'en',
      createElement(StackedBarChart, {
        id: 'held',
        text: {
          title: 'Consultations',
          description: 'Held, missed and cancelled by village.',
          columns: ['Village', 'Held', 'Missed', 'Cancelled', 'Total'],
        },
        series: ['Held', 'Missed', 'Cancelled'],
        bars: [
          {
            key: 'a',
            label: 'Ivanovka',
            values: [
              { value: 5, text: '5' },
              { value: 2, text: '2' },
              { value: 0, text: '0' },
            ],
            totalText: '7',
          },
        ],
        axis: niceAxis([7], String),
      }),
    );
    expect(html).toContain('role="img"');
    expect(html).toContain('<pattern id="held-fill-1"');
    const drawn = [...html.matchAll(/<rect [^>]*><title>(.*?)<\/title><\/rect>/g)].map((m) => m[1]);
    // A part of zero draws nothing; the table still names it.
    expect(drawn).toEqual(['Ivanovka, Held: 5', 'Ivanovka, Missed: 2']);
    expect(html).toContain(
      '<tr><th scope="row">Ivanovka</th><td class="num">5</td><td class="num">2</td><td class="num">0</td><td class="num">7</td></tr>',
    );
    expect(html).not.toContain('style=');
  });
});

describe('the dashboard exports', () => {
  test('the CSV has a BOM, ";" and Cyrillic in Russian; the XLSX holds the same figures', async () => {
    const table = dashboardExportTable(filters(), 'funnel', 'ru');
    const csv = tableCsv(table, { delimiter: ';' });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n').slice(0, 3)).toEqual([
      `${resources.ru.dashboard.funnel.label};${resources.ru.dashboard.funnel.value}`,
      `${resources.ru.dashboard.funnel.stages.registered};9`,
      `${resources.ru.dashboard.funnel.stages.applied};7`,
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await tableXlsx(dashboardExportTable(filters(), 'money', 'ru'))) as unknown as ArrayBuffer,
    );
    const rows: unknown[][] = [];
    workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows.slice(1)).toEqual([
      [`${resources.ru.dashboard.money.kinds.budgeted} (KGS)`, 300_000],
      [`${resources.ru.dashboard.money.kinds.awarded} (KGS)`, 150_000],
      [`${resources.ru.dashboard.money.kinds.committed} (KGS)`, 100_000],
      [`${resources.ru.dashboard.money.kinds.paid} (KGS)`, paid / 100],
    ]);
  });

  test('the routes give staff the files with the filters applied and refuse a family', async () => {
    const call = async (loader: typeof csvLoader, table: string, user: { id: number }) => {
      try {
        return await loader({
          request: browserRequest(
            `http://localhost:3999/staff/dashboard/${table}/csv?competition=${world.competition.id}&village=${v2}`,
            { cookie: await sessionCookieFor(user) },
          ),
          params: { table },
          context: {},
        });
      } catch (thrown) {
        if (thrown instanceof Response) return thrown;
        throw thrown;
      }
    };
    const csv = await call(csvLoader, 'funnel', staff);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text).toBe(
      tableCsv(dashboardExportTable(filters({ localityId: v2 }), 'funnel', 'ru'), {
        delimiter: ';',
      }),
    );
    expect(text).toContain(`${resources.ru.dashboard.funnel.stages.registered};5`);
    expect((await call(csvLoader, 'nonsense', staff)).status).toBe(404);
    expect((await call(xlsxLoader, 'money', staff)).headers.get('content-type')).toContain(
      'spreadsheetml',
    );
    expect((await call(csvLoader, 'funnel', world.family)).status).toBeGreaterThanOrEqual(300);
  });
});

/*
 * The outcomes example, a competition of its own with three grants (som; stored ×100):
 *
 *        baseline income, who decides | 3 months            | 6 months           | 12 months
 *   A    10 000 husband               | operating 15 000/12 000 jobs 1/0 | operating 18 000/13 000 | operating 20 000/14 000 jobs 1.5/0.5 herself
 *   B     8 000 herself (say)         | paused 0/9 000      | operating 6 000/10 000 | due 2099
 *   C    12 000 jointly-husband (say) | closed 0/11 000     | —                  | due 2099
 *
 * Survival (operating or paused): 3 months 2/3 = 66.7 %, 6 months 2/2 = 100 %, 12 months 1/1.
 * Median revenue: 3 months 0 (0, 0, 15 000), 6 months (6 000 + 18 000) / 2 = 12 000, 12: 20 000.
 * Median income: baseline 10 000; 3 months 11 000; 6 months 11 500; 12 months 14 000.
 * Agency: baseline 2 of 3 = 66.7 %; 12 months 1 of 1 = 100 %.
 * Jobs at each grant's latest visit: A 1.5 women / 0.5 men (12 months), B 0/0, C 0/0.
 */
describe('the outcomes on the dashboard', () => {
  let outcomes: OutcomeWorld;
  beforeAll(async () => {
    outcomes = await createCompetitionWithGrants(3);
    const [a, b, c] = outcomes.grants.map((g) => g.id) as [number, number, number];
    const by = outcomes.staff;
    insertBaseline(a, by, { monthlyHouseholdIncome: som(10_000), decidesOwnEarnings: 'husband' });
    insertBaseline(b, by, { monthlyHouseholdIncome: som(8_000), decidesOwnEarnings: 'herself' });
    insertBaseline(c, by, {
      monthlyHouseholdIncome: som(12_000),
      decidesOwnEarnings: 'jointly-husband',
    });
    const visit = (
      grantId: number,
      month: 3 | 6 | 12,
      businessStatus: 'operating' | 'paused' | 'closed',
      revenue: number,
      income: number,
      jobs: [number, number] = [0, 0],
      decidesOwnEarnings: 'herself' | null = null,
    ) =>
      insertVisit(
        grantId,
        {
          month,
          dueOn: month === 3 ? '2025-05-01' : month === 6 ? '2025-08-01' : '2026-02-01',
          businessStatus,
          monthlyRevenue: som(revenue),
          monthlyCosts: 0,
          monthlyHouseholdIncome: som(income),
          jobsWomenHundredths: jobs[0],
          jobsMenHundredths: jobs[1],
          decidesOwnEarnings,
        },
        by,
      );
    visit(a, 3, 'operating', 15_000, 12_000, [100, 0]);
    visit(b, 3, 'paused', 0, 9_000);
    visit(c, 3, 'closed', 0, 11_000);
    visit(a, 6, 'operating', 18_000, 13_000);
    visit(b, 6, 'operating', 6_000, 10_000);
    visit(a, 12, 'operating', 20_000, 14_000, [150, 50], 'herself');
    insertVisit(b, { month: 12, dueOn: '2099-01-01' });
    insertVisit(c, { month: 12, dueOn: '2099-01-01' });
  });

  const chosen = (): DashboardFilters => ({
    competitionId: outcomes.world.competition.id,
    localityId: null,
    sector: null,
  });
  const pairs = (bars: { key: string; value: number }[]) => bars.map((b) => [b.key, b.value]);

  test('survival, earnings, jobs and agency match the example worked out by hand', () => {
    const section = dashboardOutcomes(chosen(), 'en')!;
    expect(pairs(section.survival.bars)).toEqual([
      ['3', 66.7],
      ['6', 100],
      ['12', 100],
    ]);
    expect(section.survival.bars[0]!.text).toBe('67%');
    expect(pairs(section.agency.bars)).toEqual([
      ['baseline', 66.7],
      ['12', 100],
    ]);
    expect(pairs(section.jobs.bars)).toEqual([
      ['women', 150],
      ['men', 50],
    ]);
    expect(section.jobs.bars.map((b) => b.text)).toEqual(['1.5', '0.5']);
    expect(section.earnings.series.map((s) => [s.key, s.values])).toEqual([
      ['revenue', [null, 0, som(12_000), som(20_000)]],
      ['income', [som(10_000), som(11_000), som(11_500), som(14_000)]],
    ]);
    expect(section.earnings.series[1]!.points[3]!.text).toBe(formatMoney(som(14_000), 'KGS', 'en'));
    // A village or a sector does not narrow the outcomes; all competitions show none.
    expect(dashboardOutcomes({ ...chosen(), sector: 'trade' }, 'en')!.survival.bars).toEqual(
      section.survival.bars,
    );
    expect(dashboardOutcomes({ ...chosen(), competitionId: null }, 'en')).toBeNull();
  });

  test('the outcome tables export in the reader’s language, as the charts show them', async () => {
    const section = dashboardOutcomes(chosen(), 'ru')!;
    expect(section.survival.text.title).toBe(resources.ru.dashboard.survival.title);
    const survival = tableCsv(dashboardExportTable(chosen(), 'survival', 'ru'), {
      delimiter: ';',
    });
    expect(survival.slice(1).split('\r\n').slice(0, 4)).toEqual([
      `${resources.ru.dashboard.survival.label};${resources.ru.dashboard.survival.exportValue}`,
      `${section.survival.bars[0]!.label};66,7`,
      `${section.survival.bars[1]!.label};100`,
      `${section.survival.bars[2]!.label};100`,
    ]);
    const earnings = tableCsv(dashboardExportTable(chosen(), 'earnings', 'ru'), {
      delimiter: ';',
    });
    expect(earnings.slice(1).split('\r\n').slice(1, 3)).toEqual([
      `${section.earnings.xLabels[0]};;10000,00`,
      `${section.earnings.xLabels[1]};0,00;11000,00`,
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await tableXlsx(dashboardExportTable(chosen(), 'jobs', 'ru'))) as unknown as ArrayBuffer,
    );
    const rows: unknown[][] = [];
    workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows.slice(1)).toEqual([
      [resources.ru.outcomes.figures.jobsWomen, 1.5],
      [resources.ru.outcomes.figures.jobsMen, 0.5],
    ]);
    // All competitions: the table is there, empty.
    expect([
      ...dashboardExportTable({ ...chosen(), competitionId: null }, 'jobs', 'ru').rows,
    ]).toEqual([]);
  });

  test('the outcome charts draw labelled SVG without inline styles', () => {
    const section = dashboardOutcomes(chosen(), 'ky')!;
    const html = render(
      'ky',
      createElement(BarChart, {
        id: section.survival.key,
        text: section.survival.text,
        bars: section.survival.bars,
        axis: section.survival.axis,
      }),
    );
    expect(html).toContain('role="img"');
    expect(html).toContain(resources.ky.dashboard.survival.title);
    expect(html).not.toContain('style=');
  });
});
