// The charts of Ishenim: plain SVG drawn on the server, so they work with JavaScript off, print,
// and cost a family's phone nothing. Pages pass data (labels and numbers already formatted on the
// server in the reader's language), never drawing code. Each chart is an image (role="img") named
// by its title and described by a text summary; its figures are a table beside it, behind
// "Show the figures", which keyboards and screen readers reach. Series differ by colour
// (colour-blind safe), dash pattern and marker shape, so they stay apart in black-and-white print.
// Styling lives in the stylesheet (classes), since the CSP blocks inline style attributes.
import type { ReactNode } from 'react';
import { TableFrame } from '~/components/table-frame';
import { useTranslation } from '~/i18n/react';
import type { Axis } from './axis';
import { seriesStyle, type Marker } from './palette';

/** One bar: its key (stable), its label, its value and that value as the page shows it. */
export type Bar = { key: string; label: string; value: number; text: string };

/** A chart's title, summary and the headings of its table. */
export type ChartText = {
  title: string;
  description: string;
  /** Headings of the figures table: the category column, then the value column(s). */
  columns: readonly string[];
};

function ChartFrame({
  id,
  text,
  width,
  height,
  className,
  children,
}: {
  id: string;
  text: ChartText;
  width: number;
  height: number;
  className?: string;
  children: ReactNode;
}) {
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      className={className ?? 'chart__svg'}
      data-testid={id}
    >
      <title id={`${id}-title`}>{text.title}</title>
      <desc id={`${id}-desc`}>{text.description}</desc>
      {children}
    </svg>
  );
}

/** The chart's figures as a table, shown on demand; the same numbers the chart draws. */
export function FiguresTable({
  id,
  text,
  rows,
  after,
}: {
  id: string;
  text: ChartText;
  rows: { key: string; cells: readonly string[] }[];
  after?: ReactNode;
}) {
  const { t } = useTranslation('dashboard');
  return (
    <details className="chart__figures" data-testid={`${id}-figures`}>
      <summary>{t('chart.showFigures')}</summary>
      <TableFrame label={text.title}>
        <table>
          <caption className="visually-hidden">{text.title}</caption>
          <thead>
            <tr>
              {text.columns.map((column, index) => (
                <th key={column} scope="col" className={index > 0 ? 'numeric' : undefined}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                {row.cells.map((cell, index) =>
                  index === 0 ? (
                    <th key={index} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={index} className="num">
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
      {after}
    </details>
  );
}

/** A chart with its caption, its SVG and its figures table: the frame every chart shares. */
function ChartFigure({
  id,
  text,
  width,
  height,
  rows,
  after,
  children,
}: {
  id: string;
  text: ChartText;
  width: number;
  height: number;
  rows: { key: string; cells: readonly string[] }[];
  after?: ReactNode;
  children: ReactNode;
}) {
  return (
    <figure className="chart">
      <figcaption id={`${id}-caption`} className="chart__title">
        {text.title}
      </figcaption>
      <ChartFrame id={id} text={text} width={width} height={height}>
        {children}
      </ChartFrame>
      <FiguresTable id={id} text={text} rows={rows} after={after} />
    </figure>
  );
}

const BAR = { width: 640, row: 28, gap: 8, left: 200, right: 96, top: 8, bottom: 28 };

/**
 * Horizontal bars, one per category (villages, sectors, statuses, the funnel's steps, a
 * histogram's bins): long labels fit on the left, each bar carries its figure at its end.
 */
export function BarChart({
  id,
  text,
  bars,
  axis,
  after,
}: {
  id: string;
  text: ChartText;
  bars: readonly Bar[];
  axis: Axis;
  /** Shown under the figures table (e.g. export links). */
  after?: ReactNode;
}) {
  const plotW = BAR.width - BAR.left - BAR.right;
  const height = BAR.top + Math.max(1, bars.length) * (BAR.row + BAR.gap) + BAR.bottom;
  const plotBottom = height - BAR.bottom;
  const x = (value: number) => BAR.left + (axis.max > 0 ? (value / axis.max) * plotW : 0);
  return (
    <ChartFigure
      id={id}
      text={text}
      width={BAR.width}
      height={height}
      rows={bars.map((bar) => ({ key: bar.key, cells: [bar.label, bar.text] }))}
      after={after}
    >
      {axis.ticks.map((tick) => (
        <g key={tick.value} className="chart__grid">
          <line x1={x(tick.value)} x2={x(tick.value)} y1={BAR.top} y2={plotBottom} />
          <text x={x(tick.value)} y={plotBottom + 18} textAnchor="middle">
            {tick.text}
          </text>
        </g>
      ))}
      {bars.map((bar, i) => {
        const y = BAR.top + i * (BAR.row + BAR.gap) + BAR.gap / 2;
        const w = Math.max(0, x(bar.value) - BAR.left);
        return (
          <g key={bar.key} className="chart__bar">
            <text x={BAR.left - 8} y={y + BAR.row / 2 + 4} textAnchor="end">
              {bar.label}
            </text>
            <rect x={BAR.left} y={y} width={w} height={BAR.row}>
              <title>{`${bar.label}: ${bar.text}`}</title>
            </rect>
            <text x={BAR.left + w + 6} y={y + BAR.row / 2 + 4} className="chart__value">
              {bar.text}
            </text>
          </g>
        );
      })}
    </ChartFigure>
  );
}

/** One line: its label and a value (or a gap: null) with its text at each x position. */
export type LineSeries = {
  key: string;
  label: string;
  points: readonly { value: number | null; text: string | null }[];
};

const LINE = { width: 640, height: 260, left: 120, right: 24, top: 16, bottom: 64 };

function MarkerShape({
  shape,
  cx,
  cy,
  colour,
  label,
}: {
  shape: Marker;
  cx: number;
  cy: number;
  colour: string;
  label: string;
}) {
  const r = 4.5;
  const hint = <title>{label}</title>;
  if (shape === 'circle')
    return (
      <circle cx={cx} cy={cy} r={r} fill={colour}>
        {hint}
      </circle>
    );
  if (shape === 'square')
    return (
      <rect x={cx - r} y={cy - r} width={2 * r} height={2 * r} fill={colour}>
        {hint}
      </rect>
    );
  const points =
    shape === 'triangle'
      ? `${cx},${cy - r - 1} ${cx + r + 1},${cy + r} ${cx - r - 1},${cy + r}`
      : `${cx},${cy - r - 1} ${cx + r + 1},${cy} ${cx},${cy + r + 1} ${cx - r - 1},${cy}`;
  return (
    <polygon points={points} fill={colour}>
      {hint}
    </polygon>
  );
}

/**
 * Lines over time (baseline, 3, 6, 12 months; quarters): a gap in the data breaks the line rather
 * than drawing through it. `figures: false` when the page already shows the same figures as a
 * table next to the chart.
 */
export function LineChart({
  id,
  text,
  xLabels,
  series,
  axis,
  className,
  figures = true,
}: {
  id: string;
  text: ChartText;
  xLabels: readonly string[];
  series: readonly LineSeries[];
  axis: Axis;
  className?: string;
  figures?: boolean;
}) {
  const plotW = LINE.width - LINE.left - LINE.right;
  const plotH = LINE.height - LINE.top - LINE.bottom;
  const x = (i: number) =>
    LINE.left + (xLabels.length <= 1 ? 0 : (i * plotW) / (xLabels.length - 1));
  const y = (value: number) => LINE.top + plotH - (axis.max > 0 ? (value / axis.max) * plotH : 0);
  const svg = (
    <ChartFrame id={id} text={text} width={LINE.width} height={LINE.height} className={className}>
      {axis.ticks.map((tick) => (
        <g key={tick.value} className="chart__grid">
          <line x1={LINE.left} x2={LINE.width - LINE.right} y1={y(tick.value)} y2={y(tick.value)} />
          <text x={LINE.left - 8} y={y(tick.value) + 4} textAnchor="end">
            {tick.text}
          </text>
        </g>
      ))}
      {xLabels.map((label, i) => (
        <text
          key={label}
          x={x(i)}
          y={LINE.height - LINE.bottom + 20}
          textAnchor="middle"
          className="chart__label"
        >
          {label}
        </text>
      ))}
      {series.map((line, index) => {
        const style = seriesStyle(index);
        const path = line.points
          .map((p, i) =>
            p.value === null
              ? ''
              : `${i > 0 && line.points[i - 1]?.value !== null ? 'L' : 'M'}${x(i)},${y(p.value)}`,
          )
          .join(' ')
          .trim();
        return (
          <g key={line.key}>
            {path ? (
              <path
                d={path}
                fill="none"
                stroke={style.colour}
                strokeWidth="2.5"
                strokeDasharray={style.dash}
              />
            ) : null}
            {line.points.map((p, i) =>
              p.value === null ? null : (
                <MarkerShape
                  key={i}
                  shape={style.marker}
                  cx={x(i)}
                  cy={y(p.value)}
                  colour={style.colour}
                  label={`${line.label}, ${xLabels[i]}: ${p.text}`}
                />
              ),
            )}
          </g>
        );
      })}
      <g className="chart__legend">
        {series.map((line, index) => {
          const style = seriesStyle(index);
          const left = LINE.left + index * 240;
          return (
            <g key={line.key}>
              <line
                x1={left}
                x2={left + 28}
                y1={LINE.height - 14}
                y2={LINE.height - 14}
                stroke={style.colour}
                strokeWidth="2.5"
                strokeDasharray={style.dash}
              />
              <MarkerShape
                shape={style.marker}
                cx={left + 14}
                cy={LINE.height - 14}
                colour={style.colour}
                label={line.label}
              />
              <text x={left + 34} y={LINE.height - 10}>
                {line.label}
              </text>
            </g>
          );
        })}
      </g>
    </ChartFrame>
  );
  if (!figures) return svg;
  return (
    <figure className="chart">
      {svg}
      <FiguresTable
        id={id}
        text={text}
        rows={xLabels.map((label, i) => ({
          key: label,
          cells: [label, ...series.map((line) => line.points[i]?.text ?? '—')],
        }))}
      />
    </figure>
  );
}

/** One category of a stacked bar chart: a value (with its text) per series, in series order. */
export type StackedBar = {
  key: string;
  label: string;
  values: readonly { value: number; text: string }[];
  totalText: string;
};

/** A fill per series: its colour with a hatching of its own, so print in grey keeps them apart. */
function SeriesPatterns({ id, count }: { id: string; count: number }) {
  return (
    <defs>
      {Array.from({ length: count }, (_, index) => {
        const style = seriesStyle(index);
        const kind = index % 4;
        return (
          <pattern
            key={index}
            id={`${id}-fill-${index}`}
            width="8"
            height="8"
            patternUnits="userSpaceOnUse"
          >
            <rect width="8" height="8" fill={style.colour} />
            {kind === 1 ? <path d="M0,8 L8,0" stroke="#fff" strokeWidth="1.5" /> : null}
            {kind === 2 ? <circle cx="4" cy="4" r="1.5" fill="#fff" /> : null}
            {kind === 3 ? <path d="M0,4 H8 M4,0 V8" stroke="#fff" strokeWidth="1.5" /> : null}
          </pattern>
        );
      })}
    </defs>
  );
}

/**
 * Horizontal stacked bars: each category's parts side by side in one bar (e.g. consultations held,
 * missed and cancelled per village), with a legend; the table gives every part and the total.
 */
export function StackedBarChart({
  id,
  text,
  series,
  bars,
  axis,
  after,
}: {
  id: string;
  /** columns: the category heading, one heading per series, then the total's heading. */
  text: ChartText;
  series: readonly string[];
  bars: readonly StackedBar[];
  axis: Axis;
  after?: ReactNode;
}) {
  const plotW = BAR.width - BAR.left - BAR.right;
  const legendH = 24;
  const height = BAR.top + Math.max(1, bars.length) * (BAR.row + BAR.gap) + BAR.bottom + legendH;
  const plotBottom = height - BAR.bottom - legendH;
  const scale = (value: number) => (axis.max > 0 ? (value / axis.max) * plotW : 0);
  return (
    <ChartFigure
      id={id}
      text={text}
      width={BAR.width}
      height={height}
      rows={bars.map((bar) => ({
        key: bar.key,
        cells: [bar.label, ...bar.values.map((part) => part.text), bar.totalText],
      }))}
      after={after}
    >
      <SeriesPatterns id={id} count={series.length} />
      {axis.ticks.map((tick) => (
        <g key={tick.value} className="chart__grid">
          <line
            x1={BAR.left + scale(tick.value)}
            x2={BAR.left + scale(tick.value)}
            y1={BAR.top}
            y2={plotBottom}
          />
          <text x={BAR.left + scale(tick.value)} y={plotBottom + 18} textAnchor="middle">
            {tick.text}
          </text>
        </g>
      ))}
      {bars.map((bar, i) => {
        const y = BAR.top + i * (BAR.row + BAR.gap) + BAR.gap / 2;
        let left = BAR.left;
        return (
          <g key={bar.key} className="chart__stack">
            <text x={BAR.left - 8} y={y + BAR.row / 2 + 4} textAnchor="end">
              {bar.label}
            </text>
            {bar.values.map((part, index) => {
              const w = scale(part.value);
              const x = left;
              left += w;
              return part.value > 0 ? (
                <rect
                  key={index}
                  x={x}
                  y={y}
                  width={w}
                  height={BAR.row}
                  fill={`url(#${id}-fill-${index})`}
                >
                  <title>{`${bar.label}, ${series[index]}: ${part.text}`}</title>
                </rect>
              ) : null;
            })}
            <text x={left + 6} y={y + BAR.row / 2 + 4} className="chart__value">
              {bar.totalText}
            </text>
          </g>
        );
      })}
      <g className="chart__legend">
        {series.map((name, index) => (
          <g key={name}>
            <rect
              x={BAR.left + index * 140}
              y={height - 18}
              width="14"
              height="14"
              fill={`url(#${id}-fill-${index})`}
            />
            <text x={BAR.left + index * 140 + 20} y={height - 6}>
              {name}
            </text>
          </g>
        ))}
      </g>
    </ChartFigure>
  );
}

const HIST = { width: 640, height: 240, left: 56, right: 16, top: 16, bottom: 40 };

/**
 * A histogram: how many values fall in each bin (a round's submitted totals per ten points),
 * drawn as touching vertical bars over the bins' labels, the count above each bar.
 */
export function Histogram({
  id,
  text,
  bins,
  axis,
  after,
}: {
  id: string;
  /** columns: the bin's heading, then the count's. */
  text: ChartText;
  /** In order along the axis; each bin's label is its range ("10–20"). */
  bins: readonly Bar[];
  axis: Axis;
  after?: ReactNode;
}) {
  const plotW = HIST.width - HIST.left - HIST.right;
  const plotH = HIST.height - HIST.top - HIST.bottom;
  const binW = plotW / Math.max(1, bins.length);
  const y = (value: number) => HIST.top + plotH - (axis.max > 0 ? (value / axis.max) * plotH : 0);
  return (
    <ChartFigure
      id={id}
      text={text}
      width={HIST.width}
      height={HIST.height}
      rows={bins.map((bin) => ({ key: bin.key, cells: [bin.label, bin.text] }))}
      after={after}
    >
      {axis.ticks.map((tick) => (
        <g key={tick.value} className="chart__grid">
          <line x1={HIST.left} x2={HIST.width - HIST.right} y1={y(tick.value)} y2={y(tick.value)} />
          <text x={HIST.left - 8} y={y(tick.value) + 4} textAnchor="end">
            {tick.text}
          </text>
        </g>
      ))}
      {bins.map((bin, i) => {
        const x = HIST.left + i * binW;
        return (
          <g key={bin.key} className="chart__bar">
            {bin.value > 0 ? (
              <rect x={x} y={y(bin.value)} width={binW} height={y(0) - y(bin.value)}>
                <title>{`${bin.label}: ${bin.text}`}</title>
              </rect>
            ) : null}
            {bin.value > 0 ? (
              <text
                x={x + binW / 2}
                y={y(bin.value) - 4}
                textAnchor="middle"
                className="chart__value"
              >
                {bin.text}
              </text>
            ) : null}
            <text
              x={x + binW / 2}
              y={HIST.height - HIST.bottom + 18}
              textAnchor="middle"
              className="chart__label"
            >
              {bin.label}
            </text>
          </g>
        );
      })}
    </ChartFigure>
  );
}

/** One row of a spread chart: five figures of a person's values, each with its text. */
export type SpreadRow = {
  key: string;
  label: string;
  count: { value: number; text: string };
  min: { value: number; text: string };
  q1: { value: number; text: string };
  median: { value: number; text: string };
  q3: { value: number; text: string };
  max: { value: number; text: string };
};

const SPREAD = { width: 640, row: 28, gap: 8, left: 200, right: 24, top: 8, bottom: 52 };

/**
 * A box plot, one row per person (each juror's totals in a round): a whisker from lowest to
 * highest, a box from the lower to the upper quartile, the median as a thick mark with a diamond,
 * and the whole group's median as a dashed reference line across every row, so a row sitting
 * left of it (harsh) or right of it (lenient) is seen at a glance.
 */
export function SpreadChart({
  id,
  text,
  rows,
  reference,
  axis,
  after,
}: {
  id: string;
  /** columns: the row's heading, then count, lowest, lower quartile, median, upper quartile, highest. */
  text: ChartText;
  rows: readonly SpreadRow[];
  /** The reference line (the round's median) with its legend text. */
  reference: { value: number; label: string } | null;
  axis: Axis;
  after?: ReactNode;
}) {
  const plotW = SPREAD.width - SPREAD.left - SPREAD.right;
  const height = SPREAD.top + Math.max(1, rows.length) * (SPREAD.row + SPREAD.gap) + SPREAD.bottom;
  const plotBottom = height - SPREAD.bottom;
  const x = (value: number) => SPREAD.left + (axis.max > 0 ? (value / axis.max) * plotW : 0);
  const box = seriesStyle(0);
  const mark = seriesStyle(1);
  return (
    <ChartFigure
      id={id}
      text={text}
      width={SPREAD.width}
      height={height}
      rows={rows.map((row) => ({
        key: row.key,
        cells: [
          row.label,
          ...[row.count, row.min, row.q1, row.median, row.q3, row.max].map((f) => f.text),
        ],
      }))}
      after={after}
    >
      {axis.ticks.map((tick) => (
        <g key={tick.value} className="chart__grid">
          <line x1={x(tick.value)} x2={x(tick.value)} y1={SPREAD.top} y2={plotBottom} />
          <text x={x(tick.value)} y={plotBottom + 18} textAnchor="middle">
            {tick.text}
          </text>
        </g>
      ))}
      {rows.map((row, i) => {
        const top = SPREAD.top + i * (SPREAD.row + SPREAD.gap) + SPREAD.gap / 2;
        const middle = top + SPREAD.row / 2;
        const hint = `${row.label}: ${row.min.text} – ${row.max.text}, ${text.columns[4]} ${row.median.text}`;
        return (
          <g key={row.key} className="chart__spread">
            <text x={SPREAD.left - 8} y={middle + 4} textAnchor="end">
              {row.label}
            </text>
            <line
              x1={x(row.min.value)}
              x2={x(row.max.value)}
              y1={middle}
              y2={middle}
              stroke={box.colour}
              strokeWidth="1.5"
            />
            <rect
              x={x(row.q1.value)}
              y={top + 4}
              width={Math.max(1, x(row.q3.value) - x(row.q1.value))}
              height={SPREAD.row - 8}
              fill="#fff"
              stroke={box.colour}
              strokeWidth="2"
            >
              <title>{hint}</title>
            </rect>
            <line
              x1={x(row.median.value)}
              x2={x(row.median.value)}
              y1={top + 2}
              y2={top + SPREAD.row - 2}
              stroke={mark.colour}
              strokeWidth="3"
            />
            <MarkerShape
              shape="diamond"
              cx={x(row.median.value)}
              cy={middle}
              colour={mark.colour}
              label={hint}
            />
          </g>
        );
      })}
      {reference ? (
        <line
          x1={x(reference.value)}
          x2={x(reference.value)}
          y1={SPREAD.top}
          y2={plotBottom}
          stroke="#000"
          strokeWidth="1.5"
          strokeDasharray="6 4"
          className="chart__reference"
        />
      ) : null}
      <g className="chart__legend">
        <MarkerShape
          shape="diamond"
          cx={SPREAD.left + 7}
          cy={height - 14}
          colour={mark.colour}
          label={text.columns[4] ?? ''}
        />
        <text x={SPREAD.left + 20} y={height - 10}>
          {text.columns[4]}
        </text>
        {reference ? (
          <g>
            <line
              x1={SPREAD.left + 200}
              x2={SPREAD.left + 228}
              y1={height - 14}
              y2={height - 14}
              stroke="#000"
              strokeWidth="1.5"
              strokeDasharray="6 4"
            />
            <text x={SPREAD.left + 234} y={height - 10}>
              {reference.label}
            </text>
          </g>
        ) : null}
      </g>
    </ChartFigure>
  );
}
