import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { SubmitButton } from '~/components/form-fields';
import { findUserById, rolesOfUser } from '~/models/user.server';
import { issueFamilyPassword, mayHelpFamily } from '~/services/accounts.server';
import { requirePermission } from '~/utils/auth.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'families:reset-password' };
export const meta = titleFromLoader;

/** A facilitator sees only the families of her localities: anything else is 404, not 403. */
async function familyFor(request: Request, params: { userId?: string }) {
  const helper = await requirePermission(request, 'families:reset-password');
  const userId = Number(params.userId);
  const family = Number.isInteger(userId) ? findUserById(userId) : undefined;
  if (!family || !mayHelpFamily(helper, family, rolesOfUser(family.id))) {
    throw new Response('Not Found', { status: 404 });
  }
  return { helper, family };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { family } = await familyFor(request, params);
  return json({
    pageTitle: family.name,
    family: { id: family.id, name: family.name, contact: family.phone ?? family.email },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { helper, family } = await familyFor(request, params);
  const result = await issueFamilyPassword(request, helper, family.id);
  if (!result.ok) throw new Response('Not Found', { status: 404 });
  // Shown once, never stored in the clear; the page is not cached (Cache-Control: no-store).
  return json({ password: result.password });
}

export default function FamilyPasswordPage() {
  const { family } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation('admin');
  return (
    <div className="narrow stack">
      <p>
        <Link to="/households">← {t('families.title')}</Link>
      </p>
      <h1>{t('families.passwordTitle', { name: family.name })}</h1>
      {result ? (
        <div className="card" role="status">
          <p>{t('families.passwordIssued', { name: family.name })}</p>
          <p className="password-once" data-testid="issued-password">
            {result.password}
          </p>
          <p className="muted">{t('families.passwordAdvice', { contact: family.contact ?? '' })}</p>
        </div>
      ) : (
        <div className="card">
          <p>{t('families.passwordIntro')}</p>
          <Form method="post">
            <SubmitButton>{t('families.passwordSubmit')}</SubmitButton>
          </Form>
        </div>
      )}
    </div>
  );
}
