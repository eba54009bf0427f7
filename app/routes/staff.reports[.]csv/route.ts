// The family reports inbox (its competition filter applied) as CSV for Excel: UTF-8 with a BOM,
// ";" in ky/ru; the page's columns only, never a safeguarding note. Audited.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { reportInboxExport } from '~/services/family-report-export.server';
import { csvResponse, tableCsv } from '~/services/ledger-export.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'outcomes:read' };

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requirePermission(request, 'outcomes:read');
  const { table, delimiter, fileName } = reportInboxExport(request, staff, 'csv');
  return csvResponse(tableCsv(table, { delimiter }), fileName);
}
