// The filtered consultations as CSV for Excel (UTF-8 with a BOM, ";"), streamed in batches.
import { Readable } from 'node:stream';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { createReadableStreamFromReadable } from '@remix-run/node';
import { consultationCsvChunks, consultationFileName } from '~/services/consultation-export.server';
import { programmeTimeZone } from '~/services/consultation-slots.server';
import { staffConsultationRows, staffFilterFrom } from '~/services/consultation-view.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'consultations:oversee' };

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'consultations:oversee');
  const timeZone = programmeTimeZone();
  const { filter } = staffFilterFrom(new URL(request.url).searchParams, timeZone);
  const rows = staffConsultationRows(user.locale, filter);
  const body = Readable.from(utf8(consultationCsvChunks(rows, user.locale, timeZone)));
  return new Response(createReadableStreamFromReadable(body), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${consultationFileName('csv', timeZone)}"`,
      'Cache-Control': 'no-store',
    },
  });
}

function* utf8(chunks: Iterable<string>): Generator<Buffer> {
  for (const chunk of chunks) yield Buffer.from(chunk, 'utf8');
}
