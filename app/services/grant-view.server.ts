// The DTOs of the money pages: figures formatted in the reader's language, no raw rows.
import type { Locale } from '~/i18n/config';
import { formatMoney, formattedInstant } from '~/i18n/format';
import { localityName } from '~/i18n/locality';
import { pickLocalized, titleTexts } from '~/i18n/localized-text';
import { findCompetition } from '~/models/competition.server';
import { findGrant, tranchesOf } from '~/models/grant.server';
import { ledgerOf, moneyRequestsOf, standingPaymentOf } from '~/models/grant-ledger.server';
import {
  countGrantsOfCompetition,
  countWaitingRequestsOfCompetition,
  grantParties,
  grantsOfCompetition,
  moneyByVillage,
  userNames,
  waitingRequestsOfCompetition,
} from '~/models/grant-money.server';
import {
  exceedsOperationLimit,
  maskPhone,
  trancheConditionUnmet,
  tranchePlanOf,
} from './grants.server';

const fullName = (first: string | null, last: string | null) =>
  [first, last].filter(Boolean).join(' ');

/** How many grants the money page lists at once. */
export const MONEY_PAGE_SIZE = 50;

/**
 * A competition's money in the reader's language: budget, awarded, committed, paid and remaining
 * (one aggregate query, by village). The money page and the donor report read it.
 */
export function competitionMoney(
  competition: NonNullable<ReturnType<typeof findCompetition>>,
  locale: Locale,
) {
  const money = (minor: number) => formatMoney(minor, competition.currency, locale);
  const villages = moneyByVillage(competition.id);
  const total = villages.reduce(
    (sum, v) => ({
      awarded: sum.awarded + v.awarded,
      committed: sum.committed + v.committed,
      paid: sum.paid + v.paid,
    }),
    { awarded: 0, committed: 0, paid: 0 },
  );
  return {
    competition: {
      id: competition.id,
      title: pickLocalized(titleTexts(competition), locale)?.text ?? '',
    },
    summary: {
      budget: money(competition.budgetTotal),
      awarded: money(total.awarded),
      committed: money(total.committed),
      paid: money(total.paid),
      remaining: money(competition.budgetTotal - total.paid),
      toPay: money(total.awarded - total.paid),
    },
    villages: villages.map((v) => ({
      id: v.localityId,
      name: localityName(v, locale),
      grants: v.grants,
      awarded: money(v.awarded),
      committed: money(v.committed),
      paid: money(v.paid),
      toPay: money(v.awarded - v.paid),
    })),
  };
}

/**
 * The competition's money: budget, awarded, committed, paid, remaining (one aggregate query, by
 * village); the requests waiting for approval; one page of its grants, waiting ones first.
 */
export function moneyPage(
  competitionId: number,
  viewerId: number,
  locale: Locale,
  { page: asked = 1, pageSize = MONEY_PAGE_SIZE }: { page?: number; pageSize?: number } = {},
) {
  const competition = findCompetition(competitionId);
  if (!competition) return null;
  const totalGrants = countGrantsOfCompetition(competitionId);
  // A page past the end shows the last one (and never asks SQL for an absurd offset).
  const page = Math.min(asked, Math.max(1, Math.ceil(totalGrants / pageSize)));
  const money = (minor: number) => formatMoney(minor, competition.currency, locale);
  const tz = { timeZone: competition.timezone };
  return {
    ...competitionMoney(competition, locale),
    plan: tranchePlanOf(competitionId).map((step) => ({
      kind: step.kind,
      condition: step.condition,
      valueInput:
        step.kind === 'percent'
          ? String(step.value / 100)
          : step.kind === 'fixed'
            ? (step.value / 100).toFixed(2)
            : '',
    })),
    waitingTotal: countWaitingRequestsOfCompetition(competitionId),
    waiting: waitingRequestsOfCompetition(competitionId, pageSize).map((r) => ({
      requestId: r.requestId,
      grantId: r.grantId,
      kind: r.kind,
      amount: money(r.amount),
      recordedBy: r.recordedBy,
      mine: r.recordedById === viewerId,
      recordedAt: formattedInstant(r.createdAt, locale, tz),
      reference: r.reference ?? '',
      beneficiary: fullName(r.firstName, r.lastName),
    })),
    grantsPage: { page, pageSize, total: totalGrants },
    grants: grantsOfCompetition(competitionId, {
      limit: pageSize,
      offset: (page - 1) * pageSize,
    }).map((g) => ({
      id: g.grantId,
      waiting: Boolean(g.waiting),
      status: g.status,
      amount: money(g.amount),
      paid: money(g.paid),
      reference: g.reference ?? '',
      beneficiary: fullName(g.firstName, g.lastName),
      village: localityName(g, locale),
    })),
  };
}

/** One grant: agreement, plan, requests (waiting first), ledger. */
export function grantPage(grantId: number, viewerId: number, locale: Locale) {
  const grant = findGrant(grantId);
  const parties = grant ? grantParties(grantId) : undefined;
  const competition = grant ? findCompetition(grant.competitionId) : undefined;
  if (!grant || !parties || !competition) return null;
  const money = (minor: number) => formatMoney(minor, grant.currency, locale);
  const tz = { timeZone: competition.timezone };
  const day = (d: Date | number) => formattedInstant(d, locale, { ...tz, dateOnly: true });
  const tranches = tranchesOf(grantId);
  const requests = moneyRequestsOf(grantId);
  const ledger = ledgerOf(grantId);
  const names = userNames([
    ...new Set(
      [
        ...requests.flatMap((r) => [r.recordedById, r.decidedById]),
        ...ledger.flatMap((e) => [e.recordedById, e.approvedById]),
      ].filter((id): id is number => id !== null),
    ),
  ]);
  const paid = ledger.reduce((sum, e) => sum + e.amount, 0);
  const waitingTranches = new Set(
    requests
      .filter((r) => r.status === 'requested' && r.kind === 'payment')
      .map((r) => r.trancheId),
  );
  const reversedBy = new Map(
    ledger.filter((e) => e.reversesEntryId !== null).map((e) => [e.reversesEntryId!, e.id]),
  );
  const waitingReversals = new Set(
    requests
      .filter((r) => r.status === 'requested' && r.kind === 'reversal')
      .map((r) => r.reversesEntryId),
  );
  return {
    grant: {
      id: grant.id,
      status: grant.status,
      amount: money(grant.amount),
      paid: money(paid),
      paidMinor: paid,
      reference: parties.reference ?? '',
      applicationId: parties.applicationId,
      beneficiary: fullName(parties.firstName, parties.lastName),
      // Staff see the whole number: they check it against the paper she shows.
      identityDocument:
        grant.identityDocumentKind && grant.identityDocumentNumber
          ? { kind: grant.identityDocumentKind, number: grant.identityDocumentNumber }
          : null,
      competition: {
        id: competition.id,
        title: pickLocalized(titleTexts(competition), locale)?.text ?? '',
      },
      agreement:
        grant.status === 'awaiting-signature'
          ? null
          : {
              signedOn: grant.signedOn ? day(grant.signedOn) : null,
              signedByName: grant.signedByName ?? '',
              witnessName: grant.witnessName ?? '',
              paymentMethod: grant.paymentMethod,
              walletProvider: grant.walletProvider,
              walletPhone: maskPhone(grant.walletPhone),
              bankAccount: grant.bankAccount,
              limit: grant.perOperationLimit === null ? null : money(grant.perOperationLimit),
              hasScan: grant.scanPath !== null,
            },
    },
    tranches: tranches.map((t) => {
      const standing = standingPaymentOf(t.id);
      return {
        id: t.id,
        position: t.position,
        kind: t.kind,
        percent: t.kind === 'percent' ? (t.value / 100).toLocaleString(locale) : null,
        amount: money(t.amount),
        amountInput: (t.amount / 100).toFixed(2),
        valueInput:
          t.kind === 'percent'
            ? String(t.value / 100)
            : t.kind === 'fixed'
              ? (t.value / 100).toFixed(2)
              : '',
        condition: t.condition,
        state: standing
          ? ('paid' as const)
          : waitingTranches.has(t.id)
            ? ('requested' as const)
            : trancheConditionUnmet(grant, t, tranches)
              ? ('waiting' as const)
              : ('open' as const),
        canRequest: !standing && !waitingTranches.has(t.id) && grant.status !== 'cancelled',
        receiptsVerifiedAt: t.receiptsVerifiedAt ? day(t.receiptsVerifiedAt) : null,
        canVerify: Boolean(standing) && !t.receiptsVerifiedAt,
        overLimit: exceedsOperationLimit(grant, t.amount),
      };
    }),
    limit: grant.perOperationLimit === null ? null : money(grant.perOperationLimit),
    requests: [...requests]
      .sort((a, b) => Number(b.status === 'requested') - Number(a.status === 'requested'))
      .map((r) => ({
        id: r.id,
        kind: r.kind,
        status: r.status,
        amount: money(r.amount),
        method: r.method,
        paidOn: day(r.paidOn),
        reference: r.reference,
        note: r.note,
        position: tranches.find((t) => t.id === r.trancheId)?.position ?? null,
        reversesEntryId: r.reversesEntryId,
        recordedBy: names.get(r.recordedById) ?? '',
        mine: r.recordedById === viewerId,
        decidedBy: r.decidedById ? (names.get(r.decidedById) ?? '') : null,
        rejectionReason: r.rejectionReason,
      })),
    ledger: ledger.map((e) => ({
      id: e.id,
      kind: e.kind,
      amount: money(e.amount),
      method: e.method,
      reference: e.reference,
      paidAt: day(e.paidAt),
      position: tranches.find((t) => t.id === e.trancheId)?.position ?? null,
      recordedBy: names.get(e.recordedById) ?? '',
      approvedBy: names.get(e.approvedById) ?? '',
      reversesEntryId: e.reversesEntryId,
      reason: e.reason,
      reversedBy: reversedBy.get(e.id) ?? null,
      canReverse: e.kind !== 'reversal' && !reversedBy.has(e.id) && !waitingReversals.has(e.id),
    })),
  };
}
