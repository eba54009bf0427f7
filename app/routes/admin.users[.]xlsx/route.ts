// The admin's list of accounts as an Excel workbook, with the page's search and role filter.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { adminUserFilter, adminUsersTable } from '~/services/admin-users-export.server';
import { tableXlsxResponse } from '~/services/ledger-export.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'users:manage' };

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'users:manage');
  const filter = adminUserFilter(new URL(request.url).searchParams);
  return tableXlsxResponse(adminUsersTable(filter, user.locale), 'users.xlsx');
}
