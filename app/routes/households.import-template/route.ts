import type { LoaderFunctionArgs } from '@remix-run/node';
import { importTemplateCsv } from '~/services/household-import.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'households:import' };

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'households:import');
  return new Response(importTemplateCsv(), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="ishenim-households-template.csv"',
      'Cache-Control': 'no-store',
    },
  });
}
