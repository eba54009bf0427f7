// The competition's money ledger as CSV (UTF-8 with a BOM, ";"), headers in the reader's language.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { ledgerCsv, csvResponse } from '~/services/ledger-export.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'grants:manage' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'grants:manage');
  const id = Number(params.competitionId);
  if (!Number.isInteger(id) || id <= 0) throw new Response('Not Found', { status: 404 });
  const csv = ledgerCsv(id, user.locale);
  if (csv === null) throw new Response('Not Found', { status: 404 });
  return csvResponse(csv, `ledger-${id}.csv`);
}
