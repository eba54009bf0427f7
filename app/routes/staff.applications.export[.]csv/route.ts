// The screening list (same filters as the page) as CSV for Excel: UTF-8 with a BOM, ";".
// Streamed: the rows are read and written a batch at a time, whatever the size of the list.
import { Readable } from 'node:stream';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { createReadableStreamFromReadable } from '@remix-run/node';
import { screeningQueryFrom } from '~/schemas/screening';
import { exportFileName, screeningCsvChunks } from '~/services/screening-export.server';
import { screeningRowsInOrder } from '~/services/screening.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'applications:screen' };

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'applications:screen');
  const query = screeningQueryFrom(new URL(request.url).searchParams);
  const rows = screeningRowsInOrder(query, user.locale);
  const body = Readable.from(utf8(screeningCsvChunks(rows, user.locale)));
  return new Response(createReadableStreamFromReadable(body), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${exportFileName('csv')}"`,
      'Cache-Control': 'no-store',
    },
  });
}

function* utf8(chunks: Iterable<string>): Generator<Buffer> {
  for (const chunk of chunks) yield Buffer.from(chunk, 'utf8');
}
