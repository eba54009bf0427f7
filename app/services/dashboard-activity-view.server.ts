// The dashboard's consultations (held, missed, cancelled by village and by consultant), training
// attendance, and money paid month by month: figures from SQL, labelled and formatted here in the
// reader's language, with their export tables.
import type { Axis } from '~/components/charts/axis';
import { niceAxis } from '~/components/charts/axis';
import type { Bar, ChartText, LineSeries, StackedBar } from '~/components/charts/charts';
import { INTL_TAGS, type Locale } from '~/i18n/config';
import { formatMoney, formatNumber } from '~/i18n/format';
import { fixedT } from '~/i18n/i18n.server';
import { dateTimeFormat } from '~/i18n/intl-cache';
import { findCompetition } from '~/models/competition.server';
import {
  familiesMeetingTraining,
  trainingAttendanceFigures,
} from '~/models/dashboard-activity.server';
import {
  moneyPaidByMonth,
  registeredHouseholds,
  type DashboardFilters,
} from '~/models/dashboard.server';
import type { Currency } from '~/schemas/enums';
import {
  totalsPerConsultant,
  totalsPerVillage,
  type TotalsRow,
} from './consultation-records.server';
import type { ExportTable } from './ledger-export.server';
import { formatShare } from './outcome-figures.server';
import { csvAmount } from './ledger-export.server';
import { zonedLocalToUtc } from '~/utils/timezone';

export const CONSULTATION_TABLES = ['consultation-villages', 'consultation-consultants'] as const;
export type ConsultationTable = (typeof CONSULTATION_TABLES)[number];

export type ConsultationChart = {
  key: ConsultationTable;
  text: ChartText;
  series: string[];
  bars: StackedBar[];
  axis: Axis;
  note: string;
};

const PARTS = ['held', 'missed', 'cancelled'] as const;

/**
 * The bookings the filters allow: the competition's applications, a sector, the villages, and a
 * consultant's own slots when he reads.
 */
function bookingScope(filters: DashboardFilters) {
  const chosen = filters.localityId === null ? null : [filters.localityId];
  const localityIds =
    chosen && filters.localityIds
      ? chosen.filter((id) => filters.localityIds!.includes(id))
      : (chosen ?? filters.localityIds ?? null);
  return {
    from: filters.from ?? null,
    to: filters.to ?? null,
    competitionId: filters.competitionId,
    sector: filters.sector,
    localityIds,
    consultantId: filters.consultantId ?? null,
  };
}

/** Held, missed (either side's no-show) and cancelled consultations, by village and consultant. */
export function dashboardConsultations(
  filters: DashboardFilters,
  locale: Locale,
): ConsultationChart[] {
  const t = fixedT(locale);
  const format = (value: number) => formatNumber(value, locale);
  const scope = bookingScope(filters);
  const chart = (key: ConsultationTable, rows: TotalsRow[]): ConsultationChart => {
    const parts = rows.map((row) => ({
      row,
      values: [row.held, row.familyNoShow + row.consultantNoShow, row.cancelled],
    }));
    const sums = PARTS.map((_, i) => parts.reduce((sum, p) => sum + p.values[i]!, 0));
    const kept = parts.filter((p) => p.values.some((v) => v > 0));
    const heading =
      key === 'consultation-villages'
        ? t('dashboard:consultations.village')
        : t('dashboard:consultations.consultant');
    const series = PARTS.map((part) => t(`dashboard:consultations.series.${part}`));
    return {
      key,
      text: {
        title:
          key === 'consultation-villages'
            ? t('dashboard:consultations.villages')
            : t('dashboard:consultations.consultants'),
        description:
          kept.length === 0
            ? t('dashboard:chart.nothing')
            : t('dashboard:consultations.description', {
                held: format(sums[0]!),
                missed: format(sums[1]!),
                cancelled: format(sums[2]!),
              }),
        columns: [heading, ...series, t('dashboard:consultations.total')],
      },
      series,
      bars: kept.map(({ row, values }) => ({
        key: String(row.id),
        label: row.name,
        values: values.map((value) => ({ value, text: format(value) })),
        totalText: format(values.reduce((a, b) => a + b, 0)),
      })),
      axis: niceAxis(
        kept.map((p) => p.values.reduce((a, b) => a + b, 0)),
        format,
      ),
      note: t('dashboard:consultations.note'),
    };
  };
  return [
    chart('consultation-villages', totalsPerVillage(locale, scope)),
    chart('consultation-consultants', totalsPerConsultant(scope)),
  ];
}

export type TrainingSection = {
  key: 'training';
  text: ChartText;
  bars: Bar[];
  axis: Axis;
  /** The share of registered families who met the competition's requirement, said in words. */
  requirement: string | null;
  note: string;
};

/**
 * Sessions held and families attended in the filters' villages and period; with a competition
 * chosen, its registered families and how many met its training requirement.
 */
export function dashboardTraining(
  filters: DashboardFilters,
  locale: Locale,
  now = new Date(),
): TrainingSection {
  const t = fixedT(locale);
  const format = (value: number) => formatNumber(value, locale);
  const { sessions, families } = trainingAttendanceFigures(filters, now);
  const values: { key: 'sessions' | 'families' | 'registered' | 'met'; value: number }[] = [
    { key: 'sessions', value: sessions },
    { key: 'families', value: families },
  ];
  let requirement: string | null = null;
  const competition =
    filters.competitionId === null ? undefined : findCompetition(filters.competitionId);
  if (competition) {
    const registered = registeredHouseholds(filters);
    values.push({ key: 'registered', value: registered });
    const required = competition.requiredTrainingSessions;
    if (required > 0) {
      const met = familiesMeetingTraining(filters, required, competition.id);
      values.push({ key: 'met', value: met });
      requirement = t('dashboard:training.requirement', {
        share: formatShare(registered === 0 ? null : met / registered, locale) ?? '—',
        required: format(required),
      });
    } else requirement = t('dashboard:training.noRequirement');
  }
  const bars = values.map(({ key, value }) => ({
    key,
    label: t(`dashboard:training.rows.${key}`),
    value,
    text: format(value),
  }));
  return {
    key: 'training',
    text: {
      title: t('dashboard:training.title'),
      description: [
        t('dashboard:training.description', {
          sessions: format(sessions),
          families: format(families),
        }),
        requirement,
      ]
        .filter(Boolean)
        .join(' '),
      columns: [t('dashboard:training.label'), t('dashboard:training.value')],
    },
    bars,
    axis: niceAxis(
      bars.map((b) => b.value),
      format,
    ),
    requirement,
    note: t('dashboard:training.note'),
  };
}

export type MoneyOverTimeChart = {
  key: string;
  currency: Currency;
  text: ChartText;
  xLabels: string[];
  months: string[];
  series: (LineSeries & { values: number[] })[];
  axis: Axis;
};

/** "2026-03" as the reader says the month ("March 2026", "март 2026 г."). */
function monthName(month: string, locale: Locale, timeZone: string): string {
  const start = zonedLocalToUtc(`${month}-01T12:00`, timeZone) ?? new Date(`${month}-01T12:00Z`);
  return dateTimeFormat(INTL_TAGS[locale], { month: 'short', year: 'numeric', timeZone }).format(
    start,
  );
}

/** Every month from the first to the last, so a month with nothing paid shows as zero. */
function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key >= last || months.length > 240) return months;
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
}

/**
 * Money paid (net of reversals) per month on the programme's clock, one line chart per currency.
 * Months are cut at the zone's offset now (Asia/Bishkek keeps one offset all year).
 */
export function dashboardMoneyOverTime(
  filters: DashboardFilters,
  locale: Locale,
  timeZone: string,
): MoneyOverTimeChart[] {
  const t = fixedT(locale);
  const offsetMinutes = Math.round(
    ((zonedLocalToUtc('2000-01-01T00:00', 'UTC')?.getTime() ?? 0) -
      (zonedLocalToUtc('2000-01-01T00:00', timeZone)?.getTime() ?? 0)) /
      60_000,
  );
  const rows = moneyPaidByMonth(filters, offsetMinutes);
  const currencies = [...new Set(rows.map((r) => r.currency))].sort();
  return currencies.map((currency) => {
    const own = rows.filter((r) => r.currency === currency);
    const months = monthsBetween(own[0]!.month, own[own.length - 1]!.month);
    const paid = new Map(own.map((r) => [r.month, r.paid]));
    const values = months.map((m) => paid.get(m) ?? 0);
    const money = (minor: number) => formatMoney(minor, currency, locale);
    const label = t('dashboard:moneyOverTime.value');
    return {
      key: `money-months-${currency}`,
      currency,
      text: {
        title: t('dashboard:moneyOverTime.title', { currency }),
        description: t('dashboard:moneyOverTime.description', {
          total: money(values.reduce((a, b) => a + b, 0)),
          count: months.length,
        }),
        columns: [t('dashboard:moneyOverTime.label'), label],
      },
      xLabels: months.map((m) => monthName(m, locale, timeZone)),
      months,
      series: [
        {
          key: 'paid',
          label,
          values,
          points: values.map((value) => ({ value, text: money(value) })),
        },
      ],
      axis: niceAxis(values, money, 100),
    };
  });
}

/** The consultations, training and monthly money tables for the exports. */
export function activityExportTable(
  filters: DashboardFilters,
  which: ConsultationTable | 'training' | 'money-months',
  locale: Locale,
  timeZone: string,
): ExportTable<string> {
  const t = fixedT(locale);
  const text = (value: number) => String(value);
  if (which === 'training') {
    const training = dashboardTraining(filters, locale);
    return {
      columns: ['label', 'value'],
      numberColumns: ['value'],
      headers: [...training.text.columns],
      sheet: training.text.title,
      rows: training.bars.map((bar) => ({
        text: { label: bar.label, value: text(bar.value) },
        cells: { label: bar.label, value: bar.value },
      })),
    };
  }
  if (which === 'money-months') {
    return {
      columns: ['month', 'currency', 'paid'],
      numberColumns: ['paid'],
      headers: [
        t('dashboard:moneyOverTime.label'),
        t('dashboard:moneyOverTime.currency'),
        t('dashboard:moneyOverTime.value'),
      ],
      sheet: t('dashboard:moneyOverTime.sheet'),
      rows: dashboardMoneyOverTime(filters, locale, timeZone).flatMap((chart) =>
        chart.months.map((month, i) => {
          const minor = chart.series[0]!.values[i]!;
          return {
            text: { month, currency: chart.currency, paid: csvAmount(locale, minor) },
            cells: { month, currency: chart.currency, paid: minor / 100 },
          };
        }),
      ),
    };
  }
  const chart = dashboardConsultations(filters, locale).find((c) => c.key === which)!;
  const columns = ['label', ...PARTS, 'total'];
  return {
    columns,
    numberColumns: [...PARTS, 'total'],
    headers: [...chart.text.columns],
    sheet: chart.text.title,
    rows: chart.bars.map((bar) => {
      const values = [...bar.values.map((v) => v.value)];
      values.push(values.reduce((a, b) => a + b, 0));
      const cells = Object.fromEntries(columns.slice(1).map((c, i) => [c, values[i]!]));
      return {
        text: {
          label: bar.label,
          ...Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, text(v)])),
        },
        cells: { label: bar.label, ...cells },
      };
    }),
  };
}
