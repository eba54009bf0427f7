import type { LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'families:reset-password' };

/** The families list now lives at /households (with each family's account and password link). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'families:reset-password');
  return redirect('/households');
}

/** Never rendered (the loader redirects or refuses); it makes refusals show the error page. */
export default function FamiliesRedirect() {
  return null;
}
