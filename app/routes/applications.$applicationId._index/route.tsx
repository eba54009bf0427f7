import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
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
import { withdrawClientSchema } from '~/schemas/application-client';
import { declineAwardSchema, publishConsentSchema, withdrawSchema } from '~/schemas/full.server';
import { WITHDRAWABLE, withdrawApplication } from '~/services/applications.server';
import { declineAward } from '~/services/decisions.server';
import {
  decisionsUnderway,
  familyHistory,
  familyResult,
  familyStatus,
  setWinnerConsent,
} from '~/services/results.server';
import resultStyles from '~/styles/results.css';
import {
  applicationOr404,
  editableApplicationOr404,
  notFound,
} from '~/utils/application-route.server';
import { zonedInstant } from '~/utils/application-display.server';
import { requirePermission } from '~/utils/auth.server';
import { formFailure, parseForm, refuse, readFormData, formIntent } from '~/utils/forms.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';
import { INTENT } from './intent';
import { FamilyBookingSections } from '~/components/booking-list';
import { familyBookings } from '~/services/booking-view.server';
import bookingStyles from '~/styles/bookings.css';
import { FamilyTrainingSection } from '~/components/family-training';
import { familyTrainingView } from '~/services/training-view.server';
import { ConsentForm, DeclineForm, ResultSection } from './result-section';
import { GrantLink } from '~/components/grant-home-cards';
import { grantLinkOf } from '~/services/family-grant.server';
import { recordRead } from '~/services/household-reads.server';

export const handle: RouteAccess = { access: 'applications:view' };
export const meta = titleFromLoader;
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: resultStyles },
  { rel: 'stylesheet', href: bookingStyles },
];

export { INTENT };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'applications:view');
  const context = applicationOr404(actor, params.applicationId);
  const { application, competition } = context;
  recordRead(actor, application.householdId, 'application', request, application.id);
  const locale = actor.user.locale;
  const canEdit = context.access === 'owner' || context.access === 'facilitator';
  // The family and her facilitator hear a decision only when it is announced (see
  // results.server.ts); staff see it as it is.
  const status = canEdit ? familyStatus(application, competition) : application.status;
  const summary = { ...applicationSummary(context, locale), status };
  const history = canEdit
    ? familyHistory(historyOf(application.id), competition)
    : historyOf(application.id);
  const paused = canEdit && decisionsUnderway(competition);
  const result = canEdit ? familyResult(context, locale) : null;
  const t = fixedT(locale);
  return json({
    pageTitle: summary.reference
      ? t('applications:print.title', { reference: summary.reference })
      : summary.idea.title || t('applications:list.untitled'),
    summary,
    history: history.map((row) => ({
      id: row.id,
      toStatus: row.toStatus,
      reason: row.reason,
      at: zonedInstant(row.createdAt, locale, competition.timezone),
      by: row.changedByName,
    })),
    canEdit: canEdit && application.status === 'draft',
    canWithdraw: canEdit && WITHDRAWABLE.includes(application.status) && !paused,
    withdrawPaused: paused && WITHDRAWABLE.includes(status),
    result,
    actingFor: context.access === 'facilitator',
    grantLink: grantLinkOf(context),
    // The family's consultations for this application, with the consultant's advice.
    consultations: canEdit
      ? familyBookings(application.householdId, locale, { applicationId: application.id })
      : null,
    // The family's training (her people's sessions, the next in her village), on her clock.
    training: canEdit
      ? familyTrainingView(context.household, locale, competition.timezone, new Date())
      : null,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, 'applications:edit');
  const context = editableApplicationOr404(actor, params.applicationId);
  const applicationId = context.application.id;
  const formData = await readFormData(request);
  switch (formIntent(formData)) {
    case INTENT.withdraw: {
      const parsed = parseForm(formData, withdrawSchema);
      if (!parsed.ok) return formFailure(parsed.failure);
      if (decisionsUnderway(context.competition))
        return refuse(formData, { message: 'results:withdrawPaused' });
      const result = withdrawApplication(request, actor, applicationId, parsed.data.reason);
      if (!result.ok) {
        if (result.error === 'not-found') throw notFound();
        return refuse(formData, { message: 'applications:errors.withdrawNotAllowed' });
      }
      return redirect(`/applications/${applicationId}?withdrawn=1`);
    }
    case INTENT.declineAward: {
      const parsed = parseForm(formData, declineAwardSchema);
      if (!parsed.ok) return formFailure(parsed.failure);
      const result = declineAward(request, actor, applicationId, parsed.data.reason);
      if (!result.ok) {
        if (result.error === 'not-found') throw notFound();
        return refuse(formData, { message: 'results:errors.declineRefused' }, 409);
      }
      return redirect(`/applications/${applicationId}?declined=1`);
    }
    case INTENT.publishConsent: {
      const parsed = parseForm(formData, publishConsentSchema);
      if (!parsed.ok) return formFailure(parsed.failure);
      const result = setWinnerConsent(request, actor, context, parsed.data.consent === 'yes');
      if (!result.ok) throw notFound();
      return redirect(`/applications/${applicationId}?consent=saved#consent-title`);
    }
    default:
      throw new Response('Unknown intent', { status: 400 });
  }
}

/** The action's answer, if it belongs to the form sent with `intent`. */
function useFailureOf(intent: string) {
  const failure = useActionData<typeof action>();
  return failure?.values?.intent === intent ? failure : null;
}

function Withdraw() {
  const failure = useFailureOf(INTENT.withdraw);
  const { t } = useTranslation('applications');
  const form = useValidatedForm({ schema: withdrawClientSchema, failure });
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
  const {
    summary,
    history,
    canEdit,
    canWithdraw,
    withdrawPaused,
    result,
    actingFor,
    consultations,
    training,
    grantLink,
  } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation('applications');
  const { t: tr } = useTranslation('results');
  const { t: tb } = useTranslation('bookings');
  const consentFailure = useFailureOf(INTENT.publishConsent);
  const declineFailure = useFailureOf(INTENT.declineAward);
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
      {searchParams.get('declined') ? (
        <div className="alert alert--success" role="status">
          <p>{tr('decline.done')}</p>
        </div>
      ) : null}
      {searchParams.get('consent') ? (
        <div className="alert alert--success" role="status">
          <p>{tr('consent.saved')}</p>
        </div>
      ) : null}
      {result ? <ResultSection result={result} actingFor={actingFor} /> : null}
      {grantLink ? <GrantLink to={grantLink} /> : null}
      {result?.kind === 'awarded' ? <ConsentForm result={result} failure={consentFailure} /> : null}
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
      {consultations ? (
        <section className="card stack" aria-labelledby="consultations-title">
          <h2 id="consultations-title">{tb('mine.sectionTitle')}</h2>
          <FamilyBookingSections bookings={consultations} actions={false} headingLevel={3} />
          <p className="row">
            <Link to="/bookings">{tb('mine.title')}</Link>
            <Link to="/consultations">{tb('mine.findTime')}</Link>
          </p>
        </section>
      ) : null}
      {training ? <FamilyTrainingSection training={training} headingId="training-title" /> : null}
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
      {result?.kind === 'awarded' ? (
        <DeclineForm amount={result.amount} failure={declineFailure} />
      ) : null}
      {canWithdraw ? <Withdraw /> : null}
      {withdrawPaused ? <p className="muted">{tr('withdrawPaused')}</p> : null}
    </div>
  );
}
