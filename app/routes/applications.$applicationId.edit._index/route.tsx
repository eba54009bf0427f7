import type { LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { editableApplicationOr404 } from '~/utils/application-route.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'applications:edit' };

/** /applications/:id/edit starts at the first step. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'applications:edit');
  const { application } = editableApplicationOr404(actor, params.applicationId);
  return redirect(`/applications/${application.id}/edit/beneficiary`);
}
