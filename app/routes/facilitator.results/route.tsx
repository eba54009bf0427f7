import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  SerializeFrom,
} from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { DownloadLinks } from '~/components/download-links';
import { FormAlert } from '~/components/form-fields';
import { LocalizedString } from '~/components/localized';
import { ApplicationStatusBadge } from '~/components/status-badges';
import { fixedT } from '~/i18n/i18n.server';
import { markToldSchema } from '~/schemas/results';
import { markResultTold } from '~/services/decisions.server';
import { resultsToTell, type ToTellRow } from '~/services/results.server';
import resultStyles from '~/styles/results.css';
import { requirePermission } from '~/utils/auth.server';
import { parseForm, refuse, readFormData, formIntent } from '~/utils/forms.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'results:tell' };
export const meta = titleFromLoader;
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: resultStyles }];

export const INTENT = { told: 'told' } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const facilitator = await requirePermission(request, 'results:tell');
  const locale = facilitator.user.locale;
  const rows = resultsToTell(facilitator, locale);
  const told = Number(new URL(request.url).searchParams.get('told'));
  return json({
    pageTitle: fixedT(locale)('results:tell.title'),
    toldFamily: rows.find((row) => row.applicationId === told && row.toldAt)?.family ?? null,
    todo: rows.filter((row) => row.toldAt === null),
    done: rows.filter((row) => row.toldAt !== null),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const facilitator = await requirePermission(request, 'results:tell');
  const formData = await readFormData(request);
  if (formIntent(formData) !== INTENT.told) throw new Response('Unknown intent', { status: 400 });
  const parsed = parseForm(formData, markToldSchema);
  if (!parsed.ok) throw new Response('Bad request', { status: 400 });
  const { applicationId } = parsed.data;
  const result = markResultTold(request, facilitator, applicationId);
  if (!result.ok) return refuse(formData, { message: 'results:tell.notFound' }, 404);
  return redirect(`/facilitator/results?told=${applicationId}`);
}

type Row = SerializeFrom<ToTellRow>;

function WhatToSay({ row }: { row: Row }) {
  const { t } = useTranslation('results');
  return (
    <div className="tell-say">
      <p>
        {row.decision === 'awarded'
          ? t('tell.sayAwarded', { amount: row.amount ?? '' })
          : row.decision === 'waitlisted'
            ? t('tell.sayWaitlisted', { position: row.waitlistPosition ?? '—' })
            : t('tell.sayNotSelected')}
      </p>
      {row.feedback ? <p>{t('tell.feedback', { feedback: row.feedback })}</p> : null}
    </div>
  );
}

function ResultCard({ row }: { row: Row }) {
  const { t } = useTranslation('results');
  return (
    <li className="card tell-card">
      <h3>{row.family}</h3>
      <dl className="details details--stacked">
        <dt>{t('tell.village')}</dt>
        <dd>{row.village}</dd>
        <dt>{t('tell.phone')}</dt>
        <dd>{row.phone ? <a href={`tel:${row.phone}`}>{row.phone}</a> : t('tell.noPhone')}</dd>
        <dt>{t('tell.competition')}</dt>
        <dd>
          <LocalizedString value={row.competition} />
        </dd>
        <dt>{t('tell.reference')}</dt>
        <dd>{row.reference ?? '—'}</dd>
        <dt>{t('tell.result')}</dt>
        <dd>
          <ApplicationStatusBadge status={row.decision} />
        </dd>
      </dl>
      <h4>{t('tell.whatToSay')}</h4>
      <WhatToSay row={row} />
      {row.toldAt ? (
        <p className="tell-done">
          <strong>
            <span aria-hidden="true">✓ </span>
            {t('tell.toldOn', { date: row.toldAt.text })}
          </strong>
        </p>
      ) : (
        <Form method="post">
          <input type="hidden" name="applicationId" value={row.applicationId} />
          <button type="submit" name="intent" value={INTENT.told} className="button">
            {t('tell.markTold')}
            <span className="visually-hidden">: {row.family}</span>
          </button>
        </Form>
      )}
    </li>
  );
}

export default function ResultsToTellPage() {
  const { todo, done, toldFamily } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { t } = useTranslation('results');
  return (
    <div className="stack">
      <h1>{t('tell.title')}</h1>
      <p>{t('tell.intro')}</p>
      {toldFamily ? (
        <div className="alert alert--success" role="status">
          <p>{t('tell.toldDone', { family: toldFamily })}</p>
        </div>
      ) : null}
      <FormAlert message={failure?.formError} />
      {todo.length === 0 && done.length === 0 ? (
        <p>{t('tell.none')}</p>
      ) : (
        <>
          <DownloadLinks path="/facilitator/results" />
          <section aria-labelledby="todo-title" className="stack">
            <h2 id="todo-title">
              {t('tell.todoTitle')} ({todo.length})
            </h2>
            {todo.length === 0 ? (
              <p>{t('tell.noneTodo')}</p>
            ) : (
              <ul className="plain-list tell-list">
                {todo.map((row) => (
                  <ResultCard key={row.applicationId} row={row} />
                ))}
              </ul>
            )}
          </section>
          {done.length > 0 ? (
            <section aria-labelledby="done-title" className="stack">
              <h2 id="done-title">
                {t('tell.doneTitle')} ({done.length})
              </h2>
              <ul className="plain-list tell-list">
                {done.map((row) => (
                  <ResultCard key={row.applicationId} row={row} />
                ))}
              </ul>
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
