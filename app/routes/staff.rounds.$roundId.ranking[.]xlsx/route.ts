// A round's ranking as an Excel workbook, headers in the reader's language. Streamed with
// exceljs' streaming writer: rows go into the zip, and out to the browser, as they are read.
import { PassThrough } from 'node:stream';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { createReadableStreamFromReadable } from '@remix-run/node';
import { rankingExport, rankingFileName, writeRankingXlsx } from '~/services/round-ranking.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'rounds:manage' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'rounds:manage');
  const source = rankingExport(Number(params.roundId), user.locale);
  if (!source) throw new Response('Not Found', { status: 404 });
  const body = new PassThrough();
  writeRankingXlsx(source, user.locale, body).catch((error: unknown) =>
    body.destroy(error as Error),
  );
  return new Response(createReadableStreamFromReadable(body), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${rankingFileName(source, 'xlsx')}"`,
      'Cache-Control': 'no-store',
    },
  });
}
