import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { DownloadLinks } from '~/components/download-links';
import { CheckboxGroup, FormAlert, SubmitButton } from '~/components/form-fields';
import { FormattedDateTime } from '~/components/formatted';
import { LocalizedString } from '~/components/localized';
import { Pagination, pageFromUrl } from '~/components/pagination';
import { RoundStatusBadge } from '~/components/round-status-badge';
import { TableFrame } from '~/components/table-frame';
import { useValidatedForm, type FormFailure } from '~/components/use-validated-form';
import { fixedT } from '~/i18n/i18n.server';
import { findAssignment } from '~/models/jury.server';
import { roundJurorLoadCounts } from '~/models/round-overview.server';
import { reasonSchema } from '~/schemas/round';
import { moveAssignmentSchema, roundJurorsSchema } from '~/schemas/round-admin';
import {
  assignRound,
  closeRound,
  moveAssignment,
  openRound,
  remindJurors,
  reopenScore,
  setRoundJurors,
} from '~/services/jury.server';
import {
  explainAssignRefusal,
  explainMoveRefusal,
  roundOverview,
  type AssignRefusalView,
  type MoveRefusalView,
} from '~/services/round-overview.server';
import roundStyles from '~/styles/rounds.css';
import staffStyles from '~/styles/staff.css';
import { requirePermission } from '~/utils/auth.server';
import { parseForm, readFormData, formIntent, formText } from '~/utils/forms.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';
import { AssignmentSection } from './assignment-section';
import { INTENT } from './intent';
import { AssignRefusal, MoveRefusal } from './refusals';

export const handle: RouteAccess = { access: 'rounds:manage' };
export const meta = titleFromLoader;
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: staffStyles },
  { rel: 'stylesheet', href: roundStyles },
];

/** What a success says when the page comes back (?done=…&count=…). */
const DONE = [
  'created',
  'saved',
  'jurors',
  'assigned',
  'moved',
  'opened',
  'reminded',
  'closed',
  'reopened',
] as const;
type Done = (typeof DONE)[number];

function roundIdFrom(params: { roundId?: string }): number {
  const id = Number(params.roundId);
  if (!Number.isInteger(id) || id <= 0) throw new Response('Not Found', { status: 404 });
  return id;
}

/** The pages of the two tables the URL asks for (kept across the actions' redirects). */
function pagesFrom(url: URL) {
  return { page: pageFromUrl(url), jurorsPage: pageFromUrl(url, 'jurorsPage') };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'rounds:manage');
  const overview = roundOverview(roundIdFrom(params), user.locale, pagesFrom(new URL(request.url)));
  if (!overview) throw new Response('Not Found', { status: 404 });
  // Who else may take an assignment is the round's jurors less those on the row: the page
  // works it out from one list instead of carrying it on every row.
  const assignments = overview.assignments.map(({ others: _others, ...row }) => row);
  return json({
    pageTitle: fixedT(user.locale)('rounds:page.title', {
      number: overview.round.number,
      name: overview.round.name,
    }),
    ...overview,
    assignments,
  });
}

export type RoundActionData =
  | { jurorsFailure: FormFailure }
  | { assignRefusal: AssignRefusalView }
  | { moveRefusal: MoveRefusalView & { assignmentId: number } }
  | { reopenFailure: FormFailure & { assignmentId: number } }
  | { roundError: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requirePermission(request, 'rounds:manage');
  const roundId = roundIdFrom(params);
  const locale = staff.user.locale;
  const formData = await readFormData(request);
  // Back to the same pages of the tables the form was sent from.
  const { page, jurorsPage } = pagesFrom(new URL(request.url));
  const done = (what: Done, count?: number) => {
    const search = new URLSearchParams({ done: what });
    if (count !== undefined) search.set('count', String(count));
    if (page > 1) search.set('page', String(page));
    if (jurorsPage > 1) search.set('jurorsPage', String(jurorsPage));
    return redirect(`/staff/rounds/${roundId}?${search}`);
  };
  const refused = (data: RoundActionData) => json<RoundActionData>(data, { status: 400 });
  const notFound = () => new Response('Not Found', { status: 404 });
  /** An assignment named in the form must belong to this round. */
  const assignmentOfRound = (value: FormDataEntryValue | number | null) => {
    const assignment = findAssignment(Number(value));
    if (!assignment || assignment.roundId !== roundId) throw notFound();
    return assignment;
  };

  switch (formIntent(formData)) {
    case INTENT.setJurors: {
      const parsed = parseForm(formData, roundJurorsSchema);
      if (!parsed.ok) return refused({ jurorsFailure: parsed.failure });
      const result = setRoundJurors(request, staff, roundId, parsed.data.jurorIds);
      if (!result.ok) {
        if (result.error === 'jury:errors.notFound') throw notFound();
        return refused({
          jurorsFailure: {
            formError: result.error,
            values: { jurorIds: formData.getAll('jurorIds').map(String) },
          },
        });
      }
      return done('jurors', new Set(parsed.data.jurorIds).size);
    }
    case INTENT.assign: {
      const result = assignRound(request, staff, roundId);
      if (!result.ok) {
        if (result.refusal.kind === 'not-found') throw notFound();
        return refused({ assignRefusal: explainAssignRefusal(roundId, result.refusal, locale) });
      }
      return done('assigned', result.assigned);
    }
    case INTENT.move: {
      const parsed = parseForm(formData, moveAssignmentSchema);
      if (!parsed.ok) throw new Response('Bad Request', { status: 400 });
      const { assignmentId, toJurorId } = parsed.data;
      assignmentOfRound(assignmentId);
      const result = moveAssignment(request, staff, assignmentId, toJurorId);
      if (!result.ok) {
        return refused({
          moveRefusal: {
            assignmentId,
            ...explainMoveRefusal(assignmentId, toJurorId, result.error, locale),
          },
        });
      }
      return done('moved');
    }
    case INTENT.open: {
      // Each juror with an assignment gets one e-mail (queued by the service).
      const told = roundJurorLoadCounts(roundId).assigned;
      const result = openRound(request, staff, roundId);
      if (!result.ok) {
        if (result.error === 'not-found') throw notFound();
        return refused({ roundError: `rounds:errors.${result.error}` });
      }
      return done('opened', told);
    }
    case INTENT.remind: {
      const result = remindJurors(request, staff, roundId);
      if (!result.ok) {
        if (result.error === 'not-found') throw notFound();
        return refused({ roundError: `rounds:errors.${result.error}` });
      }
      return done('reminded', result.reminded);
    }
    case INTENT.close: {
      const result = closeRound(request, staff, roundId);
      if (!result.ok) {
        if (result.error === 'not-found') throw notFound();
        return refused({ roundError: `rounds:errors.${result.error}` });
      }
      return done('closed');
    }
    case INTENT.reopen: {
      const assignment = assignmentOfRound(formText(formData, 'assignmentId'));
      const parsed = parseForm(formData, reasonSchema);
      if (!parsed.ok)
        return refused({ reopenFailure: { ...parsed.failure, assignmentId: assignment.id } });
      const result = reopenScore(request, staff, assignment.id, parsed.data.reason);
      if (!result.ok) {
        if (result.error === 'not-found') throw notFound();
        return refused({
          reopenFailure: {
            assignmentId: assignment.id,
            formError: `rounds:errors.reopen.${result.error}`,
            values: { reason: parsed.data.reason },
          },
        });
      }
      return done('reopened');
    }
    default:
      throw new Response('Unknown intent', { status: 400 });
  }
}

export default function RoundPage() {
  const data = useLoaderData<typeof loader>();
  const { round, competition, criteria } = data;
  const actionData = useActionData<typeof action>() as RoundActionData | undefined;
  const [searchParams] = useSearchParams();
  const { t } = useTranslation(['rounds', 'common']);
  const done = searchParams.get('done') as Done | null;
  const count = Number(searchParams.get('count') ?? 0) || 0;
  const roundError = actionData && 'roundError' in actionData ? actionData.roundError : undefined;
  const assignRefusal =
    actionData && 'assignRefusal' in actionData ? actionData.assignRefusal : null;
  const yesNo = (value: boolean) => t(value ? 'page.yes' : 'page.no');
  return (
    <div className="stack round-page wide-page">
      <p>
        <Link to={`/staff/competitions/${competition.id}`}>
          ← <LocalizedString value={competition.title} />
        </Link>
      </p>
      <h1>{t('page.title', { number: round.number, name: round.name })}</h1>
      <p>
        {t('page.status')} <RoundStatusBadge status={round.status} />
      </p>
      {done && (DONE as readonly string[]).includes(done) ? (
        <div className="alert alert--success" role="status">
          <p>
            {done === 'reminded' && count === 0
              ? t('done.remindedNone')
              : t(`done.${done}`, { count })}
          </p>
        </div>
      ) : null}
      <FormAlert message={roundError} />

      <section className="card stack" aria-labelledby="round-settings">
        <h2 id="round-settings">{t('page.settingsTitle')}</h2>
        <dl className="details details--stacked">
          <dt>{t('page.jurorsPerApplication')}</dt>
          <dd>{round.jurorsPerApplication}</dd>
          <dt>{t('page.blind')}</dt>
          <dd>{yesNo(round.isBlind)}</dd>
          <dt>{t('page.excludeOwnLocality')}</dt>
          <dd>{yesNo(round.excludeOwnLocality)}</dd>
          <dt>{t('page.opensAt')}</dt>
          <dd>
            <FormattedDateTime value={round.opensAt} />
          </dd>
          <dt>{t('page.closesAt')}</dt>
          <dd>
            <FormattedDateTime value={round.closesAt} />
          </dd>
          <dt>{t('page.timeZone')}</dt>
          <dd>{round.timeZone}</dd>
          <dt>{t('page.threshold')}</dt>
          <dd>{t('page.thresholdValue', { count: round.disagreementThreshold })}</dd>
          <dt>{t('page.normalisation')}</dt>
          <dd>{t(round.normalise ? 'page.normalisationOn' : 'page.normalisationOff')}</dd>
          {round.closedAt ? (
            <>
              <dt>{t('page.closedAt')}</dt>
              <dd>
                <FormattedDateTime value={round.closedAt} />
              </dd>
            </>
          ) : null}
        </dl>
        <p className="row">
          {round.status === 'draft' ? (
            <Link to={`/staff/rounds/${round.id}/edit`}>{t('page.edit')}</Link>
          ) : null}
          {round.status !== 'draft' ? (
            <Link to={`/staff/rounds/${round.id}/ranking`}>{t('page.ranking')}</Link>
          ) : null}
        </p>
      </section>

      <section className="stack">
        <h2>{t('page.criteriaTitle')}</h2>
        <TableFrame labelledBy="round-criteria-caption">
          <table>
            <caption id="round-criteria-caption" className="visually-hidden">
              {t('page.criteriaTitle')}
            </caption>
            <thead>
              <tr>
                <th scope="col">№</th>
                <th scope="col">{t('page.criterion')}</th>
                <th scope="col" className="num">
                  {t('page.maxPoints')}
                </th>
                <th scope="col" className="num">
                  {t('page.weight')}
                </th>
              </tr>
            </thead>
            <tbody>
              {criteria.map((c, index) => (
                <tr key={c.id}>
                  <td>{index + 1}</td>
                  <td>
                    <strong>
                      <LocalizedString value={c.title} />
                    </strong>
                    {c.description ? (
                      <p className="small muted criterion-description">
                        <LocalizedString value={c.description} />
                      </p>
                    ) : null}
                  </td>
                  <td className="num">{c.maxPoints}</td>
                  <td className="num">{c.weight}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      </section>

      <section className="card stack" aria-labelledby="round-pool">
        <h2 id="round-pool">{t('page.poolTitle')}</h2>
        <p>{t(round.number === 1 ? 'page.poolFirst' : 'page.poolLater', { count: data.pool })}</p>
        {data.unassigned > 0 ? (
          <div className="alert alert--warning">
            <p>{t('page.unassigned', { count: data.unassigned })}</p>
          </div>
        ) : null}
      </section>

      <JurorsSection />

      <section className="stack" aria-labelledby="round-assignment">
        <h2 id="round-assignment">{t('assign.title')}</h2>
        {round.status === 'draft' ? (
          <div className="card stack">
            <p>{t('assign.intro', { count: round.jurorsPerApplication })}</p>
            {data.assignmentsPaging.total > 0 ? <p className="muted">{t('assign.again')}</p> : null}
            <Form method="post">
              <SubmitButton name="intent" value={INTENT.assign}>
                {t(data.assignmentsPaging.total > 0 ? 'assign.buttonAgain' : 'assign.button')}
              </SubmitButton>
            </Form>
            {assignRefusal ? <AssignRefusal refusal={assignRefusal} /> : null}
          </div>
        ) : null}
        {actionData && 'moveRefusal' in actionData ? (
          <MoveRefusal refusal={actionData.moveRefusal} />
        ) : null}
        {data.assignmentsPaging.total > 0 ? (
          <DownloadLinks path={`/staff/rounds/${round.id}/assignments`} />
        ) : null}
        <AssignmentSection
          rows={data.assignments}
          jurors={data.roundJurors}
          paging={data.assignmentsPaging}
          status={round.status}
          needed={round.jurorsPerApplication}
          reopenFailure={
            actionData && 'reopenFailure' in actionData ? actionData.reopenFailure : null
          }
        />
      </section>

      <RunningSection />
    </div>
  );
}

function JurorsSection() {
  const data = useLoaderData<typeof loader>();
  const { round, jurors } = data;
  const actionData = useActionData<typeof action>() as RoundActionData | undefined;
  const { t } = useTranslation('rounds');
  const failure = actionData && 'jurorsFailure' in actionData ? actionData.jurorsFailure : null;
  const form = useValidatedForm({
    schema: roundJurorsSchema,
    failure,
    defaultValues: { jurorIds: data.roundJurors.map((j) => String(j.id)) },
  });
  return (
    <section className="stack" aria-labelledby="round-jurors">
      <h2 id="round-jurors">{t('jurors.title')}</h2>
      {round.status === 'draft' ? (
        <Form method="post" className="card form" noValidate onSubmit={form.onSubmit}>
          <FormAlert message={failure?.formError} />
          {data.jurorAccounts.length === 0 ? (
            <p className="muted">{t('jurors.noAccounts')}</p>
          ) : (
            <CheckboxGroup
              form={form}
              name="jurorIds"
              legend={t('jurors.choose')}
              hint={t(
                data.assignmentsPaging.total > 0
                  ? 'jurors.chooseHintAssigned'
                  : 'jurors.chooseHint',
              )}
              options={data.jurorAccounts.map((a) => ({
                value: String(a.id),
                label: a.village ? `${a.name} (${a.village})` : a.name,
              }))}
            />
          )}
          <div>
            <SubmitButton name="intent" value={INTENT.setJurors}>
              {t('jurors.save')}
            </SubmitButton>
          </div>
        </Form>
      ) : null}
      {jurors.length === 0 ? (
        <p className="muted">{t('jurors.none')}</p>
      ) : (
        <>
          <DownloadLinks path={`/staff/rounds/${round.id}/jurors`} />
          <TableFrame labelledBy="round-jurors-caption">
            <table>
              <caption id="round-jurors-caption" className="visually-hidden">
                {t('jurors.caption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('jurors.columns.juror')}</th>
                  <th scope="col">{t('jurors.columns.village')}</th>
                  <th scope="col">{t('jurors.columns.declaration')}</th>
                  <th scope="col" className="num">
                    {t('jurors.columns.assigned')}
                  </th>
                  <th scope="col" className="num">
                    {t('jurors.columns.submitted')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {jurors.map((juror) => (
                  <tr key={juror.id}>
                    <th scope="row">{juror.name}</th>
                    <td>{juror.village ?? '—'}</td>
                    <td>
                      {juror.declaredAt ? (
                        <>
                          <span className="mark mark--ok" aria-hidden="true">
                            ✓
                          </span>{' '}
                          {t('jurors.declaredOn')} <FormattedDateTime value={juror.declaredAt} />
                          <span className="small muted">
                            {' '}
                            · {t('jurors.conflicts', { count: juror.conflicts })}
                          </span>
                        </>
                      ) : (
                        <>
                          <span className="mark mark--pending" aria-hidden="true">
                            …
                          </span>{' '}
                          {t('jurors.notYet')}
                        </>
                      )}
                    </td>
                    <td className="num">{juror.assigned}</td>
                    <td className="num">{juror.submitted}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
          <Pagination
            {...data.jurorsPaging}
            param="jurorsPage"
            drop={['done', 'count']}
            label={t('jurors.pages')}
          />
        </>
      )}
    </section>
  );
}

function RunningSection() {
  const data = useLoaderData<typeof loader>();
  const { round, progress } = data;
  const { t } = useTranslation('rounds');
  return (
    <section className="card stack" aria-labelledby="round-running">
      <h2 id="round-running">{t('running.title')}</h2>
      {progress.assigned > 0 ? (
        <p>{t('running.progress', { count: progress.assigned, submitted: progress.submitted })}</p>
      ) : null}
      {round.status === 'draft' ? (
        data.assignmentsPaging.total === 0 ? (
          <p className="muted">{t('running.assignFirst')}</p>
        ) : (
          <details className="confirm">
            <summary>{t('running.open')}</summary>
            <div className="confirm__body stack">
              <p>
                {t('running.openConfirm', {
                  count: data.assignedJurors,
                })}
              </p>
              <Form method="post">
                <SubmitButton name="intent" value={INTENT.open}>
                  {t('running.openButton')}
                </SubmitButton>
              </Form>
            </div>
          </details>
        )
      ) : null}
      {round.status === 'open' ? (
        <div className="actions-list">
          <div className="stack">
            <p>
              {data.pendingJurors > 0
                ? t('running.pending', { count: data.pendingJurors })
                : t('running.nonePending')}
            </p>
            <Form method="post">
              <SubmitButton name="intent" value={INTENT.remind} variant="secondary">
                {t('running.remind')}
              </SubmitButton>
            </Form>
          </div>
          <details className="confirm">
            <summary>{t('running.close')}</summary>
            <div className="confirm__body stack">
              <p>
                {progress.assigned > progress.submitted
                  ? t('running.closeConfirm', { count: progress.assigned - progress.submitted })
                  : t('running.closeConfirmAll')}
              </p>
              <Form method="post">
                <SubmitButton name="intent" value={INTENT.close} variant="danger">
                  {t('running.closeButton')}
                </SubmitButton>
              </Form>
            </div>
          </details>
        </div>
      ) : null}
      {round.status === 'closed' ? (
        <p>
          {t('running.closed')}{' '}
          <Link to={`/staff/rounds/${round.id}/ranking`}>{t('page.ranking')}</Link>
        </p>
      ) : null}
    </section>
  );
}
