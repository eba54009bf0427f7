// The competition's monitoring visits as an Excel workbook, the same columns as the CSV, streamed
// a row at a time with exceljs' streaming writer.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { tableXlsxResponse } from '~/services/ledger-export.server';
import { visitsTable } from '~/services/visits-export.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'outcomes:read' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'outcomes:read');
  const id = Number(params.competitionId);
  if (!Number.isInteger(id) || id <= 0) throw new Response('Not Found', { status: 404 });
  const table = visitsTable(id, user.locale);
  if (!table) throw new Response('Not Found', { status: 404 });
  return tableXlsxResponse(table, `visits-${id}.xlsx`);
}
