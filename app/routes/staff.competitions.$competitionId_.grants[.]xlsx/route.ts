// The competition's grants, one row each, as an Excel workbook, the same columns as the CSV. Streamed
// with exceljs' streaming writer: rows go into the zip, and out to the browser, as they are read.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { grantsTable } from '~/services/grants-export.server';
import { tableXlsxResponse } from '~/services/ledger-export.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'grants:manage' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'grants:manage');
  const id = Number(params.competitionId);
  if (!Number.isInteger(id) || id <= 0) throw new Response('Not Found', { status: 404 });
  const table = grantsTable(id, user.locale);
  if (!table) throw new Response('Not Found', { status: 404 });
  return tableXlsxResponse(table, `grants-${id}.xlsx`);
}
