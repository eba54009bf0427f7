import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { ConsentFields } from '~/components/consent-fields';
import { CheckboxField, FormAlert, SubmitButton, TextField } from '~/components/form-fields';
import { EMPTY_MEMBER, HouseholdFields, applyMemberIntent } from '~/components/household-fields';
import { useValidatedForm } from '~/components/use-validated-form';
import { fixedT } from '~/i18n/i18n.server';
import { localityName } from '~/i18n/locality';
import { facilitatorLocalityIds, listLocalities } from '~/models/user.server';
import { familyRegistrationSchema } from '~/schemas/household';
import { registerFamily } from '~/services/households.server';
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
import { utcToZonedLocal } from '~/utils/timezone';

export const handle: RouteAccess = { access: 'households:register' };
export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'households:register');
  const own = new Set(facilitatorLocalityIds(user.id));
  const localities = listLocalities().filter((l) => own.has(l.id));
  return json({
    pageTitle: fixedT(user.locale)('households:register.title'),
    localities: localities.map((l) => ({
      value: String(l.id),
      label: localityName(l, user.locale),
    })),
    defaults: {
      localityId: localities.length === 1 ? String(localities[0]!.id) : '',
      address: '',
      phone: '',
      receivesSocialBenefits: true,
      benefitRegisterNumber: '',
      members: [EMPTY_MEMBER],
      consentGivenBy: '',
      consentMethod: '',
      consentGivenOn: utcToZonedLocal(new Date(), 'Asia/Bishkek').slice(0, 10),
      consentNote: '',
      createAccount: false,
      accountName: '',
    },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const facilitator = await requirePermission(request, 'households:register');
  const formData = await readFormData(request);
  const rowChange = applyMemberIntent(formDataToObject(formData), formIntent(formData));
  if (rowChange) return json({ values: rowChange });
  const parsed = parseForm(formData, familyRegistrationSchema);
  if (!parsed.ok) return formFailure(parsed.failure);
  const {
    consentGivenBy,
    consentMethod,
    consentGivenOn,
    consentNote,
    createAccount,
    accountName,
    ...household
  } = parsed.data;
  const result = await registerFamily(request, facilitator, {
    ...household,
    consent: {
      givenBy: consentGivenBy,
      method: consentMethod,
      givenOn: consentGivenOn,
      note: consentNote,
    },
    account: createAccount ? { name: accountName } : null,
  });
  if (!result.ok)
    return refuse(formData, { field: result.error.field, message: result.error.error });
  // The family's password is shown once, here, and never stored in the clear.
  return json({
    registered: {
      householdId: result.householdId,
      password: result.password,
      phone: household.phone,
    },
  });
}

export default function RegisterFamilyPage() {
  const { localities, defaults } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation('households');
  const failure = result && !('registered' in result) ? result : null;
  const form = useValidatedForm({
    schema: familyRegistrationSchema,
    failure,
    defaultValues: defaults,
  });
  if (result && 'registered' in result) {
    const { householdId, password, phone } = result.registered;
    return (
      <div className="narrow stack">
        <h1>{t('register.doneTitle')}</h1>
        <div className="alert alert--success" role="status">
          <p>{t('register.done')}</p>
        </div>
        {password ? (
          <div className="card">
            <p>{t('register.passwordIntro', { phone })}</p>
            <p className="password-once" data-testid="issued-password">
              {password}
            </p>
            <p className="muted">{t('register.passwordAdvice')}</p>
          </div>
        ) : null}
        <p className="row">
          <Link to={`/households/${householdId}`} className="button">
            {t('register.open')}
          </Link>
          <Link to="/households/new" className="button button--secondary" reloadDocument>
            {t('register.another')}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <p>
        <Link to="/households">← {t('list.title')}</Link>
      </p>
      <h1>{t('register.title')}</h1>
      <p>{t('register.intro')}</p>
      <FormAlert message={failure && 'formError' in failure ? failure.formError : undefined} />
      <Form method="post" className="form card" noValidate onSubmit={form.onSubmit}>
        <HouseholdFields form={form} localities={localities} />
        <ConsentFields form={form} />
        <fieldset className="field">
          <legend>{t('register.accountTitle')}</legend>
          <p className="field__hint">{t('register.accountIntro')}</p>
          <CheckboxField form={form} name="createAccount" label={t('register.createAccount')} />
          <TextField
            form={form}
            name="accountName"
            label={t('register.accountName')}
            hint={t('register.accountNameHint')}
          />
        </fieldset>
        <SubmitButton name="intent" value="save">
          {t('register.submit')}
        </SubmitButton>
      </Form>
    </div>
  );
}
