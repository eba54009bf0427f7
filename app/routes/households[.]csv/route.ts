// The households list (/households) as CSV for Excel, with the page's filters and village scope,
// streamed in batches.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { exportHouseholdList, householdsTable } from '~/services/household-list.server';
import { csvDelimiterFor, tableCsvStreamResponse } from '~/services/ledger-export.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'households:view' };

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'households:view');
  const locale = actor.user.locale;
  const table = householdsTable(exportHouseholdList(request, actor, 'csv'), locale);
  return tableCsvStreamResponse(table, 'households.csv', { delimiter: csvDelimiterFor(locale) });
}
