// The staff's list of competitions as CSV for Excel, headers in the reader's language.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { competitionsTable } from '~/services/competitions-export.server';
import { csvDelimiterFor, csvResponse, tableCsv } from '~/services/ledger-export.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'competitions:manage' };

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'competitions:manage');
  const table = competitionsTable(user.locale);
  return csvResponse(
    tableCsv(table, { delimiter: csvDelimiterFor(user.locale) }),
    'competitions.csv',
  );
}
