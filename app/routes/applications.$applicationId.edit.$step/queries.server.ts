// What each step of the form shows: the saved answers as the form's default values (text, as
// the fields hold them) and what the step needs to explain itself.
import type { Locale } from '~/i18n/config';
import { attachmentsOf, budgetItemsOf } from '~/models/application.server';
import { applicationSummary } from '~/models/application-view.server';
import { membersOf } from '~/models/household.server';
import { beneficiaryRule } from '~/models/open-competition.server';
import type { ApplicationStep } from '~/schemas/application';
import {
  MAX_ATTACHMENTS_PER_APPLICATION,
  MAX_ATTACHMENT_BYTES,
} from '~/services/attachment-storage.server';
import {
  eligibilityFor,
  missingFor,
  type ApplicationContext,
} from '~/services/applications.server';
import { ADULT_AGE, yearIn } from '~/services/eligibility.server';
import { nextSessionsFor } from '~/services/training-view.server';
import { zonedInstant } from '~/utils/application-display.server';
import { moneyInputValue } from '~/utils/money';

export type MemberReason = 'relation' | 'sex' | 'age';

function beneficiaryStep(context: ApplicationContext, locale: Locale, now: Date) {
  const { application, competition, household } = context;
  const year = yearIn(competition.timezone, now);
  const members = membersOf(household.id).map((member) => {
    const reasons: MemberReason[] = [];
    if (!competition.beneficiaryRelations.includes(member.relation)) reasons.push('relation');
    if (competition.beneficiarySex !== 'any' && member.sex !== competition.beneficiarySex) {
      reasons.push('sex');
    }
    if (competition.beneficiaryAdultOnly && year - member.birthYear < ADULT_AGE) {
      reasons.push('age');
    }
    return {
      id: member.id,
      name: `${member.firstName} ${member.lastName}`,
      relation: member.relation,
      age: year - member.birthYear,
      reasons,
    };
  });
  // Those who may hold the grant first, in the family's own order.
  members.sort((a, b) => Number(a.reasons.length > 0) - Number(b.reasons.length > 0));
  return {
    step: 'beneficiary' as const,
    defaultValues: { beneficiaryMemberId: String(application.beneficiaryMemberId ?? '') },
    rule: beneficiaryRule(competition, locale),
    members,
  };
}

function ideaStep(context: ApplicationContext) {
  const { application } = context;
  return {
    step: 'idea' as const,
    defaultValues: {
      title: application.title,
      sector: application.sector ?? ('' as const),
      description: application.description,
      market: application.market,
      experience: application.experience,
    },
  };
}

const BLANK_ROW = { name: '', quantity: '', unitPrice: '' };

function budgetStep(context: ApplicationContext, rowsWanted: number) {
  const { application, competition } = context;
  const items = budgetItemsOf(application.id).map((item) => ({
    name: item.name,
    quantity: String(item.quantity),
    unitPrice: moneyInputValue(item.unitPrice),
  }));
  // Without JavaScript, "Add a row" comes back here with ?rows=n: pad with empty rows.
  const rows = Math.min(Math.max(items.length, rowsWanted, 1), 40);
  while (items.length < rows) items.push({ ...BLANK_ROW });
  return {
    step: 'budget' as const,
    defaultValues: {
      items,
      ownContribution: moneyInputValue(application.ownContribution),
    },
    minGrant: competition.minGrant,
    maxGrant: competition.maxGrant,
  };
}

function planStep(context: ApplicationContext) {
  const { application } = context;
  return {
    step: 'plan' as const,
    defaultValues: {
      expectedMonthlyRevenue: moneyInputValue(application.expectedMonthlyRevenue),
      expectedMonthlyCosts: moneyInputValue(application.expectedMonthlyCosts),
      jobsCreated: application.jobsCreated == null ? '' : String(application.jobsCreated),
    },
  };
}

function documentsStep(context: ApplicationContext) {
  return {
    step: 'documents' as const,
    attachments: attachmentsOf(context.application.id).map((a) => ({
      id: a.id,
      kind: a.kind,
      originalName: a.originalName,
      sizeBytes: a.sizeBytes,
    })),
    maxFiles: MAX_ATTACHMENTS_PER_APPLICATION,
    maxBytes: MAX_ATTACHMENT_BYTES,
  };
}

function reviewStep(context: ApplicationContext, locale: Locale, now: Date) {
  const { competition, household } = context;
  const checks = eligibilityFor(context, now);
  const trainingMissing = checks.some((check) => check.code === 'training' && !check.passed);
  return {
    step: 'review' as const,
    summary: applicationSummary(context, locale),
    missing: missingFor(context.application),
    checks,
    // When she still needs training: the next sessions in her village, on the competition's clock.
    nextTraining: trainingMissing
      ? nextSessionsFor(household.localityId, locale, competition.timezone, now)
      : null,
    closesAt: zonedInstant(context.competition.closesAt, locale, context.competition.timezone),
  };
}

export function stepData(
  context: ApplicationContext,
  step: ApplicationStep,
  options: { locale: Locale; rowsWanted: number; now?: Date },
) {
  const now = options.now ?? new Date();
  switch (step) {
    case 'beneficiary':
      return beneficiaryStep(context, options.locale, now);
    case 'idea':
      return ideaStep(context);
    case 'budget':
      return budgetStep(context, options.rowsWanted);
    case 'plan':
      return planStep(context);
    case 'documents':
      return documentsStep(context);
    case 'review':
      return reviewStep(context, options.locale, now);
  }
}
