// The outbox with its status filter as CSV for Excel, streamed in keyset batches; audited.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { csvDelimiterFor, tableCsvStreamResponse } from '~/services/ledger-export.server';
import { exportOutbox } from '~/services/outbox-export.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'outbox:read' };

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'outbox:read');
  return tableCsvStreamResponse(exportOutbox(request, actor, 'csv'), 'outbox.csv', {
    delimiter: csvDelimiterFor(actor.user.locale),
  });
}
