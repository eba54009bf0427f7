// The family reports inbox (its competition filter applied) as an Excel workbook streamed a row
// at a time: dates and revenue as typed cells, frozen header. Audited.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { reportInboxExport } from '~/services/family-report-export.server';
import { tableXlsxResponse } from '~/services/ledger-export.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'outcomes:read' };

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requirePermission(request, 'outcomes:read');
  const { table, fileName } = reportInboxExport(request, staff, 'xlsx');
  return tableXlsxResponse(table, fileName);
}
