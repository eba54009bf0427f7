import type { LoaderFunctionArgs } from '@remix-run/node';
import { findOutcomePhoto } from '~/models/visit.server';
import { readAttachmentFile } from '~/services/attachment-storage.server';
import { grantFor } from '~/services/family-grant.server';
import { idParam, notFound } from '~/utils/application-route.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';
import { recordRead } from '~/services/household-reads.server';

export const handle: RouteAccess = { access: 'applications:view' };

/**
 * A photo of a visit or a family's report, to whoever may see the grant (the family, her
 * facilitator, staff), checked each time. Stored without its location (storeAttachmentFile).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'applications:view');
  const photo = findOutcomePhoto(idParam(params.photoId));
  const context = photo ? grantFor(actor, photo.grantId) : null;
  if (!photo || !context) throw notFound();
  recordRead(actor, context.household.id, 'photo', request, photo.id);
  let bytes: Buffer;
  try {
    bytes = readAttachmentFile(photo.storagePath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw notFound();
    throw error;
  }
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': photo.contentType,
      'Content-Length': String(bytes.byteLength),
      'Content-Disposition': `inline; filename="photo-${photo.id}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
