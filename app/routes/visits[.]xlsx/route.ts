// The monitoring visits list (/visits) as an Excel workbook, with the page's filters and village
// scope; audited, since it names families. Never a safeguarding note.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { tableXlsxResponse } from '~/services/ledger-export.server';
import { exportVisitsList } from '~/services/visits-export.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'visits:record' };

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'visits:record');
  return tableXlsxResponse(exportVisitsList(request, actor, 'xlsx'), 'visits.xlsx');
}
