// The family's own report (DESIGN.md, "Outcomes"): between visits she — or her facilitator for
// her — tells the programme how the business is, this month's revenue, a photo and a question.
// A light page for a cheap phone: one native form (works without JavaScript, 360 px wide), the
// checks of checks.ts on the server, errors next to the fields, what she typed kept.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { ChoiceGroup, PlainField } from '~/components/plain-fields';
import { useTranslation } from '~/i18n/react';
import { fixedT } from '~/i18n/i18n.server';
import { familyReportSchema, MAX_QUESTION_LENGTH } from '~/schemas/family-report';
import { BUSINESS_STATUSES } from '~/schemas/outcome-enums';
import { MAX_ATTACHMENT_BYTES } from '~/services/attachment-storage.server';
import { reportsOpen } from '~/services/family-grant.server';
import { reportGrantFor, sendFamilyReport } from '~/services/family-reports.server';
import { membersOf } from '~/models/household.server';
import { idParam, notFound } from '~/utils/application-route.server';
import { requirePermission } from '~/utils/auth.server';
import { formDataToObject, formFile, formText, readUploadForm } from '~/utils/forms.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'reports:send' };
export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'reports:send');
  const context = reportGrantFor(actor, idParam(params.grantId));
  if (!context) throw notFound();
  const t = fixedT(actor.user.locale);
  const holder = membersOf(context.household.id).find(
    (m) => m.id === context.grant.beneficiaryMemberId,
  );
  return json({
    pageTitle: t('familyReports:report.pageTitle'),
    grantId: context.grant.id,
    open: reportsOpen(context.grant),
    actingFor:
      context.access === 'facilitator' && holder ? `${holder.firstName} ${holder.lastName}` : null,
    currencyName: t(`competitions:currencies.${context.grant.currency}`),
  });
}

type Failure = {
  fieldErrors?: Record<string, string>;
  formError?: string;
  values?: Record<string, string>;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, 'reports:send');
  const context = reportGrantFor(actor, idParam(params.grantId));
  if (!context) throw notFound();
  const upload = await readUploadForm(request, { field: 'photo', maxBytes: MAX_ATTACHMENT_BYTES });
  if (!upload.ok)
    return json<Failure>(
      { fieldErrors: { photo: 'familyReports:report.errors.tooLarge' } },
      { status: 400 },
    );
  const { formData } = upload;
  const values = {
    businessStatus: formText(formData, 'businessStatus') ?? '',
    monthlyRevenue: formText(formData, 'monthlyRevenue') ?? '',
    question: formText(formData, 'question') ?? '',
  };
  const parsed = familyReportSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues)
      fieldErrors[String(issue.path[0] ?? 'form')] ??= issue.message;
    return json<Failure>({ fieldErrors, values }, { status: 400 });
  }
  const file = formFile(formData, 'photo');
  const result = sendFamilyReport(
    request,
    actor,
    context,
    parsed.data,
    file ? { bytes: new Uint8Array(await file.arrayBuffer()) } : null,
  );
  if (!result.ok) {
    if (result.error === 'not-found') throw notFound();
    if (result.error === 'too-large' || result.error === 'wrong-type')
      return json<Failure>(
        {
          fieldErrors: {
            photo: `familyReports:report.errors.${result.error === 'too-large' ? 'tooLarge' : 'wrongType'}`,
          },
          values,
        },
        { status: 400 },
      );
    return json<Failure>(
      { formError: `familyReports:report.refused.${result.error}`, values },
      { status: 409 },
    );
  }
  return redirect(`/grants/${context.grant.id}?done=report-sent#reports-title`);
}

export default function FamilyReportPage() {
  const data = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as Failure | undefined;
  const { t } = useTranslation(['familyReports', 'outcomes', 'errors']);
  const typed = failure?.values;
  const errorOf = (name: string) => failure?.fieldErrors?.[name];
  return (
    <div className="stack family-report">
      <p>
        <Link to={`/grants/${data.grantId}`}>
          <span aria-hidden="true">←</span> {t('report.back')}
        </Link>
      </p>
      <h1>{data.actingFor ? t('report.titleFor', { name: data.actingFor }) : t('report.title')}</h1>
      {failure?.formError ? (
        <div className="alert alert--error" role="alert">
          <p>{t(failure.formError as 'title')}</p>
        </div>
      ) : null}
      {!data.open ? (
        <p>{t('report.refused.not-open')}</p>
      ) : (
        <Form method="post" encType="multipart/form-data" className="stack card" noValidate>
          <p>{t('report.intro')}</p>
          <ChoiceGroup
            id="businessStatus"
            legend={t('report.status')}
            error={errorOf('businessStatus')}
          >
            {BUSINESS_STATUSES.map((status) => (
              <label key={status} className="checkbox">
                <input
                  type="radio"
                  name="businessStatus"
                  value={status}
                  required
                  defaultChecked={typed?.businessStatus === status}
                />{' '}
                {t(`outcomes:businessStatuses.${status}`)}
              </label>
            ))}
          </ChoiceGroup>
          <PlainField
            id="monthlyRevenue"
            label={t('report.revenue')}
            hint={t('report.revenueHint', { currency: data.currencyName })}
            error={errorOf('monthlyRevenue')}
          >
            {(describedBy, invalid) => (
              <input
                id="monthlyRevenue"
                name="monthlyRevenue"
                inputMode="decimal"
                autoComplete="off"
                defaultValue={typed?.monthlyRevenue ?? ''}
                aria-describedby={describedBy}
                aria-invalid={invalid}
              />
            )}
          </PlainField>
          <PlainField
            id="photo"
            label={t('report.photo')}
            hint={t('report.photoHint')}
            error={errorOf('photo')}
          >
            {(describedBy, invalid) => (
              <input
                id="photo"
                name="photo"
                type="file"
                accept="image/jpeg,image/png"
                aria-describedby={describedBy}
                aria-invalid={invalid}
              />
            )}
          </PlainField>
          <PlainField
            id="question"
            label={t('report.question')}
            hint={t('report.questionHint')}
            error={errorOf('question')}
          >
            {(describedBy, invalid) => (
              <textarea
                id="question"
                name="question"
                rows={3}
                maxLength={MAX_QUESTION_LENGTH}
                defaultValue={typed?.question ?? ''}
                aria-describedby={describedBy}
                aria-invalid={invalid}
              />
            )}
          </PlainField>
          <p>
            <button type="submit" className="button">
              {t('report.send')}
            </button>
          </p>
        </Form>
      )}
    </div>
  );
}
