// The filtered consultations as an Excel workbook, written by exceljs' streaming writer.
import { PassThrough } from 'node:stream';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { createReadableStreamFromReadable } from '@remix-run/node';
import { consultationFileName, writeConsultationXlsx } from '~/services/consultation-export.server';
import { programmeTimeZone } from '~/services/consultation-slots.server';
import { staffConsultationRows, staffFilterFrom } from '~/services/consultation-view.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'consultations:oversee' };

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'consultations:oversee');
  const timeZone = programmeTimeZone();
  const { filter } = staffFilterFrom(new URL(request.url).searchParams, timeZone);
  const body = new PassThrough();
  writeConsultationXlsx(
    staffConsultationRows(user.locale, filter),
    user.locale,
    timeZone,
    body,
  ).catch((error: unknown) => body.destroy(error as Error));
  return new Response(createReadableStreamFromReadable(body), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${consultationFileName('xlsx', timeZone)}"`,
      'Cache-Control': 'no-store',
    },
  });
}
