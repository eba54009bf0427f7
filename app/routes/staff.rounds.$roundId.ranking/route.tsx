import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { Fragment } from 'react';
import { useTranslation } from '~/i18n/react';
import { FormAlert, SubmitButton, TextField, useErrorText } from '~/components/form-fields';
import { LocalizedString } from '~/components/localized';
import { Pagination, pageFromUrl } from '~/components/pagination';
import { RoundStatusBadge } from '~/components/round-status-badge';
import { TableFrame } from '~/components/table-frame';
import { useValidatedForm, type FormFailure } from '~/components/use-validated-form';
import { fixedT } from '~/i18n/i18n.server';
import {
  RANKING_SHOWS,
  advanceChosenSchema,
  advanceTopSchema,
  normalisationSchema,
} from '~/schemas/round-admin';
import { roundTitle } from '~/i18n/localized-text';
import { advanceApplications, setNormalisation } from '~/services/jury.server';
import {
  NORMALISATION_MAPPING,
  formatPoints,
  rankingPage,
  type RankingQuery,
} from '~/services/round-ranking.server';
import roundStyles from '~/styles/rounds.css';
import staffStyles from '~/styles/staff.css';
import { requirePermission } from '~/utils/auth.server';
import { parseForm, readFormData, formIntent } from '~/utils/forms.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'rounds:manage' };
export const meta = titleFromLoader;
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: staffStyles },
  { rel: 'stylesheet', href: roundStyles },
];

export const INTENT = {
  normalise: 'normalise',
  advanceTop: 'advance-top',
  advanceChosen: 'advance-chosen',
} as const;

const DONE = ['normalised-on', 'normalised-off', 'advanced'] as const;
type Done = (typeof DONE)[number];

function roundIdFrom(params: { roundId?: string }): number {
  const id = Number(params.roundId);
  if (!Number.isInteger(id) || id <= 0) throw new Response('Not Found', { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'rounds:manage');
  const locale = user.locale;
  const url = new URL(request.url);
  const query: RankingQuery = {
    page: pageFromUrl(url),
    q: (url.searchParams.get('q') ?? '').trim().slice(0, 100),
    show: RANKING_SHOWS.find((show) => show === url.searchParams.get('show')) ?? RANKING_SHOWS[0],
  };
  const table = rankingPage(roundIdFrom(params), locale, query);
  if (!table) throw new Response('Not Found', { status: 404 });
  const round = { ...table.round, name: roundTitle(table.round, locale).text };
  // Points are formatted here: browsers may lack the reader's number data (Kyrgyz).
  const points = (value: number | null) => (value === null ? null : formatPoints(value, locale));
  return json({
    pageTitle: fixedT(locale)('rounds:ranking.title', { number: round.number, name: round.name }),
    round: {
      id: round.id,
      number: round.number,
      name: round.name,
      status: round.status,
      normalise: round.normalise,
      threshold: round.disagreementThreshold,
    },
    mapping: NORMALISATION_MAPPING,
    query: { q: query.q, show: query.show },
    count: table.count,
    scored: table.scored,
    flagged: table.flagged,
    matching: table.matching,
    page: table.page,
    pageSize: table.pageSize,
    criteria: table.criteria.map((c) => ({ id: c.id, title: c.title, maxPoints: c.maxPoints })),
    rows: table.rows.map((row) => ({
      applicationId: row.applicationId,
      rank: row.rank,
      reference: row.reference,
      title: row.title,
      village: row.village,
      sector: row.sector,
      status: row.status,
      advanced: row.advanced,
      jurors: row.jurors.map((j) => ({
        name: j.name,
        total: points(j.total)!,
      })),
      mean: points(row.meanTotal),
      normalised: points(row.normalisedScore),
      spread: points(row.spread),
      flagged: row.flagged,
      criterionMeans: row.criterionMeans.map(points),
    })),
  });
}

type RankingActionData =
  { topFailure: FormFailure } | { chosenFailure: FormFailure } | { formError: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requirePermission(request, 'rounds:manage');
  const roundId = roundIdFrom(params);
  const formData = await readFormData(request);
  const refused = (data: RankingActionData) => json<RankingActionData>(data, { status: 400 });
  const advance = (choice: { topN: number } | { applicationIds: number[] }) => {
    const result = advanceApplications(request, staff, roundId, choice);
    if (result.ok)
      return redirect(`/staff/rounds/${roundId}/ranking?done=advanced&count=${result.advanced}`);
    if (result.error === 'not-found') throw new Response('Not Found', { status: 404 });
    return refused({ formError: `rounds:errors.advance.${result.error}` });
  };
  switch (formIntent(formData)) {
    case INTENT.normalise: {
      const parsed = parseForm(formData, normalisationSchema);
      if (!parsed.ok) throw new Response('Bad Request', { status: 400 });
      const on = parsed.data.normalise === 'on';
      if (!setNormalisation(request, staff, roundId, on))
        throw new Response('Not Found', { status: 404 });
      return redirect(`/staff/rounds/${roundId}/ranking?done=normalised-${on ? 'on' : 'off'}`);
    }
    case INTENT.advanceTop: {
      const parsed = parseForm(formData, advanceTopSchema);
      if (!parsed.ok) return refused({ topFailure: parsed.failure });
      return advance({ topN: parsed.data.topN });
    }
    case INTENT.advanceChosen: {
      const parsed = parseForm(formData, advanceChosenSchema);
      if (!parsed.ok) return refused({ chosenFailure: parsed.failure });
      return advance({ applicationIds: parsed.data.applicationIds });
    }
    default:
      throw new Response('Unknown intent', { status: 400 });
  }
}

export default function RankingPage() {
  const { round, mapping, rows, criteria, count, scored, flagged, matching, page, pageSize } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as RankingActionData | undefined;
  const [searchParams] = useSearchParams();
  const { t } = useTranslation(['rounds', 'common']);
  const done = searchParams.get('done') as Done | null;
  const doneCount = Number(searchParams.get('count') ?? 0) || 0;
  const closed = round.status === 'closed';
  return (
    <div className="stack round-page wide-page">
      <p>
        <Link to={`/staff/rounds/${round.id}`}>
          ← {t('page.title', { number: round.number, name: round.name })}
        </Link>
      </p>
      <h1>{t('ranking.title', { number: round.number, name: round.name })}</h1>
      <p>
        {t('page.status')} <RoundStatusBadge status={round.status} />
      </p>
      {done && (DONE as readonly string[]).includes(done) ? (
        <div className="alert alert--success" role="status">
          <p>{t(`ranking.done.${done}`, { count: doneCount })}</p>
        </div>
      ) : null}
      {actionData && 'formError' in actionData ? (
        <FormAlert message={actionData.formError} />
      ) : null}
      {round.status === 'open' ? (
        <div className="alert alert--info">
          <p>{t('ranking.provisional')}</p>
        </div>
      ) : null}

      <section className="card stack" aria-labelledby="ranking-method">
        <h2 id="ranking-method">{t('ranking.methodTitle')}</h2>
        <p>{t('ranking.methodTotal')}</p>
        <p>{t('ranking.methodMean')}</p>
        <p id="normalisation-mapping">
          {t('ranking.methodNormalised', {
            centre: mapping.centre,
            perSd: mapping.pointsPerSd,
          })}
        </p>
        <p>{t('ranking.methodFlag', { count: round.threshold })}</p>
        <p>{t('ranking.methodTies')}</p>
        <p>
          <strong>
            {t(round.normalise ? 'ranking.normalisationOn' : 'ranking.normalisationOff')}
          </strong>
        </p>
        <Form method="post">
          <input type="hidden" name="normalise" value={round.normalise ? 'off' : 'on'} />
          <SubmitButton name="intent" value={INTENT.normalise} variant="secondary">
            {t(round.normalise ? 'ranking.switchOff' : 'ranking.switchOn')}
          </SubmitButton>
        </Form>
      </section>

      <div className="row">
        <p className="muted">
          {t('ranking.count', { count, scored })} · {t('ranking.flaggedCount', { number: flagged })}
        </p>
        <details className="menu">
          <summary className="button button--secondary">{t('ranking.export')}</summary>
          <div className="menu__panel">
            <a href={`/staff/rounds/${round.id}/ranking.csv`} download>
              {t('ranking.exportCsv')}
            </a>
            <a href={`/staff/rounds/${round.id}/ranking.xlsx`} download>
              {t('ranking.exportXlsx')}
            </a>
          </div>
        </details>
      </div>

      {closed ? (
        <AdvanceTop
          failure={actionData && 'topFailure' in actionData ? actionData.topFailure : null}
        />
      ) : (
        <p className="muted">{t('ranking.advanceWhenClosed')}</p>
      )}

      <RankingFilter />
      <p className="muted" aria-live="polite">
        {t('ranking.matching', { number: matching })}
      </p>
      {rows.length === 0 ? (
        <p>{t('ranking.noneMatching')}</p>
      ) : (
        <RankingTable
          failure={actionData && 'chosenFailure' in actionData ? actionData.chosenFailure : null}
        />
      )}
      <Pagination page={page} pageSize={pageSize} total={matching} />

      <section className="stack" aria-labelledby="breakdown-title">
        <h2 id="breakdown-title">{t('ranking.breakdownTitle')}</h2>
        <p>{t('ranking.breakdownIntro')}</p>
        <TableFrame labelledBy="breakdown-caption">
          {/* Its rows carry no classes: the numbers align in the stylesheet. */}
          <table className="breakdown-table">
            <caption id="breakdown-caption" className="visually-hidden">
              {t('ranking.breakdownTitle')}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('ranking.columns.rank')}
                </th>
                <th scope="col">{t('ranking.columns.reference')}</th>
                {criteria.map((c, index) => (
                  <th key={c.id} scope="col" className="num">
                    {c.title ? (
                      <LocalizedString value={c.title} />
                    ) : (
                      t('criteria.number', { number: index + 1 })
                    )}{' '}
                    <span className="small muted">
                      {t('ranking.ofMax', { count: c.maxPoints })}
                    </span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.applicationId}>
                  <td>{row.rank}</td>
                  <th scope="row">{row.reference}</th>
                  {row.criterionMeans.map((mean, index) => (
                    <td key={index}>{mean ?? '—'}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      </section>
    </div>
  );
}

/** Search by reference or idea, and show only the flagged or the unscored; a GET form, no JS needed. */
function RankingFilter() {
  const { query } = useLoaderData<typeof loader>();
  const { t } = useTranslation('rounds');
  return (
    <Form method="get" className="card filters" aria-labelledby="ranking-filter-title">
      <h2 id="ranking-filter-title" className="visually-hidden">
        {t('ranking.filterTitle')}
      </h2>
      <div className="field">
        <label htmlFor="ranking-q">{t('ranking.search')}</label>
        <input id="ranking-q" name="q" type="search" defaultValue={query.q} maxLength={100} />
      </div>
      <div className="field">
        <label htmlFor="ranking-show">{t('ranking.show')}</label>
        <select id="ranking-show" name="show" defaultValue={query.show}>
          {RANKING_SHOWS.map((show) => (
            <option key={show} value={show}>
              {t(`ranking.shows.${show}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="filters__actions">
        <button type="submit" className="button">
          {t('ranking.apply')}
        </button>
        {query.q || query.show !== 'all' ? (
          <Link to="?" className="button button--secondary">
            {t('ranking.clear')}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}

function AdvanceTop({ failure }: { failure: FormFailure | null }) {
  const { t } = useTranslation('rounds');
  const form = useValidatedForm({ schema: advanceTopSchema, failure, defaultValues: { topN: '' } });
  return (
    <section className="card stack" aria-labelledby="advance-title">
      <h2 id="advance-title">{t('ranking.advanceTitle')}</h2>
      <p>{t('ranking.advanceIntro')}</p>
      <Form method="post" className="advance-top" noValidate onSubmit={form.onSubmit}>
        <TextField
          form={form}
          name="topN"
          type="number"
          min={1}
          step={1}
          inputMode="numeric"
          label={t('ranking.topN')}
        />
        <SubmitButton name="intent" value={INTENT.advanceTop}>
          {t('ranking.advanceTop')}
        </SubmitButton>
      </Form>
    </section>
  );
}

function RankingTable({ failure }: { failure: FormFailure | null }) {
  const { round, rows } = useLoaderData<typeof loader>();
  const { t } = useTranslation(['rounds', 'common']);
  const errorText = useErrorText();
  const closed = round.status === 'closed';
  const form = useValidatedForm({
    schema: advanceChosenSchema,
    failure,
    defaultValues: { applicationIds: [] },
  });
  const ticked = new Set(
    ([] as unknown[]).concat(failure?.values?.applicationIds ?? []).map((id) => String(id)),
  );
  const idsError = errorText(
    form.hydrated
      ? (form.formState.errors.applicationIds?.message as string | undefined)
      : form.serverErrors.applicationIds,
  );
  const table = (
    <TableFrame labelledBy="ranking-caption">
      {/* The rows carry no classes (a page of them stays light): the columns align in the
          stylesheet, told by the table which optional columns it has. */}
      <table
        className={[
          'ranking-table',
          closed ? 'ranking-table--choose' : '',
          round.normalise ? 'ranking-table--normalised' : '',
        ]
          .filter(Boolean)
          .join(' ')}
      >
        <caption id="ranking-caption">
          {t(round.normalise ? 'ranking.captionNormalised' : 'ranking.captionMean')}
        </caption>
        <thead>
          <tr>
            {closed ? (
              <th scope="col" className="select">
                <span className="visually-hidden">{t('ranking.columns.choose')}</span>
              </th>
            ) : null}
            <th scope="col" className="num">
              {t('ranking.columns.rank')}
            </th>
            <th scope="col">
              {t('ranking.columns.reference')}
              <span className="block small">{t('ranking.columns.title')}</span>
            </th>
            <th scope="col">
              {t('ranking.columns.village')}
              <span className="block small">{t('ranking.columns.sector')}</span>
            </th>
            <th scope="col">{t('ranking.columns.jurors')}</th>
            <th scope="col" className="num">
              {t('ranking.columns.mean')}
            </th>
            {round.normalise ? (
              <th scope="col" className="num">
                {t('ranking.columns.normalised')}
              </th>
            ) : null}
            <th scope="col">{t('ranking.columns.spread')}</th>
            <th scope="col">{t('ranking.columns.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.applicationId} className={row.flagged ? 'is-flagged' : undefined}>
              {closed ? (
                <td>
                  <input
                    type="checkbox"
                    value={String(row.applicationId)}
                    defaultChecked={ticked.has(String(row.applicationId))}
                    aria-label={t('ranking.chooseRow', { reference: row.reference })}
                    aria-describedby={idsError ? 'chosen-error' : undefined}
                    {...form.register('applicationIds')}
                  />
                </td>
              ) : null}
              <td>{row.rank}</td>
              <th scope="row">
                <Link to={`/staff/applications/${row.applicationId}`}>{row.reference}</Link>
                <small>{row.title}</small>
              </th>
              <td>
                {row.village}
                <small>{row.sector ? t(`common:sectors.${row.sector}`) : '—'}</small>
              </td>
              <td>
                {row.jurors.length === 0
                  ? t('ranking.noScores')
                  : row.jurors.map((j, index) => (
                      <Fragment key={index}>
                        {index > 0 ? <br /> : null}
                        {`${j.name}: ${j.total}`}
                      </Fragment>
                    ))}
              </td>
              <td>{round.normalise ? (row.mean ?? '—') : <strong>{row.mean ?? '—'}</strong>}</td>
              {round.normalise ? (
                <td>
                  <strong>{row.normalised ?? '—'}</strong>
                </td>
              ) : null}
              <td>
                {row.spread ?? '—'}
                {row.flagged ? (
                  <span className="flag">
                    <span aria-hidden="true">⚑</span> {t('ranking.discuss')}
                  </span>
                ) : null}
              </td>
              <td>
                {t(`common:applicationStatuses.${row.status}`)}
                {row.advanced ? (
                  <span className="badge badge--ok">{t('ranking.advanced')}</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  );
  if (!closed) return table;
  return (
    <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
      {table}
      <div className="card stack">
        {idsError ? (
          <p id="chosen-error" className="field__error" role="alert">
            {idsError}
          </p>
        ) : null}
        <p className="field__hint">{t('ranking.advanceChosenHint')}</p>
        <div>
          <SubmitButton name="intent" value={INTENT.advanceChosen}>
            {t('ranking.advanceChosen')}
          </SubmitButton>
        </div>
      </div>
    </Form>
  );
}
