import type { LoaderFunctionArgs } from '@remix-run/node';
import { findReceiptFile } from '~/models/grant-receipt.server';
import { readAttachmentFile } from '~/services/attachment-storage.server';
import { grantFor } from '~/services/family-grant.server';
import { idParam, notFound } from '~/utils/application-route.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';
import { recordRead } from '~/services/household-reads.server';

export const handle: RouteAccess = { access: 'applications:view' };

function contentDisposition(name: string): string {
  const clean = name.replace(/[\\/\r\n"]/g, '_').trim() || 'file';
  const ascii = clean.replace(/[^\x20-\x7e]/g, '_');
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(clean)}`;
}

/** A receipt or photo of a purchase: the family, her facilitator and staff only, checked each time. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'applications:view');
  const context = grantFor(actor, idParam(params.grantId));
  if (!context) throw notFound();
  const found = findReceiptFile(idParam(params.fileId));
  if (!found || found.grantId !== context.grant.id) throw notFound();
  recordRead(actor, context.household.id, 'receipt', request, found.file.id);
  let bytes: Buffer;
  try {
    bytes = readAttachmentFile(found.file.storageKey);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw notFound();
    throw error;
  }
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': found.file.mimeType,
      'Content-Length': String(bytes.byteLength),
      'Content-Disposition': contentDisposition(found.file.fileName),
      'Cache-Control': 'private, no-store',
    },
  });
}
