// The family's side of a grant (DESIGN.md, "Grants and money out"): her agreement to print in her
// language, what was paid and what comes next. Only she, her facilitator and staff may open it;
// anyone else gets a 404, as for her application.
import { eq } from 'drizzle-orm';
import { db, writeTransaction } from '~db/client';
import { agreementReadyEmail } from '~emails/grant-family';
import { localities } from '~db/schema/people';
import type { Grant, GrantTranche } from '~db/schema/grants';
import { isLocale, type Locale } from '~/i18n/config';
import { formatMoney, formatNumber } from '~/i18n/format';
import { fixedT } from '~/i18n/i18n.server';
import { localityName } from '~/i18n/locality';
import { competitionTitle } from '~/models/application-view.server';
import { budgetItemsOf, findApplication } from '~/models/application.server';
import { appendAudit } from '~/models/audit.server';
import { findGrant, findGrantOfApplication, tranchesOf } from '~/models/grant.server';
import { findHousehold } from '~/models/household.server';
import { ledgerOf, standingPaymentOf } from '~/models/grant-ledger.server';
import { latestReceiptEvent } from '~/models/grant-receipt.server';
import { photosOfReports, reportsOfGrant, visitsForFamily } from '~/models/family-report.server';
import { membersOf } from '~/models/household.server';
import { findUserById } from '~/models/user.server';
import { amountInWords } from '~/utils/amount-in-words';
import { zonedDay, zonedInstant } from '~/utils/application-display.server';
import { budgetTotals, lineTotal, moneyInputValue } from '~/utils/money';
import { clientIp } from '~/utils/request.server';
import type { SessionUser } from '~/utils/session.server';
import { applicationFor, type ApplicationContext } from './applications.server';
import { receiptsOfTranche, receiptsState, receiptsTrancheOf } from './grant-receipts.server';
import { maskDocumentNumber, maskPhone, trancheConditionUnmet } from './grants.server';
import { appLink, queueNotice } from './notices.server';

export type GrantContext = ApplicationContext & { grant: Grant };

/**
 * The grant, if the actor may see it: the family herself, a facilitator of her village, staff.
 * The same rule as her application (applicationFor); a cancelled grant is shown to staff only.
 */
export function grantFor(actor: SessionUser, grantId: number): GrantContext | null {
  const grant = findGrant(grantId);
  if (!grant) return null;
  const context = applicationFor(actor, grant.applicationId);
  if (!context) return null;
  if (grant.status === 'cancelled' && context.access !== 'staff') return null;
  return { ...context, grant };
}

/** The family's language: her account's, else the one asked for, else the reader's. */
export function agreementLocale(
  context: GrantContext,
  asked: string | null,
  reader: Locale,
): Locale {
  if (isLocale(asked)) return asked;
  const family = context.household.userId ? findUserById(context.household.userId) : undefined;
  return family?.locale ?? reader;
}

function villageOf(localityId: number, locale: Locale): string {
  const locality = db.select().from(localities).where(eq(localities.id, localityId)).get();
  return locality ? localityName(locality, locale) : '';
}

/**
 * The agreement on A4, every word already in `locale` (the family's language, not necessarily the
 * reader's): staff print it for her to sign.
 */
export function agreementSheet(context: GrantContext, locale: Locale) {
  const { grant, application, household, competition } = context;
  const t = fixedT(locale);
  const money = (minor: number) => formatMoney(minor, grant.currency, locale);
  const beneficiary = membersOf(household.id).find((m) => m.id === grant.beneficiaryMemberId);
  const village = villageOf(household.localityId, locale);
  const items = budgetItemsOf(application.id);
  const totals = budgetTotals(items, application.ownContribution);
  const method = grant.paymentMethod;
  return {
    grantId: grant.id,
    locale,
    pageTitle: t('grantFamily:agreement.pageTitle', { reference: application.reference ?? '' }),
    title: t('grantFamily:agreement.title'),
    number: t('grantFamily:agreement.number', { reference: application.reference ?? '' }),
    placeAndDate: t('grantFamily:agreement.placeAndDate', { village }),
    intro: t('grantFamily:agreement.intro', {
      competition: competitionTitle(competition, locale)?.text ?? '',
    }),
    holder: {
      title: t('grantFamily:agreement.holderTitle'),
      rows: [
        [
          t('grantFamily:agreement.name'),
          beneficiary ? `${beneficiary.lastName} ${beneficiary.firstName}` : '',
        ],
        [
          t('grantFamily:agreement.relation'),
          beneficiary ? t(`common:relations.${beneficiary.relation}`) : '',
        ],
        [t('grantFamily:agreement.birthYear'), beneficiary ? String(beneficiary.birthYear) : ''],
        [
          t('grantFamily:agreement.address'),
          [village, household.address].filter(Boolean).join(', '),
        ],
        // The whole number: the paper she signs names her document.
        ...(grant.identityDocumentKind && grant.identityDocumentNumber
          ? [
              [
                t('grantFamily:agreement.identityDocument'),
                `${t(`grants:documentKinds.${grant.identityDocumentKind}`)} ${grant.identityDocumentNumber}`,
              ] as [string, string],
            ]
          : []),
      ] as [string, string][],
      // Written by hand at the signing, from the document she shows: who issued it and when (and,
      // if staff have not entered it, the document itself).
      document: t(
        grant.identityDocumentNumber
          ? 'grantFamily:agreement.documentIssued'
          : 'grantFamily:agreement.document',
      ),
    },
    business: {
      title: t('grantFamily:agreement.businessTitle'),
      rows: [
        [t('grantFamily:agreement.business'), application.title],
        [
          t('grantFamily:agreement.sector'),
          application.sector ? t(`common:sectors.${application.sector}`) : '',
        ],
        [t('grantFamily:agreement.application'), application.reference ?? ''],
      ] as [string, string][],
    },
    amount: {
      title: t('grantFamily:agreement.amountTitle'),
      text: t('grantFamily:agreement.amountText', {
        figures: money(grant.amount),
        words: amountInWords(grant.amount, grant.currency, locale),
        interpolation: { escapeValue: false },
      }),
    },
    tranches: {
      title: t('grantFamily:agreement.tranchesTitle'),
      head: [
        t('grantFamily:agreement.tranche'),
        t('grantFamily:agreement.share'),
        t('grantFamily:agreement.amount'),
        t('grantFamily:agreement.condition'),
      ],
      rows: tranchesOf(grant.id).map((tranche) => [
        String(tranche.position),
        tranche.kind === 'percent'
          ? t('grants:share.percent', {
              percent: formatNumber(tranche.value / 100, locale),
            })
          : t(`grants:share.${tranche.kind}`),
        `${money(tranche.amount)} (${amountInWords(tranche.amount, grant.currency, locale)})`,
        t(`grants:conditions.${tranche.condition}`),
      ]),
    },
    method: {
      title: t('grantFamily:agreement.methodTitle'),
      text: method ? null : t('grantFamily:agreement.methodNotChosen'),
      rows: (method
        ? [
            [t('grantFamily:agreement.method'), t(`grants:methods.${method}`)],
            ...(method === 'e-wallet'
              ? [
                  [
                    t('grantFamily:agreement.wallet'),
                    grant.walletProvider ? t(`grants:providers.${grant.walletProvider}`) : '',
                  ],
                  [t('grantFamily:agreement.phone'), maskPhone(grant.walletPhone) ?? ''],
                ]
              : []),
            ...(method === 'bank'
              ? [[t('grantFamily:agreement.bankAccount'), grant.bankAccount ?? '']]
              : []),
          ]
        : []) as [string, string][],
    },
    obligations: {
      title: t('grantFamily:agreement.obligationsTitle'),
      items: [
        t('grantFamily:agreement.obligationBudget'),
        t('grantFamily:agreement.obligationReceipts'),
        t('grantFamily:agreement.obligationVisits'),
        t('grantFamily:agreement.obligationReturn'),
      ],
    },
    programme: {
      title: t('grantFamily:agreement.programmeTitle'),
      text: t('grantFamily:agreement.programmeObligation'),
    },
    budget: {
      title: t('grantFamily:agreement.budgetTitle'),
      head: [
        t('grantFamily:agreement.item'),
        t('grantFamily:agreement.quantity'),
        t('grantFamily:agreement.unitPrice'),
        t('grantFamily:agreement.lineTotal'),
      ],
      rows: items.map((item) => [
        item.name,
        formatNumber(item.quantity, locale),
        money(item.unitPrice),
        money(lineTotal(item.quantity, item.unitPrice)),
      ]),
      total: money(totals.total),
      ownContributionLabel: t('grantFamily:agreement.ownContribution'),
      ownContribution: money(totals.ownContribution),
    },
    signatures: {
      title: t('grantFamily:agreement.signaturesTitle'),
      holder: t('grantFamily:agreement.signHolder'),
      holderName: beneficiary ? `${beneficiary.firstName} ${beneficiary.lastName}` : '',
      programme: t('grantFamily:agreement.signProgramme'),
      witness: t('grantFamily:agreement.signWitness'),
      nameAndSignature: t('grantFamily:agreement.nameAndSignature'),
    },
    printedOn: t('grantFamily:agreement.printedOn', {
      date: zonedInstant(new Date(), locale, competition.timezone).text,
    }),
  };
}

/**
 * Her grant as she (or her facilitator) reads it: what was paid, when and how; what is next and
 * what she must bring; her receipts for the tranche being checked. Figures in the reader's
 * language; no staff names, no references of other people.
 */
export function familyGrantPage(context: GrantContext, locale: Locale) {
  const { grant, application, household, competition } = context;
  const t = fixedT(locale);
  const money = (minor: number) => formatMoney(minor, grant.currency, locale);
  const day = (d: Date) => zonedDay(d, locale, competition.timezone);
  const tranches = tranchesOf(grant.id);
  const ledger = ledgerOf(grant.id);
  const reversed = new Set(ledger.map((e) => e.reversesEntryId).filter((id) => id !== null));
  const paid = ledger.reduce((sum, e) => sum + e.amount, 0);
  const isPaid = (tranche: GrantTranche) => Boolean(standingPaymentOf(tranche.id));
  const beneficiary = membersOf(household.id).find((m) => m.id === grant.beneficiaryMemberId);
  const receiptsTranche =
    grant.status === 'signed' ? receiptsTrancheOf(tranches, isPaid) : undefined;
  const latest = receiptsTranche ? latestReceiptEvent(receiptsTranche.id) : undefined;
  const state = receiptsTranche ? receiptsState(receiptsTranche, latest) : null;
  const unpaid = tranches.find((tr) => !isPaid(tr));
  let next: string;
  if (grant.status === 'awaiting-signature') next = t('grantFamily:page.nextSign');
  else if (receiptsTranche && state !== 'submitted')
    next = t('grantFamily:page.nextReceipts', { position: receiptsTranche.position });
  else if (receiptsTranche)
    next = t('grantFamily:page.nextChecking', { position: receiptsTranche.position });
  else if (unpaid)
    next = trancheConditionUnmet(grant, unpaid, tranches)
      ? t('grantFamily:page.nextPay', {
          position: unpaid.position,
          amount: money(unpaid.amount),
          condition: t(`grants:conditions.${unpaid.condition}`).toLocaleLowerCase(locale),
        })
      : t('grantFamily:page.nextPayOpen', {
          position: unpaid.position,
          amount: money(unpaid.amount),
        });
  else next = t('grantFamily:page.nextDone');
  return {
    ...familyOutcomes(context, locale),
    grant: {
      id: grant.id,
      status: grant.status,
      reference: application.reference ?? '',
      applicationId: application.id,
      holder: beneficiary ? `${beneficiary.firstName} ${beneficiary.lastName}` : '',
      // Masked here: the page is read on a shared phone; the agreement names it in full.
      identityDocument:
        grant.identityDocumentKind && grant.identityDocumentNumber
          ? `${t(`grants:documentKinds.${grant.identityDocumentKind}`)} ${maskDocumentNumber(grant.identityDocumentNumber)}`
          : null,
      amount: money(grant.amount),
      paid: money(paid),
      left: money(grant.amount - paid),
    },
    next,
    tranches: tranches.map((tr) => ({
      id: tr.id,
      position: tr.position,
      amount: money(tr.amount),
      condition: tr.condition,
      paid: isPaid(tr),
      receiptsVerified: tr.receiptsVerifiedAt ? day(tr.receiptsVerifiedAt) : null,
    })),
    payments: ledger.map((e) => ({
      id: e.id,
      kind: e.kind,
      date: day(e.paidAt),
      amount: money(e.amount),
      method: e.method,
      corrected: reversed.has(e.id),
    })),
    receipts:
      receiptsTranche && state
        ? {
            trancheId: receiptsTranche.id,
            position: receiptsTranche.position,
            state,
            moreNeeded: state === 'more-needed' ? (latest?.reason ?? '') : null,
            lines: receiptsOfTranche(application.id, receiptsTranche.id).map((row) => ({
              budgetItemId: row.item.id,
              name: row.item.name,
              quantity: row.item.quantity,
              planned: money(row.planned),
              actual: row.line ? money(row.line.actualAmount) : null,
              actualInput: row.line ? moneyInputValue(row.line.actualAmount) : '',
              reason: row.line?.reason ?? '',
              files: row.files.map((f) => ({ id: f.id, name: f.fileName, kind: f.kind })),
            })),
          }
        : null,
  };
}

/** Reports are sent while the grant runs: once signed, and after it is completed. */
export function reportsOpen(grant: Pick<Grant, 'status'>): boolean {
  return grant.status === 'signed' || grant.status === 'completed';
}

/**
 * What her grant page shows of outcomes: the visits (which, when due, done or not, the business
 * status found) and her reports, newest first. Nothing else of a visit is read.
 */
export function familyOutcomes(context: GrantContext, locale: Locale) {
  const { grant, competition } = context;
  const tz = competition.timezone;
  const reports = reportsOfGrant(grant.id);
  const photos = photosOfReports(reports.map((r) => r.id));
  return {
    reportsOpen: reportsOpen(grant),
    visits: visitsForFamily(grant.id).map((v) => ({
      id: v.id,
      month: v.month,
      due: zonedDay(new Date(`${v.dueOn}T06:00:00Z`), locale, tz),
      done: v.status === 'done',
      businessStatus: v.status === 'done' ? v.businessStatus : null,
    })),
    reports: reports.map((r) => ({
      id: r.id,
      sentOn: zonedDay(r.createdAt, locale, tz),
      businessStatus: r.businessStatus,
      revenue:
        r.monthlyRevenue === null ? null : formatMoney(r.monthlyRevenue, grant.currency, locale),
      question: r.question,
      read: r.readAt !== null,
      photoIds: photos.get(r.id) ?? [],
    })),
  };
}

/** Where the application page links for its grant, if it has one the reader may open. */
export function grantLinkOf(context: ApplicationContext): string | null {
  const grant = findGrantOfApplication(context.application.id);
  if (!grant) return null;
  if (context.access === 'staff') return `/staff/grants/${grant.id}`;
  return grant.status === 'cancelled' ? null : `/grants/${grant.id}`;
}

/** Staff tell her the agreement is ready to sign (her language, her safe contact). */
export function tellAgreementReady(
  request: Request,
  staff: SessionUser,
  grantId: number,
): { ok: true } | { ok: false; error: 'not-found' | 'not-awaiting-signature' } {
  const grant = findGrant(grantId);
  if (!grant) return { ok: false, error: 'not-found' };
  if (grant.status !== 'awaiting-signature') return { ok: false, error: 'not-awaiting-signature' };
  const application = findApplication(grant.applicationId)!;
  const household = findHousehold(application.householdId)!;
  const family = household.userId ? findUserById(household.userId) : undefined;
  writeTransaction((tx) => {
    appendAudit(tx, {
      actorUserId: staff.user.id,
      action: 'grant.agreement-ready-told',
      entityType: 'grant',
      entityId: grant.id,
      after: { told: Boolean(family) },
      ipAddress: clientIp(request),
    });
    if (!family) return;
    queueNotice(tx, {
      recipient: family,
      template: agreementReadyEmail,
      params: {
        name: family.name,
        reference: application.reference ?? '',
        url: appLink(`/grants/${grant.id}`),
      },
    });
  });
  return { ok: true };
}
