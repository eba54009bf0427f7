// The dashboard's jury section, for a chosen competition: per round, the histogram of its
// submitted totals and each juror's spread against the round's median, with their export tables.
// The figures come from SQL (dashboard-scores.server.ts); here they are labelled and formatted.
import type { Axis } from '~/components/charts/axis';
import { niceAxis } from '~/components/charts/axis';
import type { Bar, ChartText, SpreadRow } from '~/components/charts/charts';
import type { Locale } from '~/i18n/config';
import { formatNumber } from '~/i18n/format';
import { fixedT } from '~/i18n/i18n.server';
import { roundTitle } from '~/i18n/localized-text';
import type { DashboardFilters } from '~/models/dashboard.server';
import {
  SCORE_BIN,
  dashboardRounds,
  jurorSpreads,
  roundSpreads,
  scoreHistogram,
  type ScoreSpread,
} from '~/models/dashboard-scores.server';
import type { ExportTable } from './ledger-export.server';

export type RoundScoresSection = {
  roundId: number;
  title: string;
  histogram: { key: string; text: ChartText; bins: Bar[]; axis: Axis };
  spread: {
    key: string;
    text: ChartText;
    rows: SpreadRow[];
    reference: { value: number; label: string } | null;
    axis: Axis;
  };
};

const BINS = 100 / SCORE_BIN;
const SPREAD_FIGURES = ['count', 'min', 'q1', 'median', 'q3', 'max'] as const;

/** A total out of 100 as the page shows it: one decimal at most. */
const points = (value: number, locale: Locale) =>
  formatNumber(value, locale, { maximumFractionDigits: 1 });

/** Rounded to one decimal, as exported (the same figure the page shows). */
const rounded = (value: number) => Math.round(value * 10) / 10;

function binLabel(bin: number, locale: Locale) {
  return `${formatNumber(bin * SCORE_BIN, locale)}–${formatNumber((bin + 1) * SCORE_BIN, locale)}`;
}

/**
 * Per round of the chosen competition (none with all competitions: rounds belong to one), its
 * histogram and its jurors' spreads. The village and sector filters do not narrow them: a juror's
 * habit is read across everything she scored.
 */
export function dashboardJury(filters: DashboardFilters, locale: Locale): RoundScoresSection[] {
  if (filters.competitionId === null) return [];
  const t = fixedT(locale);
  const competitionId = filters.competitionId;
  const histogram = scoreHistogram(competitionId);
  const jurors = jurorSpreads(competitionId);
  const rounds = new Map(roundSpreads(competitionId).map((r) => [r.roundId, r]));
  const count = (value: number) => formatNumber(value, locale);
  const pointsText = (value: number) => points(value, locale);
  const figure = (spread: ScoreSpread) =>
    Object.fromEntries(
      SPREAD_FIGURES.map((name) => [
        name,
        {
          value: spread[name],
          text: name === 'count' ? count(spread[name]) : pointsText(spread[name]),
        },
      ]),
    ) as Pick<SpreadRow, (typeof SPREAD_FIGURES)[number]>;

  return dashboardRounds(competitionId).map((round) => {
    const title = roundTitle(round, locale).text;
    const counts = new Map(
      histogram.filter((h) => h.roundId === round.id).map((h) => [h.bin, h.count]),
    );
    const bins = Array.from({ length: BINS }, (_, bin) => {
      const value = counts.get(bin) ?? 0;
      return { key: String(bin), label: binLabel(bin, locale), value, text: count(value) };
    });
    const whole = rounds.get(round.id);
    const rows = jurors
      .filter((j) => j.roundId === round.id)
      .map((j) => ({ key: String(j.jurorId), label: j.name, ...figure(j) }));
    const medianText = whole ? pointsText(whole.median) : t('dashboard:jury.none');
    return {
      roundId: round.id,
      title,
      histogram: {
        key: `scores-${round.id}`,
        text: {
          title: t('dashboard:scores.title', { round: title }),
          description: whole
            ? t('dashboard:scores.description', {
                count: whole.count,
                median: medianText,
                min: pointsText(whole.min),
                max: pointsText(whole.max),
              })
            : t('dashboard:jury.none'),
          columns: [t('dashboard:scores.label'), t('dashboard:scores.value')],
        },
        bins,
        axis: niceAxis(
          bins.map((b) => b.value),
          count,
        ),
      },
      spread: {
        key: `jurors-${round.id}`,
        text: {
          title: t('dashboard:jurors.title', { round: title }),
          description: whole
            ? t('dashboard:jurors.description', {
                count: rows.length,
                median: medianText,
                medians: rows.map((r) => `${r.label} ${r.median.text}`).join(', '),
              })
            : t('dashboard:jury.none'),
          columns: [
            t('dashboard:jurors.label'),
            ...SPREAD_FIGURES.map((name) => t(`dashboard:jurors.figures.${name}`)),
          ],
        },
        rows,
        reference: whole
          ? { value: whole.median, label: t('dashboard:jurors.reference', { median: medianText }) }
          : null,
        // Totals are out of 100: the axis always runs to 100 so rounds and jurors compare.
        axis: niceAxis([100], pointsText, 20),
      },
    };
  });
}

/** The jury tables for the exports: every round's bins, or every round's jurors' spreads. */
export function juryExportTable(
  filters: DashboardFilters,
  which: 'scores' | 'jurors',
  locale: Locale,
): ExportTable<string> {
  const t = fixedT(locale);
  const sections = dashboardJury(filters, locale);
  const round = t('dashboard:jury.round');
  const text = (value: number) => formatNumber(value, locale, { useGrouping: false });
  if (which === 'scores')
    return {
      columns: ['round', 'label', 'value'],
      numberColumns: ['value'],
      headers: [round, t('dashboard:scores.label'), t('dashboard:scores.value')],
      sheet: t('dashboard:scores.sheet'),
      rows: sections.flatMap((section) =>
        section.histogram.bins.map((bin) => ({
          text: { round: section.title, label: bin.label, value: text(bin.value) },
          cells: { round: section.title, label: bin.label, value: bin.value },
        })),
      ),
    };
  return {
    columns: ['round', 'label', ...SPREAD_FIGURES],
    numberColumns: SPREAD_FIGURES,
    headers: [
      round,
      t('dashboard:jurors.label'),
      ...SPREAD_FIGURES.map((name) => t(`dashboard:jurors.figures.${name}`)),
    ],
    sheet: t('dashboard:jurors.sheet'),
    rows: sections.flatMap((section) =>
      section.spread.rows.map((row) => {
        const values = Object.fromEntries(
          SPREAD_FIGURES.map((name) => [name, rounded(row[name].value)]),
        );
        return {
          text: {
            round: section.title,
            label: row.label,
            ...Object.fromEntries(SPREAD_FIGURES.map((name) => [name, text(values[name]!)])),
          },
          cells: { round: section.title, label: row.label, ...values },
        };
      }),
    ),
  };
}
