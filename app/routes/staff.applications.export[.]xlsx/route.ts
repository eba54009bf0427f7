// The screening list (same filters as the page) as an Excel workbook, streamed with exceljs'
// streaming writer: rows go into the zip, and out to the browser, as they are read.
import { PassThrough } from 'node:stream';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { createReadableStreamFromReadable } from '@remix-run/node';
import { screeningQueryFrom } from '~/schemas/screening';
import { exportFileName, writeScreeningXlsx } from '~/services/screening-export.server';
import { screeningRowsInOrder } from '~/services/screening.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'applications:screen' };

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'applications:screen');
  const query = screeningQueryFrom(new URL(request.url).searchParams);
  const body = new PassThrough();
  writeScreeningXlsx(screeningRowsInOrder(query, user.locale), user.locale, body).catch(
    (error: unknown) => body.destroy(error as Error),
  );
  return new Response(createReadableStreamFromReadable(body), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${exportFileName('xlsx')}"`,
      'Cache-Control': 'no-store',
    },
  });
}
