import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { signOut } from '~/services/accounts.server';
import { getOptionalUser } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';
import { clearSessionCookie } from '~/utils/session.server';

// Signing out is allowed to anyone: with an expired session it still clears the cookie.
export const handle: RouteAccess = { access: 'public' };

export async function loader() {
  return redirect('/');
}

export async function action({ request }: ActionFunctionArgs) {
  await signOut(request, await getOptionalUser(request));
  return redirect('/', { headers: { 'Set-Cookie': await clearSessionCookie() } });
}
