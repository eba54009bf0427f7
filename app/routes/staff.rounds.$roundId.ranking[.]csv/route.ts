// A round's ranking as CSV for Excel: UTF-8 with a BOM, ";", headers in the reader's language.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { rankingCsv, rankingFileName, rankingTable } from '~/services/round-ranking.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'rounds:manage' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'rounds:manage');
  const table = rankingTable(Number(params.roundId), user.locale);
  if (!table) throw new Response('Not Found', { status: 404 });
  return new Response(rankingCsv(table, user.locale), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${rankingFileName(table, 'csv')}"`,
      'Cache-Control': 'no-store',
    },
  });
}
