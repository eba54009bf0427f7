// Money over baseline / 3 / 6 / 12 months as a line chart: plain SVG rendered on the server, no
// script needed. It is an image (role="img") named by its title and described by its description;
// the table or timeline beside it is the text alternative with the same figures. Lines differ by
// dash pattern and marker shape as well as by colour.
import { useTranslation } from '~/i18n/react';

type Point = { at: 'baseline' | 3 | 6 | 12; value: number | null; text: string | null };
type Chart = {
  series: { key: 'revenue' | 'income'; points: Point[] }[];
  ticks: { value: number; text: string }[];
  max: number;
};

const WIDTH = 640;
const HEIGHT = 260;
const PAD = { left: 120, right: 24, top: 16, bottom: 64 };
const STYLE = {
  revenue: { stroke: '#1d4ed8', dash: undefined },
  income: { stroke: '#b45309', dash: '6 4' },
} as const;

export function OutcomeChart({
  id,
  chart,
  title,
  description,
  labels,
}: {
  id: string;
  chart: Chart;
  title: string;
  description: string;
  labels: { revenue: string; income: string };
}) {
  const { t } = useTranslation('outcomes');
  const xs = chart.series[0]?.points.map((p) => p.at) ?? [];
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (xs.length <= 1 ? 0 : (i * plotW) / (xs.length - 1));
  const y = (value: number) => PAD.top + plotH - (chart.max > 0 ? (value / chart.max) * plotH : 0);
  const xLabel = (at: Point['at']) =>
    at === 'baseline' ? t('figures.baseline') : t('figures.month', { month: at });
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      className="outcome-chart"
      data-testid={id}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {chart.ticks.map((tick) => (
        <g key={tick.value}>
          <line
            x1={PAD.left}
            x2={WIDTH - PAD.right}
            y1={y(tick.value)}
            y2={y(tick.value)}
            stroke="#d4d4d8"
          />
          <text
            x={PAD.left - 8}
            y={y(tick.value) + 4}
            textAnchor="end"
            fontSize="12"
            fill="#3f3f46"
          >
            {tick.text}
          </text>
        </g>
      ))}
      {xs.map((at, i) => (
        <text key={at} x={x(i)} y={HEIGHT - PAD.bottom + 20} textAnchor="middle" fontSize="12">
          {xLabel(at)}
        </text>
      ))}
      {chart.series.map((series) => {
        const style = STYLE[series.key];
        // A gap in the data breaks the line rather than drawing through it.
        const path = series.points
          .map((p, i) =>
            p.value === null
              ? ''
              : `${i > 0 && series.points[i - 1]?.value !== null ? 'L' : 'M'}${x(i)},${y(p.value)}`,
          )
          .join(' ')
          .trim();
        return (
          <g key={series.key}>
            {path ? (
              <path
                d={path}
                fill="none"
                stroke={style.stroke}
                strokeWidth="2.5"
                strokeDasharray={style.dash}
              />
            ) : null}
            {series.points.map((p, i) =>
              p.value === null ? null : series.key === 'revenue' ? (
                <circle key={p.at} cx={x(i)} cy={y(p.value)} r="4.5" fill={style.stroke}>
                  <title>{`${labels.revenue}, ${xLabel(p.at)}: ${p.text}`}</title>
                </circle>
              ) : (
                <rect
                  key={p.at}
                  x={x(i) - 4.5}
                  y={y(p.value) - 4.5}
                  width="9"
                  height="9"
                  fill={style.stroke}
                >
                  <title>{`${labels.income}, ${xLabel(p.at)}: ${p.text}`}</title>
                </rect>
              ),
            )}
          </g>
        );
      })}
      <g fontSize="12">
        <line
          x1={PAD.left}
          x2={PAD.left + 28}
          y1={HEIGHT - 14}
          y2={HEIGHT - 14}
          stroke={STYLE.revenue.stroke}
          strokeWidth="2.5"
        />
        <text x={PAD.left + 34} y={HEIGHT - 10}>
          {labels.revenue}
        </text>
        <line
          x1={PAD.left + 240}
          x2={PAD.left + 268}
          y1={HEIGHT - 14}
          y2={HEIGHT - 14}
          stroke={STYLE.income.stroke}
          strokeWidth="2.5"
          strokeDasharray={STYLE.income.dash}
        />
        <text x={PAD.left + 274} y={HEIGHT - 10}>
          {labels.income}
        </text>
      </g>
    </svg>
  );
}
