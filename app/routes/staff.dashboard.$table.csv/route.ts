// One dashboard table, with the page's filters, as CSV: UTF-8 with a BOM (so Excel reads
// Cyrillic), ";" between fields in Kyrgyz and Russian (their Excel expects it), "," in English.
import type { LoaderFunctionArgs } from '@remix-run/node';
import {
  DASHBOARD_TABLES,
  dashboardExportTable,
  dashboardFiltersFrom,
  type DashboardTable,
} from '~/services/dashboard-view.server';
import { csvDelimiterFor, tableCsv, csvResponse } from '~/services/ledger-export.server';
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
  const csv = tableCsv(dashboardExportTable(filters, table, user.locale, timeZone), {
    delimiter: csvDelimiterFor(user.locale),
  });
  return csvResponse(csv, `dashboard-${table}.csv`);
}
