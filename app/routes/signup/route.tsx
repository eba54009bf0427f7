import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import {
  FormAlert,
  RequiredNote,
  SelectField,
  SubmitButton,
  TextField,
} from '~/components/form-fields';
import { useValidatedForm } from '~/components/use-validated-form';
import { fixedT } from '~/i18n/i18n.server';
import { localityName } from '~/i18n/locality';
import { listLocalities } from '~/models/user.server';
import { signUpClientSchema } from '~/schemas/auth-client';
import { signUpSchema } from '~/schemas/full.server';
import { signUp } from '~/services/accounts.server';
import { getOptionalUser } from '~/utils/auth.server';
import { formFailure, parseRequestForm, refuse } from '~/utils/forms.server';
import { detectLocale } from '~/utils/locale.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'public' };
export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getOptionalUser(request)) throw redirect('/');
  const locale = await detectLocale(request);
  const t = fixedT(locale);
  return json({
    pageTitle: t('auth:signUp.title'),
    localities: listLocalities().map((l) => ({
      value: String(l.id),
      label: localityName(l, locale),
    })),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = await parseRequestForm(request, signUpSchema);
  if (!parsed.ok) return formFailure(parsed.failure);
  const result = await signUp(request, {
    name: parsed.data.name,
    contact: parsed.data.contact,
    password: parsed.data.password,
    localityId: parsed.data.localityId,
    locale: await detectLocale(request),
  });
  if (!result.ok) {
    if (result.error === 'unknown-locality') {
      // An id that names no village: the select offers only real ones.
      return refuse(parsed.formData, { field: 'localityId', message: 'validation.invalid' });
    }
    return refuse(parsed.formData, {
      field: 'contact',
      message: result.error === 'contact-taken' ? 'auth.contactTaken' : 'validation.emailOrPhone',
    });
  }
  return redirect('/account?welcome=1', { headers: { 'Set-Cookie': result.setCookie } });
}

export default function SignUpPage() {
  const { localities } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { t } = useTranslation('auth');
  const form = useValidatedForm({ schema: signUpClientSchema, failure });
  return (
    <div className="narrow">
      <h1>{t('signUp.title')}</h1>
      <p className="lead">{t('signUp.intro')}</p>
      <FormAlert message={failure?.formError} />
      <Form method="post" className="form card" noValidate onSubmit={form.onSubmit}>
        <RequiredNote />
        <TextField
          form={form}
          name="name"
          required
          label={t('signUp.name')}
          hint={t('signUp.nameHint')}
          autoComplete="name"
        />
        <TextField
          form={form}
          name="contact"
          required
          label={t('signUp.contact')}
          hint={t('signUp.contactHint')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
        />
        <SelectField
          form={form}
          name="localityId"
          label={t('signUp.locality')}
          hint={t('signUp.localityHint')}
          placeholder={t('signUp.localityNone')}
          options={localities}
        />
        <TextField
          form={form}
          name="password"
          required
          type="password"
          label={t('signUp.password')}
          hint={t('signUp.passwordHint')}
          autoComplete="new-password"
        />
        <TextField
          form={form}
          name="passwordConfirm"
          required
          type="password"
          label={t('signUp.passwordConfirm')}
          autoComplete="new-password"
        />
        <SubmitButton>{t('signUp.submit')}</SubmitButton>
      </Form>
      <p>
        {t('signUp.haveAccount')} <Link to="/login">{t('signUp.signInLink')}</Link>
      </p>
    </div>
  );
}
