import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { FormAlert, SubmitButton } from '~/components/form-fields';
import { EMPTY_MEMBER, HouseholdFields, applyMemberIntent } from '~/components/household-fields';
import { useValidatedForm } from '~/components/use-validated-form';
import { fixedT } from '~/i18n/i18n.server';
import { localityName } from '~/i18n/locality';
import { findHouseholdOfUser, membersOf } from '~/models/household.server';
import { listLocalities } from '~/models/user.server';
import { householdSchema } from '~/schemas/full.server';
import { householdClientSchema } from '~/schemas/household-client';
import { saveOwnHousehold } from '~/services/households.server';
import { requirePermission } from '~/utils/auth.server';
import {
  formDataToObject,
  formFailure,
  parseForm,
  refuse,
  readFormData,
  formIntent,
} from '~/utils/forms.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';
import { safeRedirectPath } from '~/utils/request.server';
import { householdFormValues } from '~/utils/household-form.server';

export const handle: RouteAccess = { access: 'household:own' };
export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'household:own');
  const household = findHouseholdOfUser(user.id);
  return json({
    pageTitle: fixedT(user.locale)('households:own.title'),
    isNew: !household,
    values: household
      ? householdFormValues(household, membersOf(household.id))
      : {
          localityId: user.localityId ? String(user.localityId) : '',
          address: '',
          phone: user.phone ?? '',
          receivesSocialBenefits: false,
          benefitRegisterNumber: '',
          members: [
            {
              ...EMPTY_MEMBER,
              firstName: user.name.split(' ')[0] ?? '',
              lastName: user.name.split(' ').slice(1).join(' '),
            },
          ],
        },
    localities: listLocalities().map((l) => ({
      value: String(l.id),
      label: localityName(l, user.locale),
    })),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const applicant = await requirePermission(request, 'household:own');
  const formData = await readFormData(request);
  const rowChange = applyMemberIntent(formDataToObject(formData), formIntent(formData));
  if (rowChange) return json({ values: rowChange });
  const parsed = parseForm(formData, householdSchema);
  if (!parsed.ok) return formFailure(parsed.failure);
  const result = saveOwnHousehold(request, applicant, parsed.data);
  if (!result.ok)
    return refuse(formData, { field: result.error.field, message: result.error.error });
  const next = new URL(request.url).searchParams.get('next');
  return redirect(next ? safeRedirectPath(next) : '/household?saved=1');
}

export default function OwnHouseholdPage() {
  const { values, localities, isNew } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation('households');
  const form = useValidatedForm({ schema: householdClientSchema, failure, defaultValues: values });
  return (
    <div className="narrow">
      <h1>{t('own.title')}</h1>
      {isNew ? null : (
        <p>
          <Link to="/household/data">{t('dataExport.link')}</Link>
        </p>
      )}
      {searchParams.get('saved') ? (
        <div className="alert alert--success" role="status">
          <p>{t('own.saved')}</p>
        </div>
      ) : null}
      {searchParams.get('next') ? (
        <div className="alert alert--info">
          <p>{t('own.beforeApplying')}</p>
        </div>
      ) : null}
      <p>{isNew ? t('own.introNew') : t('own.intro')}</p>
      <FormAlert message={failure && 'formError' in failure ? failure.formError : undefined} />
      <Form method="post" className="form card" noValidate onSubmit={form.onSubmit}>
        <HouseholdFields form={form} localities={localities} />
        <SubmitButton name="intent" value="save">
          {searchParams.get('next') ? t('own.saveAndContinue') : t('own.save')}
        </SubmitButton>
      </Form>
    </div>
  );
}
