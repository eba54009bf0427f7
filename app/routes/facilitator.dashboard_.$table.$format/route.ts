// One table of a facilitator's dashboard as CSV or Excel, with the page's filters, narrowed in SQL
// to her own villages as the page is (dashboardDownload with her scope).
import type { LoaderFunctionArgs } from '@remix-run/node';
import { dashboardDownload } from '~/services/dashboard-view.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'dashboard:villages' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'dashboard:villages');
  return dashboardDownload({ kind: 'facilitator', userId: user.id }, request, params, user.locale);
}
