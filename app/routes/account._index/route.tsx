import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import {
  CheckboxField,
  FormAlert,
  SelectField,
  SubmitButton,
  TextField,
} from '~/components/form-fields';
import { useValidatedForm } from '~/components/use-validated-form';
import { LOCALES, LOCALE_NATIVE_NAMES } from '~/i18n/config';
import { fixedT } from '~/i18n/i18n.server';
import { accountSettingsClientSchema } from '~/schemas/auth-client';
import { accountSettingsSchema } from '~/schemas/full.server';
import { updateAccountSettings } from '~/services/accounts.server';
import { requirePermission } from '~/utils/auth.server';
import { formFailure, parseRequestForm, refuse } from '~/utils/forms.server';
import { rememberAccountLocale } from '~/utils/locale.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'account:use' };
export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'account:use');
  return json({
    pageTitle: fixedT(user.locale)('account:settings.title'),
    account: {
      name: user.name,
      email: user.email,
      phone: user.phone ?? '',
      locale: user.locale,
      contactByEmail: user.contactByEmail,
      contactByPhone: user.contactByPhone,
      contactOnlyViaFacilitator: user.contactOnlyViaFacilitator,
    },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const sessionUser = await requirePermission(request, 'account:use');
  const parsed = await parseRequestForm(request, accountSettingsSchema);
  if (!parsed.ok) return formFailure(parsed.failure);
  const result = updateAccountSettings(request, sessionUser, parsed.data);
  if (!result.ok) {
    return refuse(parsed.formData, {
      field: result.field,
      message: result.error === 'phone-taken' ? 'account.phoneTaken' : 'validation.phone',
    });
  }
  return redirect('/account?saved=settings', {
    headers: { 'Set-Cookie': await rememberAccountLocale(sessionUser.user.id) },
  });
}

export default function AccountSettingsPage() {
  const { account } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation('account');
  const form = useValidatedForm({
    schema: accountSettingsClientSchema,
    failure,
    defaultValues: account,
  });
  const saved = searchParams.get('saved');
  return (
    <div className="narrow">
      <h1>{t('settings.title')}</h1>
      {searchParams.get('welcome') ? (
        <div className="alert alert--success" role="status">
          <p>{t('settings.welcome', { name: account.name })}</p>
        </div>
      ) : null}
      {saved ? (
        <div className="alert alert--success" role="status">
          <p>{saved === 'password' ? t('settings.passwordSaved') : t('settings.saved')}</p>
        </div>
      ) : null}
      <FormAlert message={failure?.formError} />
      <Form method="post" className="form card" noValidate onSubmit={form.onSubmit}>
        <TextField form={form} name="name" label={t('settings.name')} autoComplete="name" />
        {account.email ? (
          <div className="field">
            <span className="field__label">{t('settings.email')}</span>
            <p className="muted">{account.email}</p>
          </div>
        ) : null}
        <TextField
          form={form}
          name="phone"
          type="tel"
          label={t('settings.phone')}
          hint={account.email ? t('settings.phoneHint') : t('settings.phoneSignInHint')}
          autoComplete="tel"
          inputMode="tel"
        />
        <SelectField
          form={form}
          name="locale"
          label={t('settings.language')}
          options={LOCALES.map((code) => ({ value: code, label: LOCALE_NATIVE_NAMES[code] }))}
        />
        <fieldset className="field">
          <legend>{t('settings.contactTitle')}</legend>
          <p className="field__hint">{t('settings.contactIntro')}</p>
          <CheckboxField
            form={form}
            name="contactByEmail"
            label={t('settings.contactByEmail')}
            disabled={!account.email}
            hint={account.email ? undefined : t('settings.noEmailHint')}
          />
          <CheckboxField form={form} name="contactByPhone" label={t('settings.contactByPhone')} />
          <CheckboxField
            form={form}
            name="contactOnlyViaFacilitator"
            label={t('settings.contactOnlyViaFacilitator')}
            hint={t('settings.contactOnlyViaFacilitatorHint')}
          />
        </fieldset>
        <SubmitButton>{t('settings.submit')}</SubmitButton>
      </Form>
      <p>
        <Link to="/account/password">{t('settings.changePasswordLink')}</Link>
      </p>
    </div>
  );
}
