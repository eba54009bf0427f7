// The results a facilitator tells in person (/facilitator/results) as an Excel workbook: her
// villages only, the page's facts; audited, since it names families.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { tableXlsxResponse } from '~/services/ledger-export.server';
import { exportResultsToTell } from '~/services/results-export.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'results:tell' };

export async function loader({ request }: LoaderFunctionArgs) {
  const facilitator = await requirePermission(request, 'results:tell');
  return tableXlsxResponse(exportResultsToTell(request, facilitator, 'xlsx'), 'results.xlsx');
}
