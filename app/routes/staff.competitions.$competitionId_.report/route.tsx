// The donor report: one competition on A4 for a ministry or a funder, in the reader's language or
// the one asked for with ?lang= — the programme's figures, the money, the outcomes with their
// chart, and stories of winners who agreed to be named (first name and village only). Printed
// with the browser: no navigation on paper (app.css, @media print). Works without JavaScript.
import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { OutcomeChart } from '~/components/outcome-chart';
import { TableFrame } from '~/components/table-frame';
import { useHydrated } from '~/components/use-hydrated';
import { HTML_LANG, LOCALES, LOCALE_NATIVE_NAMES, isLocale } from '~/i18n/config';
import { fixedT } from '~/i18n/i18n.server';
import { TranslationProvider, useTranslation } from '~/i18n/react';
import { resources, type Resources } from '~/i18n/resources';
import { donorReport } from '~/services/donor-report.server';
import staffStyles from '~/styles/staff.css';
import { requirePermission } from '~/utils/auth.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'outcomes:read' };
export const meta = titleFromLoader;
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: staffStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'outcomes:read');
  const id = Number(params.competitionId);
  if (!Number.isInteger(id) || id <= 0) throw new Response('Not Found', { status: 404 });
  const asked = new URL(request.url).searchParams.get('lang');
  const locale = isLocale(asked) ? asked : user.locale;
  const report = donorReport(id, locale);
  if (!report) throw new Response('Not Found', { status: 404 });
  const texts = resources[locale];
  return json({
    pageTitle: fixedT(locale)('dashboard:report.title', {
      competition: report.competition.title,
    }),
    report,
    // The words of the report's language (it may differ from the reader's own).
    bundle: { common: texts.common, dashboard: texts.dashboard, outcomes: texts.outcomes },
  });
}

export default function DonorReportPage() {
  const { report, bundle } = useLoaderData<typeof loader>();
  return (
    <TranslationProvider locale={report.locale} bundle={bundle as unknown as Resources}>
      <Report />
    </TranslationProvider>
  );
}

function Report() {
  const { report } = useLoaderData<typeof loader>();
  const { competition, figures, villages, money, outcomes, stories } = report;
  const { t } = useTranslation(['dashboard', 'outcomes', 'common']);
  const hydrated = useHydrated();
  const dash = t('outcomes:figures.noData');
  const cell = (value: string | number | null) => (value === null ? dash : value);
  return (
    <article
      className="print-sheet donor-report stack"
      lang={HTML_LANG[report.locale]}
      data-testid="donor-report"
    >
      <div className="row no-print">
        <Link to={`/staff/competitions/${competition.id}/outcomes`}>
          <span aria-hidden="true">←</span> {t('report.back')}
        </Link>
        {hydrated ? (
          <button type="button" className="button" onClick={() => window.print()}>
            {t('report.print')}
          </button>
        ) : null}
      </div>
      <p className="no-print small">
        {t('report.otherLanguages')}{' '}
        {LOCALES.filter((l) => l !== report.locale).map((l) => (
          <Link key={l} to={`?lang=${l}`} lang={HTML_LANG[l]} className="agreement__language">
            {LOCALE_NATIVE_NAMES[l]}
          </Link>
        ))}
      </p>
      <header className="print-sheet__head">
        <h1>{t('report.title', { competition: competition.title })}</h1>
        <p className="muted">{t('report.intro')}</p>
      </header>

      <section className="stack" aria-labelledby="report-programme">
        <h2 id="report-programme">{t('report.programme')}</h2>
        <dl className="details" data-testid="report-figures">
          <dt>{t('report.applications')}</dt>
          <dd>{figures.text.applications}</dd>
          <dt>{t('report.eligible')}</dt>
          <dd>{figures.text.eligible}</dd>
          <dt>{t('report.awarded')}</dt>
          <dd>{figures.text.awarded}</dd>
          <dt>{t('report.paid')}</dt>
          <dd>{figures.text.paid}</dd>
        </dl>
        <TableFrame labelledBy="report-villages">
          <table data-testid="report-villages">
            <caption id="report-villages">{t('report.villagesTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('report.village')}</th>
                <th scope="col" className="num">
                  {t('report.applications')}
                </th>
                <th scope="col" className="num">
                  {t('report.awarded')}
                </th>
              </tr>
            </thead>
            <tbody>
              {villages.map((v) => (
                <tr key={v.id}>
                  <th scope="row">{v.name}</th>
                  <td className="num">{v.applications}</td>
                  <td className="num">{v.awarded}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      </section>

      <section className="stack" aria-labelledby="report-money">
        <h2 id="report-money">{t('report.money')}</h2>
        <dl className="details" data-testid="report-money">
          <dt>{t('report.budget')}</dt>
          <dd>{money.summary.budget}</dd>
          <dt>{t('report.moneyAwarded')}</dt>
          <dd>{money.summary.awarded}</dd>
          <dt>{t('report.committed')}</dt>
          <dd>{money.summary.committed}</dd>
          <dt>{t('report.moneyPaid')}</dt>
          <dd>{money.summary.paid}</dd>
          <dt>{t('report.remaining')}</dt>
          <dd>{money.summary.remaining}</dd>
        </dl>
      </section>

      <section className="stack" aria-labelledby="report-outcomes">
        <h2 id="report-outcomes">{t('report.outcomes')}</h2>
        <TableFrame labelledBy="report-outcomes-table">
          <table data-testid="report-outcomes">
            <caption id="report-outcomes-table">{t('outcomes:figures.tableTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('outcomes:figures.measure')}</th>
                <th scope="col" className="num">
                  {t('outcomes:figures.baseline')}
                </th>
                {outcomes.months.map((m) => (
                  <th key={m.month} scope="col" className="num">
                    {t('outcomes:figures.month', { month: m.month })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('outcomes:figures.recorded')}</th>
                <td className="num">{outcomes.baseline.recorded}</td>
                {outcomes.months.map((m) => (
                  <td key={m.month} className="num">
                    {m.recorded}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">{t('outcomes:figures.survival')}</th>
                <td className="num">{dash}</td>
                {outcomes.months.map((m) => (
                  <td key={m.month} className="num">
                    {cell(m.survival)}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">{t('outcomes:figures.medianRevenue')}</th>
                <td className="num">{dash}</td>
                {outcomes.months.map((m) => (
                  <td key={m.month} className="num">
                    {cell(m.medianRevenue)}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">{t('outcomes:figures.medianIncome')}</th>
                <td className="num">{cell(outcomes.baseline.medianIncome)}</td>
                {outcomes.months.map((m) => (
                  <td key={m.month} className="num">
                    {cell(m.medianIncome)}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">{t('outcomes:figures.agencyShare')}</th>
                <td className="num">{cell(outcomes.baseline.agencyShare)}</td>
                {outcomes.months.map((m) => (
                  <td key={m.month} className="num">
                    {cell(m.agencyShare)}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </TableFrame>
        <p className="small muted">{t('outcomes:figures.survivalNote')}</p>
        <dl className="details" data-testid="report-jobs">
          <dt>{t('outcomes:figures.jobsWomen')}</dt>
          <dd>{outcomes.jobs.women}</dd>
          <dt>{t('outcomes:figures.jobsMen')}</dt>
          <dd>{outcomes.jobs.men}</dd>
        </dl>
        {outcomes.chart ? (
          <OutcomeChart
            id="report-chart"
            chart={outcomes.chart}
            title={t('outcomes:figures.chartTitle')}
            description={t('outcomes:figures.chartDesc')}
            labels={{
              revenue: t('outcomes:figures.revenue'),
              income: t('outcomes:figures.income'),
            }}
          />
        ) : null}
      </section>

      <section className="stack" aria-labelledby="report-stories">
        <h2 id="report-stories">{t('report.stories')}</h2>
        <p className="small muted">{t('report.storiesNote')}</p>
        {stories.length === 0 ? (
          <p>{t('report.noStories')}</p>
        ) : (
          <ul className="stack" data-testid="report-stories">
            {stories.map((s) => (
              <li key={s.key}>
                {t('report.story', {
                  name: s.firstName,
                  village: s.village,
                  sector: s.sector ? t(`common:sectors.${s.sector}`) : t('report.noSector'),
                  status: s.status12
                    ? t(`outcomes:businessStatuses.${s.status12}`)
                    : t('report.notYet'),
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
