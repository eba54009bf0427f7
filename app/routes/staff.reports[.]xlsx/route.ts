// The family reports inbox (its competition filter applied) as an Excel workbook streamed a row
// at a time: dates and revenue as typed cells, frozen header. Audited.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { listCompetitions } from '~/models/competition.server';
import {
  auditReportExport,
  reportInboxFileName,
  reportInboxTable,
} from '~/services/family-report-export.server';
import { inboxCompetitionFrom } from '~/services/family-reports.server';
import { tableXlsxResponse } from '~/services/ledger-export.server';
import { programmeTimeZone } from '~/services/programme-clock.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'outcomes:read' };

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requirePermission(request, 'outcomes:read');
  const competitionId = inboxCompetitionFrom(
    new URL(request.url).searchParams,
    listCompetitions().map((c) => c.id),
  );
  const table = reportInboxTable(competitionId, staff.user.locale, programmeTimeZone());
  auditReportExport(request, staff, competitionId, 'xlsx');
  return tableXlsxResponse(table, reportInboxFileName(competitionId, 'xlsx'));
}
