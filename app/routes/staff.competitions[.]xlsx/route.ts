// The staff's list of competitions as an Excel workbook with typed dates and counts.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { competitionsTable } from '~/services/competitions-export.server';
import { tableXlsxResponse } from '~/services/ledger-export.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'competitions:manage' };

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'competitions:manage');
  return tableXlsxResponse(competitionsTable(user.locale), 'competitions.xlsx');
}
