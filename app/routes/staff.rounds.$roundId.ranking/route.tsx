import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormAlert, SubmitButton, TextField, useErrorText } from '~/components/form-fields';
import { LocalizedString } from '~/components/localized';
import { RoundStatusBadge } from '~/components/round-status-badge';
import { TableFrame } from '~/components/table-frame';
import { useValidatedForm, type FormFailure } from '~/components/use-validated-form';
import { fixedT } from '~/i18n/i18n.server';
import { advanceChosenSchema, advanceTopSchema, normalisationSchema } from '~/schemas/round-admin';
import { advanceApplications, setNormalisation } from '~/services/jury.server';
import { NORMALISATION_MAPPING, formatPoints, rankingTable } from '~/services/round-ranking.server';
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
  const table = rankingTable(roundIdFrom(params), locale);
  if (!table) throw new Response('Not Found', { status: 404 });
  const { round } = table;
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
        jurorId: j.jurorId,
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
  const { round, mapping, rows, criteria } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as RankingActionData | undefined;
  const [searchParams] = useSearchParams();
  const { t } = useTranslation(['rounds', 'common']);
  const done = searchParams.get('done') as Done | null;
  const count = Number(searchParams.get('count') ?? 0) || 0;
  const closed = round.status === 'closed';
  const scored = rows.filter((r) => r.mean !== null).length;
  return (
    <div className="stack round-page">
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
          <p>{t(`ranking.done.${done}`, { count })}</p>
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
        <p className="muted">{t('ranking.count', { count: rows.length, scored })}</p>
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

      <RankingTable
        failure={actionData && 'chosenFailure' in actionData ? actionData.chosenFailure : null}
      />

      <section className="stack" aria-labelledby="breakdown-title">
        <h2 id="breakdown-title">{t('ranking.breakdownTitle')}</h2>
        <p>{t('ranking.breakdownIntro')}</p>
        <TableFrame labelledBy="breakdown-caption">
          <table>
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
                  <td className="num">{row.rank}</td>
                  <th scope="row">{row.reference}</th>
                  {row.criterionMeans.map((mean, index) => (
                    <td key={criteria[index]!.id} className="num">
                      {mean ?? '—'}
                    </td>
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
      <table className="ranking-table">
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
                <td className="select">
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
              <td className="num">{row.rank}</td>
              <th scope="row">
                <Link to={`/staff/applications/${row.applicationId}`} className="nowrap">
                  {row.reference}
                </Link>
                <span className="block small application-title">{row.title}</span>
              </th>
              <td>
                {row.village}
                <span className="block small muted">
                  {row.sector ? t(`common:sectors.${row.sector}`) : '—'}
                </span>
              </td>
              <td>
                {row.jurors.length === 0 ? (
                  <span className="muted">{t('ranking.noScores')}</span>
                ) : (
                  <ul className="juror-list">
                    {row.jurors.map((j) => (
                      <li key={j.jurorId}>
                        {j.name}: <span className="num">{j.total}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="num">
                {round.normalise ? (row.mean ?? '—') : <strong>{row.mean ?? '—'}</strong>}
              </td>
              {round.normalise ? (
                <td className="num">
                  <strong>{row.normalised ?? '—'}</strong>
                </td>
              ) : null}
              <td className="nowrap">
                {row.spread ?? '—'}
                {row.flagged ? (
                  <span className="flag">
                    <span aria-hidden="true">⚑</span> {t('ranking.discuss')}
                  </span>
                ) : null}
              </td>
              <td>
                <span className="badge">{t(`common:applicationStatuses.${row.status}`)}</span>
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
