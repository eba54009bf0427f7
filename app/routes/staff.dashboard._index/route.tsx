// The programme dashboard: applications by village, sector and status, the funnel from
// registration to payment, and the money, for one competition or all, a village, a sector. The
// filters live in the URL so a view can be shared; the charts are SVG drawn on the server (no
// script needed) with their figures as tables, and every table downloads as CSV and Excel.
import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { BarChart, Histogram, LineChart, SpreadChart } from '~/components/charts/charts';
import { DashboardChartCards } from '~/components/dashboard-chart-cards';
import { DashboardExportLinks } from '~/components/dashboard-export-links';
import { DashboardFilterForm } from '~/components/dashboard-filter-form';
import { fixedT } from '~/i18n/i18n.server';
import { useTranslation } from '~/i18n/react';
import {
  dashboardFiltersFrom,
  dashboardPageFor,
  dashboardQuery,
  dashboardPeriodInput,
} from '~/services/dashboard-view.server';
import { programmeTimeZone } from '~/services/programme-clock.server';
import staffStyles from '~/styles/staff.css';
import { requirePermission } from '~/utils/auth.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'outcomes:read' };
export const meta = titleFromLoader;
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: staffStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'outcomes:read');
  const search = new URL(request.url).searchParams;
  const timeZone = programmeTimeZone();
  const filters = dashboardFiltersFrom(search, timeZone);
  return json({
    pageTitle: fixedT(user.locale)('dashboard:title'),
    // A malformed period is said next to its fields; the figures then cover every date.
    period: dashboardPeriodInput(search, timeZone),
    ...dashboardPageFor(user.locale, dashboardQuery(filters), timeZone),
  });
}

export default function DashboardPage() {
  const {
    filters,
    query,
    choices,
    charts,
    outcomes,
    outcomeSection,
    jury,
    consultations,
    training,
    moneyOverTime,
    period,
    periodNote,
  } = useLoaderData<typeof loader>();
  const { t } = useTranslation('dashboard');
  const exportLinks = (table: string, title: string) => (
    <DashboardExportLinks base="/staff/dashboard" table={table} title={title} query={query} />
  );
  return (
    <div className="stack">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <DashboardFilterForm action="/staff/dashboard" period={period}>
        <div className="field">
          <label htmlFor="dashboard-competition">{t('filters.competition')}</label>
          <select
            id="dashboard-competition"
            name="competition"
            defaultValue={filters.competitionId ? String(filters.competitionId) : ''}
          >
            <option value="">{t('filters.allCompetitions')}</option>
            {choices.competitions.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dashboard-village">{t('filters.village')}</label>
          <select
            id="dashboard-village"
            name="village"
            defaultValue={filters.localityId ? String(filters.localityId) : ''}
          >
            <option value="">{t('filters.allVillages')}</option>
            {choices.villages.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dashboard-sector">{t('filters.sector')}</label>
          <select id="dashboard-sector" name="sector" defaultValue={filters.sector ?? ''}>
            <option value="">{t('filters.allSectors')}</option>
            {choices.sectors.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
      </DashboardFilterForm>
      {periodNote ? <p className="card">{periodNote}</p> : null}
      <DashboardChartCards
        bars={charts}
        stacked={[]}
        after={(key, title) => {
          const chart = charts.find((c) => c.key === key)!;
          // Money is one table across currencies; export it once, under the first.
          const first = chart.key === charts.find((c) => c.table === chart.table)?.key;
          return first ? exportLinks(chart.table, title) : null;
        }}
      />
      <div className="dashboard-grid">
        {moneyOverTime.map((chart) => (
          <section key={chart.key} className="card stack" aria-labelledby={`${chart.key}-caption`}>
            <h2 id={`${chart.key}-caption`} className="chart__title">
              {chart.text.title}
            </h2>
            <LineChart
              id={chart.key}
              text={chart.text}
              xLabels={chart.xLabels}
              series={chart.series}
              axis={chart.axis}
            />
            {exportLinks('money-months', chart.text.title)}
          </section>
        ))}
      </div>
      <DashboardChartCards
        stacked={consultations}
        extra={training}
        exportsFrom={{ base: '/staff/dashboard', query }}
      />
      {jury.length > 0 ? (
        <section className="stack" aria-labelledby="dashboard-jury">
          <h2 id="dashboard-jury">{t('jury.title')}</h2>
          <p>{t('jury.scope')}</p>
          {jury.map((round) => (
            <div key={round.roundId} className="dashboard-grid">
              <section className="card stack" aria-labelledby={`${round.histogram.key}-caption`}>
                <Histogram
                  id={round.histogram.key}
                  text={round.histogram.text}
                  bins={round.histogram.bins}
                  axis={round.histogram.axis}
                  after={exportLinks('scores', round.histogram.text.title)}
                />
              </section>
              <section className="card stack" aria-labelledby={`${round.spread.key}-caption`}>
                <SpreadChart
                  id={round.spread.key}
                  text={round.spread.text}
                  rows={round.spread.rows}
                  reference={round.spread.reference}
                  axis={round.spread.axis}
                  after={exportLinks('jurors', round.spread.text.title)}
                />
                <p className="field__hint">{t('jurors.note')}</p>
              </section>
            </div>
          ))}
        </section>
      ) : null}
      {outcomeSection ? (
        <section className="stack" aria-labelledby="dashboard-outcomes">
          <h2 id="dashboard-outcomes">
            {t('outcomes.title')}: {outcomeSection.title}
          </h2>
          <p>
            {t('outcomes.scope')}{' '}
            <Link to={outcomeSection.href}>
              {t('outcomes.link', { competition: outcomeSection.title })}
            </Link>
          </p>
          <div className="dashboard-grid">
            {[outcomeSection.survival, outcomeSection.agency, outcomeSection.jobs].map((chart) => (
              <section
                key={chart.key}
                className="card stack"
                aria-labelledby={`${chart.key}-caption`}
              >
                <BarChart
                  id={chart.key}
                  text={chart.text}
                  bars={chart.bars}
                  axis={chart.axis}
                  after={exportLinks(chart.table, chart.text.title)}
                />
                {chart.note ? <p className="field__hint">{chart.note}</p> : null}
              </section>
            ))}
            <section className="card stack" aria-labelledby="outcomes-earnings-caption">
              <h3 id="outcomes-earnings-caption" className="chart__title">
                {outcomeSection.earnings.text.title}
              </h3>
              <LineChart
                id="outcomes-earnings"
                text={outcomeSection.earnings.text}
                xLabels={outcomeSection.earnings.xLabels}
                series={outcomeSection.earnings.series}
                axis={outcomeSection.earnings.axis}
              />
              {exportLinks('earnings', outcomeSection.earnings.text.title)}
            </section>
          </div>
        </section>
      ) : outcomes.length > 0 ? (
        <section className="card stack" aria-labelledby="dashboard-outcomes">
          <h2 id="dashboard-outcomes">{t('outcomes.title')}</h2>
          <p>
            {t('outcomes.text')} {t('outcomes.choose')}
          </p>
          <ul>
            {outcomes.map((o) => (
              <li key={o.href}>
                <Link to={o.href}>{t('outcomes.link', { competition: o.title })}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
