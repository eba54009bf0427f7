// The decision board with its filters as an Excel workbook, written as it is read; audited.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { exportDecisionBoard } from '~/services/decision-board-export.server';
import { tableXlsxResponse } from '~/services/ledger-export.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'decisions:manage' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'decisions:manage');
  const id = Number(params.competitionId);
  if (!Number.isInteger(id) || id <= 0) throw new Response('Not Found', { status: 404 });
  const table = exportDecisionBoard(request, actor, id, 'xlsx');
  if (!table) throw new Response('Not Found', { status: 404 });
  return tableXlsxResponse(table, `decisions-${id}.xlsx`);
}
