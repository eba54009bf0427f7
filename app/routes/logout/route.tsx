import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { signOut } from '~/services/accounts.server';
import { getOptionalUser } from '~/utils/auth.server';
import { rememberAccountLocale } from '~/utils/locale.server';
import type { RouteAccess } from '~/utils/permissions';
import { clearSessionCookie } from '~/utils/session.server';

// Signing out is allowed to anyone: with an expired session it still clears the cookie.
export const handle: RouteAccess = { access: 'public' };

export async function loader() {
  return redirect('/');
}

export async function action({ request }: ActionFunctionArgs) {
  const sessionUser = await getOptionalUser(request);
  await signOut(request, sessionUser);
  const headers = new Headers({ 'Set-Cookie': await clearSessionCookie() });
  // The pages after sign-out keep speaking her language.
  if (sessionUser) headers.append('Set-Cookie', await rememberAccountLocale(sessionUser.user.id));
  return redirect('/', { headers });
}
