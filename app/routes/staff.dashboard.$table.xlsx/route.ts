// One dashboard table, with the page's filters, as an Excel workbook (dashboardDownload says how).
import type { LoaderFunctionArgs } from '@remix-run/node';
import { PROGRAMME_SCOPE, dashboardDownload } from '~/services/dashboard-view.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'outcomes:read' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'outcomes:read');
  return dashboardDownload(
    PROGRAMME_SCOPE,
    request,
    { table: params.table, format: 'xlsx' },
    user.locale,
  );
}
