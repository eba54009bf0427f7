// The households list (/households) as an Excel workbook, with the page's filters and village scope.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { exportHouseholdList, householdsTable } from '~/services/household-list.server';
import { tableXlsxResponse } from '~/services/ledger-export.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'households:view' };

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'households:view');
  const table = householdsTable(exportHouseholdList(request, actor, 'xlsx'), actor.user.locale);
  return tableXlsxResponse(table, 'households.xlsx');
}
