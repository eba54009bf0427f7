// Staff anonymise one household on her own written request (issue 16), once no grant obligation
// remains (app/services/anonymisation.server.ts says which); the request's reference is kept in
// the audit line. Refused with the reason otherwise.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { CheckboxField, FormAlert, SubmitButton, TextField } from '~/components/form-fields';
import { useValidatedForm } from '~/components/use-validated-form';
import { formatDate } from '~/i18n/format';
import { fixedT } from '~/i18n/i18n.server';
import { useTranslation } from '~/i18n/react';
import { findHousehold } from '~/models/household.server';
import { anonymiseOnRequestSchema } from '~/schemas/anonymisation';
import { anonymiseOnRequest, onRequestRefusal } from '~/services/anonymisation.server';
import { idParam, notFound } from '~/utils/application-route.server';
import { requirePermission } from '~/utils/auth.server';
import { formFailure, parseRequestForm, refuse } from '~/utils/forms.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';
import { clientIp } from '~/utils/request.server';

export const handle: RouteAccess = { access: 'households:anonymise-on-request' };
export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'households:anonymise-on-request');
  const household = findHousehold(idParam(params.householdId));
  if (!household) throw notFound();
  const refusal = onRequestRefusal(household.id);
  return json({
    pageTitle: fixedT(user.locale)('admin:anonymisation.onRequest.title'),
    householdId: household.id,
    anonymisedOn: household.anonymisedAt ? formatDate(household.anonymisedAt, user.locale) : null,
    refusal: refusal === 'already-anonymised' ? null : refusal,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requirePermission(request, 'households:anonymise-on-request');
  const householdId = idParam(params.householdId);
  const parsed = await parseRequestForm(request, anonymiseOnRequestSchema);
  if (!parsed.ok) return formFailure(parsed.failure);
  const result = anonymiseOnRequest(
    { userId: staff.user.id, ipAddress: clientIp(request) },
    householdId,
    parsed.data.requestReference,
  );
  if (!result.ok) {
    if (result.error === 'not-found') throw notFound();
    return refuse(
      parsed.formData,
      { message: `admin:anonymisation.onRequest.refused.${result.error}` },
      409,
    );
  }
  return json({ done: true as const });
}

export default function AnonymiseOnRequestPage() {
  const { householdId, anonymisedOn, refusal } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(['admin', 'households']);
  const done = result && 'done' in result;
  const failure = result && !('done' in result) ? result : undefined;
  const form = useValidatedForm({
    schema: anonymiseOnRequestSchema,
    failure,
    defaultValues: { requestReference: '', confirm: false },
  });
  return (
    <div className="narrow">
      <p>
        <Link to={`/households/${householdId}`}>← {t('households:list.title')}</Link>
      </p>
      <h1>{t('anonymisation.onRequest.title')}</h1>
      {done ? (
        <p role="status">{t('anonymisation.onRequest.done')}</p>
      ) : anonymisedOn ? (
        <p>{t('anonymisation.onRequest.anonymisedOn', { date: anonymisedOn })}</p>
      ) : refusal ? (
        <p role="alert">{t(`anonymisation.onRequest.refused.${refusal}`)}</p>
      ) : (
        <>
          <p>{t('anonymisation.onRequest.intro')}</p>
          <FormAlert message={failure?.formError} />
          <Form method="post" className="form card" noValidate onSubmit={form.onSubmit}>
            <TextField
              form={form}
              name="requestReference"
              label={t('anonymisation.onRequest.reference')}
              autoComplete="off"
            />
            <CheckboxField form={form} name="confirm" label={t('anonymisation.confirm')} />
            <SubmitButton>{t('anonymisation.onRequest.submit')}</SubmitButton>
          </Form>
        </>
      )}
    </div>
  );
}
