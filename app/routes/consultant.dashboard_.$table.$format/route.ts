// One table of a consultant's dashboard as CSV or Excel, with the page's period, narrowed in SQL
// to his own consultations as the page is (dashboardDownload with his scope).
import type { LoaderFunctionArgs } from '@remix-run/node';
import { dashboardDownload } from '~/services/dashboard-view.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'dashboard:consultations' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'dashboard:consultations');
  return dashboardDownload({ kind: 'consultant', userId: user.id }, request, params, user.locale);
}
