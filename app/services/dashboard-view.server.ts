// The programme dashboard's page and exports: the filters read from the URL (so a view can be
// shared), each figure from one aggregate query, turned into charts (bars, an axis, a summary)
// and into tables for CSV and XLSX, all in the reader's language.
import type { Axis } from '~/components/charts/axis';
import { niceAxis } from '~/components/charts/axis';
import type { Bar, ChartText, LineSeries } from '~/components/charts/charts';
import { untilWritten } from '~db/client';
import type { Locale } from '~/i18n/config';
import { formatDate, formatMoney, formatNumber } from '~/i18n/format';
import { fixedT } from '~/i18n/i18n.server';
import { pickLocalized, titleTexts } from '~/i18n/localized-text';
import { localityName } from '~/i18n/locality';
import {
  applicationFunnel,
  applicationsBySector,
  applicationsByStatus,
  applicationsByVillage,
  dashboardChoices,
  moneyFigures,
  registeredHouseholds,
  type DashboardFilters,
} from '~/models/dashboard.server';
import { findCompetition } from '~/models/competition.server';
import { APPLICATION_STATUSES, SECTORS, type Currency, type Sector } from '~/schemas/enums';
import { calendarDayIn, formatFte, formatShare, outcomeFigures } from './outcome-figures.server';
import { dashboardJury, juryExportTable } from './dashboard-jury-view.server';
import {
  csvAmount,
  csvDelimiterFor,
  csvResponse,
  tableCsv,
  tableXlsxResponse,
  type ExportTable,
} from './ledger-export.server';
import { programmeTimeZone } from './programme-clock.server';
import { facilitatorLocalityIds } from '~/models/user.server';
import { dashboardPeriodSchema } from '~/schemas/dashboard';
import { zonedLocalToUtc } from '~/utils/timezone';
import {
  CONSULTATION_TABLES,
  activityExportTable,
  dashboardConsultations,
  dashboardMoneyOverTime,
  dashboardTraining,
  type ConsultationTable,
} from './dashboard-activity-view.server';

const DAY_MS = 24 * 60 * 60_000;

/**
 * The period in the URL (`from`, `to`: days on the programme's clock, both included) as instants,
 * or `invalid` when a day is malformed or the first falls after the second (then no period).
 */
export function dashboardPeriodFrom(search: URLSearchParams, timeZone: string) {
  const given = (name: string) => search.get(name)?.trim() || undefined;
  const parsed = dashboardPeriodSchema.safeParse({ from: given('from'), to: given('to') });
  if (!parsed.success) return { invalid: true, from: null, to: null, days: null } as const;
  const { from, to } = parsed.data;
  const nextDay = (value: string) =>
    new Date(Date.parse(`${value}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
  return {
    invalid: false,
    from: from ? zonedLocalToUtc(`${from}T00:00`, timeZone) : null,
    to: to ? zonedLocalToUtc(`${nextDay(to)}T00:00`, timeZone) : null,
    days: from || to ? { from: from ?? null, to: to ?? null } : null,
  } as const;
}

/** A period's day as the reader writes dates ("…" when the period is open on that side). */
function dayText(day: string | null, locale: Locale, timeZone: string): string {
  const noon = day ? zonedLocalToUtc(`${day}T12:00`, timeZone) : null;
  return noon ? formatDate(noon, locale, timeZone) : '…';
}

/** The period's fields as typed, for the form, and whether they were refused. */
export function dashboardPeriodInput(search: URLSearchParams, timeZone: string) {
  return {
    from: search.get('from') ?? '',
    to: search.get('to') ?? '',
    invalid: dashboardPeriodFrom(search, timeZone).invalid,
  };
}

/** The filters in the URL; anything unknown or malformed means "all" (a bad period: no period). */
export function dashboardFiltersFrom(
  search: URLSearchParams,
  timeZone = 'Asia/Bishkek',
): DashboardFilters {
  const period = dashboardPeriodFrom(search, timeZone);
  return {
    ...dashboardFiltersWithoutPeriod(search),
    ...(period.days ? { from: period.from, to: period.to, period: period.days } : {}),
  };
}

function dashboardFiltersWithoutPeriod(search: URLSearchParams): DashboardFilters {
  const id = (name: string) => {
    const value = Number(search.get(name));
    return Number.isInteger(value) && value > 0 ? value : null;
  };
  const sector = search.get('sector');
  return {
    competitionId: id('competition'),
    localityId: id('village'),
    sector: (SECTORS as readonly string[]).includes(sector ?? '') ? (sector as Sector) : null,
  };
}

/** The filters as a query string (no "?"), the same way the form writes them. */
export function dashboardQuery(filters: DashboardFilters): string {
  const search = new URLSearchParams();
  if (filters.competitionId !== null) search.set('competition', String(filters.competitionId));
  if (filters.localityId !== null) search.set('village', String(filters.localityId));
  if (filters.sector !== null) search.set('sector', filters.sector);
  if (filters.period?.from) search.set('from', filters.period.from);
  if (filters.period?.to) search.set('to', filters.period.to);
  return search.toString();
}

export const JURY_TABLES = ['scores', 'jurors'] as const;
export const OUTCOME_TABLES = ['survival', 'earnings', 'jobs', 'agency'] as const;
export type OutcomeTable = (typeof OUTCOME_TABLES)[number];
export const DASHBOARD_TABLES = [
  'villages',
  'sectors',
  'statuses',
  'funnel',
  'money',
  ...OUTCOME_TABLES,
  ...JURY_TABLES,
  ...CONSULTATION_TABLES,
  'training',
  'money-months',
] as const;
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];

/**
 * Who reads a dashboard narrows it, in SQL, alike on the page and in its downloads: staff read the
 * programme, a facilitator her own villages, a consultant his own consultations.
 */
export type DashboardScope =
  | { kind: 'programme' }
  | { kind: 'facilitator'; userId: number }
  | { kind: 'consultant'; userId: number };

export const PROGRAMME_SCOPE: DashboardScope = { kind: 'programme' };

/**
 * The tables each reader's dashboard shows, and so may download. Money is the programme's
 * (budgets are not split by village): it stays on staff's dashboard.
 */
const SCOPE_TABLES: Record<DashboardScope['kind'], readonly DashboardTable[]> = {
  programme: DASHBOARD_TABLES,
  facilitator: ['villages', 'sectors', 'statuses', 'funnel', 'consultation-villages', 'training'],
  consultant: ['consultation-villages'],
};

export function scopeShowsTable(scope: DashboardScope, table: string): table is DashboardTable {
  return (SCOPE_TABLES[scope.kind] as readonly string[]).includes(table);
}

/**
 * The URL's filters narrowed to who reads: a facilitator's villages (another village chosen: none
 * of hers); a consultant's own slots, over the period only.
 */
export function scopedFilters(scope: DashboardScope, filters: DashboardFilters): DashboardFilters {
  switch (scope.kind) {
    case 'programme':
      return filters;
    case 'facilitator':
      return { ...filters, localityIds: facilitatorLocalityIds(scope.userId) };
    case 'consultant':
      return {
        ...filters,
        competitionId: null,
        localityId: null,
        sector: null,
        consultantId: scope.userId,
      };
  }
}

/** One chart of the dashboard: what it draws and, for the exports, the bare numbers. */
export type DashboardChart = {
  key: string;
  table: DashboardTable;
  currency: Currency | null;
  text: ChartText;
  bars: Bar[];
  axis: Axis;
  note: string | null;
};

const count = (locale: Locale) => (value: number) => formatNumber(value, locale);

function countChart(
  locale: Locale,
  table: 'villages' | 'sectors' | 'statuses' | 'funnel',
  rows: { key: string; label: string; value: number }[],
  description: string,
  note: string | null = null,
): DashboardChart {
  const t = fixedT(locale);
  const format = count(locale);
  return {
    key: table,
    table,
    currency: null,
    text: {
      title: t(`dashboard:${table}.title`),
      description: rows.every((row) => row.value === 0)
        ? t('dashboard:chart.nothing')
        : description,
      columns: [t(`dashboard:${table}.label`), t(`dashboard:${table}.value`)],
    },
    bars: rows.map((row) => ({ ...row, text: format(row.value) })),
    axis: niceAxis(
      rows.map((row) => row.value),
      format,
    ),
    note,
  };
}

const MONEY_KINDS = ['budgeted', 'awarded', 'committed', 'paid'] as const;

/** Every chart of the dashboard for these filters, in page order. */
export function dashboardCharts(filters: DashboardFilters, locale: Locale): DashboardChart[] {
  const t = fixedT(locale);
  const format = count(locale);
  const summary = (rows: { label: string; value: number }[]) => {
    const total = rows.reduce((sum, row) => sum + row.value, 0);
    const largest = rows.reduce<(typeof rows)[number] | null>(
      (best, row) => (best === null || row.value > best.value ? row : best),
      null,
    );
    return [
      t('dashboard:chart.total', { value: format(total) }),
      largest
        ? t('dashboard:chart.largest', { label: largest.label, value: format(largest.value) })
        : '',
    ]
      .filter(Boolean)
      .join(' ');
  };

  const villages = applicationsByVillage(filters).map((row) => ({
    key: row.code,
    label: localityName(row, locale),
    value: row.count,
  }));
  const sectorCounts = new Map(applicationsBySector(filters).map((r) => [r.sector, r.count]));
  const sectors = [...SECTORS, null]
    .filter((sector) => (sectorCounts.get(sector) ?? 0) > 0)
    .map((sector) => ({
      key: sector ?? 'none',
      label: sector ? t(`common:sectors.${sector}`) : t('dashboard:chart.noSector'),
      value: sectorCounts.get(sector)!,
    }));
  const statusCounts = new Map(applicationsByStatus(filters).map((r) => [r.status, r.count]));
  const statuses = APPLICATION_STATUSES.filter((s) => (statusCounts.get(s) ?? 0) > 0).map(
    (status) => ({
      key: status,
      label: t(`common:applicationStatuses.${status}`),
      value: statusCounts.get(status)!,
    }),
  );
  const funnelCounts = { registered: registeredHouseholds(filters), ...applicationFunnel(filters) };
  const stages = ['registered', 'applied', 'eligible', 'shortlisted', 'awarded', 'paid'] as const;
  const funnel = stages.map((stage) => ({
    key: stage,
    label: t(`dashboard:funnel.stages.${stage}`),
    value: funnelCounts[stage],
  }));

  const charts: DashboardChart[] = [
    countChart(
      locale,
      'villages',
      villages,
      `${t('dashboard:villages.description', { count: villages.length })} ${summary(villages)}`,
    ),
    countChart(
      locale,
      'sectors',
      sectors,
      `${t('dashboard:sectors.description', { count: sectors.length })} ${summary(sectors)}`,
    ),
    countChart(
      locale,
      'statuses',
      statuses,
      `${t('dashboard:statuses.description')} ${summary(statuses)}`,
    ),
    // The funnel always has its six steps, even at zero.
    countChart(
      locale,
      'funnel',
      funnel,
      t('dashboard:funnel.description', {
        registered: format(funnelCounts.registered),
        applied: format(funnelCounts.applied),
        paid: format(funnelCounts.paid),
      }),
      t('dashboard:funnel.note'),
    ),
  ];

  const money = moneyFigures(filters);
  const currencies = [
    ...new Set([...money.budgets.map((b) => b.currency), ...money.grants.map((g) => g.currency)]),
  ].sort();
  for (const currency of currencies) {
    const grants = money.grants.find((g) => g.currency === currency);
    const values = {
      budgeted: money.budgets.find((b) => b.currency === currency)?.budgeted ?? 0,
      awarded: grants?.awarded ?? 0,
      committed: grants?.committed ?? 0,
      paid: grants?.paid ?? 0,
    };
    const moneyText = (minor: number) => formatMoney(minor, currency, locale);
    const texts = Object.fromEntries(
      MONEY_KINDS.map((kind) => [kind, moneyText(values[kind])]),
    ) as Record<(typeof MONEY_KINDS)[number], string>;
    charts.push({
      key: `money-${currency}`,
      table: 'money',
      currency,
      text: {
        title: t('dashboard:money.title', { currency }),
        description: t('dashboard:money.description', texts),
        columns: [t('dashboard:money.label'), t('dashboard:money.value')],
      },
      bars: MONEY_KINDS.map((kind) => ({
        key: kind,
        label: t(`dashboard:money.kinds.${kind}`),
        value: values[kind],
        text: texts[kind],
      })),
      // Whole som (100 tyiyn) per step at least, so ticks read as round sums.
      axis: niceAxis(Object.values(values), moneyText, 100),
      note: t('dashboard:money.note'),
    });
  }
  return charts;
}

/** The outcomes line chart: median revenue and household income at the baseline, 3, 6, 12 months. */
export type EarningsChart = {
  key: 'earnings';
  table: 'earnings';
  currency: Currency;
  text: ChartText;
  xLabels: string[];
  series: (LineSeries & { values: (number | null)[] })[];
  axis: Axis;
};

/** The outcomes section: the chosen competition's figures, as its outcomes page computes them. */
export type OutcomeSection = {
  href: string;
  title: string;
  survival: DashboardChart;
  earnings: EarningsChart;
  jobs: DashboardChart;
  agency: DashboardChart;
};

const percent = (share: number | null) => (share === null ? 0 : Math.round(share * 1000) / 10);

/**
 * The outcomes of the chosen competition (none with all competitions: medians do not add up
 * across competitions, so each competition's own page is linked instead). The figures are the
 * outcomes page's own (outcomeFigures), not recomputed; village and sector do not narrow them.
 */
export function dashboardOutcomes(
  filters: DashboardFilters,
  locale: Locale,
  now = new Date(),
): OutcomeSection | null {
  if (filters.competitionId === null) return null;
  const competition = findCompetition(filters.competitionId);
  if (!competition) return null;
  const t = fixedT(locale);
  const currency = competition.currency as Currency;
  const figures = outcomeFigures(competition.id, calendarDayIn(now, competition.timezone));
  const none = t('outcomes:figures.noData');
  const shareText = (share: number | null) => formatShare(share, locale) ?? none;
  const percentText = (value: number) => formatNumber(value / 100, locale, { style: 'percent' });
  const monthLabel = (month: number) => t('outcomes:figures.month', { month });
  const baselineLabel = t('outcomes:figures.baseline');

  const shareChart = (
    table: 'survival' | 'agency',
    rows: { key: string; label: string; share: number | null }[],
  ): DashboardChart => ({
    key: `outcomes-${table}`,
    table,
    currency: null,
    text: {
      title: t(`dashboard:${table}.title`),
      description: t(`dashboard:${table}.description`, {
        figures: rows.map((row) => `${row.label}: ${shareText(row.share)}`).join(', '),
      }),
      columns: [t(`dashboard:${table}.label`), t(`dashboard:${table}.value`)],
    },
    bars: rows.map((row) => ({
      key: row.key,
      label: row.label,
      value: percent(row.share),
      text: shareText(row.share),
    })),
    // Shares run to 100 %, whatever the largest is, so charts compare at a glance.
    axis: niceAxis([100], percentText, 25),
    note: t(`dashboard:${table}.note`),
  });

  const survival = shareChart(
    'survival',
    figures.months.map((m) => ({
      key: String(m.month),
      label: monthLabel(m.month),
      share: m.survival,
    })),
  );
  const twelve = figures.months.find((m) => m.month === 12);
  const agency = shareChart('agency', [
    { key: 'baseline', label: baselineLabel, share: figures.baseline.agencyShare },
    { key: '12', label: monthLabel(12), share: twelve?.agencyShare ?? null },
  ]);

  const money = (minor: number) => formatMoney(minor, currency, locale);
  const line = (key: 'revenue' | 'income', values: (number | null)[]) => ({
    key,
    label: t(`outcomes:figures.${key}`),
    values,
    points: values.map((value) => ({ value, text: value === null ? null : money(value) })),
  });
  const series = [
    line('revenue', [null, ...figures.months.map((m) => m.medianRevenue)]),
    line('income', [figures.baseline.medianIncome, ...figures.months.map((m) => m.medianIncome)]),
  ];
  const earnings: EarningsChart = {
    key: 'earnings',
    table: 'earnings',
    currency,
    text: {
      title: t('dashboard:earnings.title', { currency }),
      description: t('dashboard:earnings.description', {
        baseline: series[1]!.points[0]!.text ?? none,
        twelve: series[1]!.points[3]!.text ?? none,
      }),
      columns: [t('dashboard:earnings.label'), series[0]!.label, series[1]!.label],
    },
    xLabels: [baselineLabel, ...figures.months.map((m) => monthLabel(m.month))],
    series,
    axis: niceAxis(
      series.flatMap((s) => s.values.map((v) => v ?? 0)),
      money,
      100,
    ),
  };

  const fte = (hundredths: number) => formatFte(hundredths, locale);
  const jobBars = [
    { key: 'women', label: t('outcomes:figures.jobsWomen'), value: figures.jobs.womenHundredths },
    { key: 'men', label: t('outcomes:figures.jobsMen'), value: figures.jobs.menHundredths },
  ].map((bar) => ({ ...bar, text: fte(bar.value) }));
  const jobs: DashboardChart = {
    key: 'outcomes-jobs',
    table: 'jobs',
    currency: null,
    text: {
      title: t('dashboard:jobs.title'),
      description: t('dashboard:jobs.description', {
        women: jobBars[0]!.text,
        men: jobBars[1]!.text,
        count: figures.jobs.grants,
      }),
      columns: [t('dashboard:jobs.label'), t('dashboard:jobs.value')],
    },
    bars: jobBars,
    // Whole quarters of a job per step at least.
    axis: niceAxis(
      jobBars.map((bar) => bar.value),
      fte,
      25,
    ),
    note: t('dashboard:jobs.note'),
  };

  return {
    href: `/staff/competitions/${competition.id}/outcomes`,
    title: pickLocalized(titleTexts(competition), locale)?.text ?? `#${competition.id}`,
    survival,
    earnings,
    jobs,
    agency,
  };
}

/** One outcomes table for the exports: shares in percent, money in major units, jobs in FTE. */
function outcomeExportTable(
  filters: DashboardFilters,
  table: OutcomeTable,
  locale: Locale,
): ExportTable<string> {
  const t = fixedT(locale);
  const section = dashboardOutcomes(filters, locale);
  if (table === 'earnings') {
    const chart = section?.earnings;
    const columns = ['label', 'revenue', 'income'];
    const headers = chart
      ? [...chart.text.columns]
      : [
          t('dashboard:earnings.label'),
          t('outcomes:figures.revenue'),
          t('outcomes:figures.income'),
        ];
    const amount = (minor: number | null) => (minor === null ? '' : csvAmount(locale, minor));
    const major = (minor: number | null) => (minor === null ? null : minor / 100);
    return {
      columns,
      numberColumns: ['revenue', 'income'],
      headers: chart ? headers.map((h, i) => (i > 0 ? `${h} (${chart.currency})` : h)) : headers,
      sheet: t('dashboard:earnings.sheet'),
      rows: (chart?.xLabels ?? []).map((label, i) => {
        const revenue = chart!.series[0]!.values[i] ?? null;
        const income = chart!.series[1]!.values[i] ?? null;
        return {
          text: { label, revenue: amount(revenue), income: amount(income) },
          cells: { label, revenue: major(revenue), income: major(income) },
        };
      }),
    };
  }
  const chart = section?.[table];
  const isShare = table !== 'jobs';
  return {
    columns: ['label', 'value'],
    numberColumns: ['value'],
    headers: [t(`dashboard:${table}.label`), t(`dashboard:${table}.exportValue`)],
    sheet: t(`dashboard:${table}.title`),
    rows: (chart?.bars ?? []).map((bar) => {
      // A share with no visits yet is empty, not zero.
      const empty = isShare && bar.text === t('outcomes:figures.noData');
      const value = isShare ? bar.value : bar.value / 100;
      return {
        text: {
          label: bar.label,
          value: empty ? '' : formatNumber(value, locale, { useGrouping: false }),
        },
        cells: { label: bar.label, value: empty ? null : value },
      };
    }),
  };
}

/** The page: the filters with their choices, the charts, and the outcome pages to link. */
export function dashboardPage(
  filters: DashboardFilters,
  locale: Locale,
  timeZone = 'Asia/Bishkek',
) {
  const t = fixedT(locale);
  const choices = dashboardChoices();
  const competitions = choices.competitions.map((c) => ({
    id: c.id,
    title: pickLocalized(titleTexts(c), locale)?.text ?? `#${c.id}`,
  }));
  return {
    filters,
    query: dashboardQuery(filters),
    choices: {
      competitions,
      villages: choices.villages.map((v) => ({ id: v.id, name: localityName(v, locale) })),
      sectors: SECTORS.map((sector) => ({ value: sector, label: t(`common:sectors.${sector}`) })),
    },
    charts: dashboardCharts(filters, locale),
    outcomeSection: dashboardOutcomes(filters, locale),
    jury: dashboardJury(filters, locale),
    consultations: dashboardConsultations(filters, locale),
    training: dashboardTraining(filters, locale),
    moneyOverTime: dashboardMoneyOverTime(filters, locale, timeZone),
    periodNote: filters.period
      ? t('dashboard:period.meaning', {
          from: dayText(filters.period.from, locale, timeZone),
          to: dayText(filters.period.to, locale, timeZone),
        })
      : null,
    // Outcome figures live on each competition's outcomes page; linked, not recomputed here.
    outcomes: (filters.competitionId === null
      ? competitions
      : competitions.filter((c) => c.id === filters.competitionId)
    ).map((c) => ({ href: `/staff/competitions/${c.id}/outcomes`, title: c.title })),
  };
}

/**
 * The page for a query string, kept until anything is written to the database, and at most ten
 * minutes: every figure is an aggregate over whole tables, and staff reload the same views far
 * more often than data changes; but training's "held" counts sessions already started, which
 * changes with the clock alone.
 */
const keptDashboardPage = untilWritten(
  'dashboard-page',
  (locale: Locale, query: string, timeZone: string, _tenMinutes: number) =>
    dashboardPage(dashboardFiltersFrom(new URLSearchParams(query), timeZone), locale, timeZone),
);

export function dashboardPageFor(locale: Locale, query: string, timeZone: string) {
  return keptDashboardPage(locale, query, timeZone, Math.floor(Date.now() / 600_000));
}

/**
 * One dashboard table for the exports (with the filters applied): the category and its count, or
 * for money the kind and its amount in major units, one block per currency.
 */
export function dashboardExportTable(
  urlFilters: DashboardFilters,
  which: DashboardTable,
  locale: Locale,
  timeZone = 'Asia/Bishkek',
  scope: DashboardScope = PROGRAMME_SCOPE,
): ExportTable<string> {
  const filters = scopedFilters(scope, urlFilters);
  if ((OUTCOME_TABLES as readonly string[]).includes(which))
    return outcomeExportTable(filters, which as OutcomeTable, locale);
  if (which === 'scores' || which === 'jurors') return juryExportTable(filters, which, locale);
  if (
    which === 'training' ||
    which === 'money-months' ||
    CONSULTATION_TABLES.includes(which as ConsultationTable)
  )
    return activityExportTable(filters, which as ConsultationTable, locale, timeZone);
  const table = which as 'villages' | 'sectors' | 'statuses' | 'funnel' | 'money';
  const charts = dashboardCharts(filters, locale).filter((chart) => chart.table === table);
  const t = fixedT(locale);
  const money = table === 'money';
  const rows = charts.flatMap((chart) =>
    chart.bars.map((bar) => {
      const label = money ? `${bar.label} (${chart.currency})` : bar.label;
      return {
        text: {
          label,
          value: money ? csvAmount(locale, bar.value) : String(bar.value),
        },
        cells: { label, value: money ? bar.value / 100 : bar.value },
      };
    }),
  );
  return {
    columns: ['label', 'value'],
    numberColumns: ['value'],
    headers: [t(`dashboard:${table}.label`), t(`dashboard:${table}.value`)],
    sheet: table === 'money' ? t('dashboard:money.label') : t(`dashboard:${table}.title`),
    rows,
  };
}

/**
 * One dashboard table downloaded as CSV (a BOM so Excel reads Cyrillic; ";" in Kyrgyz and Russian,
 * whose Excel expects it) or Excel (typed cells, frozen header), with the URL's filters, narrowed
 * to who reads. A table that reader's dashboard does not show, or another format, is not found.
 */
export function dashboardDownload(
  scope: DashboardScope,
  request: Request,
  params: { table?: string; format?: string },
  locale: Locale,
): Response {
  const { table, format } = params;
  if (!table || !scopeShowsTable(scope, table) || (format !== 'csv' && format !== 'xlsx'))
    throw new Response('Not Found', { status: 404 });
  const timeZone = programmeTimeZone();
  const filters = dashboardFiltersFrom(new URL(request.url).searchParams, timeZone);
  const exported = dashboardExportTable(filters, table, locale, timeZone, scope);
  const filename = `dashboard-${table}.${format}`;
  return format === 'csv'
    ? csvResponse(tableCsv(exported, { delimiter: csvDelimiterFor(locale) }), filename)
    : tableXlsxResponse(exported, filename);
}
