// The admin's list of accounts as CSV for Excel, with the page's search and role filter.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { adminUserFilter, adminUsersTable } from '~/services/admin-users-export.server';
import { csvDelimiterFor, csvResponse, tableCsv } from '~/services/ledger-export.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'users:manage' };

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'users:manage');
  const filter = adminUserFilter(new URL(request.url).searchParams);
  const table = adminUsersTable(filter, user.locale);
  return csvResponse(tableCsv(table, { delimiter: csvDelimiterFor(user.locale) }), 'users.csv');
}
