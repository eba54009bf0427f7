// The charts a facilitator's or a consultant's small dashboard shows: bars, the consultations'
// stacked bars and the training figures, each in its card. Pages pass the loader's data.
import type { Axis } from '~/components/charts/axis';
import {
  BarChart,
  StackedBarChart,
  type Bar,
  type ChartText,
  type StackedBar,
} from '~/components/charts/charts';

type BarCard = { key: string; text: ChartText; bars: Bar[]; axis: Axis; note: string | null };
type StackedCard = {
  key: string;
  text: ChartText;
  series: string[];
  bars: StackedBar[];
  axis: Axis;
  note: string;
};

export function OwnDashboardCharts({
  bars = [],
  stacked,
  extra,
}: {
  bars?: readonly BarCard[];
  stacked: readonly StackedCard[];
  extra?: (BarCard & { requirement: string | null }) | null;
}) {
  return (
    <div className="dashboard-grid">
      {[...bars, ...(extra ? [extra] : [])].map(
        (chart: BarCard & { requirement?: string | null }) => (
          <section key={chart.key} className="card stack" aria-labelledby={`${chart.key}-caption`}>
            <BarChart id={chart.key} text={chart.text} bars={chart.bars} axis={chart.axis} />
            {chart.requirement ? <p>{chart.requirement}</p> : null}
            {chart.note ? <p className="field__hint">{chart.note}</p> : null}
          </section>
        ),
      )}
      {stacked.map((chart) => (
        <section key={chart.key} className="card stack" aria-labelledby={`${chart.key}-caption`}>
          <StackedBarChart
            id={chart.key}
            text={chart.text}
            series={chart.series}
            bars={chart.bars}
            axis={chart.axis}
          />
          <p className="field__hint">{chart.note}</p>
        </section>
      ))}
    </div>
  );
}
