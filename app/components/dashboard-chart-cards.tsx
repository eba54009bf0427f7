// Dashboard charts each in its card: bars, the consultations' stacked bars and the training
// figures with its requirement. Each dashboard (staff's, a facilitator's, a consultant's) adds its
// export links under each. Pages pass the loader's data.
import type { ReactNode } from 'react';
import type { Axis } from '~/components/charts/axis';
import {
  BarChart,
  StackedBarChart,
  type Bar,
  type ChartText,
  type StackedBar,
} from '~/components/charts/charts';
import { DashboardExportLinks } from '~/components/dashboard-export-links';

type BarCard = { key: string; text: ChartText; bars: Bar[]; axis: Axis; note: string | null };
type StackedCard = {
  key: string;
  text: ChartText;
  series: string[];
  bars: StackedBar[];
  axis: Axis;
  note: string;
};

export function DashboardChartCards({
  bars = [],
  stacked,
  extra,
  exportsFrom,
  after = exportsFrom
    ? (key, title) => <DashboardExportLinks {...exportsFrom} table={key} title={title} />
    : undefined,
}: {
  bars?: readonly BarCard[];
  stacked: readonly StackedCard[];
  extra?: (BarCard & { requirement: string | null }) | null;
  /** Each chart's downloads, the chart's key naming its table: the dashboard's path and query. */
  exportsFrom?: { base: string; query: string };
  /** Under each chart's figures table (other export links), by the chart's key. */
  after?: (key: string, title: string) => ReactNode;
}) {
  return (
    <div className="dashboard-grid">
      {[...bars, ...(extra ? [extra] : [])].map(
        (chart: BarCard & { requirement?: string | null }) => (
          <section key={chart.key} className="card stack" aria-labelledby={`${chart.key}-caption`}>
            <BarChart
              id={chart.key}
              text={chart.text}
              bars={chart.bars}
              axis={chart.axis}
              after={after?.(chart.key, chart.text.title)}
            />
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
            after={after?.(chart.key, chart.text.title)}
          />
          <p className="field__hint">{chart.note}</p>
        </section>
      ))}
    </div>
  );
}
