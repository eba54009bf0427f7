// Paying a grant — four eyes (DESIGN.md, "Grants and money out"): one staff member records a
// request (pay a tranche, reverse a mistaken entry, record money returned); ANOTHER approves or
// rejects it. Approval is one conditional update inside the transaction that also posts the
// ledger entry, writes the audit line and queues the family's notice.
import { writeTransaction, type Tx } from '~db/client';
import type { Grant, LedgerEntry, MoneyRequest } from '~db/schema/grants';
import { tranchePaidEmail } from '~emails/tranche-paid';
import { formatDate, formatMoney } from '~/i18n/format';
import { findApplication } from '~/models/application.server';
import { appendAudit } from '~/models/audit.server';
import { findCompetition, updateCompetitionRow } from '~/models/competition.server';
import { findGrant, findTranche, tranchesOf } from '~/models/grant.server';
import {
  decideMoneyRequestRow,
  findLedgerEntry,
  findMoneyRequest,
  insertMoneyRequest,
  paidOnGrant,
  pendingRequestFor,
  postLedgerEntry,
  reversalOf,
  standingPaymentOf,
} from '~/models/grant-ledger.server';
import { findHousehold } from '~/models/household.server';
import { findUserById } from '~/models/user.server';
import type { MoneyRequestKind, PaymentMethod } from '~/schemas/grant-enums';
import { clientIp } from '~/utils/request.server';
import type { SessionUser } from '~/utils/session.server';
import { trancheConditionUnmet } from './grants.server';
import { appLink, queueNotice } from './notices.server';
import { advanceCompetitionLifecycle } from './outcome-lifecycle.server';
import { scheduleVisits } from './visits.server';

class MoneyRefusal<R extends string> extends Error {
  constructor(readonly reason: R) {
    super(reason);
  }
}

export type MoneyRequestInput =
  | {
      kind: 'payment';
      trancheId: number;
      amount: number;
      method: PaymentMethod;
      paidOn: Date;
      reference: string;
    }
  | { kind: 'reversal'; entryId: number; paidOn: Date; reference: string; reason: string }
  | {
      kind: 'repayment';
      amount: number;
      method: PaymentMethod;
      paidOn: Date;
      reference: string;
      reason: string;
    };

export type RecordRefusal =
  | 'not-found'
  | 'cancelled'
  | 'tranche-paid'
  | 'already-requested'
  | 'amount-over-tranche'
  | 'amount-over-paid'
  | 'not-reversible'
  | 'already-reversed'
  | 'reason-required';

/**
 * Why this request cannot be recorded, or null. Recording does not move money, so the tranche's
 * conditions are checked at approval (they may be met by then); what can never become right is
 * refused now.
 */
function recordRefusal(
  tx: Tx,
  grant: Grant,
  input: MoneyRequestInput,
):
  | { refusal: RecordRefusal }
  | { trancheId: number | null; amount: number; method: PaymentMethod; reversed?: LedgerEntry } {
  if (grant.status === 'cancelled') return { refusal: 'cancelled' };
  switch (input.kind) {
    case 'payment': {
      const tranche = findTranche(input.trancheId, tx);
      if (!tranche || tranche.grantId !== grant.id) return { refusal: 'not-found' };
      if (standingPaymentOf(tranche.id, tx)) return { refusal: 'tranche-paid' };
      if (pendingRequestFor({ trancheId: tranche.id }, tx)) return { refusal: 'already-requested' };
      if (input.amount > tranche.amount) return { refusal: 'amount-over-tranche' };
      return { trancheId: tranche.id, amount: input.amount, method: input.method };
    }
    case 'reversal': {
      const entry = findLedgerEntry(input.entryId, tx);
      if (!entry || entry.grantId !== grant.id) return { refusal: 'not-found' };
      if (entry.kind === 'reversal') return { refusal: 'not-reversible' };
      if (reversalOf(entry.id, tx)) return { refusal: 'already-reversed' };
      if (pendingRequestFor({ reversesEntryId: entry.id }, tx))
        return { refusal: 'already-requested' };
      if (!input.reason.trim()) return { refusal: 'reason-required' };
      return {
        trancheId: entry.trancheId,
        amount: Math.abs(entry.amount),
        method: entry.method,
        reversed: entry,
      };
    }
    case 'repayment': {
      if (!input.reason.trim()) return { refusal: 'reason-required' };
      if (input.amount > paidOnGrant(grant.id, tx)) return { refusal: 'amount-over-paid' };
      return { trancheId: null, amount: input.amount, method: input.method };
    }
  }
}

/** One staff member records a request; it waits for another's approval. */
export function recordMoneyRequest(
  request: Request,
  staff: SessionUser,
  grantId: number,
  input: MoneyRequestInput,
): { ok: true; request: MoneyRequest } | { ok: false; error: RecordRefusal } {
  try {
    const recorded = writeTransaction((tx) => {
      const grant = findGrant(grantId, tx);
      if (!grant) throw new MoneyRefusal('not-found');
      const checked = recordRefusal(tx, grant, input);
      if ('refusal' in checked) throw new MoneyRefusal(checked.refusal);
      const now = new Date();
      const row = insertMoneyRequest(tx, {
        grantId,
        kind: input.kind,
        trancheId: checked.trancheId,
        reversesEntryId: input.kind === 'reversal' ? input.entryId : null,
        amount: checked.amount,
        method: checked.method,
        paidOn: input.paidOn,
        reference: input.reference.trim(),
        note: input.kind === 'payment' ? null : input.reason.trim(),
        recordedById: staff.user.id,
        createdAt: now,
        updatedAt: now,
      });
      appendAudit(tx, {
        actorUserId: staff.user.id,
        action: 'money.requested',
        entityType: 'grant',
        entityId: grantId,
        after: {
          requestId: row.id,
          kind: row.kind,
          trancheId: row.trancheId,
          reversesEntryId: row.reversesEntryId,
          amount: row.amount,
          method: row.method,
          reference: row.reference,
        },
        ipAddress: clientIp(request),
      });
      return row;
    });
    return { ok: true, request: recorded };
  } catch (error) {
    if (error instanceof MoneyRefusal) return { ok: false, error: error.reason as RecordRefusal };
    throw error;
  }
}

export type DecideRefusal =
  | 'not-found'
  | 'own-request'
  | 'already-decided'
  | 'reason-required'
  | 'agreement-not-signed'
  | 'earlier-receipts-not-verified'
  | 'tranche-paid'
  | 'over-grant'
  | 'below-zero';

/**
 * Four eyes, as one statement: the request is decided only while it waits and only by someone
 * other than its recorder (admins too). When it matches nothing, says why.
 */
function decideOnce(
  tx: Tx,
  requestId: number,
  decider: SessionUser,
  status: 'approved' | 'rejected',
  reason: string | null,
): MoneyRequest {
  const decided = decideMoneyRequestRow(tx, {
    requestId,
    deciderId: decider.user.id,
    status,
    reason,
    now: new Date(),
  });
  if (decided) return decided;
  const current = findMoneyRequest(requestId, tx);
  if (!current) throw new MoneyRefusal('not-found');
  if (current.status !== 'requested') throw new MoneyRefusal('already-decided');
  throw new MoneyRefusal('own-request');
}

/** The signed amount the ledger records for an approved request. */
function signedAmount(request: MoneyRequest, reversed: LedgerEntry | undefined): number {
  switch (request.kind) {
    case 'payment':
      return request.amount;
    case 'repayment':
      return -request.amount;
    case 'reversal':
      return -reversed!.amount;
  }
}

/**
 * Another staff member approves: the request is decided once, the tranche's conditions are
 * checked, the entry is posted (paid stays between 0 and the grant), the family is told of a
 * payment, and the competition's first payment moves it to disbursing. All or nothing.
 */
export function approveMoneyRequest(
  request: Request,
  staff: SessionUser,
  requestId: number,
): { ok: true; entry: LedgerEntry } | { ok: false; error: DecideRefusal } {
  try {
    const entry = writeTransaction((tx) => {
      const decided = decideOnce(tx, requestId, staff, 'approved', null);
      const grant = findGrant(decided.grantId, tx)!;
      if (decided.kind === 'payment') {
        const tranches = tranchesOf(grant.id, tx);
        const tranche = tranches.find((t) => t.id === decided.trancheId)!;
        const unmet = trancheConditionUnmet(grant, tranche, tranches);
        if (unmet) throw new MoneyRefusal(unmet);
      }
      const reversed =
        decided.kind === 'reversal' ? findLedgerEntry(decided.reversesEntryId!, tx) : undefined;
      const amount = signedAmount(decided, reversed);
      const posted = postLedgerEntry(tx, {
        grantId: grant.id,
        trancheId: decided.trancheId,
        moneyRequestId: decided.id,
        kind: decided.kind,
        amount,
        currency: grant.currency,
        method: decided.method,
        reference: decided.reference,
        paidAt: decided.paidOn,
        recordedById: decided.recordedById,
        approvedById: staff.user.id,
        idempotencyKey: `money-request:${decided.id}`,
        reversesEntryId: decided.reversesEntryId,
        reason: decided.note,
        createdAt: new Date(),
      });
      if (!posted) {
        if (decided.kind === 'payment' && standingPaymentOf(decided.trancheId!, tx))
          throw new MoneyRefusal('tranche-paid');
        throw new MoneyRefusal(amount > 0 ? 'over-grant' : 'below-zero');
      }
      appendAudit(tx, {
        actorUserId: staff.user.id,
        action: 'money.approved',
        entityType: 'grant',
        entityId: grant.id,
        before: { requestId, status: 'requested', recordedById: decided.recordedById },
        after: { requestId, status: 'approved', entryId: posted.id, amount: posted.amount },
        ipAddress: clientIp(request),
      });
      const actor = { userId: staff.user.id, ipAddress: clientIp(request) };
      if (decided.kind === 'payment') {
        startDisbursing(tx, request, staff, grant.competitionId);
        tellTranchePaid(tx, grant, posted);
        // The first payment starts the clock of the 3-, 6- and 12-month visits (idempotent).
        scheduleVisits(tx, grant.id, actor);
      }
      // The last payment of the last grant moves the competition on to monitoring.
      advanceCompetitionLifecycle(tx, grant.competitionId, actor);
      return posted;
    });
    return { ok: true, entry };
  } catch (error) {
    if (error instanceof MoneyRefusal) return { ok: false, error: error.reason as DecideRefusal };
    throw error;
  }
}

/** Another staff member rejects the request, with a reason the recorder reads. */
export function rejectMoneyRequest(
  request: Request,
  staff: SessionUser,
  requestId: number,
  reason: string,
): { ok: true } | { ok: false; error: DecideRefusal } {
  if (!reason.trim()) return { ok: false, error: 'reason-required' };
  try {
    writeTransaction((tx) => {
      const decided = decideOnce(tx, requestId, staff, 'rejected', reason.trim());
      appendAudit(tx, {
        actorUserId: staff.user.id,
        action: 'money.rejected',
        entityType: 'grant',
        entityId: decided.grantId,
        before: { requestId, status: 'requested' },
        after: { requestId, status: 'rejected', reason: reason.trim() },
        ipAddress: clientIp(request),
      });
    });
  } catch (error) {
    if (error instanceof MoneyRefusal) return { ok: false, error: error.reason as DecideRefusal };
    throw error;
  }
  return { ok: true };
}

/** The competition's first paid tranche moves it from decided to disbursing (the lifecycle). */
function startDisbursing(tx: Tx, request: Request, staff: SessionUser, competitionId: number) {
  const competition = findCompetition(competitionId, tx);
  if (competition?.status !== 'decided') return;
  updateCompetitionRow(tx, competitionId, { status: 'disbursing' });
  appendAudit(tx, {
    actorUserId: staff.user.id,
    action: 'competition.status-changed',
    entityType: 'competition',
    entityId: competitionId,
    before: { status: 'decided' },
    after: { status: 'disbursing' },
    ipAddress: clientIp(request),
  });
}

/** She is told what was paid, how and when — in her language, respecting her safe contact. */
function tellTranchePaid(tx: Tx, grant: Grant, entry: LedgerEntry) {
  const application = findApplication(grant.applicationId, tx)!;
  const household = findHousehold(application.householdId, tx)!;
  const family = household.userId ? findUserById(household.userId, tx) : undefined;
  if (!family) return;
  const timeZone = findCompetition(grant.competitionId, tx)?.timezone ?? 'Asia/Bishkek';
  queueNotice(tx, {
    recipient: family,
    template: tranchePaidEmail,
    params: {
      name: family.name,
      reference: application.reference ?? '',
      amount: formatMoney(entry.amount, grant.currency, family.locale),
      method: entry.method,
      date: formatDate(entry.paidAt, family.locale, timeZone),
      url: appLink(`/applications/${application.id}`),
    },
    kind: 'programme',
  });
}

export type { MoneyRequestKind };
