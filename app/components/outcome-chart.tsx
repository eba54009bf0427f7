// Money over baseline / 3 / 6 / 12 months as a line chart, drawn by the shared chart module. The
// table or timeline beside it on the page is the text alternative with the same figures.
import { useTranslation } from '~/i18n/react';
import { LineChart } from './charts/charts';

type Point = { at: 'baseline' | 3 | 6 | 12; value: number | null; text: string | null };
type Chart = {
  series: { key: 'revenue' | 'income'; points: Point[] }[];
  ticks: { value: number; text: string }[];
  max: number;
};

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
  const xLabels = (chart.series[0]?.points ?? []).map((p) =>
    p.at === 'baseline' ? t('figures.baseline') : t('figures.month', { month: p.at }),
  );
  return (
    <LineChart
      id={id}
      className="outcome-chart"
      figures={false}
      text={{ title, description, columns: [] }}
      xLabels={xLabels}
      series={chart.series.map((s) => ({ key: s.key, label: labels[s.key], points: s.points }))}
      axis={{ max: chart.max, ticks: chart.ticks }}
    />
  );
}
