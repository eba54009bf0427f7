import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { FormAlert, SubmitButton, TextField } from '~/components/form-fields';
import { useValidatedForm } from '~/components/use-validated-form';
import { fixedT } from '~/i18n/i18n.server';
import { signInClientSchema } from '~/schemas/auth-client';
import { signInSchema } from '~/schemas/full.server';
import { signIn } from '~/services/accounts.server';
import { getOptionalUser } from '~/utils/auth.server';
import { parseRequestForm, formFailure, refuse } from '~/utils/forms.server';
import { detectLocale, rememberAccountLocale } from '~/utils/locale.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';
import { safeRedirectPath } from '~/utils/request.server';

export const handle: RouteAccess = { access: 'public' };
export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get('redirectTo'));
  if (await getOptionalUser(request)) throw redirect(redirectTo);
  const t = fixedT(await detectLocale(request));
  const sessionEnded = new URL(request.url).searchParams.get('session') === 'ended';
  return json({
    pageTitle: t('auth:signIn.title'),
    redirectTo,
    sessionEnded,
    // A form she was sending when her session ended waits for her behind this link.
    textKept: sessionEnded && redirectTo.startsWith('/kept/'),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = await parseRequestForm(request, signInSchema);
  if (!parsed.ok) return formFailure(parsed.failure);
  const result = await signIn(request, parsed.data);
  if (!result.ok) {
    if (result.error === 'invalid') {
      return refuse(parsed.formData, { message: 'auth.invalidCredentials' }, 400);
    }
    const response = refuse(parsed.formData, { message: 'auth.throttled' }, 429);
    response.headers.set('Retry-After', String(Math.ceil(result.retryAfterMs / 1000)));
    return response;
  }
  const headers = new Headers();
  headers.append('Set-Cookie', result.setCookie);
  headers.append('Set-Cookie', result.deviceCookie);
  // Her language stays in the browser, for the pages after sign-out or a time-out.
  headers.append('Set-Cookie', await rememberAccountLocale(result.userId));
  return redirect(safeRedirectPath(parsed.data.redirectTo), { headers });
}

export default function SignInPage() {
  const { redirectTo, sessionEnded, textKept } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { t } = useTranslation('auth');
  const form = useValidatedForm({
    schema: signInClientSchema,
    failure,
    defaultValues: { redirectTo },
  });
  return (
    <div className="narrow">
      <h1>{t('signIn.title')}</h1>
      {sessionEnded ? (
        <div className="alert alert--info" role="status">
          <p>{t('signIn.sessionEnded')}</p>
          {textKept ? <p>{t('signIn.textKept')}</p> : null}
        </div>
      ) : null}
      <FormAlert message={failure?.formError} />
      <Form method="post" className="form card" noValidate onSubmit={form.onSubmit}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField
          form={form}
          name="identifier"
          label={t('signIn.identifier')}
          hint={t('signIn.identifierHint')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
        />
        <TextField
          form={form}
          name="password"
          type="password"
          label={t('signIn.password')}
          autoComplete="current-password"
        />
        <SubmitButton>{t('signIn.submit')}</SubmitButton>
      </Form>
      <p>
        <Link to="/forgot-password">{t('signIn.forgot')}</Link>
      </p>
      <p>
        {t('signIn.noAccount')} <Link to="/signup">{t('signIn.signUpLink')}</Link>
      </p>
    </div>
  );
}
