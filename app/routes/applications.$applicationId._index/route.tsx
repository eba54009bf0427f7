import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useEnumLabels } from '~/components/enum-labels';
import { ApplicationAnswers, EnteredBy } from '~/components/application-summary';
import { ApplicationStatusBadge } from '~/components/status-badges';
import { FormAlert } from '~/components/form-fields';
import { FormattedDateTime } from '~/components/formatted';
import { LocalizedString } from '~/components/localized';
import { TextAreaField } from '~/components/choice-fields';
import { useValidatedForm } from '~/components/use-validated-form';
import { fixedT } from '~/i18n/i18n.server';
import { historyOf } from '~/models/application.server';
import { applicationSummary } from '~/models/application-view.server';
import { withdrawSchema } from '~/schemas/application';
import { WITHDRAWABLE, withdrawApplication } from '~/services/applications.server';
import {
  applicationOr404,
  editableApplicationOr404,
  notFound,
} from '~/utils/application-route.server';
import { zonedInstant } from '~/utils/application-display.server';
import { requirePermission } from '~/utils/auth.server';
import { formFailure, parseForm, refuse } from '~/utils/forms.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'applications:view' };
export const meta = titleFromLoader;

export const INTENT = { withdraw: 'withdraw' } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'applications:view');
  const context = applicationOr404(actor, params.applicationId);
  const locale = actor.user.locale;
  const summary = applicationSummary(context, locale);
  const canEdit = context.access === 'owner' || context.access === 'facilitator';
  const t = fixedT(locale);
  return json({
    pageTitle: summary.reference
      ? t('applications:print.title', { reference: summary.reference })
      : summary.idea.title || t('applications:list.untitled'),
    summary,
    history: historyOf(context.application.id).map((row) => ({
      id: row.id,
      toStatus: row.toStatus,
      reason: row.reason,
      at: zonedInstant(row.createdAt, locale, context.competition.timezone),
      by: row.changedByName,
    })),
    canEdit: canEdit && context.application.status === 'draft',
    canWithdraw: canEdit && WITHDRAWABLE.includes(context.application.status),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, 'applications:edit');
  const context = editableApplicationOr404(actor, params.applicationId);
  const formData = await request.formData();
  if (formData.get('intent') !== INTENT.withdraw) {
    throw new Response('Unknown intent', { status: 400 });
  }
  const parsed = parseForm(formData, withdrawSchema);
  if (!parsed.ok) return formFailure(parsed.failure);
  const result = withdrawApplication(request, actor, context.application.id, parsed.data.reason);
  if (!result.ok) {
    if (result.error === 'not-found') throw notFound();
    return refuse(formData, { message: 'applications:errors.withdrawNotAllowed' });
  }
  return redirect(`/applications/${context.application.id}?withdrawn=1`);
}

function Withdraw() {
  const failure = useActionData<typeof action>();
  const { t } = useTranslation('applications');
  const form = useValidatedForm({ schema: withdrawSchema, failure });
  // <details> asks "are you sure?" without JavaScript: the button is inside.
  return (
    <details className="card withdraw" open={Boolean(failure)}>
      <summary>{t('page.withdrawTitle')}</summary>
      <Form method="post" className="form" noValidate onSubmit={form.onSubmit}>
        <p>{t('page.withdrawIntro')}</p>
        <FormAlert message={failure?.formError} />
        <TextAreaField form={form} name="reason" label={t('page.withdrawReason')} rows={3} />
        <button
          type="submit"
          name="intent"
          value={INTENT.withdraw}
          className="button button--danger"
        >
          {t('page.withdrawConfirm')}
        </button>
      </Form>
    </details>
  );
}

export default function ApplicationPage() {
  const { summary, history, canEdit, canWithdraw } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation('applications');
  const labels = useEnumLabels();
  return (
    <div className="stack">
      <p>
        <Link to="/applications">
          <span aria-hidden="true">←</span> {t('page.back')}
        </Link>
      </p>
      <h1>{summary.idea.title || t('list.untitled')}</h1>
      {searchParams.get('withdrawn') ? (
        <div className="alert alert--success" role="status">
          <p>{t('page.withdrawn')}</p>
        </div>
      ) : null}
      <section className="card" aria-labelledby="status-title">
        <h2 id="status-title">{t('page.status')}</h2>
        <p>
          <ApplicationStatusBadge status={summary.status} />
        </p>
        <p>{t(`statusHelp.${summary.status}`)}</p>
        <dl className="details details--stacked">
          <dt>{t('page.reference')}</dt>
          <dd>
            {summary.reference ? (
              <strong className="reference">{summary.reference}</strong>
            ) : (
              t('page.noReference')
            )}
          </dd>
          <dt>{t('page.competition')}</dt>
          <dd>
            <Link to={`/competitions/${summary.competition.id}`}>
              <LocalizedString value={summary.competition.title} />
            </Link>
          </dd>
          {summary.submittedAt ? (
            <>
              <dt>{t('page.submittedAt')}</dt>
              <dd>
                <FormattedDateTime value={summary.submittedAt} />
              </dd>
            </>
          ) : null}
        </dl>
        <div className="row">
          {canEdit ? (
            <Link to={`/applications/${summary.id}/edit/beneficiary`} className="button">
              {t('page.edit')}
            </Link>
          ) : null}
          <Link to={`/applications/${summary.id}/print`} className="button button--secondary">
            {t('page.print')}
          </Link>
        </div>
      </section>
      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">{t('page.historyTitle')}</h2>
        <ol className="history">
          {history.map((entry) => (
            <li key={entry.id}>
              <FormattedDateTime value={entry.at} />
              {' — '}
              <strong>{labels.applicationStatus(entry.toStatus)}</strong>
              {entry.by ? ` ${t('page.historyBy', { name: entry.by })}` : null}
              {entry.reason ? (
                <p className="muted">{t('page.historyReason', { reason: entry.reason })}</p>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
      <section className="card" aria-labelledby="entered-title">
        <h2 id="entered-title">{t('page.enteredTitle')}</h2>
        <EnteredBy summary={summary} />
      </section>
      <section aria-labelledby="answers-title" className="stack">
        <h2 id="answers-title">{t('page.answersTitle')}</h2>
        <ApplicationAnswers summary={summary} />
      </section>
      {canWithdraw ? <Withdraw /> : null}
    </div>
  );
}
