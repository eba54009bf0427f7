// One dashboard table, with the page's filters, as an Excel workbook (typed cells, frozen header).
import { PassThrough } from 'node:stream';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { createReadableStreamFromReadable } from '@remix-run/node';
import {
  DASHBOARD_TABLES,
  dashboardExportTable,
  dashboardFiltersFrom,
  type DashboardTable,
} from '~/services/dashboard-view.server';
import { writeTableXlsx } from '~/services/ledger-export.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'outcomes:read' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'outcomes:read');
  const table = params.table as DashboardTable;
  if (!DASHBOARD_TABLES.includes(table)) throw new Response('Not Found', { status: 404 });
  const filters = dashboardFiltersFrom(new URL(request.url).searchParams);
  const body = new PassThrough();
  writeTableXlsx(dashboardExportTable(filters, table, user.locale), body).catch((error: unknown) =>
    body.destroy(error as Error),
  );
  return new Response(createReadableStreamFromReadable(body), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="dashboard-${table}.xlsx"`,
      'Cache-Control': 'no-store',
    },
  });
}
