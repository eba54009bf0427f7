// The screening list (same filters as the page) as CSV for Excel: UTF-8 with a BOM, ";".
import type { LoaderFunctionArgs } from '@remix-run/node';
import { screeningQueryFrom } from '~/schemas/screening';
import { exportFileName, screeningCsv } from '~/services/screening-export.server';
import { screeningRows } from '~/services/screening.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'applications:screen' };

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'applications:screen');
  const query = screeningQueryFrom(new URL(request.url).searchParams);
  const csv = screeningCsv(screeningRows(query, user.locale), user.locale);
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${exportFileName('csv')}"`,
      'Cache-Control': 'no-store',
    },
  });
}
