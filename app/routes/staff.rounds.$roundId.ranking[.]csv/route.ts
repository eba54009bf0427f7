// A round's ranking as CSV for Excel: UTF-8 with a BOM, ";", headers in the reader's language.
// Streamed: the rows are read and written a batch at a time, whatever the size of the round.
import { Readable } from 'node:stream';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { createReadableStreamFromReadable } from '@remix-run/node';
import { rankingCsvChunks, rankingExport, rankingFileName } from '~/services/round-ranking.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'rounds:manage' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'rounds:manage');
  const source = rankingExport(Number(params.roundId), user.locale);
  if (!source) throw new Response('Not Found', { status: 404 });
  const body = Readable.from(utf8(rankingCsvChunks(source, user.locale)));
  return new Response(createReadableStreamFromReadable(body), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${rankingFileName(source, 'csv')}"`,
      'Cache-Control': 'no-store',
    },
  });
}

function* utf8(chunks: Iterable<string>): Generator<Buffer> {
  for (const chunk of chunks) yield Buffer.from(chunk, 'utf8');
}
