// One dashboard table, with the page's filters, as an Excel workbook (typed cells, frozen header).
import type { LoaderFunctionArgs } from '@remix-run/node';
import {
  DASHBOARD_TABLES,
  dashboardExportTable,
  dashboardFiltersFrom,
  type DashboardTable,
} from '~/services/dashboard-view.server';
import { tableXlsxResponse } from '~/services/ledger-export.server';
import { programmeTimeZone } from '~/services/programme-clock.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'outcomes:read' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'outcomes:read');
  const table = params.table as DashboardTable;
  if (!DASHBOARD_TABLES.includes(table)) throw new Response('Not Found', { status: 404 });
  const timeZone = programmeTimeZone();
  const filters = dashboardFiltersFrom(new URL(request.url).searchParams, timeZone);
  return tableXlsxResponse(
    dashboardExportTable(filters, table, user.locale, timeZone),
    `dashboard-${table}.xlsx`,
  );
}
