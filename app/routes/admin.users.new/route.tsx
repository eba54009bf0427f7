import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import {
  CheckboxGroup,
  FormAlert,
  SelectField,
  SubmitButton,
  TextField,
} from '~/components/form-fields';
import { useValidatedForm } from '~/components/use-validated-form';
import { LOCALES, LOCALE_NATIVE_NAMES } from '~/i18n/config';
import { fixedT } from '~/i18n/i18n.server';
import { localityName } from '~/i18n/locality';
import { listLocalities } from '~/models/user.server';
import { inviteSchema } from '~/schemas/auth';
import { inviteUser } from '~/services/accounts.server';
import { requirePermission } from '~/utils/auth.server';
import { formFailure, parseRequestForm, refuse } from '~/utils/forms.server';
import { titleFromLoader } from '~/utils/meta';
import { ROLES, type RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'users:manage' };
export const meta = titleFromLoader;

/** Families sign up themselves or are registered by a facilitator; the rest are invited. */
const INVITABLE_ROLES = ROLES.filter((role) => role !== 'applicant');

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'users:manage');
  return json({
    pageTitle: fixedT(user.locale)('admin:invite.title'),
    localities: listLocalities().map((l) => ({
      value: String(l.id),
      label: localityName(l, user.locale),
    })),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, 'users:manage');
  const parsed = await parseRequestForm(request, inviteSchema);
  if (!parsed.ok) return formFailure(parsed.failure);
  const result = inviteUser(request, admin, parsed.data);
  if (!result.ok) {
    return refuse(
      parsed.formData,
      result.error === 'unknown-locality'
        ? { field: 'localityIds', message: 'validation.invalid' }
        : { field: 'email', message: 'admin.emailTaken' },
    );
  }
  return redirect(`/admin/users/${result.userId}?invited=1`);
}

export default function InvitePage() {
  const { localities } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { t } = useTranslation(['admin', 'common']);
  const form = useValidatedForm({
    schema: inviteSchema,
    failure,
    defaultValues: { locale: 'ru', roles: [], localityIds: [] },
  });
  return (
    <div className="narrow">
      <p>
        <Link to="/admin/users">← {t('users.title')}</Link>
      </p>
      <h1>{t('invite.title')}</h1>
      <p>{t('invite.intro')}</p>
      <FormAlert message={failure?.formError} />
      <Form method="post" className="form card" noValidate onSubmit={form.onSubmit}>
        <TextField form={form} name="name" label={t('invite.name')} autoComplete="off" />
        <TextField
          form={form}
          name="email"
          type="email"
          label={t('invite.email')}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
        />
        <SelectField
          form={form}
          name="locale"
          label={t('invite.language')}
          hint={t('invite.languageHint')}
          options={LOCALES.map((code) => ({ value: code, label: LOCALE_NATIVE_NAMES[code] }))}
        />
        <CheckboxGroup
          form={form}
          name="roles"
          legend={t('invite.roles')}
          options={INVITABLE_ROLES.map((role) => ({
            value: role,
            label: t(`common:roles.${role}`),
          }))}
        />
        <CheckboxGroup
          form={form}
          name="localityIds"
          legend={t('invite.localities')}
          hint={t('invite.localitiesHint')}
          options={localities}
        />
        <SubmitButton>{t('invite.submit')}</SubmitButton>
      </Form>
    </div>
  );
}
