// The training sessions list (its filters applied, the actor's villages only) as an Excel workbook
// streamed a row at a time: the date and the count present as typed cells.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { tableXlsxResponse } from '~/services/ledger-export.server';
import { trainingTable } from '~/services/training-export.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'training:manage' };

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'training:manage');
  return tableXlsxResponse(trainingTable(actor, new URL(request.url)), 'training-sessions.xlsx');
}
