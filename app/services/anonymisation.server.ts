// Anonymisation after retention (issue 16; DESIGN.md, "Privacy and safety"): a household whose
// every competition closed more than the retention period ago loses what names or reaches a
// person — names, contacts, addresses, register numbers, documents, photos, free texts — and
// keeps its figures, so dashboards and donor reports stay true. What goes, column by column, is
// listed in app/models/anonymisation.server.ts. A household may also ask for it, once no grant
// obligation remains. Runs go in batches, one transaction each, and are idempotent: an
// anonymised household is never picked again.
import { and, eq } from 'drizzle-orm';
import { db, writeTransaction, type Tx } from '~db/client';
import { grants, moneyRequests } from '~db/schema/grants';
import { applications } from '~db/schema/applications';
import { competitions } from '~db/schema/competitions';
import {
  freeTextCount,
  householdFootprint,
  householdIdsPastRetention,
  scrubHouseholdRows,
  type HouseholdFootprint,
} from '~/models/anonymisation.server';
import {
  appendAudit,
  auditLineIdsAbout,
  redactAuditLines,
  type Redaction,
  type StoredAuditLine,
} from '~/models/audit.server';
import { findHousehold } from '~/models/household.server';
import { deleteAttachmentFile } from '~/services/attachment-storage.server';
import { readSetting } from '~/services/settings.server';

export const ANONYMISATION_BATCH = 200;

export type AnonymisationCounts = {
  households: number;
  members: number;
  accounts: number;
  files: number;
  photos: number;
  freeTexts: number;
  auditLines: number;
};

export const EMPTY_COUNTS: AnonymisationCounts = {
  households: 0,
  members: 0,
  accounts: 0,
  files: 0,
  photos: 0,
  freeTexts: 0,
  auditLines: 0,
};

/** The instant before which a competition must have closed: now less the retention years. */
export function retentionCutoff(now: Date, years: number): Date {
  const cutoff = new Date(now.getTime());
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  return cutoff;
}

function auditLinesOf(reader: Tx | typeof db, f: HouseholdFootprint): number[] {
  return auditLineIdsAbout(
    reader as Tx,
    [
      { entityType: 'household', entityIds: f.householdIds },
      { entityType: 'user', entityIds: f.userIds },
      { entityType: 'application', entityIds: f.applicationIds },
      { entityType: 'grant', entityIds: f.grantIds },
      { entityType: 'consultation-booking', entityIds: f.bookingIds },
      { entityType: 'visit', entityIds: f.visitIds },
      { entityType: 'score', entityIds: f.scoreIds },
    ],
    f.userIds,
  );
}

function countsOf(reader: Tx | typeof db, f: HouseholdFootprint): AnonymisationCounts {
  return {
    households: f.householdIds.length,
    members: f.memberIds.length,
    accounts: f.userIds.length,
    files: f.files.length,
    photos: f.photos.length,
    freeTexts: freeTextCount(reader, f),
    auditLines: auditLinesOf(reader, f).length,
  };
}

function add(a: AnonymisationCounts, b: AnonymisationCounts): AnonymisationCounts {
  const sum = { ...a };
  for (const key of Object.keys(sum) as (keyof AnonymisationCounts)[]) sum[key] += b[key];
  return sum;
}

export type AnonymisationPreview = {
  retentionYears: number;
  cutoff: Date;
  counts: AnonymisationCounts;
};

/** What a run would remove now, counted batch by batch (never every household at once). */
export function previewAnonymisation(
  now: Date = new Date(),
  batchSize = ANONYMISATION_BATCH,
): AnonymisationPreview {
  const retentionYears = readSetting('retentionYearsAfterClose');
  const cutoff = retentionCutoff(now, retentionYears);
  let counts = EMPTY_COUNTS;
  let afterId = 0;
  for (;;) {
    const batch = householdIdsPastRetention(db, cutoff, afterId, batchSize);
    if (batch.length === 0) break;
    counts = add(counts, countsOf(db, householdFootprint(db, batch)));
    afterId = batch.at(-1)!;
  }
  return { retentionYears, cutoff, counts };
}

const PERSONAL_KEYS = new Set([
  'name',
  'firstName',
  'lastName',
  'email',
  'phone',
  'address',
  'benefitRegisterNumber',
  'givenBy',
  'note',
  'notes',
  'title',
  'description',
  'market',
  'experience',
  'feedback',
  'reason',
  'question',
  'helpWith',
  'advice',
  'comment',
  'overallComment',
  'signedByName',
  'witnessName',
  'walletPhone',
  'bankAccount',
  'identityDocumentNumber',
  'originalName',
  'fileName',
  'statusReason',
  'ineligibleReason',
  'decisionReason',
  'toName',
  'toAddress',
  'identifier',
]);

export const REDACTED = '[redacted]';

/** Whether an audit line's change holds values the anonymisation redacted (the page says so). */
export function isRedactedChange(...changes: (string | null)[]): boolean {
  const marker = JSON.stringify(REDACTED);
  return changes.some((change) => change?.includes(marker) ?? false);
}

/** Figures and codes that name nobody: enum-like words and ISO dates. */
const FIGURE_TEXT = /^(?:[a-z0-9]+(?:[-_.][a-z0-9]+)*|\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z)?)$/;

/**
 * A line's JSON with every personal field replaced: a key known to hold a name, contact or free
 * text, and any other text that is not a code or a date (a name under an unexpected key).
 * Numbers, booleans, statuses and dates stay, so the line still says what happened.
 */
export function redactAuditJson(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => redactAuditJson(v, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, redactAuditJson(v, k)]),
    );
  }
  if (typeof value === 'string') {
    return PERSONAL_KEYS.has(key) || !FIGURE_TEXT.test(value) ? REDACTED : value;
  }
  return value;
}

function redactedColumn(stored: unknown): string | null {
  if (typeof stored !== 'string') return null;
  try {
    return JSON.stringify(redactAuditJson(JSON.parse(stored)));
  } catch {
    return JSON.stringify(REDACTED);
  }
}

function auditRedaction(userIds: number[]) {
  return (line: StoredAuditLine): Redaction => ({
    before: redactedColumn(line.before),
    after: redactedColumn(line.after),
    // Her own address when she acted; a staff member's address says nothing of her.
    ipAddress:
      typeof line.actor_user_id === 'number' && userIds.includes(line.actor_user_id)
        ? null
        : (line.ip_address as string | null),
  });
}

/**
 * Anonymises one batch in the caller's transaction: scrubs the rows, redacts the audit lines
 * about them (recorded in the chain), and writes one line per household. Returns the counts and
 * the files to remove from disk once the transaction has committed.
 */
function anonymiseBatch(
  tx: Tx,
  householdIds: number[],
  actorUserId: number | null,
  now: Date,
  action: 'household.anonymised' | 'household.anonymised-on-request',
  requestReference?: string,
) {
  const footprint = householdFootprint(tx, householdIds);
  const counts = countsOf(tx, footprint);
  scrubHouseholdRows(tx, footprint, now);
  redactAuditLines(tx, auditLinesOf(tx, footprint), auditRedaction(footprint.userIds), actorUserId);
  for (const householdId of householdIds) {
    appendAudit(
      tx,
      {
        actorUserId,
        action,
        entityType: 'household',
        entityId: householdId,
        after: requestReference
          ? { anonymisedAt: now.toISOString(), requestReference }
          : { anonymisedAt: now.toISOString() },
      },
      { now },
    );
  }
  return { counts, files: [...footprint.files, ...footprint.photos] };
}

function removeFiles(keys: string[]) {
  for (const key of keys) deleteAttachmentFile(key);
}

export type AnonymisationResult = { counts: AnonymisationCounts; cutoff: Date };

/**
 * The run: batch after batch of households past retention, each in one transaction; its files
 * leave the disk after that batch commits. One audit line records the run's counts.
 */
export function runAnonymisation(
  actor: { userId: number | null; ipAddress: string | null },
  now: Date = new Date(),
  batchSize = ANONYMISATION_BATCH,
): AnonymisationResult {
  const retentionYears = readSetting('retentionYearsAfterClose');
  const cutoff = retentionCutoff(now, retentionYears);
  let counts = EMPTY_COUNTS;
  for (;;) {
    const batch = writeTransaction((tx) => {
      const householdIds = householdIdsPastRetention(tx, cutoff, 0, batchSize);
      if (householdIds.length === 0) return null;
      return anonymiseBatch(tx, householdIds, actor.userId, now, 'household.anonymised');
    });
    if (!batch) break;
    removeFiles(batch.files);
    counts = add(counts, batch.counts);
  }
  if (counts.households > 0) {
    writeTransaction((tx) =>
      appendAudit(tx, {
        actorUserId: actor.userId,
        action: 'anonymisation.run',
        entityType: 'audit',
        after: { retentionYears, cutoff: cutoff.toISOString(), ...counts },
        ipAddress: actor.ipAddress,
      }),
    );
  }
  return { counts, cutoff };
}

export type OnRequestRefusal =
  'not-found' | 'already-anonymised' | 'grant-open' | 'application-open';

/**
 * Whether a household may be anonymised on her own request: no grant obligation remains. Every
 * grant of hers is completed or cancelled with no payment waiting for approval, and no
 * application of hers is still in a competition that has not decided (she could still win one).
 */
export function onRequestRefusal(
  householdId: number,
  tx: Tx | typeof db = db,
): OnRequestRefusal | null {
  const household = findHousehold(householdId, tx);
  if (!household) return 'not-found';
  if (household.anonymisedAt) return 'already-anonymised';
  const own = tx
    .select({
      applicationStatus: applications.status,
      competitionStatus: competitions.status,
      grantId: grants.id,
      grantStatus: grants.status,
    })
    .from(applications)
    .innerJoin(competitions, eq(competitions.id, applications.competitionId))
    .leftJoin(grants, eq(grants.applicationId, applications.id))
    .where(eq(applications.householdId, householdId))
    .all();
  for (const row of own) {
    if (row.grantId !== null) {
      if (row.grantStatus !== 'completed' && row.grantStatus !== 'cancelled') return 'grant-open';
      const waiting = tx
        .select({ id: moneyRequests.id })
        .from(moneyRequests)
        .where(and(eq(moneyRequests.grantId, row.grantId), eq(moneyRequests.status, 'requested')))
        .get();
      if (waiting) return 'grant-open';
    }
    const undecided = ['open', 'screening', 'judging'].includes(row.competitionStatus);
    const live = !['draft', 'withdrawn', 'ineligible', 'not-selected'].includes(
      row.applicationStatus,
    );
    if (undecided && live) return 'application-open';
  }
  return null;
}

/** Staff anonymise one household on her written request (its reference is required). */
export function anonymiseOnRequest(
  actor: { userId: number; ipAddress: string | null },
  householdId: number,
  requestReference: string,
  now: Date = new Date(),
): { ok: true; counts: AnonymisationCounts } | { ok: false; error: OnRequestRefusal } {
  const result = writeTransaction((tx) => {
    const refusal = onRequestRefusal(householdId, tx);
    if (refusal) return { ok: false as const, error: refusal };
    const batch = anonymiseBatch(
      tx,
      [householdId],
      actor.userId,
      now,
      'household.anonymised-on-request',
      requestReference,
    );
    return { ok: true as const, ...batch };
  });
  if (!result.ok) return result;
  removeFiles(result.files);
  return { ok: true, counts: result.counts };
}
