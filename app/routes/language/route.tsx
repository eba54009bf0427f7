import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { languageSchema } from '~/schemas/auth';
import { changeAccountLocale } from '~/services/accounts.server';
import { getOptionalUser } from '~/utils/auth.server';
import { parseRequestForm } from '~/utils/forms.server';
import { rememberChosenLocale } from '~/utils/locale.server';
import type { RouteAccess } from '~/utils/permissions';
import { safeRedirectPath } from '~/utils/request.server';

export const handle: RouteAccess = { access: 'public' };

export async function loader() {
  return redirect('/');
}

/** The language switcher: kept on the account when signed in, and in a cookie for visitors. */
export async function action({ request }: ActionFunctionArgs) {
  const parsed = await parseRequestForm(request, languageSchema);
  if (!parsed.ok) throw new Response('Bad Request', { status: 400 });
  const sessionUser = await getOptionalUser(request);
  if (sessionUser) changeAccountLocale(request, sessionUser, parsed.data.locale);
  return redirect(safeRedirectPath(parsed.data.redirectTo), {
    headers: { 'Set-Cookie': await rememberChosenLocale(parsed.data.locale) },
  });
}
