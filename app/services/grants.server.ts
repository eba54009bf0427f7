// Grants (DESIGN.md, "Grants and money out"): every award becomes a grant in the beneficiary's
// name with a tranche plan from its competition's template; staff record the agreement's signing
// and, later, that a tranche's purchases were verified.
import { writeTransaction, type Tx } from '~db/client';
import type { Application } from '~db/schema/applications';
import type { Competition } from '~db/schema/competitions';
import type { Grant, GrantTranche, TrancheStep } from '~db/schema/grants';
import { appendAudit } from '~/models/audit.server';
import { findCompetition } from '~/models/competition.server';
import {
  deleteTranchesOf,
  findGrant,
  findGrantOfApplication,
  findTranche,
  insertGrantIfAbsent,
  insertTranches,
  markGrantSigned,
  markReceiptsVerified,
  saveTranchePlanTemplate,
  setAgreementScanIfMissing,
  tranchePlanTemplate,
  tranchesOf,
  updateGrantRow,
} from '~/models/grant.server';
import { moneyRequestsOf, standingPaymentOf } from '~/models/grant-ledger.server';
import type { EWalletProvider, IdentityDocumentKind, PaymentMethod } from '~/schemas/grant-enums';
import { clientIp } from '~/utils/request.server';
import type { SessionUser } from '~/utils/session.server';
import {
  deleteAttachmentFile,
  detectAttachmentType,
  readAttachmentFile,
  storeAttachmentFile,
  type AttachmentMime,
} from './attachment-storage.server';
import {
  DEFAULT_TRANCHE_PLAN,
  planProblem,
  splitAmount,
  type PlanProblem,
} from './grant-plan.server';

/** The competition's tranche plan: its own template, or the programme's 70 % / rest. */
export function tranchePlanOf(competitionId: number, tx?: Tx): TrancheStep[] {
  return tranchePlanTemplate(competitionId, tx) ?? DEFAULT_TRANCHE_PLAN;
}

function tranchesFor(grantId: number, steps: readonly TrancheStep[], amount: number) {
  const amounts = splitAmount(steps, amount);
  return steps.map((step, index) => ({
    grantId,
    position: index + 1,
    kind: step.kind,
    value: step.value,
    condition: step.condition,
    amount: amounts[index]!,
  }));
}

/**
 * The grant for an awarded application, inside the caller's transaction (the announcement, a
 * place offered): created once — a second call finds it and changes nothing. Returns it.
 */
export function openGrantFor(
  tx: Tx,
  application: Application,
  competition: Competition,
  actorUserId: number | null,
): Grant {
  const existing = findGrantOfApplication(application.id, tx);
  if (existing) return existing;
  const amount = application.awardedAmount ?? application.requestedAmount;
  const grant = insertGrantIfAbsent(tx, {
    competitionId: competition.id,
    applicationId: application.id,
    beneficiaryMemberId: application.beneficiaryMemberId,
    amount,
    currency: competition.currency,
  });
  if (!grant) return findGrantOfApplication(application.id, tx)!;
  // A template that cannot split this amount (a fixed sum above it) falls back to the default.
  const template = tranchePlanOf(competition.id, tx);
  const steps = planProblem(template, amount) ? DEFAULT_TRANCHE_PLAN : template;
  insertTranches(tx, tranchesFor(grant.id, steps, amount));
  appendAudit(tx, {
    actorUserId,
    action: 'grant.created',
    entityType: 'grant',
    entityId: grant.id,
    after: { applicationId: application.id, amount, currency: grant.currency, steps },
  });
  return grant;
}

/**
 * The award was taken back (declined or withdrawn): its grant is cancelled, unless money moved
 * already — then staff settle it through the ledger (a repayment) and it stays.
 */
export function cancelGrantOf(tx: Tx, applicationId: number, actorUserId: number | null) {
  const grant = findGrantOfApplication(applicationId, tx);
  if (!grant || grant.status === 'cancelled') return;
  if (moneyRequestsOf(grant.id, tx).some((r) => r.status !== 'rejected')) return;
  updateGrantRow(tx, grant.id, { status: 'cancelled' });
  appendAudit(tx, {
    actorUserId,
    action: 'grant.cancelled',
    entityType: 'grant',
    entityId: grant.id,
    before: { status: grant.status },
    after: { status: 'cancelled' },
  });
}

class GrantRefusal<R extends string> extends Error {
  constructor(readonly reason: R) {
    super(reason);
  }
}

export type PlanChangeRefusal = 'not-found' | 'already-signed' | 'cancelled' | PlanProblem;

/** Staff change a grant's plan before signing; the total stays the award. */
export function changeGrantPlan(
  request: Request,
  staff: SessionUser,
  grantId: number,
  steps: TrancheStep[],
): { ok: true } | { ok: false; error: PlanChangeRefusal } {
  try {
    writeTransaction((tx) => {
      const grant = findGrant(grantId, tx);
      if (!grant) throw new GrantRefusal('not-found');
      if (grant.status === 'cancelled') throw new GrantRefusal('cancelled');
      if (grant.status !== 'awaiting-signature') throw new GrantRefusal('already-signed');
      const problem = planProblem(steps, grant.amount);
      if (problem) throw new GrantRefusal(problem);
      const before = tranchesOf(grantId, tx);
      deleteTranchesOf(tx, grantId);
      insertTranches(tx, tranchesFor(grantId, steps, grant.amount));
      appendAudit(tx, {
        actorUserId: staff.user.id,
        action: 'grant.plan-changed',
        entityType: 'grant',
        entityId: grantId,
        before: before.map((t) => ({ kind: t.kind, value: t.value, amount: t.amount })),
        after: steps,
        ipAddress: clientIp(request),
      });
    });
  } catch (error) {
    if (error instanceof GrantRefusal)
      return { ok: false, error: error.reason as PlanChangeRefusal };
    throw error;
  }
  return { ok: true };
}

export type IdentityDocumentInput = {
  identityDocumentKind: IdentityDocumentKind;
  /** Normalised by the schema (identityDocumentSchema). */
  identityDocumentNumber: string;
};

export type IdentityRefusal = 'not-found' | 'already-signed' | 'cancelled';

/**
 * Staff enter the beneficiary's identity document, which the printed agreement names; it can be
 * changed until the agreement is signed (the signed paper names it from then on).
 */
export function recordIdentityDocument(
  request: Request,
  staff: SessionUser,
  grantId: number,
  input: IdentityDocumentInput,
): { ok: true } | { ok: false; error: IdentityRefusal } {
  try {
    writeTransaction((tx) => {
      const grant = findGrant(grantId, tx);
      if (!grant) throw new GrantRefusal('not-found');
      if (grant.status === 'cancelled') throw new GrantRefusal('cancelled');
      if (grant.status !== 'awaiting-signature') throw new GrantRefusal('already-signed');
      updateGrantRow(tx, grantId, {
        identityDocumentKind: input.identityDocumentKind,
        identityDocumentNumber: input.identityDocumentNumber,
      });
      appendAudit(tx, {
        actorUserId: staff.user.id,
        action: 'grant.identity-recorded',
        entityType: 'grant',
        entityId: grantId,
        // The number stays out of the log, as the wallet's phone does: the kind is enough.
        before: { identityDocumentKind: grant.identityDocumentKind },
        after: { identityDocumentKind: input.identityDocumentKind },
        ipAddress: clientIp(request),
      });
    });
  } catch (error) {
    if (error instanceof GrantRefusal) return { ok: false, error: error.reason as IdentityRefusal };
    throw error;
  }
  return { ok: true };
}

export type SigningInput = IdentityDocumentInput & {
  signedOn: Date;
  signedByName: string;
  witnessName: string;
  paymentMethod: PaymentMethod;
  walletProvider: EWalletProvider | null;
  walletPhone: string | null;
  bankAccount: string | null;
  perOperationLimit: number | null;
  /** The scan or photo of the signed paper, as uploaded (its type is read from its bytes). */
  scan?: Uint8Array | null;
};

export type SigningRefusal = 'not-found' | 'not-awaiting-signature' | 'scan-type';

/**
 * Staff record the signed agreement: who signed, who witnessed, her identity document, how she
 * is to be paid, and the scan or photo of the signed paper (JPEG, PNG or PDF, stored without its
 * photo metadata). The file is written first; if the signing is refused it is removed again.
 */
export function recordSigning(
  request: Request,
  staff: SessionUser,
  grantId: number,
  input: SigningInput,
): { ok: true } | { ok: false; error: SigningRefusal } {
  if (!findGrant(grantId)) return { ok: false, error: 'not-found' };
  let scanPath: string | null = null;
  if (input.scan) {
    if (!detectAttachmentType(input.scan)) return { ok: false, error: 'scan-type' };
    scanPath = storeAttachmentFile(input.scan);
  }
  let signed = false;
  try {
    signed = writeTransaction((tx) => {
      const grant = markGrantSigned(tx, grantId, {
        identityDocumentKind: input.identityDocumentKind,
        identityDocumentNumber: input.identityDocumentNumber,
        signedOn: input.signedOn,
        signedByName: input.signedByName,
        witnessName: input.witnessName,
        scanPath,
        signingRecordedById: staff.user.id,
        paymentMethod: input.paymentMethod,
        walletProvider: input.paymentMethod === 'e-wallet' ? input.walletProvider : null,
        walletPhone: input.paymentMethod === 'e-wallet' ? input.walletPhone : null,
        bankAccount: input.paymentMethod === 'bank' ? input.bankAccount : null,
        perOperationLimit: input.perOperationLimit,
      });
      if (!grant) return false;
      appendAudit(tx, {
        actorUserId: staff.user.id,
        action: 'grant.signed',
        entityType: 'grant',
        entityId: grantId,
        before: { status: 'awaiting-signature' },
        // The wallet's phone and the document's number stay out of the log.
        after: {
          status: 'signed',
          signedOn: input.signedOn.toISOString(),
          paymentMethod: input.paymentMethod,
          walletProvider: grant.walletProvider,
          identityDocumentKind: input.identityDocumentKind,
          scan: scanPath !== null,
        },
        ipAddress: clientIp(request),
      });
      return true;
    });
  } finally {
    if (!signed && scanPath) deleteAttachmentFile(scanPath);
  }
  return signed ? { ok: true } : { ok: false, error: 'not-awaiting-signature' };
}

export type ScanRefusal = 'not-found' | 'scan-type' | 'scan-not-open';

/**
 * The scan of a paper signed in the village, added at the office after the signing was recorded
 * without it. Once a grant has its scan, it keeps it (the scan is the record of what was signed).
 */
export function attachAgreementScan(
  request: Request,
  staff: SessionUser,
  grantId: number,
  scan: Uint8Array,
): { ok: true } | { ok: false; error: ScanRefusal } {
  if (!findGrant(grantId)) return { ok: false, error: 'not-found' };
  if (!detectAttachmentType(scan)) return { ok: false, error: 'scan-type' };
  const scanPath = storeAttachmentFile(scan);
  let attached = false;
  try {
    attached = writeTransaction((tx) => {
      if (!setAgreementScanIfMissing(tx, grantId, scanPath)) return false;
      appendAudit(tx, {
        actorUserId: staff.user.id,
        action: 'grant.scan-attached',
        entityType: 'grant',
        entityId: grantId,
        after: { scan: true },
        ipAddress: clientIp(request),
      });
      return true;
    });
  } finally {
    if (!attached) deleteAttachmentFile(scanPath);
  }
  return attached ? { ok: true } : { ok: false, error: 'scan-not-open' };
}

/** The stored scan of a grant's signed agreement, or undefined (none, or the file is gone). */
export function agreementScanOf(
  grantId: number,
): { grantId: number; bytes: Buffer; mimeType: AttachmentMime } | undefined {
  const grant = findGrant(grantId);
  if (!grant?.scanPath) return undefined;
  let bytes: Buffer;
  try {
    bytes = readAttachmentFile(grant.scanPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const mimeType = detectAttachmentType(bytes);
  return mimeType ? { grantId, bytes, mimeType } : undefined;
}

/** "AN1234567" → "AN•••••67": a document number as pages other than the agreement show it. */
export function maskDocumentNumber(number: string | null): string | null {
  if (!number) return null;
  if (number.length < 6) return '••••';
  return `${number.slice(0, 2)}${'•'.repeat(number.length - 4)}${number.slice(-2)}`;
}

export type VerifyRefusal = 'not-found' | 'not-paid' | 'already-verified';

/** Staff checked the purchases of a paid tranche: the next tranche's condition is met. */
export function verifyTrancheReceipts(
  request: Request,
  staff: SessionUser,
  trancheId: number,
  /** More to write in the same transaction (the receipts' history, the family's notice). */
  alsoInTransaction?: (tx: Tx, tranche: GrantTranche) => void,
): { ok: true } | { ok: false; error: VerifyRefusal } {
  const tranche = findTranche(trancheId);
  if (!tranche) return { ok: false, error: 'not-found' };
  try {
    writeTransaction((tx) => {
      if (!standingPaymentOf(trancheId, tx)) throw new GrantRefusal('not-paid');
      const verified = markReceiptsVerified(tx, trancheId, staff.user.id, new Date());
      if (!verified) throw new GrantRefusal('already-verified');
      appendAudit(tx, {
        actorUserId: staff.user.id,
        action: 'tranche.receipts-verified',
        entityType: 'grant',
        entityId: tranche.grantId,
        after: { trancheId, position: tranche.position },
        ipAddress: clientIp(request),
      });
      alsoInTransaction?.(tx, verified);
    });
  } catch (error) {
    if (error instanceof GrantRefusal) return { ok: false, error: error.reason as VerifyRefusal };
    throw error;
  }
  return { ok: true };
}

/**
 * Why this tranche may not be paid yet, or null (the programme's conditions): the agreement is
 * signed; an "after-receipts" tranche needs the earlier tranche's purchases verified.
 */
export function trancheConditionUnmet(
  grant: Grant,
  tranche: GrantTranche,
  tranches: readonly GrantTranche[],
): 'agreement-not-signed' | 'earlier-receipts-not-verified' | null {
  if (grant.status !== 'signed') return 'agreement-not-signed';
  if (tranche.condition === 'after-receipts') {
    const earlier = tranches.find((t) => t.position === tranche.position - 1);
    if (earlier && !earlier.receiptsVerifiedAt) return 'earlier-receipts-not-verified';
  }
  return null;
}

/**
 * E-wallets limit a single operation (e.g. 30 000 som for some): true when this amount is above
 * the limit entered on the agreement. A warning, not a refusal — staff may split or pay otherwise.
 */
export function exceedsOperationLimit(grant: Grant, amount: number): boolean {
  return grant.perOperationLimit != null && amount > grant.perOperationLimit;
}

/** "+996 555 12 34 56" → "••• •• 34 56": a wallet's phone as pages show it. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 4) return '••••';
  return `••• •• ${digits.slice(-4, -2)} ${digits.slice(-2)}`;
}

export type TemplateRefusal = 'not-found' | PlanProblem;

/**
 * Staff set the competition's tranche plan, copied onto each grant created from now on. It must
 * split the competition's smallest grant, so it splits every grant.
 */
export function setTranchePlanTemplate(
  request: Request,
  staff: SessionUser,
  competitionId: number,
  steps: TrancheStep[],
): { ok: true } | { ok: false; error: TemplateRefusal } {
  const competition = findCompetition(competitionId);
  if (!competition) return { ok: false, error: 'not-found' };
  const problem = planProblem(steps, competition.minGrant);
  if (problem) return { ok: false, error: problem };
  writeTransaction((tx) => {
    const before = tranchePlanOf(competitionId, tx);
    saveTranchePlanTemplate(tx, competitionId, steps);
    appendAudit(tx, {
      actorUserId: staff.user.id,
      action: 'competition.updated',
      entityType: 'competition',
      entityId: competitionId,
      before: { tranchePlan: before },
      after: { tranchePlan: steps },
      ipAddress: clientIp(request),
    });
  });
  return { ok: true };
}
