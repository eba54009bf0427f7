import { writeTransaction } from '~db/client';
import type { Competition } from '~db/schema/competitions';
import { appendAudit } from '~/models/audit.server';
import {
  competitionLocalityRows,
  countApplicationsOf,
  findCompetition,
  insertCompetition,
  listCompetitions,
  replaceCompetitionLocalities,
  updateCompetitionRow,
} from '~/models/competition.server';
import type { CompetitionFormInput } from '~/schemas/competition';
import type { CompetitionStatus } from '~/schemas/enums';
import { missingLocalityIds } from '~/models/user.server';
import { clientIp } from '~/utils/request.server';
import type { SessionUser } from '~/utils/session.server';
import { isValidTimeZone, zonedLocalToUtc } from '~/utils/timezone';
import { yearIn } from './eligibility.server';
import { pickLocalized, titleTexts } from '~/i18n/localized-text';

export type CompetitionInput = CompetitionFormInput & { quotas: Map<number, number | null> };

type FieldError = { ok: false; field: string; error: string };

function toRow(input: CompetitionInput):
  | FieldError
  | {
      ok: true;
      row: Omit<
        Competition,
        | 'id'
        | 'status'
        | 'nextReferenceNumber'
        | 'createdById'
        | 'createdAt'
        | 'updatedAt'
        | 'announcedAt'
        | 'announcedById'
        | 'closedAt'
      >;
    } {
  if (!isValidTimeZone(input.timezone))
    return { ok: false, field: 'timezone', error: 'validation.timezone' };
  if (missingLocalityIds(input.localityIds).length > 0)
    return { ok: false, field: 'localityIds', error: 'validation.invalid' };
  const opensAt = zonedLocalToUtc(input.opensAt, input.timezone);
  const closesAt = zonedLocalToUtc(input.closesAt, input.timezone);
  if (!opensAt) return { ok: false, field: 'opensAt', error: 'validation.dateTime' };
  if (!closesAt) return { ok: false, field: 'closesAt', error: 'validation.dateTime' };
  return {
    ok: true,
    row: {
      titleKy: input.titleKy || null,
      titleRu: input.titleRu || null,
      titleEn: input.titleEn || null,
      titleKk: input.titleKk || null,
      titleUz: input.titleUz || null,
      descriptionKy: input.descriptionKy || null,
      descriptionRu: input.descriptionRu || null,
      descriptionEn: input.descriptionEn || null,
      descriptionKk: input.descriptionKk || null,
      descriptionUz: input.descriptionUz || null,
      defaultLocale: input.defaultLocale || null,
      referencePrefix: input.referencePrefix,
      currency: input.currency,
      budgetTotal: input.budgetTotal,
      minGrant: input.minGrant,
      maxGrant: input.maxGrant,
      timezone: input.timezone,
      opensAt,
      closesAt,
      requireSocialBenefits: input.requireSocialBenefits,
      requiredTrainingSessions: input.requiredTrainingSessions,
      requiredConsultations: input.requiredConsultations,
      maxOpenBookings: input.maxOpenBookings,
      bookingCancelNoticeHours: input.bookingCancelNoticeHours,
      bookingMoveNoticeHours: input.bookingMoveNoticeHours,
      beneficiaryRelations: input.beneficiaryRelations,
      beneficiarySex: input.beneficiarySex,
      beneficiaryAdultOnly: input.beneficiaryAdultOnly,
    },
  };
}

function localityRows(input: CompetitionInput) {
  return input.localityIds.map((localityId) => ({
    localityId,
    quota: input.quotas.get(localityId) ?? null,
  }));
}

/** What the audit line records of a competition: every rule, but not the long texts. */
function snapshot(
  competition: Competition,
  localities: { localityId: number; quota: number | null }[],
) {
  return {
    titles: [
      competition.titleKy,
      competition.titleRu,
      competition.titleEn,
      competition.titleKk,
      competition.titleUz,
    ],
    defaultLocale: competition.defaultLocale,
    status: competition.status,
    currency: competition.currency,
    budgetTotal: competition.budgetTotal,
    minGrant: competition.minGrant,
    maxGrant: competition.maxGrant,
    timezone: competition.timezone,
    opensAt: competition.opensAt.toISOString(),
    closesAt: competition.closesAt.toISOString(),
    requireSocialBenefits: competition.requireSocialBenefits,
    requiredTrainingSessions: competition.requiredTrainingSessions,
    requiredConsultations: competition.requiredConsultations,
    maxOpenBookings: competition.maxOpenBookings,
    bookingCancelNoticeHours: competition.bookingCancelNoticeHours,
    bookingMoveNoticeHours: competition.bookingMoveNoticeHours,
    beneficiaryRelations: competition.beneficiaryRelations,
    beneficiarySex: competition.beneficiarySex,
    beneficiaryAdultOnly: competition.beneficiaryAdultOnly,
    localities: localities.map((l) => ({ localityId: l.localityId, quota: l.quota })),
  };
}

/**
 * References are "<prefix>-<year of opening>-<number>" and unique everywhere, while each
 * competition numbers from 1: two competitions may not share a prefix in the same year.
 */
function prefixClash(
  row: { referencePrefix: string; opensAt: Date; timezone: string },
  exceptId: number | null,
): boolean {
  const year = yearIn(row.timezone, row.opensAt);
  return listCompetitions().some(
    (other) =>
      other.id !== exceptId &&
      other.referencePrefix === row.referencePrefix &&
      yearIn(other.timezone, other.opensAt) === year,
  );
}

export function createCompetition(
  request: Request,
  staff: SessionUser,
  input: CompetitionInput,
): { ok: true; competitionId: number } | FieldError {
  const prepared = toRow(input);
  if (!prepared.ok) return prepared;
  if (prefixClash(prepared.row, null)) {
    return { ok: false, field: 'referencePrefix', error: 'competition.prefixTaken' };
  }
  const competitionId = writeTransaction((tx) => {
    const competition = insertCompetition(tx, {
      ...prepared.row,
      status: 'draft',
      createdById: staff.user.id,
    });
    const rows = localityRows(input);
    replaceCompetitionLocalities(tx, competition.id, rows);
    appendAudit(tx, {
      actorUserId: staff.user.id,
      action: 'competition.created',
      entityType: 'competition',
      entityId: competition.id,
      after: snapshot(competition, rows),
      ipAddress: clientIp(request),
    });
    return competition.id;
  });
  return { ok: true, competitionId };
}

export function updateCompetition(
  request: Request,
  staff: SessionUser,
  competitionId: number,
  input: CompetitionInput,
): { ok: true } | FieldError | { ok: false; field?: undefined; error: 'not-found' } {
  const before = findCompetition(competitionId);
  if (!before) return { ok: false, error: 'not-found' };
  const prepared = toRow(input);
  if (!prepared.ok) return prepared;
  if (prefixClash(prepared.row, competitionId)) {
    return { ok: false, field: 'referencePrefix', error: 'competition.prefixTaken' };
  }
  const hasApplications = countApplicationsOf(competitionId) > 0;
  // Money already asked for in one currency cannot silently become another.
  if (hasApplications && prepared.row.currency !== before.currency) {
    return { ok: false, field: 'currency', error: 'competition.currencyLocked' };
  }
  writeTransaction((tx) => {
    const beforeLocalities = competitionLocalityRows(competitionId, tx);
    const after = updateCompetitionRow(tx, competitionId, prepared.row);
    const rows = localityRows(input);
    replaceCompetitionLocalities(tx, competitionId, rows);
    appendAudit(tx, {
      actorUserId: staff.user.id,
      action: 'competition.updated',
      entityType: 'competition',
      entityId: competitionId,
      before: snapshot(before, beforeLocalities),
      after: snapshot(after, rows),
      ipAddress: clientIp(request),
    });
  });
  return { ok: true };
}

/** The status changes staff may make in this part of the lifecycle. Later ones come with rounds. */
export const COMPETITION_TRANSITIONS: Partial<Record<CompetitionStatus, CompetitionStatus[]>> = {
  draft: ['open'],
  open: ['draft', 'screening'],
  screening: ['open'],
};

export type StatusChangeError = 'not-found' | 'not-allowed' | 'has-applications' | 'not-ready';

export function changeCompetitionStatus(
  request: Request,
  staff: SessionUser,
  competitionId: number,
  to: CompetitionStatus,
  now = new Date(),
): { ok: true } | { ok: false; error: StatusChangeError } {
  const competition = findCompetition(competitionId);
  if (!competition) return { ok: false, error: 'not-found' };
  if (!COMPETITION_TRANSITIONS[competition.status]?.includes(to))
    return { ok: false, error: 'not-allowed' };
  if (to === 'draft' && countApplicationsOf(competitionId) > 0)
    return { ok: false, error: 'has-applications' };
  if (to === 'open') {
    const ready =
      Boolean(pickLocalized(titleTexts(competition), 'ky')) &&
      competitionLocalityRows(competitionId).length > 0 &&
      competition.closesAt > now;
    if (!ready) return { ok: false, error: 'not-ready' };
  }
  writeTransaction((tx) => {
    updateCompetitionRow(tx, competitionId, { status: to });
    appendAudit(tx, {
      actorUserId: staff.user.id,
      action: 'competition.status-changed',
      entityType: 'competition',
      entityId: competitionId,
      before: { status: competition.status },
      after: { status: to },
      ipAddress: clientIp(request),
    });
  });
  return { ok: true };
}

/** Can a household submit to this competition at `now`? The deadline is a UTC instant. */
export function submissionWindow(
  competition: Pick<Competition, 'status' | 'opensAt' | 'closesAt'>,
  now: Date,
):
  | { open: true }
  | { open: false; reason: 'competition-not-open' | 'not-yet-open' | 'deadline-passed' } {
  if (now >= competition.closesAt) return { open: false, reason: 'deadline-passed' };
  if (competition.status !== 'open') return { open: false, reason: 'competition-not-open' };
  if (now < competition.opensAt) return { open: false, reason: 'not-yet-open' };
  return { open: true };
}
