// The competition's monitoring visits, one row each, as CSV (UTF-8 with a BOM, ";"), headers in the
// reader's language; no safeguarding note and no place, ever.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { visitsCsv } from '~/services/visits-export.server';
import { csvResponse } from '~/services/ledger-export.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'outcomes:read' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'outcomes:read');
  const id = Number(params.competitionId);
  if (!Number.isInteger(id) || id <= 0) throw new Response('Not Found', { status: 404 });
  const csv = visitsCsv(id, user.locale);
  if (csv === null) throw new Response('Not Found', { status: 404 });
  return csvResponse(csv, `visits-${id}.csv`);
}
