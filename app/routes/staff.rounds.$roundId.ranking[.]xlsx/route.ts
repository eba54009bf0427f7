// A round's ranking as an Excel workbook, headers in the reader's language.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { rankingFileName, rankingTable, rankingXlsx } from '~/services/round-ranking.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'rounds:manage' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'rounds:manage');
  const table = rankingTable(Number(params.roundId), user.locale);
  if (!table) throw new Response('Not Found', { status: 404 });
  const workbook = await rankingXlsx(table, user.locale);
  return new Response(new Uint8Array(workbook), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${rankingFileName(table, 'xlsx')}"`,
      'Cache-Control': 'no-store',
    },
  });
}
