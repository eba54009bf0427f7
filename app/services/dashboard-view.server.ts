// The programme dashboard's page and exports: the filters read from the URL (so a view can be
// shared), each figure from one aggregate query, turned into charts (bars, an axis, a summary)
// and into tables for CSV and XLSX, all in the reader's language.
import type { Axis } from '~/components/charts/axis';
import { niceAxis } from '~/components/charts/axis';
import type { Bar, ChartText } from '~/components/charts/charts';
import type { Locale } from '~/i18n/config';
import { formatMoney, formatNumber } from '~/i18n/format';
import { fixedT } from '~/i18n/i18n.server';
import { pickLocalized } from '~/i18n/localized-text';
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
import { APPLICATION_STATUSES, SECTORS, type Currency, type Sector } from '~/schemas/enums';
import type { ExportTable } from './ledger-export.server';
import { csvAmount } from './ledger-export.server';

/** The filters in the URL; anything unknown or malformed means "all". */
export function dashboardFiltersFrom(search: URLSearchParams): DashboardFilters {
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
  return search.toString();
}

export const DASHBOARD_TABLES = ['villages', 'sectors', 'statuses', 'funnel', 'money'] as const;
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];

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
  table: Exclude<DashboardTable, 'money'>,
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

/** The page: the filters with their choices, the charts, and the outcome pages to link. */
export function dashboardPage(filters: DashboardFilters, locale: Locale) {
  const t = fixedT(locale);
  const choices = dashboardChoices();
  const competitions = choices.competitions.map((c) => ({
    id: c.id,
    title:
      pickLocalized({ ky: c.titleKy, ru: c.titleRu, en: c.titleEn }, locale)?.text ?? `#${c.id}`,
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
    // Outcome figures live on each competition's outcomes page; linked, not recomputed here.
    outcomes: (filters.competitionId === null
      ? competitions
      : competitions.filter((c) => c.id === filters.competitionId)
    ).map((c) => ({ href: `/staff/competitions/${c.id}/outcomes`, title: c.title })),
  };
}

type Column = 'label' | 'value';

/**
 * One dashboard table for the exports (with the filters applied): the category and its count, or
 * for money the kind and its amount in major units, one block per currency.
 */
export function dashboardExportTable(
  filters: DashboardFilters,
  table: DashboardTable,
  locale: Locale,
): ExportTable<Column> {
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
