// The dashboard's jury section (issue 15): the histogram of a round's submitted totals and each
// juror's spread, against the hand-computed harsh / lenient / middle round of
// tests/support/round-scenario.ts, on a real SQLite file; the charts are labelled SVG whose
// figures tables hold the chart's data; the exports (CSV with BOM and Cyrillic, XLSX) parse back.
import ExcelJS from 'exceljs';
import { createElement, type ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { beforeAll, describe, expect, test } from 'vitest';
import { Histogram, SpreadChart } from '~/components/charts/charts';
import { TranslationProvider } from '~/i18n/react';
import { resources } from '~/i18n/resources';
import type { DashboardFilters } from '~/models/dashboard.server';
import {
  dashboardJury,
  juryExportTable,
  type RoundScoresSection,
} from '~/services/dashboard-jury-view.server';
import { dashboardExportTable } from '~/services/dashboard-view.server';
import { tableCsv, tableXlsx } from '~/services/ledger-export.server';
import { roundWorld, scoreWholeRound, type RoundWorld } from '../support/round-scenario';

/*
 * The round's submitted totals (out of 100):
 *   harsh 45, 25    lenient 90, 85, 70    middle 60, 70, 35
 * All eight, sorted: 25 35 45 60 70 70 85 90 → median (60 + 70) / 2 = 65, lowest 25, highest 90,
 * quartiles by nearest rank (⌈8/4⌉ = 2nd, ⌈6⌉ = 6th): 35 and 70.
 * Bins of ten: 20–30: 1, 30–40: 1, 40–50: 1, 60–70: 1, 70–80: 2, 80–90: 1, 90–100: 1.
 * Per juror (count, lowest, lower quartile, median, upper quartile, highest):
 *   harsh   2, 25, 25, 35, 45, 45      (median below the round's 65: harsh)
 *   lenient 3, 70, 70, 85, 90, 90      (above: lenient)
 *   middle  3, 35, 35, 60, 70, 70
 */
let world: RoundWorld;
let section: RoundScoresSection;

beforeAll(async () => {
  world = await roundWorld();
  scoreWholeRound(world);
  [section] = dashboardJury(filters(), 'en') as [RoundScoresSection];
});

const filters = (more: Partial<DashboardFilters> = {}): DashboardFilters => ({
  competitionId: world.competition.id,
  localityId: null,
  sector: null,
  ...more,
});

const figuresOf = (row: RoundScoresSection['spread']['rows'][number]) =>
  [row.count, row.min, row.q1, row.median, row.q3, row.max].map((f) => f.value);

describe('the jury figures', () => {
  test('the histogram counts each submitted total in its ten-point bin', () => {
    expect(section.histogram.bins.map((b) => b.value)).toEqual([0, 0, 1, 1, 1, 0, 1, 2, 1, 1]);
    expect(section.histogram.bins.map((b) => b.label)).toEqual([
      '0–10',
      '10–20',
      '20–30',
      '30–40',
      '40–50',
      '50–60',
      '60–70',
      '70–80',
      '80–90',
      '90–100',
    ]);
    expect(section.histogram.text.description).toBe(
      '8 submitted totals out of 100, from 25 to 90; median 65.',
    );
  });

  test('each juror’s spread by name, against the round’s median', () => {
    const byName = Object.fromEntries(section.spread.rows.map((r) => [r.label, figuresOf(r)]));
    expect(byName).toEqual({
      [world.jurors.harsh.name]: [2, 25, 25, 35, 45, 45],
      [world.jurors.lenient.name]: [3, 70, 70, 85, 90, 90],
      [world.jurors.middle.name]: [3, 35, 35, 60, 70, 70],
    });
    expect(section.spread.reference?.value).toBe(65);
    expect(section.spread.reference?.label).toBe('Round median 65');
  });

  test('nothing without a chosen competition; the village filter does not narrow a round', () => {
    expect(dashboardJury(filters({ competitionId: null }), 'en')).toEqual([]);
    const [narrowed] = dashboardJury(filters({ localityId: world.village.id + 100_000 }), 'en');
    expect(narrowed!.histogram.bins).toEqual(section.histogram.bins);
  });
});

function render(locale: 'ky' | 'en', element: ReactElement) {
  return renderToString(
    createElement(TranslationProvider, { locale, bundle: resources[locale] } as never, element),
  );
}

const tableRows = (html: string) =>
  [
    ...html.slice(html.indexOf('<tbody'), html.indexOf('</tbody>')).matchAll(/<tr>(.*?)<\/tr>/g),
  ].map((m) => [...m[1]!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((c) => c[1]));

describe('the jury charts', () => {
  test('the histogram is a labelled SVG whose table holds every bin the chart draws', () => {
    const [ky] = dashboardJury(filters(), 'ky');
    const { histogram } = ky!;
    const html = render(
      'ky',
      createElement(Histogram, {
        id: histogram.key,
        text: histogram.text,
        bins: histogram.bins,
        axis: histogram.axis,
      }),
    );
    expect(html).toContain('role="img"');
    expect(html).toContain(`<title id="${histogram.key}-title">${histogram.text.title}</title>`);
    expect(html).toContain(`<desc id="${histogram.key}-desc">`);
    expect(tableRows(html)).toEqual(histogram.bins.map((b) => [b.label, b.text]));
    const drawn = [...html.matchAll(/<rect [^>]*><title>(.*?)<\/title><\/rect>/g)].map((m) => m[1]);
    expect(drawn).toEqual(
      histogram.bins.filter((b) => b.value > 0).map((b) => `${b.label}: ${b.text}`),
    );
    expect(html).not.toContain('style=');
  });

  test('the spread chart draws a box and a median per juror, the round’s median as a dashed line', () => {
    const { spread } = section;
    const html = render(
      'en',
      createElement(SpreadChart, {
        id: spread.key,
        text: spread.text,
        rows: spread.rows,
        reference: spread.reference,
        axis: spread.axis,
      }),
    );
    expect(html).toContain('role="img"');
    expect(html).toContain('class="chart__reference"');
    expect((html.match(/<polygon /g) ?? []).length).toBe(spread.rows.length + 1);
    expect(tableRows(html)).toEqual(
      spread.rows.map((r) => [
        r.label,
        ...[r.count, r.min, r.q1, r.median, r.q3, r.max].map((f) => f.text),
      ]),
    );
    expect(html).toContain('Round median 65');
    expect(html).not.toContain('style=');
  });
});

describe('the jury exports', () => {
  test('the jurors’ CSV has a BOM and Cyrillic names; the bins’ XLSX holds the counts', async () => {
    const csv = tableCsv(dashboardExportTable(filters(), 'jurors', 'ru'), { delimiter: ';' });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(
      [
        resources.ru.dashboard.jury.round,
        resources.ru.dashboard.jurors.label,
        ...Object.values(resources.ru.dashboard.jurors.figures),
      ].join(';'),
    );
    expect(lines).toContain(`Тур 1;${world.jurors.harsh.name};2;25;25;35;45;45`);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await tableXlsx(juryExportTable(filters(), 'scores', 'en'))) as unknown as ArrayBuffer,
    );
    const rows: unknown[][] = [];
    workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows.slice(1).map((r) => r[2])).toEqual([0, 0, 1, 1, 1, 0, 1, 2, 1, 1]);
    expect(rows[3]).toEqual(['Тур 1', '20–30', 1]);
  });
});
