// What a household's data download reads, every query scoped to the one household (or its own
// applications and grants). Columns are named one by one: staff-only fields (screening reasons,
// decision reasons, money-request rejections, visit coordinates, who scored what) are never
// selected, and safeguarding flags, jurors and scores are not read at all.
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { db } from '~db/client';
import {
  applicationAttachments,
  applicationBudgetItems,
  applications,
} from '~db/schema/applications';
import { competitions } from '~db/schema/competitions';
import { consultationBookings, consultationSlots } from '~db/schema/consultations';
import { grantReceiptFiles, grantReceiptLines } from '~db/schema/grant-receipts';
import { grants, grantTranches, ledgerEntries } from '~db/schema/grants';
import { householdMembers, households } from '~db/schema/households';
import { mailOutbox } from '~db/schema/mail';
import { familyReports, monitoringVisits, outcomePhotos } from '~db/schema/outcomes';
import { localities, users } from '~db/schema/people';
import { trainingAttendance, trainingSessions } from '~db/schema/training';

export function householdDataRow(householdId: number) {
  return db
    .select({
      id: households.id,
      address: households.address,
      phone: households.phone,
      receivesSocialBenefits: households.receivesSocialBenefits,
      benefitRegisterNumber: households.benefitRegisterNumber,
      userId: households.userId,
      createdAt: households.createdAt,
      localityNameKy: localities.nameKy,
      localityNameRu: localities.nameRu,
      localityNameEn: localities.nameEn,
    })
    .from(households)
    .innerJoin(localities, eq(localities.id, households.localityId))
    .where(eq(households.id, householdId))
    .get();
}

export function accountDataRow(userId: number) {
  return db
    .select({ name: users.name, email: users.email, phone: users.phone, locale: users.locale })
    .from(users)
    .where(eq(users.id, userId))
    .get();
}

export function householdMemberRows(householdId: number) {
  return db
    .select({
      id: householdMembers.id,
      firstName: householdMembers.firstName,
      lastName: householdMembers.lastName,
      sex: householdMembers.sex,
      birthYear: householdMembers.birthYear,
      relation: householdMembers.relation,
    })
    .from(householdMembers)
    .where(eq(householdMembers.householdId, householdId))
    .orderBy(asc(householdMembers.position), asc(householdMembers.id))
    .all();
}

export function householdApplicationRows(householdId: number) {
  return db
    .select({
      id: applications.id,
      competitionTitleKy: competitions.titleKy,
      competitionTitleRu: competitions.titleRu,
      competitionTitleEn: competitions.titleEn,
      competitionTitleKk: competitions.titleKk,
      competitionTitleUz: competitions.titleUz,
      reference: applications.reference,
      status: applications.status,
      title: applications.title,
      sector: applications.sector,
      description: applications.description,
      market: applications.market,
      experience: applications.experience,
      ownContribution: applications.ownContribution,
      requestedAmount: applications.requestedAmount,
      awardedAmount: applications.awardedAmount,
      currency: competitions.currency,
      submittedAt: applications.submittedAt,
      feedback: applications.feedback,
    })
    .from(applications)
    .innerJoin(competitions, eq(competitions.id, applications.competitionId))
    .where(eq(applications.householdId, householdId))
    .orderBy(asc(applications.id))
    .all();
}

export function budgetItemRows(applicationIds: number[]) {
  if (applicationIds.length === 0) return [];
  return db
    .select({
      applicationId: applicationBudgetItems.applicationId,
      name: applicationBudgetItems.name,
      quantity: applicationBudgetItems.quantity,
      unitPrice: applicationBudgetItems.unitPrice,
    })
    .from(applicationBudgetItems)
    .where(inArray(applicationBudgetItems.applicationId, applicationIds))
    .orderBy(asc(applicationBudgetItems.applicationId), asc(applicationBudgetItems.position))
    .all();
}

export function attachmentRows(applicationIds: number[]) {
  if (applicationIds.length === 0) return [];
  return db
    .select({
      id: applicationAttachments.id,
      applicationId: applicationAttachments.applicationId,
      kind: applicationAttachments.kind,
      originalName: applicationAttachments.originalName,
      mimeType: applicationAttachments.mimeType,
      storageKey: applicationAttachments.storageKey,
    })
    .from(applicationAttachments)
    .where(inArray(applicationAttachments.applicationId, applicationIds))
    .orderBy(asc(applicationAttachments.id))
    .all();
}

export function consultationRows(householdId: number) {
  return db
    .select({
      startsAt: consultationSlots.startsAt,
      mode: consultationSlots.mode,
      status: consultationBookings.status,
      helpWith: consultationBookings.helpWith,
      attendance: consultationBookings.attendance,
      advice: consultationBookings.advice,
    })
    .from(consultationBookings)
    .innerJoin(consultationSlots, eq(consultationSlots.id, consultationBookings.slotId))
    .where(eq(consultationBookings.householdId, householdId))
    .orderBy(asc(consultationSlots.startsAt))
    .all();
}

export function trainingRows(householdId: number) {
  return db
    .select({
      topic: trainingSessions.topic,
      startsAt: trainingSessions.startsAt,
      place: trainingSessions.place,
      memberId: trainingAttendance.memberId,
      present: trainingAttendance.present,
    })
    .from(trainingAttendance)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingAttendance.sessionId))
    .where(eq(trainingAttendance.householdId, householdId))
    .orderBy(asc(trainingSessions.startsAt))
    .all();
}

export function grantRows(applicationIds: number[]) {
  if (applicationIds.length === 0) return [];
  return db
    .select({
      id: grants.id,
      applicationId: grants.applicationId,
      amount: grants.amount,
      currency: grants.currency,
      status: grants.status,
      identityDocumentKind: grants.identityDocumentKind,
      identityDocumentNumber: grants.identityDocumentNumber,
      signedOn: grants.signedOn,
      signedByName: grants.signedByName,
      witnessName: grants.witnessName,
      paymentMethod: grants.paymentMethod,
      walletProvider: grants.walletProvider,
      walletPhone: grants.walletPhone,
      bankAccount: grants.bankAccount,
    })
    .from(grants)
    .where(inArray(grants.applicationId, applicationIds))
    .orderBy(asc(grants.id))
    .all();
}

export function trancheRows(grantIds: number[]) {
  if (grantIds.length === 0) return [];
  return db
    .select({
      grantId: grantTranches.grantId,
      position: grantTranches.position,
      amount: grantTranches.amount,
      condition: grantTranches.condition,
      receiptsVerifiedAt: grantTranches.receiptsVerifiedAt,
    })
    .from(grantTranches)
    .where(inArray(grantTranches.grantId, grantIds))
    .orderBy(asc(grantTranches.grantId), asc(grantTranches.position))
    .all();
}

/** The ledger of her grants: what was paid, repaid or reversed (never a request's rejection). */
export function ledgerRows(grantIds: number[]) {
  if (grantIds.length === 0) return [];
  return db
    .select({
      grantId: ledgerEntries.grantId,
      kind: ledgerEntries.kind,
      amount: ledgerEntries.amount,
      currency: ledgerEntries.currency,
      method: ledgerEntries.method,
      reference: ledgerEntries.reference,
      paidAt: ledgerEntries.paidAt,
    })
    .from(ledgerEntries)
    .where(inArray(ledgerEntries.grantId, grantIds))
    .orderBy(asc(ledgerEntries.paidAt), asc(ledgerEntries.id))
    .all();
}

export function receiptFileRows(grantIds: number[]) {
  if (grantIds.length === 0) return [];
  return db
    .select({
      id: grantReceiptFiles.id,
      grantId: grantReceiptLines.grantId,
      kind: grantReceiptFiles.kind,
      fileName: grantReceiptFiles.fileName,
      mimeType: grantReceiptFiles.mimeType,
      storageKey: grantReceiptFiles.storageKey,
      actualAmount: grantReceiptLines.actualAmount,
    })
    .from(grantReceiptFiles)
    .innerJoin(grantReceiptLines, eq(grantReceiptLines.id, grantReceiptFiles.receiptLineId))
    .where(inArray(grantReceiptLines.grantId, grantIds))
    .orderBy(asc(grantReceiptFiles.id))
    .all();
}

/** Visits as the family may read them: no coordinates, and safeguarding flags live elsewhere. */
export function visitRows(grantIds: number[]) {
  if (grantIds.length === 0) return [];
  return db
    .select({
      grantId: monitoringVisits.grantId,
      month: monitoringVisits.month,
      dueOn: monitoringVisits.dueOn,
      status: monitoringVisits.status,
      visitedOn: monitoringVisits.visitedOn,
      businessStatus: monitoringVisits.businessStatus,
      monthlyRevenue: monitoringVisits.monthlyRevenue,
      monthlyCosts: monitoringVisits.monthlyCosts,
      monthlyHouseholdIncome: monitoringVisits.monthlyHouseholdIncome,
      assetState: monitoringVisits.assetState,
      notes: monitoringVisits.notes,
    })
    .from(monitoringVisits)
    .where(inArray(monitoringVisits.grantId, grantIds))
    .orderBy(asc(monitoringVisits.grantId), asc(monitoringVisits.month))
    .all();
}

export function familyReportRows(grantIds: number[]) {
  if (grantIds.length === 0) return [];
  return db
    .select({
      id: familyReports.id,
      grantId: familyReports.grantId,
      businessStatus: familyReports.businessStatus,
      monthlyRevenue: familyReports.monthlyRevenue,
      question: familyReports.question,
      createdAt: familyReports.createdAt,
    })
    .from(familyReports)
    .where(inArray(familyReports.grantId, grantIds))
    .orderBy(asc(familyReports.createdAt), asc(familyReports.id))
    .all();
}

/** Photos she sent with her own reports (a visit's photos are the facilitator's record). */
export function reportPhotoRows(grantIds: number[]) {
  if (grantIds.length === 0) return [];
  return db
    .select({
      id: outcomePhotos.id,
      reportId: outcomePhotos.reportId,
      contentType: outcomePhotos.contentType,
      storagePath: outcomePhotos.storagePath,
    })
    .from(outcomePhotos)
    .where(and(inArray(outcomePhotos.grantId, grantIds), isNotNull(outcomePhotos.reportId)))
    .orderBy(asc(outcomePhotos.id))
    .all();
}

/** The notices written to her account: subject and date only. */
export function noticeRows(userId: number) {
  return db
    .select({ subject: mailOutbox.subject, createdAt: mailOutbox.createdAt })
    .from(mailOutbox)
    .where(eq(mailOutbox.recipientUserId, userId))
    .orderBy(asc(mailOutbox.createdAt), asc(mailOutbox.id))
    .all();
}
