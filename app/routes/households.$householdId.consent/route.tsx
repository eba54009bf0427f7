import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { ConsentFields } from '~/components/consent-fields';
import { FormAlert, SubmitButton } from '~/components/form-fields';
import { useValidatedForm } from '~/components/use-validated-form';
import { fixedT } from '~/i18n/i18n.server';
import { findHousehold } from '~/models/household.server';
import { consentSchema } from '~/schemas/household';
import { householdAccess, recordConsent } from '~/services/households.server';
import { requirePermission } from '~/utils/auth.server';
import { formFailure, parseForm, readFormData } from '~/utils/forms.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';
import type { SessionUser } from '~/utils/session.server';
import { utcToZonedLocal } from '~/utils/timezone';

export const handle: RouteAccess = { access: 'households:register' };
export const meta = titleFromLoader;

function ownHousehold(facilitator: SessionUser, params: { householdId?: string }) {
  const householdId = Number(params.householdId);
  const household = Number.isInteger(householdId) ? findHousehold(householdId) : undefined;
  if (!household || householdAccess(facilitator, household) !== 'facilitator') {
    throw new Response('Not Found', { status: 404 });
  }
  return household;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const facilitator = await requirePermission(request, 'households:register');
  const household = ownHousehold(facilitator, params);
  return json({
    pageTitle: fixedT(facilitator.user.locale)('households:consent.title'),
    householdId: household.id,
    defaults: {
      consentGivenBy: '',
      consentMethod: '',
      consentGivenOn: utcToZonedLocal(new Date(), 'Asia/Bishkek').slice(0, 10),
      consentNote: '',
    },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const facilitator = await requirePermission(request, 'households:register');
  const household = ownHousehold(facilitator, params);
  const parsed = parseForm(await readFormData(request), consentSchema);
  if (!parsed.ok) return formFailure(parsed.failure);
  const { consentGivenBy, consentMethod, consentGivenOn, consentNote } = parsed.data;
  recordConsent(request, facilitator, household.id, {
    givenBy: consentGivenBy,
    method: consentMethod,
    givenOn: consentGivenOn,
    note: consentNote,
  });
  return redirect(`/households/${household.id}?saved=consent`);
}

export default function ConsentPage() {
  const { householdId, defaults } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { t } = useTranslation('households');
  const form = useValidatedForm({ schema: consentSchema, failure, defaultValues: defaults });
  return (
    <div className="narrow">
      <p>
        <Link to={`/households/${householdId}`}>← {t('edit.back')}</Link>
      </p>
      <h1>{t('consent.title')}</h1>
      <FormAlert message={failure?.formError} />
      <Form method="post" className="form card" noValidate onSubmit={form.onSubmit}>
        <ConsentFields form={form} />
        <SubmitButton>{t('consent.submit')}</SubmitButton>
      </Form>
    </div>
  );
}
