// Who opened a family's file, as an Excel workbook streamed as it is written.
import type { LoaderFunctionArgs } from '@remix-run/node';
import {
  householdHeading,
  householdReadsFileName,
  householdReadsTable,
} from '~/services/household-reads-view.server';
import { tableXlsxResponse } from '~/services/ledger-export.server';
import { idParam, notFound } from '~/utils/application-route.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'audit:read' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'audit:read');
  const household = householdHeading(idParam(params.householdId));
  if (!household) throw notFound();
  return tableXlsxResponse(
    householdReadsTable(household.id, user.locale),
    householdReadsFileName(household.id, 'xlsx'),
  );
}
