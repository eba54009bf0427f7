import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

// "Stay signed in": any request from a live session keeps it; this one does only that.
export const handle: RouteAccess = { access: 'account:use' };

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'account:use');
  return redirect('/');
}

export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, 'account:use');
  return json({ ok: true }, { headers: { 'Cache-Control': 'no-store' } });
}
