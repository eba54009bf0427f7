// Receipts for a tranche (DESIGN.md, "Grants and money out"): the family (or her facilitator)
// shows what she bought, line by line against her application's budget — planned against actual,
// with a reason where they differ — with receipts and photos; staff verify (the tranche's
// receiptsVerifiedAt, through verifyTrancheReceipts) or ask for more with a reason she reads.
import { writeTransaction, type Tx } from '~db/client';
import type { BudgetItem } from '~db/schema/applications';
import type { Grant, GrantTranche } from '~db/schema/grants';
import type { GrantReceiptEvent, GrantReceiptLine } from '~db/schema/grant-receipts';
import { receiptsAcceptedEmail, receiptsMoreNeededEmail } from '~emails/grant-family';
import { findApplication, budgetItemsOf } from '~/models/application.server';
import { appendAudit } from '~/models/audit.server';
import { findGrant, findTranche, tranchesOf } from '~/models/grant.server';
import { standingPaymentOf } from '~/models/grant-ledger.server';
import {
  countReceiptFilesOfTranche,
  insertReceiptEvent,
  insertReceiptFile,
  latestReceiptEvent,
  receiptFilesOf,
  receiptLinesOf,
  upsertReceiptLine,
} from '~/models/grant-receipt.server';
import { findHousehold } from '~/models/household.server';
import { findUserById } from '~/models/user.server';
import { lineTotal } from '~/utils/money';
import { clientIp } from '~/utils/request.server';
import type { SessionUser } from '~/utils/session.server';
import {
  deleteAttachmentFile,
  detectAttachmentType,
  MAX_ATTACHMENT_BYTES,
  storeAttachmentFile,
} from './attachment-storage.server';
import type { GrantContext } from './family-grant.server';
import { verifyTrancheReceipts, type VerifyRefusal } from './grants.server';
import { appLink, queueNotice } from './notices.server';

/** Enough for a receipt and a photo per line of a long budget; more is a mistake. */
export const MAX_RECEIPT_FILES_PER_TRANCHE = 40;

export type ReceiptsState = 'collecting' | 'submitted' | 'more-needed' | 'verified';

/**
 * The tranche whose purchases she shows now: the earliest tranche that is paid (a payment that
 * still stands) and whose receipts are not verified yet. None when nothing is paid or all is
 * verified.
 */
export function receiptsTrancheOf(
  tranches: readonly GrantTranche[],
  isPaid: (tranche: GrantTranche) => boolean,
): GrantTranche | undefined {
  return tranches.find((t) => !t.receiptsVerifiedAt && isPaid(t));
}

/** Where her receipts for this tranche stand, from its verification and its latest event. */
export function receiptsState(
  tranche: Pick<GrantTranche, 'receiptsVerifiedAt'>,
  latest: Pick<GrantReceiptEvent, 'kind'> | undefined,
): ReceiptsState {
  if (tranche.receiptsVerifiedAt) return 'verified';
  if (latest?.kind === 'submitted') return 'submitted';
  if (latest?.kind === 'more-needed') return 'more-needed';
  return 'collecting';
}

/** A line whose actual amount differs from its plan needs the reason (the programme's rule). */
export function receiptLineProblem(input: {
  planned: number;
  actual: number;
  reason: string | null;
}): 'reason-required' | null {
  if (input.actual !== input.planned && !input.reason?.trim()) return 'reason-required';
  return null;
}

/**
 * Why these receipts cannot be sent for checking yet, or null: every budget line has its actual
 * amount, and every line she spent money on has at least one receipt or photo.
 */
export function receiptsSubmitProblem(
  items: readonly Pick<BudgetItem, 'id'>[],
  lines: readonly Pick<GrantReceiptLine, 'budgetItemId' | 'actualAmount' | 'id'>[],
  filesPerLine: ReadonlyMap<number, number>,
): 'lines-missing' | 'files-missing' | null {
  const byItem = new Map(lines.map((l) => [l.budgetItemId, l]));
  if (items.some((item) => !byItem.has(item.id))) return 'lines-missing';
  if (lines.some((l) => l.actualAmount > 0 && !filesPerLine.get(l.id))) return 'files-missing';
  return null;
}

class ReceiptRefusal<R extends string> extends Error {
  constructor(readonly reason: R) {
    super(reason);
  }
}

function openReceiptsTranche(grant: Grant, reader?: Tx) {
  if (grant.status !== 'signed') return undefined;
  return receiptsTrancheOf(tranchesOf(grant.id, reader), (t) =>
    Boolean(standingPaymentOf(t.id, reader)),
  );
}

export type ReceiptLineInput = {
  budgetItemId: number;
  actualAmount: number;
  reason: string | null;
  file: { name: string; bytes: Uint8Array; kind: 'receipt' | 'photo' } | null;
};

export type ReceiptLineRefusal =
  'not-found' | 'not-open' | 'reason-required' | 'wrong-type' | 'too-large' | 'too-many';

/** She (or her facilitator) enters what she spent on one budget line, with a receipt or photo. */
export function saveReceiptLine(
  request: Request,
  actor: SessionUser,
  context: GrantContext,
  trancheId: number,
  input: ReceiptLineInput,
): { ok: true } | { ok: false; error: ReceiptLineRefusal } {
  if (context.access !== 'owner' && context.access !== 'facilitator')
    return { ok: false, error: 'not-found' };
  const item = budgetItemsOf(context.application.id).find((i) => i.id === input.budgetItemId);
  if (!item) return { ok: false, error: 'not-found' };
  const problem = receiptLineProblem({
    planned: lineTotal(item.quantity, item.unitPrice),
    actual: input.actualAmount,
    reason: input.reason,
  });
  if (problem) return { ok: false, error: problem };
  let mime: string | null = null;
  if (input.file) {
    if (input.file.bytes.byteLength > MAX_ATTACHMENT_BYTES)
      return { ok: false, error: 'too-large' };
    mime = detectAttachmentType(input.file.bytes);
    if (!mime) return { ok: false, error: 'wrong-type' };
  }
  // The file is written before the transaction (no await inside it) and removed if it fails.
  const storageKey = input.file ? storeAttachmentFile(input.file.bytes) : null;
  try {
    writeTransaction((tx) => {
      const grant = findGrant(context.grant.id, tx)!;
      const tranche = openReceiptsTranche(grant, tx);
      if (!tranche || tranche.id !== trancheId) throw new ReceiptRefusal('not-open');
      if (input.file && countReceiptFilesOfTranche(trancheId, tx) >= MAX_RECEIPT_FILES_PER_TRANCHE)
        throw new ReceiptRefusal('too-many');
      const line = upsertReceiptLine(tx, {
        grantId: grant.id,
        trancheId,
        budgetItemId: item.id,
        actualAmount: input.actualAmount,
        reason: input.reason?.trim() || null,
        enteredById: actor.user.id,
      });
      const file =
        input.file && storageKey
          ? insertReceiptFile(tx, {
              receiptLineId: line.id,
              kind: input.file.kind,
              fileName: input.file.name.slice(0, 200) || 'file',
              mimeType: mime!,
              sizeBytes: input.file.bytes.byteLength,
              storageKey,
              uploadedById: actor.user.id,
            })
          : null;
      appendAudit(tx, {
        actorUserId: actor.user.id,
        action: 'tranche.receipt-line-saved',
        entityType: 'grant',
        entityId: grant.id,
        after: {
          trancheId,
          budgetItemId: item.id,
          actualAmount: line.actualAmount,
          fileId: file?.id ?? null,
        },
        ipAddress: clientIp(request),
      });
    });
  } catch (error) {
    if (storageKey) deleteAttachmentFile(storageKey);
    if (error instanceof ReceiptRefusal)
      return { ok: false, error: error.reason as ReceiptLineRefusal };
    throw error;
  }
  return { ok: true };
}

export type SubmitReceiptsRefusal =
  'not-found' | 'not-open' | 'already-sent' | 'lines-missing' | 'files-missing';

/** She sends the receipts for checking: staff see them in what waits for them. */
export function submitReceipts(
  request: Request,
  actor: SessionUser,
  context: GrantContext,
  trancheId: number,
): { ok: true } | { ok: false; error: SubmitReceiptsRefusal } {
  if (context.access !== 'owner' && context.access !== 'facilitator')
    return { ok: false, error: 'not-found' };
  const items = budgetItemsOf(context.application.id);
  try {
    writeTransaction((tx) => {
      const grant = findGrant(context.grant.id, tx)!;
      const tranche = openReceiptsTranche(grant, tx);
      if (!tranche || tranche.id !== trancheId) throw new ReceiptRefusal('not-open');
      if (receiptsState(tranche, latestReceiptEvent(trancheId, tx)) === 'submitted')
        throw new ReceiptRefusal('already-sent');
      const lines = receiptLinesOf(trancheId, tx);
      const files = receiptFilesOf(
        lines.map((l) => l.id),
        tx,
      );
      const perLine = new Map<number, number>();
      for (const f of files) perLine.set(f.receiptLineId, (perLine.get(f.receiptLineId) ?? 0) + 1);
      const problem = receiptsSubmitProblem(items, lines, perLine);
      if (problem) throw new ReceiptRefusal(problem);
      insertReceiptEvent(tx, { trancheId, kind: 'submitted', byUserId: actor.user.id });
      appendAudit(tx, {
        actorUserId: actor.user.id,
        action: 'tranche.receipts-submitted',
        entityType: 'grant',
        entityId: grant.id,
        after: { trancheId, lines: lines.length, files: files.length },
        ipAddress: clientIp(request),
      });
    });
  } catch (error) {
    if (error instanceof ReceiptRefusal)
      return { ok: false, error: error.reason as SubmitReceiptsRefusal };
    throw error;
  }
  return { ok: true };
}

/** The family's account for a grant, for her notices. */
function familyOf(tx: Tx, grant: Grant) {
  const application = findApplication(grant.applicationId, tx)!;
  const household = findHousehold(application.householdId, tx)!;
  const family = household.userId ? findUserById(household.userId, tx) : undefined;
  return { application, family };
}

/**
 * Staff accept the receipts: the tranche's purchases are verified (grants13's one rule for it),
 * the history says so and she is told — in the same transaction.
 */
export function acceptReceipts(
  request: Request,
  staff: SessionUser,
  trancheId: number,
): { ok: true } | { ok: false; error: VerifyRefusal } {
  return verifyTrancheReceipts(request, staff, trancheId, (tx, tranche) => {
    insertReceiptEvent(tx, { trancheId, kind: 'verified', byUserId: staff.user.id });
    const grant = findGrant(tranche.grantId, tx)!;
    const { application, family } = familyOf(tx, grant);
    if (!family) return;
    queueNotice(tx, {
      recipient: family,
      template: receiptsAcceptedEmail,
      params: {
        name: family.name,
        reference: application.reference ?? '',
        url: appLink(`/grants/${grant.id}`),
      },
    });
  });
}

export type MoreReceiptsRefusal = 'not-found' | 'reason-required' | 'not-sent' | 'already-verified';

/** Staff ask for more receipts or photos, with the reason she reads. */
export function askForMoreReceipts(
  request: Request,
  staff: SessionUser,
  trancheId: number,
  reason: string,
): { ok: true } | { ok: false; error: MoreReceiptsRefusal } {
  if (!reason.trim()) return { ok: false, error: 'reason-required' };
  try {
    writeTransaction((tx) => {
      const tranche = findTranche(trancheId, tx);
      if (!tranche) throw new ReceiptRefusal('not-found');
      if (tranche.receiptsVerifiedAt) throw new ReceiptRefusal('already-verified');
      if (!standingPaymentOf(trancheId, tx)) throw new ReceiptRefusal('not-sent');
      insertReceiptEvent(tx, {
        trancheId,
        kind: 'more-needed',
        reason: reason.trim(),
        byUserId: staff.user.id,
      });
      const grant = findGrant(tranche.grantId, tx)!;
      appendAudit(tx, {
        actorUserId: staff.user.id,
        action: 'tranche.receipts-more-needed',
        entityType: 'grant',
        entityId: grant.id,
        after: { trancheId, reason: reason.trim() },
        ipAddress: clientIp(request),
      });
      const { application, family } = familyOf(tx, grant);
      if (!family) return;
      queueNotice(tx, {
        recipient: family,
        template: receiptsMoreNeededEmail,
        params: {
          name: family.name,
          reference: application.reference ?? '',
          reason: reason.trim(),
          url: appLink(`/grants/${grant.id}`),
        },
      });
    });
  } catch (error) {
    if (error instanceof ReceiptRefusal)
      return { ok: false, error: error.reason as MoreReceiptsRefusal };
    throw error;
  }
  return { ok: true };
}

/** The receipts of a tranche as pages show them: each budget line, planned against actual. */
export function receiptsOfTranche(applicationId: number, trancheId: number) {
  const items = budgetItemsOf(applicationId);
  const lines = receiptLinesOf(trancheId);
  const files = receiptFilesOf(lines.map((l) => l.id));
  const byItem = new Map(lines.map((l) => [l.budgetItemId, l]));
  return items.map((item) => {
    const line = byItem.get(item.id);
    return {
      item,
      planned: lineTotal(item.quantity, item.unitPrice),
      line: line ?? null,
      files: line ? files.filter((f) => f.receiptLineId === line.id) : [],
    };
  });
}

export { openReceiptsTranche };
