// The family's own reports (DESIGN.md, "Outcomes"): between visits she (or her facilitator for
// her) sends a short report from her phone — how the business is, this month's revenue, a photo,
// a question for staff. Staff are told, read it in their inbox and mark it read. Her grant page
// shows her reports beside the visits — never anything of a safeguarding concern.
import { writeTransaction } from '~db/client';
import { familyReportReceivedEmail } from '~emails/family-report';
import type { Locale } from '~/i18n/config';
import { formatMoney } from '~/i18n/format';
import { localityName } from '~/i18n/locality';
import { appendAudit } from '~/models/audit.server';
import {
  countReportInbox,
  countUnreadReportQuestions,
  findFamilyReport,
  insertFamilyReport,
  insertOutcomePhoto,
  markFamilyReportRead,
  photosOfReports,
  reportInboxPage,
} from '~/models/family-report.server';
import { findGrant } from '~/models/grant.server';
import { activeUsersWithRole } from '~/models/user.server';
import type { FamilyReportInput } from '~/schemas/family-report';
import { zonedDay } from '~/utils/application-display.server';
import { hasPermission } from '~/utils/permissions';
import { clientIp } from '~/utils/request.server';
import type { SessionUser } from '~/utils/session.server';
import {
  deleteAttachmentFile,
  detectAttachmentType,
  MAX_ATTACHMENT_BYTES,
  storeAttachmentFile,
} from './attachment-storage.server';
import { grantFor, reportsOpen, type GrantContext } from './family-grant.server';
import { appLink, queueNotice } from './notices.server';

/** The grant, if the actor may send its report: the family herself or her village's facilitator. */
export function reportGrantFor(actor: SessionUser, grantId: number): GrantContext | null {
  if (!hasPermission(actor.roles, 'reports:send')) return null;
  const context = grantFor(actor, grantId);
  if (!context || (context.access !== 'owner' && context.access !== 'facilitator')) return null;
  return context;
}

export type ReportPhoto = { bytes: Uint8Array };
export type SendReportRefusal = 'not-found' | 'not-open' | 'too-large' | 'wrong-type';

class ReportRefused extends Error {
  constructor(readonly reason: SendReportRefusal) {
    super(reason);
  }
}

/**
 * She sends her report: the report, its photo (stored without location or other metadata) and
 * the audit line in one transaction, with a notice to every active staff member in each one's
 * language.
 */
export function sendFamilyReport(
  request: Request,
  actor: SessionUser,
  context: GrantContext,
  input: FamilyReportInput,
  photo: ReportPhoto | null,
): { ok: true; reportId: number } | { ok: false; error: SendReportRefusal } {
  if (context.access !== 'owner' && context.access !== 'facilitator')
    return { ok: false, error: 'not-found' };
  if (!reportsOpen(context.grant)) return { ok: false, error: 'not-open' };
  let mime: string | null = null;
  if (photo) {
    if (photo.bytes.byteLength > MAX_ATTACHMENT_BYTES) return { ok: false, error: 'too-large' };
    mime = detectAttachmentType(photo.bytes);
    if (mime !== 'image/jpeg' && mime !== 'image/png') return { ok: false, error: 'wrong-type' };
  }
  // Written before the transaction (no await inside it), removed if the transaction fails.
  const storageKey = photo ? storeAttachmentFile(photo.bytes) : null;
  try {
    const reportId = writeTransaction((tx) => {
      const grant = findGrant(context.grant.id, tx);
      if (!grant) throw new ReportRefused('not-found');
      if (!reportsOpen(grant)) throw new ReportRefused('not-open');
      const report = insertFamilyReport(tx, {
        grantId: grant.id,
        sentById: actor.user.id,
        businessStatus: input.businessStatus,
        monthlyRevenue: input.monthlyRevenue,
        question: input.question,
      });
      const stored =
        photo && storageKey
          ? insertOutcomePhoto(tx, {
              grantId: grant.id,
              reportId: report.id,
              storagePath: storageKey,
              contentType: mime!,
              byteSize: photo.bytes.byteLength,
              uploadedById: actor.user.id,
            })
          : null;
      appendAudit(tx, {
        actorUserId: actor.user.id,
        action: 'family-report.sent',
        entityType: 'grant',
        entityId: grant.id,
        after: {
          reportId: report.id,
          businessStatus: report.businessStatus,
          monthlyRevenue: report.monthlyRevenue,
          question: Boolean(report.question),
          photoId: stored?.id ?? null,
          onBehalf: context.access === 'facilitator',
        },
        ipAddress: clientIp(request),
      });
      for (const staff of activeUsersWithRole('staff', tx)) {
        queueNotice(tx, {
          recipient: staff,
          template: familyReportReceivedEmail,
          householdId: context.application.householdId,
          params: {
            name: staff.name,
            reference: context.application.reference ?? '',
            hasQuestion: Boolean(report.question),
            url: appLink(`/staff/reports?competition=${grant.competitionId}`),
          },
        });
      }
      return report.id;
    });
    return { ok: true, reportId };
  } catch (error) {
    if (storageKey) deleteAttachmentFile(storageKey);
    if (error instanceof ReportRefused) return { ok: false, error: error.reason };
    throw error;
  }
}

/** Staff mark a report read (once; reading it again changes nothing). */
export function markReportRead(
  request: Request,
  staff: SessionUser,
  reportId: number,
): { ok: true } | { ok: false; error: 'not-found' } {
  if (!hasPermission(staff.roles, 'outcomes:read')) return { ok: false, error: 'not-found' };
  const report = findFamilyReport(reportId);
  if (!report) return { ok: false, error: 'not-found' };
  writeTransaction((tx) => {
    const now = new Date();
    const marked = markFamilyReportRead(tx, reportId, staff.user.id, now);
    if (!marked) return;
    appendAudit(tx, {
      actorUserId: staff.user.id,
      action: 'family-report.read',
      entityType: 'grant',
      entityId: report.grantId,
      after: { reportId },
      ipAddress: clientIp(request),
    });
  });
  return { ok: true };
}

export const INBOX_PAGE_SIZE = 20;

/** The inbox's competition filter from its query: an existing competition's id, else all (null). */
export function inboxCompetitionFrom(
  searchParams: URLSearchParams,
  competitionIds: readonly number[],
): number | null {
  const asked = Number(searchParams.get('competition'));
  return competitionIds.includes(asked) ? asked : null;
}

/** The staff inbox: one page of reports, unread first, optionally of one competition. */
export function reportInbox(
  filter: { competitionId: number | null; page: number },
  locale: Locale,
  timeZone: string,
) {
  const total = countReportInbox(filter);
  const pages = Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE));
  const page = Math.min(Math.max(1, filter.page), pages);
  const rows = reportInboxPage({
    competitionId: filter.competitionId,
    limit: INBOX_PAGE_SIZE,
    offset: (page - 1) * INBOX_PAGE_SIZE,
  });
  const photos = photosOfReports(rows.map((r) => r.id));
  return {
    total,
    page,
    pages,
    reports: rows.map((r) => ({
      id: r.id,
      grantId: r.grantId,
      reference: r.reference ?? '',
      family: [r.firstName, r.lastName].filter(Boolean).join(' '),
      village: localityName(r.locality, locale),
      businessStatus: r.businessStatus,
      revenue: r.monthlyRevenue === null ? null : formatMoney(r.monthlyRevenue, r.currency, locale),
      question: r.question,
      sentOn: zonedDay(r.createdAt, locale, timeZone),
      readOn: r.readAt ? zonedDay(r.readAt, locale, timeZone) : null,
      photoIds: photos.get(r.id) ?? [],
    })),
  };
}

/** Staff home: how many unread reports ask a question. */
export function unreadReportQuestions(): number {
  return countUnreadReportQuestions();
}
