// The consultant's agenda (/consultant) for the shown day or week as CSV for Excel, with the
// page's scope (her own; staff: the consultant named); audited, since it names families.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { agendaFileName, exportAgenda } from '~/services/consultant-agenda.server';
import { csvDelimiterFor, tableCsvStreamResponse } from '~/services/ledger-export.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'consultations:publish' };

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'consultations:publish');
  const agenda = exportAgenda(request, actor, 'csv');
  if (!agenda) return redirect('/staff/consultations');
  return tableCsvStreamResponse(agenda.table, agendaFileName(agenda.scope, 'csv'), {
    delimiter: csvDelimiterFor(actor.user.locale),
  });
}
