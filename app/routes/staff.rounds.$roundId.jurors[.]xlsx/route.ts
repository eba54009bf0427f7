// The round page's jurors table as an Excel workbook, streamed; audited (it names jurors).
import type { LoaderFunctionArgs } from '@remix-run/node';
import { tableXlsxResponse } from '~/services/ledger-export.server';
import { exportRoundTable } from '~/services/round-tables-export.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'rounds:manage' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'rounds:manage');
  const id = Number(params.roundId);
  const table = exportRoundTable(request, actor, id, 'jurors', 'xlsx');
  if (!table) throw new Response('Not Found', { status: 404 });
  return tableXlsxResponse(table, `round-${id}-jurors.xlsx`);
}
