import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { LocalizedString } from '~/components/localized';
import { moneyFormatSpec } from '~/i18n/format';
import { fixedT } from '~/i18n/i18n.server';
import { competitionTitle } from '~/models/application-view.server';
import { membersOf } from '~/models/household.server';
import {
  APPLICATION_STEPS,
  isApplicationStep,
  type ApplicationStep,
} from '~/schemas/application-steps';
import { editableApplicationOr404, notFound } from '~/utils/application-route.server';
import { requirePermission } from '~/utils/auth.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';
import { documentsAction, saveStepAction, submitAction } from './actions.server';
import { BeneficiaryStep } from './beneficiary-step';
import { BudgetStep } from './budget-step';
import { DocumentsStep } from './documents-step';
import { IdeaStep } from './idea-step';
import { PlanStep } from './plan-step';
import { stepData } from './queries.server';
import { ReviewStep } from './review-step';
import { StepProgress } from './step-progress';
import { readFormData } from '~/utils/forms.server';

export const handle: RouteAccess = { access: 'applications:edit' };
export const meta = titleFromLoader;

const NOTICES = ['rowAdded', 'rowRemoved', 'uploaded', 'removed'] as const;

function stepOr404(value: string | undefined): ApplicationStep {
  if (!isApplicationStep(value)) throw notFound();
  return value;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'applications:edit');
  const context = editableApplicationOr404(actor, params.applicationId);
  const step = stepOr404(params.step);
  const { application, competition, household } = context;
  // Once sent, the application is read on its own page; it can no longer change.
  if (application.status !== 'draft') throw redirect(`/applications/${application.id}`);
  const url = new URL(request.url);
  const locale = actor.user.locale;
  const t = fixedT(locale);
  const stepNumber = APPLICATION_STEPS.indexOf(step) + 1;
  const firstMember = context.access === 'facilitator' ? membersOf(household.id)[0] : undefined;
  const notice = url.searchParams.get('notice');
  return json({
    pageTitle: `${t(`applications:steps.tabNames.${step}`)} (${t('applications:steps.progress', {
      current: stepNumber,
      total: APPLICATION_STEPS.length,
    })})`,
    applicationId: application.id,
    step,
    competition: competitionTitle(competition, locale),
    currency: competition.currency,
    money: moneyFormatSpec(competition.currency, locale),
    onBehalfOf: firstMember ? `${firstMember.firstName} ${firstMember.lastName}` : null,
    saved: url.searchParams.get('saved') === '1',
    notice: NOTICES.find((n) => n === notice) ?? null,
    data: stepData(context, step, {
      locale,
      rowsWanted: Math.min(Number(url.searchParams.get('rows')) || 0, 40),
    }),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, 'applications:edit');
  const context = editableApplicationOr404(actor, params.applicationId);
  const step = stepOr404(params.step);
  if (context.application.status !== 'draft') {
    return redirect(`/applications/${context.application.id}`);
  }
  if (step === 'documents') return documentsAction(request, actor, context);
  const formData = await readFormData(request);
  if (step === 'review') return submitAction(request, actor, context, formData);
  return saveStepAction(request, actor, context, step, formData);
}

export default function ApplicationStepPage() {
  const loaderData = useLoaderData<typeof loader>();
  const { applicationId, step, data, currency, money, saved, notice } = loaderData;
  const { t } = useTranslation('applications');
  return (
    <div className="stack application-form">
      <p className="muted">
        {t('steps.forCompetition')} <LocalizedString value={loaderData.competition} />
      </p>
      {loaderData.onBehalfOf ? (
        <p className="alert alert--info">{t('steps.forFamily', { name: loaderData.onBehalfOf })}</p>
      ) : null}
      <StepProgress applicationId={applicationId} step={step} />
      <h1>{t(`steps.names.${step}`)}</h1>
      {saved ? (
        <div className="alert alert--success" role="status">
          <p>{t('steps.saved')}</p>
        </div>
      ) : step !== 'review' && step !== 'documents' ? (
        <p className="muted small">{t('steps.savedNote')}</p>
      ) : null}
      {data.step === 'beneficiary' ? (
        <BeneficiaryStep key={applicationId} data={data} />
      ) : data.step === 'idea' ? (
        <IdeaStep key={applicationId} data={data} />
      ) : data.step === 'budget' ? (
        <BudgetStep
          key={applicationId}
          data={data}
          currency={currency}
          money={money}
          notice={notice}
        />
      ) : data.step === 'plan' ? (
        <PlanStep key={applicationId} data={data} currency={currency} money={money} />
      ) : data.step === 'documents' ? (
        <DocumentsStep
          key={applicationId}
          data={data}
          applicationId={applicationId}
          notice={notice}
        />
      ) : (
        <ReviewStep key={applicationId} data={data} applicationId={applicationId} money={money} />
      )}
    </div>
  );
}
