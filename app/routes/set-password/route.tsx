import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { FormAlert, SubmitButton, TextField } from '~/components/form-fields';
import { useValidatedForm } from '~/components/use-validated-form';
import { fixedT } from '~/i18n/i18n.server';
import { setPasswordSchema } from '~/schemas/auth';
import { describePasswordLink, setPasswordWithLink } from '~/services/accounts.server';
import { formFailure, parseRequestForm, refuse } from '~/utils/forms.server';
import { detectLocale } from '~/utils/locale.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

// Reached from an e-mailed single-use link (reset or invitation); the token is the permission.
export const handle: RouteAccess = { access: 'public' };
export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get('token') ?? '';
  const link = token ? describePasswordLink(token) : null;
  const t = fixedT(await detectLocale(request));
  return json({ pageTitle: t('auth:setPassword.title'), token, link });
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = await parseRequestForm(request, setPasswordSchema);
  if (!parsed.ok) return formFailure(parsed.failure);
  const result = await setPasswordWithLink(request, parsed.data);
  if (!result.ok) return refuse(parsed.formData, { message: 'auth.linkInvalid' });
  return redirect('/?password=set', { headers: { 'Set-Cookie': result.setCookie } });
}

export default function SetPasswordPage() {
  const { token, link } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { t } = useTranslation('auth');
  const form = useValidatedForm({ schema: setPasswordSchema, failure, defaultValues: { token } });
  if (!link) {
    return (
      <div className="narrow">
        <h1>{t('setPassword.title')}</h1>
        <div className="alert alert--error" role="alert">
          <p>{t('setPassword.invalid')}</p>
        </div>
        <p>
          <Link to="/forgot-password" className="button">
            {t('setPassword.newLink')}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>
        {link.purpose === 'invite'
          ? t('setPassword.inviteTitle', { name: link.name })
          : t('setPassword.title')}
      </h1>
      <p>
        {link.purpose === 'invite'
          ? t('setPassword.inviteIntro')
          : t('setPassword.resetIntro', { name: link.name })}
      </p>
      <FormAlert message={failure?.formError} />
      <Form method="post" className="form card" noValidate onSubmit={form.onSubmit}>
        <input type="hidden" name="token" value={token} />
        <TextField
          form={form}
          name="password"
          type="password"
          label={t('setPassword.password')}
          hint={t('signUp.passwordHint')}
          autoComplete="new-password"
        />
        <TextField
          form={form}
          name="passwordConfirm"
          type="password"
          label={t('setPassword.passwordConfirm')}
          autoComplete="new-password"
        />
        <SubmitButton>{t('setPassword.submit')}</SubmitButton>
      </Form>
    </div>
  );
}
