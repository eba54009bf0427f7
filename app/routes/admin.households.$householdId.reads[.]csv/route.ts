// Who opened a family's file, as CSV for Excel (UTF-8 with a BOM), in the admin's language.
import type { LoaderFunctionArgs } from '@remix-run/node';
import {
  householdHeading,
  householdReadsCsv,
  householdReadsFileName,
} from '~/services/household-reads-view.server';
import { csvResponse } from '~/services/ledger-export.server';
import { idParam, notFound } from '~/utils/application-route.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'audit:read' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'audit:read');
  const household = householdHeading(idParam(params.householdId));
  if (!household) throw notFound();
  return csvResponse(
    householdReadsCsv(household.id, user.locale),
    householdReadsFileName(household.id, 'csv'),
  );
}
