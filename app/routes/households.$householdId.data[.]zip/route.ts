// A household's data as a ZIP, for her facilitator (with her) or staff naming her written request
// (issue 16). A resource route: the page /households/:id/data posts here, and a missing reference
// sends staff back to that page, which shows the error next to the field.
import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { downloadHouseholdData, householdDataResponse } from '~/services/data-export.server';
import { idParam, notFound } from '~/utils/application-route.server';
import { requirePermission } from '~/utils/auth.server';
import { formText, readFormData } from '~/utils/forms.server';
import type { RouteAccess } from '~/utils/permissions';
import { recordRead } from '~/services/household-reads.server';

export const handle: RouteAccess = { access: 'households:view' };

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, 'households:view');
  const householdId = idParam(params.householdId);
  const formData = await readFormData(request);
  const result = downloadHouseholdData(
    request,
    actor,
    householdId,
    formText(formData, 'requestReference'),
  );
  if (result.ok) {
    recordRead(actor, householdId, 'data-download', request);
    return householdDataResponse(result);
  }
  if (result.error === 'reference-required')
    return redirect(`/households/${householdId}/data?missing=reference`, 303);
  throw notFound();
}
