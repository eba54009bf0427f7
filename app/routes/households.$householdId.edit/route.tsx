import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { FormAlert, SubmitButton } from '~/components/form-fields';
import { HouseholdFields, applyMemberIntent } from '~/components/household-fields';
import { useValidatedForm } from '~/components/use-validated-form';
import { fixedT } from '~/i18n/i18n.server';
import { localityName } from '~/i18n/locality';
import { findHousehold, membersOf } from '~/models/household.server';
import { facilitatorLocalityIds, listLocalities } from '~/models/user.server';
import { householdSchema } from '~/schemas/household';
import { householdAccess, updateFamilyHousehold } from '~/services/households.server';
import { requirePermission } from '~/utils/auth.server';
import {
  formDataToObject,
  formFailure,
  parseForm,
  refuse,
  readFormData,
  formIntent,
} from '~/utils/forms.server';
import { householdFormValues } from '~/utils/household-form.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';
import type { SessionUser } from '~/utils/session.server';

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
  const own = new Set(facilitatorLocalityIds(facilitator.user.id));
  return json({
    pageTitle: fixedT(facilitator.user.locale)('households:edit.title'),
    householdId: household.id,
    values: householdFormValues(household, membersOf(household.id)),
    localities: listLocalities()
      .filter((l) => own.has(l.id))
      .map((l) => ({ value: String(l.id), label: localityName(l, facilitator.user.locale) })),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const facilitator = await requirePermission(request, 'households:register');
  const household = ownHousehold(facilitator, params);
  const formData = await readFormData(request);
  const rowChange = applyMemberIntent(formDataToObject(formData), formIntent(formData));
  if (rowChange) return json({ values: rowChange });
  const parsed = parseForm(formData, householdSchema);
  if (!parsed.ok) return formFailure(parsed.failure);
  const result = updateFamilyHousehold(request, facilitator, household.id, parsed.data);
  if (!result.ok) {
    if (result.error === 'not-found') throw new Response('Not Found', { status: 404 });
    return refuse(formData, { field: result.error.field, message: result.error.error });
  }
  return redirect(`/households/${household.id}?saved=household`);
}

export default function EditHouseholdPage() {
  const { householdId, values, localities } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { t } = useTranslation('households');
  const form = useValidatedForm({ schema: householdSchema, failure, defaultValues: values });
  return (
    <div className="narrow">
      <p>
        <Link to={`/households/${householdId}`}>← {t('edit.back')}</Link>
      </p>
      <h1>{t('edit.title')}</h1>
      <FormAlert message={failure && 'formError' in failure ? failure.formError : undefined} />
      <Form method="post" className="form card" noValidate onSubmit={form.onSubmit}>
        <HouseholdFields form={form} localities={localities} />
        <SubmitButton name="intent" value="save">
          {t('edit.submit')}
        </SubmitButton>
      </Form>
    </div>
  );
}
