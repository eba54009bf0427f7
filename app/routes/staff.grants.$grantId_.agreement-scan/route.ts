// The scan or photo of a grant's signed agreement: staff only (it shows her identity document
// and signature). Its type is read again from its bytes, never from what the upload claimed.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { agreementScanOf } from '~/services/grants.server';
import { idParam, notFound } from '~/utils/application-route.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';
import { recordGrantRead } from '~/services/household-reads.server';

export const handle: RouteAccess = { access: 'grants:manage' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requirePermission(request, 'grants:manage');
  const scan = agreementScanOf(idParam(params.grantId));
  if (!scan) throw notFound();
  recordGrantRead(staff, scan.grantId, 'agreement-scan', request);
  const extension = scan.mimeType === 'application/pdf' ? 'pdf' : scan.mimeType.slice(6);
  return new Response(new Uint8Array(scan.bytes), {
    headers: {
      'Content-Type': scan.mimeType,
      'Content-Length': String(scan.bytes.byteLength),
      'Content-Disposition': `inline; filename="agreement-${scan.grantId}.${extension}"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
}
