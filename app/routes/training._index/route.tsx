import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { FormAlert } from '~/components/form-fields';
import { FormattedDateTime } from '~/components/formatted';
import { Pagination, pageFromUrl } from '~/components/pagination';
import { TableFrame } from '~/components/table-frame';
import { TrainingSessionForm } from '~/components/training-session-form';
import { fixedT } from '~/i18n/i18n.server';
import { TRAINING_TOPICS } from '~/schemas/enums';
import { trainingSessionSchema } from '~/schemas/full.server';
import { createTrainingSession } from '~/services/training.server';
import { trainingListView } from '~/services/training-view.server';
import staffStyles from '~/styles/staff.css';
import { requirePermission } from '~/utils/auth.server';
import { formFailure, formIntent, parseForm, readFormData, refuse } from '~/utils/forms.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'training:manage' };
export const meta = titleFromLoader;
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: staffStyles }];

export const INTENT = { create: 'create' } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'training:manage');
  const url = new URL(request.url);
  return json({
    pageTitle: fixedT(actor.user.locale)('training:title'),
    ...trainingListView(actor, url, pageFromUrl(url)),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, 'training:manage');
  const formData = await readFormData(request);
  if (formIntent(formData) !== INTENT.create) throw new Response('Unknown intent', { status: 400 });
  const parsed = parseForm(formData, trainingSessionSchema);
  if (!parsed.ok) return formFailure(parsed.failure);
  const result = createTrainingSession(request, actor, parsed.data);
  if (!result.ok)
    return refuse(formData, { field: result.error.field, message: result.error.error });
  return redirect(`/training/${result.sessionId}?saved=created`);
}

const EMPTY_FORM = {
  topic: '',
  startsAt: '',
  minutes: '120',
  place: '',
  localityId: '',
  trainerName: '',
};

export default function TrainingListPage() {
  const data = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { t } = useTranslation(['training', 'dashboard']);
  const { filters } = data;
  return (
    <div className="stack">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <Form method="get" className="filters" role="search" aria-label={t('list.filterTitle')}>
        <div className="field">
          <label htmlFor="training-locality">{t('list.village')}</label>
          <select id="training-locality" name="locality" defaultValue={filters.locality}>
            <option value="">{t('list.allVillages')}</option>
            {data.localities.map((l) => (
              <option key={l.value} value={l.value}>
                {l.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="training-topic">{t('list.topic')}</label>
          <select id="training-topic" name="topic" defaultValue={filters.topic}>
            <option value="">{t('list.allTopics')}</option>
            {TRAINING_TOPICS.map((topic) => (
              <option key={topic} value={topic}>
                {t(`topics.${topic}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="training-from">{t('list.from')}</label>
          <input id="training-from" type="date" name="from" defaultValue={filters.from} />
        </div>
        <div className="field">
          <label htmlFor="training-to">{t('list.to')}</label>
          <input id="training-to" type="date" name="to" defaultValue={filters.to} />
        </div>
        <button type="submit" className="button button--secondary">
          {t('list.filter')}
        </button>
      </Form>
      <p className="muted" role="status">
        {t('list.count', { count: data.total })}
      </p>
      <div className="row">
        <a href={`/training.csv${data.search}`} download>
          {t('dashboard:export.csv')}
        </a>
        <a href={`/training.xlsx${data.search}`} download>
          {t('dashboard:export.xlsx')}
        </a>
      </div>
      {data.sessions.length > 0 ? (
        <TableFrame labelledBy="training-caption">
          <table>
            <caption id="training-caption">{t('list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('list.columns.date')}</th>
                <th scope="col">{t('list.columns.topic')}</th>
                <th scope="col">{t('list.columns.village')}</th>
                <th scope="col">{t('list.columns.place')}</th>
                <th scope="col">{t('list.columns.present')}</th>
                <th scope="col">{t('list.columns.status')}</th>
              </tr>
            </thead>
            <tbody>
              {data.sessions.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link to={`/training/${s.id}`}>
                      <FormattedDateTime value={s.startsAt} />
                    </Link>
                  </td>
                  <td>{t(`topics.${s.topic}`)}</td>
                  <td>{s.village}</td>
                  <td>{s.place}</td>
                  <td>{s.present}</td>
                  <td>{t(`status.${s.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      ) : (
        <p>{t('list.none')}</p>
      )}
      <Pagination page={data.page} pageSize={data.pageSize} total={data.total} />
      <section className="card stack" aria-labelledby="new-session">
        <h2 id="new-session">{t('form.createTitle')}</h2>
        <FormAlert message={failure?.formError} />
        <TrainingSessionForm
          saved={EMPTY_FORM}
          failure={failure}
          localities={data.localities}
          intent={INTENT.create}
          submitLabel={t('form.create')}
          idPrefix="new-session"
        />
      </section>
    </div>
  );
}
