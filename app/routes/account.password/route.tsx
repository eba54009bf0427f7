import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useActionData } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { FormAlert, SubmitButton, TextField } from '~/components/form-fields';
import { useValidatedForm } from '~/components/use-validated-form';
import { fixedT } from '~/i18n/i18n.server';
import { changePasswordSchema } from '~/schemas/auth';
import { changePassword } from '~/services/accounts.server';
import { requirePermission } from '~/utils/auth.server';
import { formFailure, parseRequestForm, refuse } from '~/utils/forms.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'account:use' };
export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'account:use');
  return json({ pageTitle: fixedT(user.locale)('account:password.title') });
}

export async function action({ request }: ActionFunctionArgs) {
  const sessionUser = await requirePermission(request, 'account:use');
  const parsed = await parseRequestForm(request, changePasswordSchema);
  if (!parsed.ok) return formFailure(parsed.failure);
  const result = await changePassword(request, sessionUser, parsed.data);
  if (!result.ok)
    return refuse(parsed.formData, { field: 'currentPassword', message: 'auth.wrongPassword' });
  return redirect('/account?saved=password', { headers: { 'Set-Cookie': result.setCookie } });
}

export default function ChangePasswordPage() {
  const failure = useActionData<typeof action>();
  const { t } = useTranslation('account');
  const form = useValidatedForm({ schema: changePasswordSchema, failure });
  return (
    <div className="narrow">
      <h1>{t('password.title')}</h1>
      <p>{t('password.intro')}</p>
      <FormAlert message={failure?.formError} />
      <Form method="post" className="form card" noValidate onSubmit={form.onSubmit}>
        <TextField
          form={form}
          name="currentPassword"
          type="password"
          label={t('password.current')}
          autoComplete="current-password"
        />
        <TextField
          form={form}
          name="newPassword"
          type="password"
          label={t('password.new')}
          hint={t('password.hint')}
          autoComplete="new-password"
        />
        <TextField
          form={form}
          name="passwordConfirm"
          type="password"
          label={t('password.confirm')}
          autoComplete="new-password"
        />
        <SubmitButton>{t('password.submit')}</SubmitButton>
      </Form>
    </div>
  );
}
