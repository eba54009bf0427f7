// The outbox with its status filter as an Excel workbook, written as it is read; audited.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { tableXlsxResponse } from '~/services/ledger-export.server';
import { exportOutbox } from '~/services/outbox-export.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'outbox:read' };

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'outbox:read');
  return tableXlsxResponse(exportOutbox(request, actor, 'xlsx'), 'outbox.xlsx');
}
