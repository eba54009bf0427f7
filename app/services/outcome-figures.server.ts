// A competition's outcomes against the baseline (DESIGN.md, "Outcomes"; issue 14): business
// survival, median revenue and household income, jobs created and women's say over their own
// earnings, at the baseline and at the 3-, 6- and 12-month visits. The figures are aggregated in
// SQL (app/models/outcome-figures.server.ts); this file names them and formats them.
import type { Currency } from '~/i18n/format';
import { formatMoney, formatNumber } from '~/i18n/format';
import type { Locale } from '~/i18n/config';
import { dateTimeFormat } from '~/i18n/intl-cache';
import { pickLocalized, titleTexts } from '~/i18n/localized-text';
import { findCompetition } from '~/models/competition.server';
import {
  baselineTally,
  jobsAtLatestVisit,
  outcomeCounts,
  outcomeMedians,
  visitTalliesByMonth,
} from '~/models/outcome-figures.server';
import { VISIT_MONTHS, type VisitMonth } from '~/schemas/outcome-enums';

/** The calendar day of `instant` in `timeZone`, as "YYYY-MM-DD". */
export function calendarDayIn(instant: Date | number, timeZone: string): string {
  return dateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

export type MonthFigures = {
  month: VisitMonth;
  /** Visits of this month recorded. */
  recorded: number;
  operating: number;
  paused: number;
  closed: number;
  /**
   * Surviving = operating or paused, over the recorded visits of the month. A paused business
   * (seasonal work, a sick child, winter for livestock) still exists and may reopen; IRIS+ and
   * graduation programmes count it as surviving. Closed does not survive. Null with no visits.
   */
  survival: number | null;
  /** Median monthly revenue, minor units, of the visits that gave one; null if none did. */
  medianRevenue: number | null;
  /** Median monthly household income, minor units; null if none. */
  medianIncome: number | null;
  /** Share answering "herself" or jointly to "who decides how the money you earn is used". */
  agencyShare: number | null;
};

export type OutcomeFigures = {
  counts: { grants: number; done: number; due: number; overdue: number };
  baseline: { recorded: number; medianIncome: number | null; agencyShare: number | null };
  months: MonthFigures[];
  /** Jobs at each grant's latest recorded visit, hundredths of a full-time equivalent. */
  jobs: { womenHundredths: number; menHundredths: number; grants: number };
};

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);
const roundMinor = (value: number | undefined) => (value === undefined ? null : Math.round(value));

/** The figures of a competition, `today` being a "YYYY-MM-DD" in the competition's timezone. */
export function outcomeFigures(competitionId: number, today: string): OutcomeFigures {
  const tallies = new Map(visitTalliesByMonth(competitionId).map((row) => [row.month, row]));
  const medians = new Map(
    outcomeMedians(competitionId).map((row) => [`${row.series}:${row.month}`, row.median]),
  );
  const baseline = baselineTally(competitionId);
  const jobs = jobsAtLatestVisit(competitionId);
  return {
    counts: outcomeCounts(competitionId, today),
    baseline: {
      recorded: baseline.recorded,
      medianIncome: roundMinor(medians.get('income:0')),
      agencyShare: share(baseline.agencySay, baseline.agencyAnswered),
    },
    months: VISIT_MONTHS.map((month) => {
      const tally = tallies.get(month);
      const recorded = tally?.recorded ?? 0;
      return {
        month,
        recorded,
        operating: tally?.operating ?? 0,
        paused: tally?.paused ?? 0,
        closed: tally?.closed ?? 0,
        survival: share((tally?.operating ?? 0) + (tally?.paused ?? 0), recorded),
        medianRevenue: roundMinor(medians.get(`revenue:${month}`)),
        medianIncome: roundMinor(medians.get(`income:${month}`)),
        agencyShare: share(tally?.agencySay ?? 0, tally?.agencyAnswered ?? 0),
      };
    }),
    jobs: { womenHundredths: jobs.women, menHundredths: jobs.men, grants: jobs.grants },
  };
}

/** Hundredths of a full-time equivalent as the reader writes a number: 250 → "2,5". */
export function formatFte(hundredths: number, locale: Locale): string {
  return formatNumber(hundredths / 100, locale, { maximumFractionDigits: 2 });
}

export function formatShare(value: number | null, locale: Locale): string | null {
  return value === null ? null : formatNumber(value, locale, { style: 'percent' });
}

/** One point of the chart: the x position's key and the value in minor units (null: no data). */
export type ChartPoint = { at: 'baseline' | VisitMonth; value: number | null; text: string | null };

/** The outcomes page's DTO: every figure formatted in the reader's language. */
export function outcomesPage(competitionId: number, locale: Locale, now = new Date()) {
  const competition = findCompetition(competitionId);
  if (!competition) return null;
  const currency = competition.currency as Currency;
  const money = (minor: number | null) =>
    minor === null ? null : formatMoney(minor, currency, locale);
  const figures = outcomeFigures(competitionId, calendarDayIn(now, competition.timezone));
  const hasFigures =
    figures.baseline.medianIncome !== null ||
    figures.months.some((m) => m.medianRevenue !== null || m.medianIncome !== null);
  const point = (at: ChartPoint['at'], value: number | null): ChartPoint => ({
    at,
    value,
    text: money(value),
  });
  return {
    competition: {
      id: competition.id,
      status: competition.status,
      title: pickLocalized(titleTexts(competition), locale)?.text ?? '',
      closable: competition.status === 'disbursing' || competition.status === 'monitoring',
    },
    counts: figures.counts,
    baseline: {
      recorded: figures.baseline.recorded,
      medianIncome: money(figures.baseline.medianIncome),
      agencyShare: formatShare(figures.baseline.agencyShare, locale),
    },
    months: figures.months.map((m) => ({
      month: m.month,
      recorded: m.recorded,
      operating: m.operating,
      paused: m.paused,
      closed: m.closed,
      survival: formatShare(m.survival, locale),
      medianRevenue: money(m.medianRevenue),
      medianIncome: money(m.medianIncome),
      agencyShare: formatShare(m.agencyShare, locale),
    })),
    jobs: {
      women: formatFte(figures.jobs.womenHundredths, locale),
      men: formatFte(figures.jobs.menHundredths, locale),
      grants: figures.jobs.grants,
    },
    // No chart before anything is recorded: the table says so with its dashes.
    chart: !hasFigures
      ? null
      : moneyChart(
          [
            {
              key: 'revenue',
              points: [
                point('baseline', null),
                ...figures.months.map((m) => point(m.month, m.medianRevenue)),
              ],
            },
            {
              key: 'income',
              points: [
                point('baseline', figures.baseline.medianIncome),
                ...figures.months.map((m) => point(m.month, m.medianIncome)),
              ],
            },
          ],
          currency,
          locale,
        ),
  };
}

/** A chart of money over baseline / 3 / 6 / 12 months, with its axis ticks formatted here. */
export type MoneyChart = {
  series: { key: 'revenue' | 'income'; points: ChartPoint[] }[];
  ticks: { value: number; text: string }[];
  max: number;
};

/** 1, 2 or 5 times a power of ten: the smallest such step that covers `max` in four steps. */
function niceStep(max: number): number {
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  for (const factor of [1, 2, 5, 10]) if (factor * power >= rough) return factor * power;
  return 10 * power;
}

export function moneyChart(
  series: MoneyChart['series'],
  currency: Currency,
  locale: Locale,
): MoneyChart {
  const values = series.flatMap((s) => s.points.map((p) => p.value ?? 0));
  const highest = Math.max(0, ...values);
  // Whole major units per step at least (100 minor units), so ticks read as round sums.
  const step = highest > 0 ? Math.max(100, niceStep(highest)) : 100;
  const max = step * Math.max(1, Math.ceil(highest / step));
  const ticks = [];
  for (let value = 0; value <= max; value += step)
    ticks.push({ value, text: formatMoney(value, currency, locale) });
  return { series, ticks, max };
}
