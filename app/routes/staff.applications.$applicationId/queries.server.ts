// Everything staff see about one application, as a DTO: no row goes to the page as it is.
import type { Locale } from '~/i18n/config';
import { formatDateTime, formatMoney } from '~/i18n/format';
import { localityName } from '~/i18n/locality';
import { pickLocalized, titleTexts } from '~/i18n/localized-text';
import { attachmentsOf, budgetItemsOf, historyOf } from '~/models/application.server';
import { membersOf } from '~/models/household.server';
import { findConsentOnRecord, userName } from '~/models/screening.server';
import { findUserById, listLocalities } from '~/models/user.server';
import {
  eligibilityFor,
  isScreenable,
  type ApplicationContext,
} from '~/services/applications.server';
import { familyNoticeFor } from '~/services/screening.server';
import { budgetTotals, lineTotal } from '~/utils/money';

export function applicationDossier(context: ApplicationContext, locale: Locale, now = new Date()) {
  const { application, household, competition } = context;
  const money = (minor: number) => formatMoney(minor, competition.currency, locale);
  // Dates and money are formatted here, on the competition's clock: a browser without Kyrgyz
  // locale data would format them differently and the page would not hydrate.
  const when = (instant: Date) => formatDateTime(instant, locale, competition.timezone);
  const members = membersOf(household.id);
  const beneficiary = members.find((m) => m.id === application.beneficiaryMemberId) ?? null;
  const locality = listLocalities().find((l) => l.id === household.localityId);
  const items = budgetItemsOf(application.id);
  const totals = budgetTotals(items, application.ownContribution);
  const family = household.userId ? findUserById(household.userId) : undefined;
  const consent = application.consentId ? findConsentOnRecord(application.consentId) : undefined;
  return {
    application: {
      id: application.id,
      reference: application.reference,
      status: application.status,
      title: application.title,
      sector: application.sector,
      description: application.description,
      market: application.market,
      experience: application.experience,
      submittedAt: application.submittedAt
        ? { iso: application.submittedAt.toISOString(), text: when(application.submittedAt) }
        : null,
      ineligibleReason: application.ineligibleReason,
      screenedAt: application.screenedAt,
      screenedAtText: application.screenedAt ? when(application.screenedAt) : null,
      screenedByName: userName(application.screenedById),
      expectedMonthlyRevenue:
        application.expectedMonthlyRevenue == null
          ? null
          : money(application.expectedMonthlyRevenue),
      expectedMonthlyCosts:
        application.expectedMonthlyCosts == null ? null : money(application.expectedMonthlyCosts),
      jobsCreated: application.jobsCreated,
    },
    competition: {
      id: competition.id,
      title: pickLocalized(titleTexts(competition), locale),
      currency: competition.currency,
      timeZone: competition.timezone,
      status: competition.status,
    },
    household: {
      locality: locality ? localityName(locality, locale) : '',
      address: household.address,
      phone: household.phone,
      receivesSocialBenefits: household.receivesSocialBenefits,
      benefitRegisterNumber: household.benefitRegisterNumber,
      members: members.map((m) => ({
        id: m.id,
        name: `${m.firstName} ${m.lastName}`,
        sex: m.sex,
        birthYear: m.birthYear,
        relation: m.relation,
        isBeneficiary: m.id === application.beneficiaryMemberId,
      })),
    },
    beneficiary: beneficiary
      ? {
          name: `${beneficiary.firstName} ${beneficiary.lastName}`,
          relation: beneficiary.relation,
          birthYear: beneficiary.birthYear,
        }
      : null,
    budget: {
      items: items.map((item) => ({
        id: item.id,
        name: item.name,
        quantity: item.quantity,
        unitPrice: money(item.unitPrice),
        total: money(lineTotal(item.quantity, item.unitPrice)),
      })),
      total: money(totals.total),
      ownContribution: money(application.ownContribution),
      requested: money(application.requestedAmount),
    },
    attachments: attachmentsOf(application.id).map((a) => ({
      id: a.id,
      kind: a.kind,
      name: a.originalName,
      sizeKb: Math.max(1, Math.round(a.sizeBytes / 1024)),
      href: `/applications/${application.id}/attachments/${a.id}`,
    })),
    entry: {
      enteredByName: userName(application.enteredById) ?? '',
      byFamily: household.userId != null && application.enteredById === household.userId,
      consent: consent
        ? {
            givenBy: consent.givenBy,
            method: consent.method,
            givenAtText: when(consent.givenAt),
            recordedByName: consent.recordedByName,
          }
        : null,
    },
    history: historyOf(application.id).map((h) => ({
      id: h.id,
      from: h.fromStatus,
      to: h.toStatus,
      reason: h.reason,
      at: { iso: h.createdAt.toISOString(), text: when(h.createdAt) },
      by: h.changedByName,
    })),
    checks: eligibilityFor(context, now).map((check) => ({
      code: check.code,
      passed: check.passed,
      // Amounts ready to read, in the reader's language and the competition's currency.
      details: {
        requested: check.code === 'amount' ? money(Number(check.details.requested)) : undefined,
        min: check.code === 'amount' ? money(Number(check.details.min)) : undefined,
        max: check.code === 'amount' ? money(Number(check.details.max)) : undefined,
        required: check.details.required == null ? undefined : String(check.details.required),
        attended: check.details.attended == null ? undefined : String(check.details.attended),
      },
    })),
    screenable: isScreenable(application, competition),
    familyNotice: familyNoticeFor(household),
    familyLanguage: family?.locale ?? null,
  };
}
