// The family's own reports between visits, their photos, and what her grant page shows of the
// monitoring visits. Never reads safeguarding_flags; selects no place of a visit.
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { db, type Tx } from '~db/client';
import { applications } from '~db/schema/applications';
import { grants } from '~db/schema/grants';
import { householdMembers, households } from '~db/schema/households';
import {
  familyReports,
  monitoringVisits,
  outcomePhotos,
  type FamilyReport,
  type OutcomePhoto,
} from '~db/schema/outcomes';
import { localities } from '~db/schema/people';

type Reader = typeof db | Tx;

export function insertFamilyReport(
  tx: Tx,
  values: Omit<typeof familyReports.$inferInsert, 'id' | 'createdAt' | 'updatedAt'> & {
    createdAt?: Date;
  },
): FamilyReport {
  return tx.insert(familyReports).values(values).returning().get();
}

export function insertOutcomePhoto(
  tx: Tx,
  values: Omit<typeof outcomePhotos.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>,
): OutcomePhoto {
  return tx.insert(outcomePhotos).values(values).returning().get();
}

export function findFamilyReport(reportId: number, reader: Reader = db): FamilyReport | undefined {
  return reader.select().from(familyReports).where(eq(familyReports.id, reportId)).get();
}

export function markFamilyReportRead(tx: Tx, reportId: number, readById: number, at: Date) {
  return tx
    .update(familyReports)
    .set({ readAt: at, readById, updatedAt: at })
    .where(and(eq(familyReports.id, reportId), isNull(familyReports.readAt)))
    .returning()
    .get();
}

/** Her reports, newest first. */
export function reportsOfGrant(grantId: number, reader: Reader = db): FamilyReport[] {
  return reader
    .select()
    .from(familyReports)
    .where(eq(familyReports.grantId, grantId))
    .orderBy(desc(familyReports.createdAt), desc(familyReports.id))
    .all();
}

/** The photos of these reports: report id → photo ids. */
export function photosOfReports(
  reportIds: readonly number[],
  reader: Reader = db,
): Map<number, number[]> {
  const byReport = new Map<number, number[]>();
  if (reportIds.length === 0) return byReport;
  const rows = reader
    .select({ id: outcomePhotos.id, reportId: outcomePhotos.reportId })
    .from(outcomePhotos)
    .where(inArray(outcomePhotos.reportId, [...reportIds]))
    .orderBy(asc(outcomePhotos.id))
    .all();
  for (const row of rows) {
    if (row.reportId === null) continue;
    byReport.set(row.reportId, [...(byReport.get(row.reportId) ?? []), row.id]);
  }
  return byReport;
}

export function photosOfReport(reportId: number, reader: Reader = db): OutcomePhoto[] {
  return reader
    .select()
    .from(outcomePhotos)
    .where(eq(outcomePhotos.reportId, reportId))
    .orderBy(asc(outcomePhotos.id))
    .all();
}

/**
 * The visits of her grant as her page shows them: which, when due, done or not, the business
 * status found. Only these columns: no notes, no place, nothing of a safeguarding concern.
 */
export function visitsForFamily(grantId: number, reader: Reader = db) {
  return reader
    .select({
      id: monitoringVisits.id,
      month: monitoringVisits.month,
      dueOn: monitoringVisits.dueOn,
      status: monitoringVisits.status,
      visitedOn: monitoringVisits.visitedOn,
      businessStatus: monitoringVisits.businessStatus,
    })
    .from(monitoringVisits)
    .where(eq(monitoringVisits.grantId, grantId))
    .orderBy(asc(monitoringVisits.month))
    .all();
}

export type ReportInboxFilter = { competitionId: number | null; limit: number; offset: number };

function inboxWhere(filter: Pick<ReportInboxFilter, 'competitionId'>): SQL | undefined {
  return filter.competitionId === null ? undefined : eq(grants.competitionId, filter.competitionId);
}

/** One page of the staff inbox: unread first, then newest first. */
export function reportInboxPage(filter: ReportInboxFilter) {
  return db
    .select({
      id: familyReports.id,
      grantId: familyReports.grantId,
      businessStatus: familyReports.businessStatus,
      monthlyRevenue: familyReports.monthlyRevenue,
      question: familyReports.question,
      readAt: familyReports.readAt,
      createdAt: familyReports.createdAt,
      currency: grants.currency,
      reference: applications.reference,
      firstName: householdMembers.firstName,
      lastName: householdMembers.lastName,
      locality: localities,
    })
    .from(familyReports)
    .innerJoin(grants, eq(grants.id, familyReports.grantId))
    .innerJoin(applications, eq(applications.id, grants.applicationId))
    .innerJoin(households, eq(households.id, applications.householdId))
    .innerJoin(localities, eq(localities.id, households.localityId))
    .leftJoin(householdMembers, eq(householdMembers.id, grants.beneficiaryMemberId))
    .where(inboxWhere(filter))
    .orderBy(
      sql`${familyReports.readAt} is not null`,
      desc(familyReports.createdAt),
      desc(familyReports.id),
    )
    .limit(filter.limit)
    .offset(filter.offset)
    .all();
}

export function countReportInbox(filter: Pick<ReportInboxFilter, 'competitionId'>): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(familyReports)
      .innerJoin(grants, eq(grants.id, familyReports.grantId))
      .where(inboxWhere(filter))
      .get()?.n ?? 0
  );
}

/** What waits for staff: unread reports that ask a question. */
export function countUnreadReportQuestions(reader: Reader = db): number {
  return (
    reader
      .select({ n: sql<number>`count(*)` })
      .from(familyReports)
      .where(and(isNull(familyReports.readAt), isNotNull(familyReports.question)))
      .get()?.n ?? 0
  );
}
