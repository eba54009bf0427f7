// The monitoring visits list (/visits) as CSV for Excel, with the page's filters and village
// scope, streamed in batches; audited, since it names families. Never a safeguarding note.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { csvDelimiterFor, tableCsvStreamResponse } from '~/services/ledger-export.server';
import { exportVisitsList } from '~/services/visits-export.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'visits:record' };

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'visits:record');
  const locale = actor.user.locale;
  return tableCsvStreamResponse(exportVisitsList(request, actor, 'csv'), 'visits.csv', {
    delimiter: csvDelimiterFor(locale),
  });
}
