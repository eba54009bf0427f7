// The screening list (same filters as the page) as an Excel workbook.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { screeningQueryFrom } from '~/schemas/screening';
import { exportFileName, screeningXlsx } from '~/services/screening-export.server';
import { screeningRows } from '~/services/screening.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'applications:screen' };

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'applications:screen');
  const query = screeningQueryFrom(new URL(request.url).searchParams);
  const workbook = await screeningXlsx(screeningRows(query, user.locale), user.locale);
  return new Response(new Uint8Array(workbook), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${exportFileName('xlsx')}"`,
      'Cache-Control': 'no-store',
    },
  });
}
