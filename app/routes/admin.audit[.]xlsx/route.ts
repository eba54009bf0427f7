// The filtered audit log as an Excel workbook, written as it is read in keyset batches.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { auditFilterFrom, auditTable } from '~/services/admin-audit-export.server';
import { tableXlsxResponse } from '~/services/ledger-export.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'audit:read' };

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'audit:read');
  const table = auditTable(auditFilterFrom(new URL(request.url).searchParams), user.locale);
  return tableXlsxResponse(table, 'audit.xlsx');
}
