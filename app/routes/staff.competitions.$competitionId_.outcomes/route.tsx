// A competition's outcomes against the baseline: business survival, median revenue and household
// income, jobs created and women's say over their earnings at 3, 6 and 12 months, as a table and a
// chart drawn on the server; the visits exports; and, while it pays out or is monitored, closing
// it early with a reason. Works without JavaScript.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { FormAlert, RequiredMark, SubmitButton, useErrorText } from '~/components/form-fields';
import { OutcomeChart } from '~/components/outcome-chart';
import { CompetitionStatusBadge } from '~/components/status-badges';
import { TableFrame } from '~/components/table-frame';
import { useValidatedForm, type FormFailure } from '~/components/use-validated-form';
import { fixedT } from '~/i18n/i18n.server';
import { useTranslation } from '~/i18n/react';
import { closeCompetitionSchema } from '~/schemas/outcome-views';
import { outcomesPage } from '~/services/outcome-figures.server';
import { closeCompetition } from '~/services/outcome-lifecycle.server';
import staffStyles from '~/styles/staff.css';
import { requirePermission } from '~/utils/auth.server';
import { formFailure, formIntent, parseForm, readFormData } from '~/utils/forms.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'outcomes:read' };
export const meta = titleFromLoader;
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: staffStyles }];

export const INTENT = { close: 'close-competition' } as const;

function competitionIdFrom(params: { competitionId?: string }): number {
  const id = Number(params.competitionId);
  if (!Number.isInteger(id) || id <= 0) throw new Response('Not Found', { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'outcomes:read');
  const page = outcomesPage(competitionIdFrom(params), user.locale);
  if (!page) throw new Response('Not Found', { status: 404 });
  return json({
    pageTitle: fixedT(user.locale)('outcomes:figures.title', {
      competition: page.competition.title,
    }),
    ...page,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requirePermission(request, 'outcomes:read');
  const id = competitionIdFrom(params);
  const formData = await readFormData(request);
  if (formIntent(formData) !== INTENT.close) throw new Response('Unknown intent', { status: 400 });
  const parsed = parseForm(formData, closeCompetitionSchema);
  if (!parsed.ok) return formFailure(parsed.failure);
  const result = closeCompetition(request, staff, id, parsed.data.reason);
  if (result.ok) return redirect(`/staff/competitions/${id}/outcomes?done=closed`);
  if (result.error === 'not-found') throw new Response('Not Found', { status: 404 });
  if (result.error === 'reason-required')
    return formFailure({ fieldErrors: { reason: 'outcomes:close.errors.reason-required' } });
  return json<FormFailure>({ formError: `outcomes:close.errors.${result.error}` }, { status: 409 });
}

export default function OutcomesPage() {
  const data = useLoaderData<typeof loader>();
  const { competition, counts, baseline, months, jobs, chart } = data;
  const [search] = useSearchParams();
  const { t } = useTranslation(['outcomes', 'dashboard']);
  const dash = t('figures.noData');
  const cell = (value: string | number | null) => (value === null ? dash : value);
  return (
    <div className="stack">
      <p>
        <Link to={`/staff/competitions/${competition.id}`}>← {t('figures.back')}</Link>
      </p>
      <h1>{t('figures.title', { competition: competition.title })}</h1>
      {search.get('done') === 'closed' ? (
        <div className="alert alert--success" role="status">
          <p>{t('close.done')}</p>
        </div>
      ) : null}
      <p>
        <CompetitionStatusBadge status={competition.status} />
      </p>
      <p>
        <a href={`/staff/competitions/${competition.id}/visits.csv`} download>
          {t('export.linkCsv')}
        </a>
        {' · '}
        <a href={`/staff/competitions/${competition.id}/visits.xlsx`} download>
          {t('export.linkXlsx')}
        </a>
      </p>
      <p>
        <Link to={`/staff/competitions/${competition.id}/report`}>
          {t('dashboard:report.link')}
        </Link>
      </p>

      <section className="card stack" aria-labelledby="counts-title">
        <h2 id="counts-title">{t('figures.countsTitle')}</h2>
        <dl className="details" data-testid="outcome-counts">
          <dt>{t('figures.grants')}</dt>
          <dd>{counts.grants}</dd>
          <dt>{t('figures.visitsDone')}</dt>
          <dd>{counts.done}</dd>
          <dt>{t('figures.visitsDue')}</dt>
          <dd>{counts.due}</dd>
          <dt>{t('figures.visitsOverdue')}</dt>
          <dd>{counts.overdue}</dd>
        </dl>
      </section>

      <section className="card stack" aria-labelledby="figures-title">
        <TableFrame labelledBy="figures-title">
          <table data-testid="outcome-figures">
            <caption id="figures-title">{t('figures.tableTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('figures.measure')}</th>
                <th scope="col" className="num">
                  {t('figures.baseline')}
                </th>
                {months.map((m) => (
                  <th key={m.month} scope="col" className="num">
                    {t('figures.month', { month: m.month })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('figures.recorded')}</th>
                <td className="num">{baseline.recorded}</td>
                {months.map((m) => (
                  <td key={m.month} className="num">
                    {m.recorded}
                  </td>
                ))}
              </tr>
              {(['operating', 'paused', 'closed'] as const).map((status) => (
                <tr key={status}>
                  <th scope="row">{t(`figures.${status}`)}</th>
                  <td className="num">{dash}</td>
                  {months.map((m) => (
                    <td key={m.month} className="num">
                      {m[status]}
                    </td>
                  ))}
                </tr>
              ))}
              <tr data-testid="row-survival">
                <th scope="row">{t('figures.survival')}</th>
                <td className="num">{dash}</td>
                {months.map((m) => (
                  <td key={m.month} className="num">
                    {cell(m.survival)}
                  </td>
                ))}
              </tr>
              <tr data-testid="row-revenue">
                <th scope="row">{t('figures.medianRevenue')}</th>
                <td className="num">{dash}</td>
                {months.map((m) => (
                  <td key={m.month} className="num">
                    {cell(m.medianRevenue)}
                  </td>
                ))}
              </tr>
              <tr data-testid="row-income">
                <th scope="row">{t('figures.medianIncome')}</th>
                <td className="num">{cell(baseline.medianIncome)}</td>
                {months.map((m) => (
                  <td key={m.month} className="num">
                    {cell(m.medianIncome)}
                  </td>
                ))}
              </tr>
              <tr data-testid="row-agency">
                <th scope="row">{t('figures.agencyShare')}</th>
                <td className="num">{cell(baseline.agencyShare)}</td>
                {months.map((m) => (
                  <td key={m.month} className="num">
                    {cell(m.agencyShare)}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </TableFrame>
        <p className="small muted">{t('figures.survivalNote')}</p>
      </section>

      <section className="card stack" aria-labelledby="jobs-title">
        <h2 id="jobs-title">{t('figures.jobsTitle')}</h2>
        <p>{t('figures.jobsIntro', { count: jobs.grants })}</p>
        <dl className="details" data-testid="outcome-jobs">
          <dt>{t('figures.jobsWomen')}</dt>
          <dd>{jobs.women}</dd>
          <dt>{t('figures.jobsMen')}</dt>
          <dd>{jobs.men}</dd>
        </dl>
      </section>

      {chart ? (
        <section className="card stack" aria-labelledby="chart-title">
          <h2 id="chart-title">{t('figures.chartTitle')}</h2>
          <OutcomeChart
            id="outcome-chart"
            chart={chart}
            title={t('figures.chartTitle')}
            description={t('figures.chartDesc')}
            labels={{ revenue: t('figures.revenue'), income: t('figures.income') }}
          />
        </section>
      ) : null}

      {competition.closable ? <CloseCompetition /> : null}
    </div>
  );
}

/** Staff close the competition early; the reason is required and kept in the audit log. */
function CloseCompetition() {
  const { t } = useTranslation('outcomes');
  const failure = useActionData<typeof action>() as FormFailure | undefined;
  const errorText = useErrorText();
  const form = useValidatedForm({
    schema: closeCompetitionSchema,
    failure,
    defaultValues: { reason: '' },
  });
  const id = 'close-reason';
  const error = errorText(
    form.hydrated ? form.formState.errors.reason?.message : form.serverErrors.reason,
  );
  return (
    <section className="card stack" aria-labelledby="close-title">
      <h2 id="close-title">{t('close.title')}</h2>
      <p id={`${id}-hint`}>{t('close.intro')}</p>
      <FormAlert message={failure?.formError} />
      <Form method="post" noValidate onSubmit={form.onSubmit} className="stack">
        <div className="field">
          <div className="field__label">
            <label htmlFor={id}>{t('close.reason')}</label>
            <RequiredMark />
          </div>
          <textarea
            id={id}
            rows={3}
            aria-required="true"
            defaultValue={String(failure?.values?.reason ?? '')}
            aria-invalid={error ? true : undefined}
            aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
            {...form.register('reason')}
          />
          {error ? (
            <p id={`${id}-error`} className="field__error">
              {error}
            </p>
          ) : null}
        </div>
        <SubmitButton name="intent" value={INTENT.close} variant="danger">
          {t('close.button')}
        </SubmitButton>
      </Form>
    </section>
  );
}
