// The family's own data as a ZIP (issue 16). A resource route: the page /household/data posts
// here, so the browser receives the file itself, never a page built around it.
import type { ActionFunctionArgs } from '@remix-run/node';
import { downloadHouseholdData, householdDataResponse } from '~/services/data-export.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'household:own' };

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, 'household:own');
  const result = downloadHouseholdData(request, actor, null, null);
  if (!result.ok) throw new Response('Not Found', { status: 404 });
  return householdDataResponse(result);
}
