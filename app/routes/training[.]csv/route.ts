// The training sessions list (its filters applied, the actor's villages only) as CSV for Excel.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { csvResponse } from '~/services/ledger-export.server';
import { trainingCsv } from '~/services/training-export.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'training:manage' };

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'training:manage');
  return csvResponse(trainingCsv(actor, new URL(request.url)), 'training-sessions.csv');
}
