// The results a facilitator tells in person (/facilitator/results) as CSV for Excel: her villages
// only, the page's facts; audited, since it names families.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { csvDelimiterFor, tableCsvStreamResponse } from '~/services/ledger-export.server';
import { exportResultsToTell } from '~/services/results-export.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'results:tell' };

export async function loader({ request }: LoaderFunctionArgs) {
  const facilitator = await requirePermission(request, 'results:tell');
  return tableCsvStreamResponse(exportResultsToTell(request, facilitator, 'csv'), 'results.csv', {
    delimiter: csvDelimiterFor(facilitator.user.locale),
  });
}
