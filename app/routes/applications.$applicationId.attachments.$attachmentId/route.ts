import type { LoaderFunctionArgs } from '@remix-run/node';
import { attachmentForDownload } from '~/services/applications.server';
import { applicationOr404, idParam, notFound } from '~/utils/application-route.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';
import { recordRead } from '~/services/household-reads.server';

export const handle: RouteAccess = { access: 'applications:view' };

/** "Фото теплицы.jpg" → an ASCII fallback and the UTF-8 name (RFC 6266), no quotes or paths. */
function contentDisposition(name: string): string {
  const clean = name.replace(/[\\/\r\n"]/g, '_').trim() || 'file';
  const ascii = clean.replace(/[^\x20-\x7e]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(clean)}`;
}

/** A photo or price quote, for the family, her facilitator and staff only — checked every time. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'applications:view');
  const { application } = applicationOr404(actor, params.applicationId);
  let download: ReturnType<typeof attachmentForDownload>;
  try {
    download = attachmentForDownload(actor, application.id, idParam(params.attachmentId));
  } catch (error) {
    // The row exists but the file is gone from disk: for the reader, it is not there.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw notFound();
    throw error;
  }
  if (!download) throw notFound();
  const { attachment, bytes } = download;
  recordRead(actor, application.householdId, 'attachment', request, attachment.id);
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': attachment.mimeType,
      'Content-Length': String(bytes.byteLength),
      'Content-Disposition': contentDisposition(attachment.originalName),
      // X-Content-Type-Options: nosniff comes with every response from server.js; the Express
      // adapter appends headers, so naming it here too sent "nosniff, nosniff".
      'Cache-Control': 'private, no-store',
    },
  });
}
