// The dashboard's consultations and training (issue 15), against an example worked out by hand on
// a real SQLite file, with and without a period; the stacked chart's table equals its data; the
// exports parse back (CSV with a BOM and Cyrillic, XLSX read with exceljs); a facilitator's and a
// consultant's own dashboards download the tables their pages show, narrowed as the pages are.
import ExcelJS from 'exceljs';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { beforeAll, describe, expect, test } from 'vitest';
import { sqlite } from '~db/client';
import { StackedBarChart } from '~/components/charts/charts';
import { TranslationProvider } from '~/i18n/react';
import { resources } from '~/i18n/resources';
import type { DashboardFilters } from '~/models/dashboard.server';
import {
  dashboardConsultations,
  dashboardTraining,
} from '~/services/dashboard-activity-view.server';
import {
  dashboardExportTable,
  dashboardFiltersFrom,
  dashboardPage,
} from '~/services/dashboard-view.server';
import { tableCsv, tableXlsx } from '~/services/ledger-export.server';
import { createSlot } from '../support/booking-factories';
import { insertBooking } from '../support/consultation-factories';
import { createLocality, createUser } from '../support/factories';
import { loadAs } from '../support/download';
import { csvOf, sheetOf } from '../support/export-reading';
import { loader as facilitatorLoader } from '~/routes/facilitator.dashboard/route';
import { loader as consultantLoader } from '~/routes/consultant.dashboard/route';
import { loader as facilitatorDownload } from '~/routes/facilitator.dashboard_.$table.$format/route';
import { loader as consultantDownload } from '~/routes/consultant.dashboard_.$table.$format/route';
import { consultantDashboard, facilitatorDashboard } from '~/services/dashboard-own-view.server';
import {
  createApplication,
  createCompetition,
  createHousehold,
} from '../support/programme-factories';

/*
 * The example: a competition asking for 2 training sessions, in two fresh villages V1 and V2.
 * Families F1, F2 in V1 and F3 in V2 applied; F4 registered in V2 without applying.
 *
 * Consultations (the village is the family's):
 *   slot s1 Айгүл  2025-03-10  F1 attended
 *   slot s2 Айгүл  2025-03-20  F2 family no-show
 *   slot s3 Бакыт  2025-04-05  F3 attended
 *   slot s4 Бакыт  2025-04-06  F3 cancelled; F1 consultant no-show
 * By village: V1 held 1, missed 2, cancelled 0; V2 held 1, missed 0, cancelled 1.
 * By consultant: Айгүл held 1, missed 1; Бакыт held 1, missed 1, cancelled 1.
 * April 2025 only: V1 missed 1; V2 held 1, cancelled 1; Бакыт alone, with all three.
 *
 * Training:
 *   t1 V1 2025-03-05: F1's kelin present, F2's kelin present
 *   t2 V1 2025-04-02: F1's kelin present, F2's kelin absent
 *   t3 V2 2025-04-03 cancelled: F3's kelin marked present (does not count)
 *   t4 V2 2099-01-01: not held yet
 * Sessions held 2, families attended 2 (F1, F2); registered 4; met the requirement of 2: F1 only,
 * 1 of 4 = 25 %. April 2025: sessions 1, families 1 (F1); registered and met are not dated.
 */
let filtersOf: (more?: Partial<DashboardFilters>) => DashboardFilters;
let v1: number;
let v2: number;
let names: { v1: string; v2: string };
let kyNames: { v1: string; v2: string };
let ruNames: { v1: string; v2: string };
let v2Code: string;
let gulzat: { id: number };
let bakytId: number;
let aigulId: number;

beforeAll(async () => {
  const staff = await createUser({ roles: ['staff'] });
  const aigul = await createUser({ roles: ['consultant'], name: 'Айгүл Сыдыкова' });
  const bakyt = await createUser({ roles: ['consultant'], name: 'Бакыт Осмонов', locale: 'ru' });
  const l1 = createLocality();
  const l2 = createLocality();
  v1 = l1.id;
  v2 = l2.id;
  names = { v1: l1.nameEn, v2: l2.nameEn };
  kyNames = { v1: l1.nameKy, v2: l2.nameKy };
  ruNames = { v1: l1.nameRu, v2: l2.nameRu };
  v2Code = l2.code;
  gulzat = await createUser({ roles: ['facilitator'], worksIn: [v1], locale: 'en' });
  bakytId = bakyt.id;
  aigulId = aigul.id;
  const competition = createCompetition({ localityIds: [v1, v2], requiredTrainingSessions: 2 });
  filtersOf = (more = {}) => ({
    competitionId: competition.id,
    localityId: null,
    sector: null,
    ...more,
  });
  const family = (localityId: number) => {
    const { household, members } = createHousehold({ localityId });
    const application = createApplication({
      competition,
      household,
      members,
      enteredBy: staff,
      status: 'submitted',
    });
    return { household, kelin: members[0]!, application };
  };
  const f1 = family(v1);
  const f2 = family(v1);
  const f3 = family(v2);
  createHousehold({ localityId: v2 });

  const slot = (consultantId: number, localityId: number, day: string) =>
    createSlot({ consultantId, localityId, startsAt: new Date(`${day}T04:00:00Z`), capacity: 2 });
  const s1 = slot(aigul.id, v1, '2025-03-10');
  const s2 = slot(aigul.id, v1, '2025-03-20');
  const s3 = slot(bakyt.id, v2, '2025-04-05');
  const s4 = slot(bakyt.id, v2, '2025-04-06');
  const book = (
    slotId: number,
    f: typeof f1,
    attendance: 'attended' | 'family-no-show' | 'consultant-no-show' | null,
    status: 'booked' | 'cancelled' = 'booked',
  ) => {
    const booking = insertBooking({
      slotId,
      applicationId: f.application.id,
      householdId: f.household.id,
      bookedById: staff.id,
      status,
    });
    if (attendance)
      sqlite
        .prepare('update consultation_bookings set attendance = ? where id = ?')
        .run(attendance, booking.id);
  };
  book(s1.id, f1, 'attended');
  book(s2.id, f2, 'family-no-show');
  book(s3.id, f3, 'attended');
  book(s4.id, f3, null, 'cancelled');
  book(s4.id, f1, 'consultant-no-show');

  const session = (localityId: number, day: string, status = 'scheduled') =>
    Number(
      sqlite
        .prepare(
          `insert into training_sessions (topic, starts_at, minutes, place, locality_id,
            trainer_name, created_by_id, status, created_at, updated_at)
           values ('financial-literacy', ?, 90, 'Клуб', ?, 'Тренер', ?, ?, 0, 0)`,
        )
        .run(Date.parse(`${day}T04:00:00Z`), localityId, staff.id, status).lastInsertRowid,
    );
  const mark = (sessionId: number, f: typeof f1, present: boolean) =>
    sqlite
      .prepare(
        `insert into training_attendance (session_id, member_id, household_id, present,
          recorded_by_id, recorded_at) values (?, ?, ?, ?, ?, 0)`,
      )
      .run(sessionId, f.kelin.id, f.household.id, present ? 1 : 0, staff.id);
  const t1 = session(v1, '2025-03-05');
  const t2 = session(v1, '2025-04-02');
  const t3 = session(v2, '2025-04-03', 'cancelled');
  session(v2, '2099-01-01');
  mark(t1, f1, true);
  mark(t1, f2, true);
  mark(t2, f1, true);
  mark(t2, f2, false);
  mark(t3, f3, true);
});

const april = () =>
  dashboardFiltersFrom(
    new URLSearchParams(`competition=${filtersOf().competitionId}&from=2025-04-01&to=2025-04-30`),
  );

const parts = (chart: ReturnType<typeof dashboardConsultations>[number]) =>
  Object.fromEntries(chart.bars.map((bar) => [bar.label, bar.values.map((v) => v.value)]));

describe('consultations on the dashboard', () => {
  test('held, missed and cancelled by the family’s village and by consultant', () => {
    const [villages, consultants] = dashboardConsultations(filtersOf(), 'en');
    expect(parts(villages!)).toEqual({ [names.v1]: [1, 2, 0], [names.v2]: [1, 0, 1] });
    expect(parts(consultants!)).toEqual({
      'Айгүл Сыдыкова': [1, 1, 0],
      'Бакыт Осмонов': [1, 1, 1],
    });
    expect(villages!.text.description).toBe('2 held, 2 missed, 1 cancelled.');
  });

  test('a period counts consultations by their time; a village narrows to its families', () => {
    const [villages, consultants] = dashboardConsultations(april(), 'en');
    expect(parts(villages!)).toEqual({ [names.v1]: [0, 1, 0], [names.v2]: [1, 0, 1] });
    expect(parts(consultants!)).toEqual({ 'Бакыт Осмонов': [1, 1, 1] });
    const [onlyV2] = dashboardConsultations(filtersOf({ localityId: v2 }), 'en');
    expect(parts(onlyV2!)).toEqual({ [names.v2]: [1, 0, 1] });
  });

  test('the stacked chart’s table holds every part and the total the chart draws', () => {
    const [villages] = dashboardConsultations(filtersOf(), 'ky');
    const html = renderToString(
      createElement(
        TranslationProvider,
        { locale: 'ky', bundle: resources.ky } as never,
        createElement(StackedBarChart, {
          id: villages!.key,
          text: villages!.text,
          series: villages!.series,
          bars: villages!.bars,
          axis: villages!.axis,
        }),
      ),
    );
    expect(html).toContain('role="img"');
    const rows = [
      ...html.slice(html.indexOf('<tbody')).matchAll(/<tr><th scope="row">(.*?)<\/th>(.*?)<\/tr>/g),
    ].map((m) => [m[1], ...[...m[2]!.matchAll(/<td class="num">(.*?)<\/td>/g)].map((c) => c[1])]);
    expect(rows).toEqual(
      villages!.bars.map((bar) => [bar.label, ...bar.values.map((v) => v.text), bar.totalText]),
    );
  });
});

describe('training on the dashboard', () => {
  test('sessions held, families attended, and the share meeting the requirement', () => {
    const training = dashboardTraining(filtersOf(), 'en');
    expect(Object.fromEntries(training.bars.map((b) => [b.key, b.value]))).toEqual({
      sessions: 2,
      families: 2,
      registered: 4,
      met: 1,
    });
    expect(training.requirement).toBe(
      '25% of registered families met the competition’s requirement of 2 sessions.',
    );
  });

  test('a period narrows the sessions, not who registered or met the requirement', () => {
    const training = dashboardTraining(april(), 'en');
    expect(Object.fromEntries(training.bars.map((b) => [b.key, b.value]))).toEqual({
      sessions: 1,
      families: 1,
      registered: 4,
      met: 1,
    });
  });
});

describe('the period in the URL', () => {
  test('two days become the first day’s start and the day after the last, on Bishkek’s clock', () => {
    const filters = april();
    expect(filters.from?.toISOString()).toBe('2025-03-31T18:00:00.000Z');
    expect(filters.to?.toISOString()).toBe('2025-04-30T18:00:00.000Z');
    expect(filters.period).toEqual({ from: '2025-04-01', to: '2025-04-30' });
    // The page says what the period means, with the days as the reader writes dates.
    expect(dashboardPage(filters, 'en').periodNote).toMatch(
      /^Period 1 April 2025 – 30 April 2025: applications by the day they were submitted/,
    );
  });

  test('a malformed or reversed period means no period', () => {
    for (const query of ['from=2025-13-01', 'from=2025-05-01&to=2025-04-01', 'to=yesterday']) {
      const filters = dashboardFiltersFrom(new URLSearchParams(query));
      expect(filters.from ?? null).toBeNull();
      expect(filters.period).toBeUndefined();
    }
  });
});

describe('the consultations and training exports', () => {
  test('the consultants’ CSV has a BOM and Cyrillic; the training XLSX holds the figures', async () => {
    const csv = tableCsv(dashboardExportTable(filtersOf(), 'consultation-consultants', 'ru'), {
      delimiter: ';',
    });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(
      [
        resources.ru.dashboard.consultations.consultant,
        ...Object.values(resources.ru.dashboard.consultations.series),
        resources.ru.dashboard.consultations.total,
      ].join(';'),
    );
    expect(lines.slice(1)).toEqual(['Айгүл Сыдыкова;1;1;0;2', 'Бакыт Осмонов;1;1;1;3']);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await tableXlsx(
        dashboardExportTable(filtersOf(), 'training', 'en'),
      )) as unknown as ArrayBuffer,
    );
    const rows: unknown[][] = [];
    workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows.slice(1)).toEqual([
      ['Sessions held', 2],
      ['Families attended', 2],
      ['Registered families', 4],
      ['Met the training requirement', 1],
    ]);
  });
});

describe('a facilitator’s and a consultant’s own dashboards', () => {
  test('a facilitator sees her village’s figures, never another village’s', () => {
    const own = facilitatorDashboard(gulzat.id, filtersOf(), 'en');
    expect(own.villages.map((v) => v.name)).toEqual([names.v1]);
    expect(parts(own.consultations[0]!)).toEqual({ [names.v1]: [1, 2, 0] });
    const villages = own.charts.find((c) => c.key === 'villages')!;
    expect(villages.bars.map((b) => [b.label, b.value])).toEqual([[names.v1, 2]]);
    expect(own.charts.find((c) => c.key === 'funnel')!.bars[0]!.value).toBe(2);
    // Training: t1 and t2 in her village; F3's cancelled session in V2 is not hers anyway.
    expect(Object.fromEntries(own.training.bars.map((b) => [b.key, b.value]))).toMatchObject({
      sessions: 2,
      families: 2,
      registered: 2,
    });
    expect(own.charts.some((c) => c.table === 'money')).toBe(false);
    // Choosing another village in the URL gives nothing of it.
    const other = facilitatorDashboard(gulzat.id, filtersOf({ localityId: v2 }), 'en');
    expect(other.consultations[0]!.bars).toEqual([]);
    expect(other.charts.find((c) => c.key === 'funnel')!.bars[0]!.value).toBe(0);
  });

  test('the facilitator page holds her village and not the other; a consultant sees his own', async () => {
    const get = loadAs;
    const page = JSON.stringify(
      await (await get(facilitatorLoader, '/facilitator/dashboard', gulzat)).json(),
    );
    expect(page).toContain(names.v1);
    expect(page).not.toContain(names.v2);
    expect((await get(facilitatorLoader, '/facilitator/dashboard', { id: bakytId })).status).toBe(
      403,
    );
    const mine = await (
      await get(consultantLoader, '/consultant/dashboard?from=2025-04-01', { id: bakytId })
    ).json();
    expect(mine.consultations[0].bars.map((b: { label: string }) => b.label).sort()).toEqual(
      [ruNames.v1, ruNames.v2].sort(),
    );
    expect(
      parts(
        consultantDashboard(bakytId, filtersOf({ competitionId: null }), 'en').consultations[0]!,
      ),
    ).toEqual({
      [names.v1]: [0, 1, 0],
      [names.v2]: [1, 0, 1],
    });
    const refused = await get(
      consultantLoader,
      '/consultant/dashboard?from=2025-05-01&to=2025-04-01',
      { id: bakytId },
    );
    expect((await refused.json()).period.invalid).toBe(true);
  });
});

/** A dashboard table as its page's loader gives it: the label, then each figure (and a total). */
type PageChart = {
  key: string;
  bars: { label: string; value?: number; values?: { value: number }[] }[];
};
const pageRows = (chart: PageChart) =>
  chart.bars.map((bar) =>
    bar.values
      ? [bar.label, ...bar.values.map((v) => v.value), bar.values.reduce((a, v) => a + v.value, 0)]
      : [bar.label, bar.value!],
  );
const csvRows = (lines: string[], delimiter: string) =>
  lines.slice(1).map((line) => line.split(delimiter));
const asText = (rows: (string | number)[][]) => rows.map((row) => row.map(String));
const sheetRows = (sheet: Awaited<ReturnType<typeof sheetOf>>) => {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
};
const byLabel = (a: (string | number)[], b: (string | number)[]) =>
  String(a[0]).localeCompare(String(b[0]));

describe('the downloads of a facilitator’s and a consultant’s own dashboards', () => {
  const FACILITATOR_TABLES = [
    'villages',
    'sectors',
    'statuses',
    'funnel',
    'consultation-villages',
    'training',
  ];

  test('a facilitator downloads every table of her page: its figures, her village only, in Kyrgyz', async () => {
    const ainura = await createUser({ roles: ['facilitator'], worksIn: [v1], locale: 'ky' });
    const query = `competition=${filtersOf().competitionId}`;
    const page = await (
      await loadAs(facilitatorLoader, `/facilitator/dashboard?${query}`, ainura)
    ).json();
    const charts: PageChart[] = [...page.charts, ...page.consultations, page.training];
    expect(charts.map((c) => c.key).sort()).toEqual([...FACILITATOR_TABLES].sort());
    const files: Record<string, string[][]> = {};
    for (const table of FACILITATOR_TABLES) {
      const response = await loadAs(
        facilitatorDownload,
        `/facilitator/dashboard/${table}/csv?${query}`,
        ainura,
        { table, format: 'csv' },
      );
      expect(response.headers.get('content-type')).toContain('text/csv');
      const { csv, lines } = await csvOf(response);
      expect(csv.startsWith('\uFEFF')).toBe(true);
      expect(csv).not.toContain(v2Code);
      files[table] = csvRows(lines, ';');
      // The page's own table, figure for figure.
      expect(files[table]).toEqual(asText(pageRows(charts.find((c) => c.key === table)!)));
    }
    // By hand: F1 and F2 applied in V1; V1's consultations held 1, missed 2; training as above.
    const ky = resources.ky.dashboard;
    expect(files.villages).toEqual([[kyNames.v1, '2']]);
    expect(files.funnel!.slice(0, 2)).toEqual([
      [ky.funnel.stages.registered, '2'],
      [ky.funnel.stages.applied, '2'],
    ]);
    expect(files['consultation-villages']).toEqual([[kyNames.v1, '1', '2', '0', '3']]);
    expect(files.training).toEqual([
      [ky.training.rows.sessions, '2'],
      [ky.training.rows.families, '2'],
      [ky.training.rows.registered, '2'],
      [ky.training.rows.met, '1'],
    ]);
    const header = await csvOf(
      await loadAs(facilitatorDownload, `/facilitator/dashboard/villages/csv?${query}`, ainura, {
        table: 'villages',
        format: 'csv',
      }),
    );
    expect(header.lines[0]).toBe(`${ky.villages.label};${ky.villages.value}`);

    // Excel: the same figures as typed numbers, the header frozen.
    const sheet = await sheetOf(
      await loadAs(
        facilitatorDownload,
        `/facilitator/dashboard/consultation-villages/xlsx?${query}`,
        ainura,
        { table: 'consultation-villages', format: 'xlsx' },
      ),
    );
    expect(sheetRows(sheet)).toEqual([
      [ky.consultations.village, ...Object.values(ky.consultations.series), ky.consultations.total],
      [kyNames.v1, 1, 2, 0, 3],
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  test('another village in a facilitator’s URL gives nothing of it; tables not on her page are not found', async () => {
    const query = `competition=${filtersOf().competitionId}&village=${v2}`;
    const rowsOf = async (table: string) => {
      const response = await loadAs(
        facilitatorDownload,
        `/facilitator/dashboard/${table}/csv?${query}`,
        gulzat,
        { table, format: 'csv' },
      );
      return csvRows((await csvOf(response)).lines, ',');
    };
    expect(await rowsOf('villages')).toEqual([]);
    expect(await rowsOf('consultation-villages')).toEqual([]);
    expect((await rowsOf('funnel')).every((row) => row[1] === '0')).toBe(true);
    for (const [table, format] of [
      ['money', 'csv'],
      ['consultation-consultants', 'xlsx'],
      ['villages', 'pdf'],
    ] as const)
      expect(
        (
          await loadAs(facilitatorDownload, `/facilitator/dashboard/${table}/${format}`, gulzat, {
            table,
            format,
          })
        ).status,
      ).toBe(404);
  });

  test('a consultant downloads his own consultations over the page’s period, in Russian', async () => {
    const cid = filtersOf().competitionId;
    // The competition and village in the URL do not narrow his page: only the period does.
    for (const [query, expected] of [
      [
        '',
        [
          [ruNames.v1, 0, 1, 0, 1],
          [ruNames.v2, 1, 0, 1, 2],
        ],
      ],
      [
        `from=2025-04-06&to=2025-04-06&competition=${cid}&village=${v2}`,
        [
          [ruNames.v1, 0, 1, 0, 1],
          [ruNames.v2, 0, 0, 1, 1],
        ],
      ],
    ] as const) {
      const page = await (
        await loadAs(consultantLoader, `/consultant/dashboard?${query}`, { id: bakytId })
      ).json();
      const { csv, lines } = await csvOf(
        await loadAs(
          consultantDownload,
          `/consultant/dashboard/consultation-villages/csv?${query}`,
          { id: bakytId },
          { table: 'consultation-villages', format: 'csv' },
        ),
      );
      expect(csv.startsWith('\uFEFF')).toBe(true);
      expect(lines[0]).toBe(
        [
          resources.ru.dashboard.consultations.village,
          ...Object.values(resources.ru.dashboard.consultations.series),
          resources.ru.dashboard.consultations.total,
        ].join(';'),
      );
      expect(csvRows(lines, ';')).toEqual(asText(pageRows(page.consultations[0])));
      const hand = expected.map((row) => [...row]).sort(byLabel);
      expect(csvRows(lines, ';').sort(byLabel)).toEqual(asText(hand));
      const sheet = await sheetOf(
        await loadAs(
          consultantDownload,
          `/consultant/dashboard/consultation-villages/xlsx?${query}`,
          { id: bakytId },
          { table: 'consultation-villages', format: 'xlsx' },
        ),
      );
      expect(
        sheetRows(sheet)
          .slice(1)
          .sort(byLabel as never),
      ).toEqual(hand);
    }
    // Айгүл's download holds her own two consultations in V1, none of Бакыт's, in English.
    const { lines } = await csvOf(
      await loadAs(
        consultantDownload,
        '/consultant/dashboard/consultation-villages/csv',
        { id: aigulId },
        { table: 'consultation-villages', format: 'csv' },
      ),
    );
    expect(csvRows(lines, ',')).toEqual([[names.v1, '1', '1', '0', '2']]);
    for (const table of ['training', 'consultation-consultants', 'villages'])
      expect(
        (
          await loadAs(
            consultantDownload,
            `/consultant/dashboard/${table}/csv`,
            { id: bakytId },
            {
              table,
              format: 'csv',
            },
          )
        ).status,
      ).toBe(404);
  });

  test('a family, a juror, or the other role is refused both downloads', async () => {
    const family = await createUser({ roles: ['applicant'] });
    const juror = await createUser({ roles: ['juror'] });
    const params = { table: 'consultation-villages', format: 'csv' };
    for (const [loader, path, user] of [
      [facilitatorDownload, '/facilitator/dashboard', family],
      [facilitatorDownload, '/facilitator/dashboard', juror],
      [facilitatorDownload, '/facilitator/dashboard', { id: bakytId }],
      [consultantDownload, '/consultant/dashboard', family],
      [consultantDownload, '/consultant/dashboard', juror],
      [consultantDownload, '/consultant/dashboard', gulzat],
    ] as const) {
      const response = await loadAs(loader, `${path}/consultation-villages/csv`, user, params);
      expect(response.status).toBe(403);
    }
  });
});
