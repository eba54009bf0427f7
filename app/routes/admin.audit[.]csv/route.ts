// The filtered audit log as CSV for Excel, streamed in keyset batches.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { auditFilterFrom, auditTable } from '~/services/admin-audit-export.server';
import { csvDelimiterFor, tableCsvStreamResponse } from '~/services/ledger-export.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'audit:read' };

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'audit:read');
  const table = auditTable(auditFilterFrom(new URL(request.url).searchParams), user.locale);
  return tableCsvStreamResponse(table, 'audit.csv', { delimiter: csvDelimiterFor(user.locale) });
}
