// The dashboard's consultations and training (issue 15), against an example worked out by hand on
// a real SQLite file, with and without a period; the stacked chart's table equals its data; the
// exports parse back (CSV with a BOM and Cyrillic, XLSX read with exceljs).
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
import { browserRequest, createLocality, createUser } from '../support/factories';
import { sessionCookieFor } from '../support/jury-factories';
import { loader as facilitatorLoader } from '~/routes/facilitator.dashboard/route';
import { loader as consultantLoader } from '~/routes/consultant.dashboard/route';
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
let gulzat: { id: number };
let bakytId: number;

beforeAll(async () => {
  const staff = await createUser({ roles: ['staff'] });
  const aigul = await createUser({ roles: ['consultant'], name: 'Айгүл Сыдыкова' });
  const bakyt = await createUser({ roles: ['consultant'], name: 'Бакыт Осмонов' });
  const l1 = createLocality();
  const l2 = createLocality();
  v1 = l1.id;
  v2 = l2.id;
  names = { v1: l1.nameEn, v2: l2.nameEn };
  gulzat = await createUser({ roles: ['facilitator'], worksIn: [v1], locale: 'en' });
  bakytId = bakyt.id;
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
    const get = async (
      loader: (args: Parameters<typeof facilitatorLoader>[0]) => Promise<Response>,
      path: string,
      user: { id: number },
    ): Promise<Response> => {
      try {
        return await loader({
          request: browserRequest(`http://localhost:3999${path}`, {
            cookie: await sessionCookieFor(user),
          }),
          params: {},
          context: {},
        });
      } catch (thrown) {
        if (thrown instanceof Response) return thrown;
        throw thrown;
      }
    };
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
      [names.v1, names.v2].sort(),
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
