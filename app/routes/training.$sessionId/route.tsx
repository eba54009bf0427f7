import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '~/components/form-fields';
import { FormattedDateTime } from '~/components/formatted';
import { Pagination, pageFromUrl } from '~/components/pagination';
import { TrainingSessionForm } from '~/components/training-session-form';
import { fixedT } from '~/i18n/i18n.server';
import { rollCallSchema, trainingSessionSchema } from '~/schemas/training';
import {
  cancelTrainingSession,
  recordRollCall,
  trainingSessionFor,
  updateTrainingSession,
} from '~/services/training.server';
import { trainingSessionView } from '~/services/training-view.server';
import staffStyles from '~/styles/staff.css';
import { requirePermission } from '~/utils/auth.server';
import { formFailure, formIntent, parseForm, readFormData, refuse } from '~/utils/forms.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';
import type { SessionUser } from '~/utils/session.server';

export const handle: RouteAccess = { access: 'training:manage' };
export const meta = titleFromLoader;
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: staffStyles }];

export const INTENT = { update: 'update', cancel: 'cancel', rollCall: 'roll-call' } as const;
const SAVED = ['created', 'updated', 'cancelled', 'rollCall'] as const;

function sessionOr404(actor: SessionUser, param: string | undefined) {
  const id = /^[1-9]\d{0,14}$/.test(param ?? '') ? Number(param) : null;
  const session = id ? trainingSessionFor(actor, id) : null;
  if (!session) throw new Response('Not Found', { status: 404 });
  return session;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'training:manage');
  const session = sessionOr404(actor, params.sessionId);
  const url = new URL(request.url);
  const view = trainingSessionView(actor, session, pageFromUrl(url), new Date());
  const t = fixedT(actor.user.locale);
  const saved = SAVED.find((s) => s === url.searchParams.get('saved')) ?? null;
  return json({
    // The tab title never names the topic (one of them is violence in the family).
    pageTitle: t('training:session.pageTitle', { date: view.session.startsAt.text }),
    saved,
    present: Number(url.searchParams.get('present')) || 0,
    absent: Number(url.searchParams.get('absent')) || 0,
    ...view,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, 'training:manage');
  const session = sessionOr404(actor, params.sessionId);
  const formData = await readFormData(request);
  const intent = formIntent(formData);
  const here = `/training/${session.id}`;
  if (intent === INTENT.update) {
    const parsed = parseForm(formData, trainingSessionSchema);
    if (!parsed.ok) return formFailure(parsed.failure);
    const result = updateTrainingSession(request, actor, session.id, parsed.data);
    if (result.ok) return redirect(`${here}?saved=updated`);
    if ('error' in result)
      return refuse(formData, { field: result.error.field, message: result.error.error });
    return refuse(formData, { message: `training:errors.${refusalKey(result.refusal)}` }, 409);
  }
  if (intent === INTENT.cancel) {
    const result = cancelTrainingSession(request, actor, session.id);
    if (result.ok) return redirect(`${here}?saved=cancelled`);
    return refuse(formData, { message: `training:errors.${refusalKey(result.refusal)}` }, 409);
  }
  if (intent === INTENT.rollCall) {
    const parsed = parseForm(formData, rollCallSchema);
    if (!parsed.ok) throw new Response('Bad request', { status: 400 });
    const result = recordRollCall(request, actor, session.id, parsed.data);
    if (!result.ok)
      return refuse(formData, { message: `training:errors.${refusalKey(result.refusal)}` }, 409);
    const page = pageFromUrl(new URL(request.url));
    return redirect(
      `${here}?saved=rollCall&present=${result.present}&absent=${result.absent}&page=${page}#roll-call`,
    );
  }
  throw new Response('Unknown intent', { status: 400 });
}

function refusalKey(
  refusal: 'not-found' | 'cancelled' | 'has-attendance' | 'not-started' | 'not-in-locality',
) {
  return (
    {
      'not-found': 'notFound',
      cancelled: 'cancelled',
      'has-attendance': 'hasAttendance',
      'not-started': 'notStarted',
      'not-in-locality': 'notInLocality',
    } as const
  )[refusal];
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

function RollCall({ data }: { data: Data }) {
  const { t } = useTranslation('training');
  const { rollCall } = data;
  if (data.session.status === 'cancelled') return <p>{t('rollCall.cancelled')}</p>;
  if (!rollCall.open) return <p>{t('rollCall.notYet')}</p>;
  if (rollCall.total === 0) return <p>{t('rollCall.none')}</p>;
  return (
    <Form
      method="post"
      action={`/training/${data.session.id}?page=${rollCall.page}`}
      className="stack roll-call"
    >
      <input type="hidden" name="intent" value={INTENT.rollCall} />
      <p>{t('rollCall.intro')}</p>
      <p className="muted">
        {t('rollCall.households', {
          from: rollCall.from,
          to: rollCall.from + rollCall.households.length - 1,
          total: rollCall.total,
        })}
      </p>
      {rollCall.households.map((household) => (
        <fieldset key={household.id} className="card roll-call__household">
          <legend>
            {t('rollCall.household', {
              number: household.number,
              names: household.members[0]?.name ?? '',
            })}
          </legend>
          {household.address ? (
            <p className="small muted">{t('rollCall.address', { address: household.address })}</p>
          ) : null}
          <ul className="plain-list">
            {household.members.map((member) => (
              <li key={member.id} className="checkbox">
                <input type="hidden" name="memberIds" value={member.id} />
                <input
                  type="checkbox"
                  id={`present-${member.id}`}
                  name="present"
                  value={member.id}
                  defaultChecked={member.present}
                />
                <label htmlFor={`present-${member.id}`}>
                  {t('rollCall.member', {
                    name: member.name,
                    relation: member.relation,
                    year: member.birthYear,
                  })}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ))}
      <div>
        <button type="submit" className="button">
          {t('rollCall.save')}
        </button>
      </div>
      <Pagination
        page={rollCall.page}
        pageSize={rollCall.pageSize}
        total={rollCall.total}
        drop={['saved', 'present', 'absent']}
      />
    </Form>
  );
}

export default function TrainingSessionPage() {
  const data = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { t } = useTranslation('training');
  const { session } = data;
  return (
    <div className="stack">
      <p>
        <Link to="/training">← {t('session.back')}</Link>
      </p>
      <h1>
        {t(`topics.${session.topic}`)}, <FormattedDateTime value={session.startsAt} />
      </h1>
      {data.saved ? (
        <div className="alert alert--success" role="status">
          <p>{t(`session.saved.${data.saved}`, { present: data.present, absent: data.absent })}</p>
        </div>
      ) : null}
      <FormAlert message={failure?.formError} />
      <section className="card" aria-labelledby="session-details">
        <h2 id="session-details">{t('session.details')}</h2>
        <dl className="details">
          <dt>{t('session.when')}</dt>
          <dd>
            <FormattedDateTime value={session.startsAt} />
          </dd>
          <dt>{t('session.length')}</dt>
          <dd>{t('session.minutes', { count: session.minutes })}</dd>
          <dt>{t('session.village')}</dt>
          <dd>{session.village}</dd>
          <dt>{t('session.where')}</dt>
          <dd>{session.place}</dd>
          <dt>{t('session.trainer')}</dt>
          <dd>{session.trainerName}</dd>
          <dt>{t('session.status')}</dt>
          <dd>{t(`status.${session.status}`)}</dd>
        </dl>
      </section>
      <section className="stack" aria-labelledby="roll-call" id="roll-call-section">
        <h2 id="roll-call">{t('rollCall.title')}</h2>
        <RollCall data={data} />
      </section>
      {session.status === 'scheduled' ? (
        <>
          <details className="card">
            <summary>{t('form.editTitle')}</summary>
            <TrainingSessionForm
              saved={data.form}
              failure={failure}
              localities={data.localities}
              intent={INTENT.update}
              submitLabel={t('form.save')}
              idPrefix="edit-session"
            />
          </details>
          <section className="card stack" aria-labelledby="cancel-session">
            <h2 id="cancel-session">{t('session.cancelTitle')}</h2>
            <p className="muted">{t('session.cancelHint')}</p>
            <Form method="post">
              <button
                type="submit"
                name="intent"
                value={INTENT.cancel}
                className="button button--danger"
              >
                {t('session.cancel')}
              </button>
            </Form>
          </section>
        </>
      ) : null}
    </div>
  );
}
