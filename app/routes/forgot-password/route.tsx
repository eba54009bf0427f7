import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { SubmitButton, TextField } from '~/components/form-fields';
import { useValidatedForm } from '~/components/use-validated-form';
import { fixedT } from '~/i18n/i18n.server';
import { forgotPasswordSchema } from '~/schemas/auth';
import { requestPasswordReset } from '~/services/accounts.server';
import { formFailure, parseRequestForm } from '~/utils/forms.server';
import { detectLocale } from '~/utils/locale.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'public' };
export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const t = fixedT(await detectLocale(request));
  return json({ pageTitle: t('auth:forgot.title') });
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = await parseRequestForm(request, forgotPasswordSchema);
  if (!parsed.ok) return formFailure(parsed.failure);
  await requestPasswordReset(request, parsed.data.email);
  // The same answer whether or not the address has an account.
  return json({ sent: true as const });
}

export default function ForgotPasswordPage() {
  const result = useActionData<typeof action>();
  const { t } = useTranslation('auth');
  const failure = result && 'fieldErrors' in result ? result : null;
  const form = useValidatedForm({ schema: forgotPasswordSchema, failure });
  return (
    <div className="narrow">
      <h1>{t('forgot.title')}</h1>
      {result && 'sent' in result ? (
        <div className="alert alert--success" role="status">
          <p>{t('forgot.sent')}</p>
        </div>
      ) : (
        <>
          <p>{t('forgot.intro')}</p>
          <Form method="post" className="form card" noValidate onSubmit={form.onSubmit}>
            <TextField
              form={form}
              name="email"
              type="email"
              label={t('forgot.email')}
              autoComplete="email"
              autoCapitalize="none"
              spellCheck={false}
            />
            <SubmitButton>{t('forgot.submit')}</SubmitButton>
          </Form>
        </>
      )}
      <div className="alert alert--info">
        <p>{t('forgot.noEmail')}</p>
      </div>
      <p>
        <Link to="/login">{t('forgot.back')}</Link>
      </p>
    </div>
  );
}
