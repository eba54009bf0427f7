// The family reports inbox (its competition filter applied) as CSV for Excel: UTF-8 with a BOM,
// ";" in ky/ru; the page's columns only, never a safeguarding note. Audited.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { listCompetitions } from '~/models/competition.server';
import {
  auditReportExport,
  reportInboxCsv,
  reportInboxFileName,
} from '~/services/family-report-export.server';
import { inboxCompetitionFrom } from '~/services/family-reports.server';
import { csvResponse } from '~/services/ledger-export.server';
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
  const csv = reportInboxCsv(competitionId, staff.user.locale, programmeTimeZone());
  auditReportExport(request, staff, competitionId, 'csv');
  return csvResponse(csv, reportInboxFileName(competitionId, 'csv'));
}
