import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { CheckboxGroup, FormAlert, SubmitButton } from '~/components/form-fields';
import { FormattedDateTime } from '~/components/formatted';
import { useValidatedForm } from '~/components/use-validated-form';
import { LOCALE_NATIVE_NAMES } from '~/i18n/config';
import { formattedInstant } from '~/i18n/format';
import { localityName } from '~/i18n/locality';
import {
  facilitatorLocalityIds,
  findUserById,
  listLocalities,
  rolesOfUser,
} from '~/models/user.server';
import { rolesSchema } from '~/schemas/auth';
import { changeUserRoles, resendInvitation, setUserDisabled } from '~/services/accounts.server';
import { requirePermission } from '~/utils/auth.server';
import { formFailure, parseForm, refuse, readFormData, formIntent } from '~/utils/forms.server';
import { titleFromLoader } from '~/utils/meta';
import { ROLES, type RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'users:manage' };
export const meta = titleFromLoader;

export const INTENT = {
  saveRoles: 'save-roles',
  disable: 'disable',
  enable: 'enable',
  resendInvite: 'resend-invite',
} as const;

function userIdFrom(params: { userId?: string }): number {
  const id = Number(params.userId);
  if (!Number.isInteger(id) || id <= 0) throw new Response('Not Found', { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, 'users:manage');
  const userId = userIdFrom(params);
  const person = findUserById(userId);
  if (!person) throw new Response('Not Found', { status: 404 });
  const locale = admin.user.locale;
  const localities = listLocalities();
  const ownLocality = localities.find((l) => l.id === person.localityId);
  return json({
    pageTitle: person.name,
    isSelf: person.id === admin.user.id,
    person: {
      id: person.id,
      name: person.name,
      email: person.email,
      phone: person.phone,
      locale: person.locale,
      locality: ownLocality ? localityName(ownLocality, locale) : null,
      disabled: Boolean(person.disabledAt),
      hasPassword: Boolean(person.passwordHash),
      createdAt: formattedInstant(person.createdAt, locale),
      lastSignInAt: person.lastSignInAt ? formattedInstant(person.lastSignInAt, locale) : null,
    },
    roles: rolesOfUser(person.id),
    localityIds: facilitatorLocalityIds(person.id).map(String),
    localities: localities.map((l) => ({ value: String(l.id), label: localityName(l, locale) })),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requirePermission(request, 'users:manage');
  const userId = userIdFrom(params);
  const formData = await readFormData(request);
  switch (formIntent(formData)) {
    case INTENT.saveRoles: {
      const parsed = parseForm(formData, rolesSchema);
      if (!parsed.ok) return formFailure(parsed.failure);
      const result = changeUserRoles(request, admin, userId, parsed.data);
      if (!result.ok) {
        if (result.error === 'not-found') throw new Response('Not Found', { status: 404 });
        return refuse(formData, {
          field: result.error === 'own-admin-role' ? 'roles' : 'localityIds',
          message:
            result.error === 'unknown-locality' ? 'validation.invalid' : `admin.${result.error}`,
        });
      }
      return redirect(`/admin/users/${userId}?saved=roles`);
    }
    case INTENT.disable:
    case INTENT.enable: {
      const result = setUserDisabled(
        request,
        admin,
        userId,
        formIntent(formData) === INTENT.disable,
      );
      if (!result.ok) {
        if (result.error === 'not-found') throw new Response('Not Found', { status: 404 });
        return refuse(formData, { message: 'admin.cannotDisableSelf' });
      }
      return redirect(`/admin/users/${userId}?saved=status`);
    }
    case INTENT.resendInvite: {
      if (!resendInvitation(request, admin, userId))
        return refuse(formData, { message: 'admin.cannotResend' });
      return redirect(`/admin/users/${userId}?saved=invite`);
    }
    default:
      throw new Response('Unknown intent', { status: 400 });
  }
}

export default function UserPage() {
  const { person, roles, localityIds, localities, isSelf } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation(['admin', 'common']);
  const form = useValidatedForm({
    schema: rolesSchema,
    failure,
    defaultValues: { roles, localityIds },
  });
  const saved = searchParams.get('saved') ?? (searchParams.get('invited') ? 'invited' : null);
  return (
    <div className="stack">
      <p>
        <Link to="/admin/users">← {t('users.title')}</Link>
      </p>
      <h1>{person.name}</h1>
      {saved ? (
        <div className="alert alert--success" role="status">
          <p>{t(`user.saved.${saved as 'roles' | 'status' | 'invite' | 'invited'}`)}</p>
        </div>
      ) : null}
      <FormAlert message={failure?.formError} />
      <section className="card" aria-labelledby="user-details">
        <h2 id="user-details">{t('user.details')}</h2>
        <dl className="details">
          <dt>{t('users.contact')}</dt>
          <dd>{[person.email, person.phone].filter(Boolean).join(' · ') || '—'}</dd>
          <dt>{t('user.language')}</dt>
          <dd>{LOCALE_NATIVE_NAMES[person.locale]}</dd>
          <dt>{t('user.locality')}</dt>
          <dd>{person.locality ?? '—'}</dd>
          <dt>{t('users.status')}</dt>
          <dd>
            {person.disabled
              ? t('users.disabled')
              : person.hasPassword
                ? t('users.active')
                : t('users.invited')}
          </dd>
          <dt>{t('user.created')}</dt>
          <dd>
            <FormattedDateTime value={person.createdAt} />
          </dd>
          <dt>{t('users.lastSignIn')}</dt>
          <dd>{person.lastSignInAt ? <FormattedDateTime value={person.lastSignInAt} /> : '—'}</dd>
        </dl>
        <div className="row">
          {!person.hasPassword && person.email && !person.disabled ? (
            <Form method="post">
              <SubmitButton name="intent" value={INTENT.resendInvite} variant="secondary">
                {t('user.resendInvite')}
              </SubmitButton>
            </Form>
          ) : null}
          {!isSelf ? (
            <Form method="post">
              {person.disabled ? (
                <SubmitButton name="intent" value={INTENT.enable} variant="secondary">
                  {t('user.enable')}
                </SubmitButton>
              ) : (
                <SubmitButton name="intent" value={INTENT.disable} variant="danger">
                  {t('user.disable')}
                </SubmitButton>
              )}
            </Form>
          ) : null}
          <Link to={`/admin/audit?entityType=user&entityId=${person.id}`}>{t('user.history')}</Link>
        </div>
      </section>
      <section className="card" aria-labelledby="user-roles">
        <h2 id="user-roles">{t('user.rolesTitle')}</h2>
        <Form method="post" className="form" noValidate onSubmit={form.onSubmit}>
          <CheckboxGroup
            form={form}
            name="roles"
            legend={t('invite.roles')}
            options={ROLES.map((role) => ({ value: role, label: t(`common:roles.${role}`) }))}
          />
          <CheckboxGroup
            form={form}
            name="localityIds"
            legend={t('invite.localities')}
            hint={t('invite.localitiesHint')}
            options={localities}
          />
          <SubmitButton name="intent" value={INTENT.saveRoles}>
            {t('user.saveRoles')}
          </SubmitButton>
        </Form>
      </section>
    </div>
  );
}
