// What the family-facing pages read about applications, shaped as plain data for the page (no
// column the page should not see: no storage keys, no register numbers, no other families).
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { db, preparedOnce } from '~db/client';
import { applications } from '~db/schema/applications';
import { competitions } from '~db/schema/competitions';
import { householdConsents, householdMembers, households } from '~db/schema/households';
import { facilitatorLocalities, localities, users } from '~db/schema/people';
import type { ApplicationSummaryData } from '~/components/application-summary';
import type { Locale } from '~/i18n/config';
import { moneyFormatSpec } from '~/i18n/format';
import { localityName } from '~/i18n/locality';
import { pickLocalized, titleTexts } from '~/i18n/localized-text';
import type { ApplicationContext } from '~/services/applications.server';
import { zonedDay, zonedInstant } from '~/utils/application-display.server';
import { budgetTotals, lineTotal } from '~/utils/money';
import { attachmentsOf, budgetItemsOf } from './application.server';
import { membersOf } from './household.server';
import { findUserById } from './user.server';

export function competitionTitle(
  competition: Pick<
    ApplicationContext['competition'],
    'titleKy' | 'titleRu' | 'titleEn' | 'titleKk' | 'titleUz'
  >,
  locale: Locale,
) {
  return pickLocalized(titleTexts(competition), locale);
}

/** The consent a facilitator relied on, with who recorded it. */
export function findConsent(consentId: number) {
  return db
    .select({
      givenBy: householdConsents.givenBy,
      method: householdConsents.method,
      givenAt: householdConsents.givenAt,
      note: householdConsents.note,
      recordedByName: users.name,
    })
    .from(householdConsents)
    .innerJoin(users, eq(users.id, householdConsents.recordedById))
    .where(eq(householdConsents.id, consentId))
    .get();
}

function localityOf(localityId: number) {
  return preparedLocality().get({ localityId });
}
const preparedLocality = preparedOnce((c) =>
  c
    .select()
    .from(localities)
    .where(eq(localities.id, sql.placeholder('localityId')))
    .prepare(),
);

/** Everything that was entered in an application, for the review, the family's page and print. */
export function applicationSummary(
  context: ApplicationContext,
  locale: Locale,
): ApplicationSummaryData {
  const { application, household, competition } = context;
  const members = membersOf(household.id);
  const beneficiary = members.find((m) => m.id === application.beneficiaryMemberId) ?? null;
  const items = budgetItemsOf(application.id);
  const totals = budgetTotals(items, application.ownContribution);
  const enteredBy = findUserById(application.enteredById);
  const consent = application.consentId ? findConsent(application.consentId) : undefined;
  const locality = localityOf(household.localityId);
  return {
    id: application.id,
    reference: application.reference,
    status: application.status,
    currency: competition.currency,
    money: moneyFormatSpec(competition.currency, locale),
    competition: { id: competition.id, title: competitionTitle(competition, locale) },
    household: {
      locality: locality ? localityName(locality, locale) : '',
      address: household.address,
    },
    beneficiary: beneficiary
      ? {
          name: `${beneficiary.firstName} ${beneficiary.lastName}`,
          relation: beneficiary.relation,
          sex: beneficiary.sex,
          birthYear: beneficiary.birthYear,
        }
      : null,
    idea: {
      title: application.title,
      sector: application.sector,
      description: application.description,
      market: application.market,
      experience: application.experience,
    },
    budget: {
      items: items.map((item) => ({
        name: item.name,
        quantity: item.quantity,
        unitPrice: item.unitPrice,
        lineTotal: lineTotal(item.quantity, item.unitPrice),
      })),
      total: totals.total,
      ownContribution: totals.ownContribution,
      requested: application.requestedAmount,
    },
    plan: {
      expectedMonthlyRevenue: application.expectedMonthlyRevenue,
      expectedMonthlyCosts: application.expectedMonthlyCosts,
      jobsCreated: application.jobsCreated,
    },
    attachments: attachmentsOf(application.id).map((a) => ({
      id: a.id,
      kind: a.kind,
      originalName: a.originalName,
      mimeType: a.mimeType,
      sizeBytes: a.sizeBytes,
    })),
    enteredBy: {
      name: enteredBy?.name ?? '',
      onBehalf: application.enteredById !== household.userId,
    },
    consent: consent
      ? {
          givenBy: consent.givenBy,
          method: consent.method,
          givenOn: zonedDay(consent.givenAt, locale, competition.timezone),
          recordedByName: consent.recordedByName,
          note: consent.note,
        }
      : null,
    submittedAt: application.submittedAt
      ? zonedInstant(application.submittedAt, locale, competition.timezone)
      : null,
  };
}

/** A list row: enough to recognise the application and take the next step. */
const listColumns = {
  id: applications.id,
  status: applications.status,
  reference: applications.reference,
  title: applications.title,
  updatedAt: applications.updatedAt,
  householdId: applications.householdId,
  beneficiaryMemberId: applications.beneficiaryMemberId,
  competitionId: competitions.id,
  titleKy: competitions.titleKy,
  titleRu: competitions.titleRu,
  titleEn: competitions.titleEn,
  titleKk: competitions.titleKk,
  titleUz: competitions.titleUz,
  closesAt: competitions.closesAt,
  timezone: competitions.timezone,
};

/** A family's own applications, newest first. */
export function listApplicationsOfHousehold(householdId: number) {
  return preparedApplicationsOfHousehold().all({ householdId });
}
const preparedApplicationsOfHousehold = preparedOnce((c) =>
  c
    .select(listColumns)
    .from(applications)
    .innerJoin(competitions, eq(competitions.id, applications.competitionId))
    .where(eq(applications.householdId, sql.placeholder('householdId')))
    .orderBy(desc(applications.id))
    .prepare(),
);

/** Applications of the families in a facilitator's localities, newest first. */
export function listApplicationsForFacilitator(facilitatorId: number) {
  const rows = db
    .select(listColumns)
    .from(applications)
    .innerJoin(competitions, eq(competitions.id, applications.competitionId))
    .innerJoin(households, eq(households.id, applications.householdId))
    .innerJoin(
      facilitatorLocalities,
      and(
        eq(facilitatorLocalities.localityId, households.localityId),
        eq(facilitatorLocalities.userId, facilitatorId),
      ),
    )
    .orderBy(desc(applications.id))
    .all();
  return rows;
}

export type ApplicationListRow = ReturnType<typeof listApplicationsOfHousehold>[number];

/**
 * Each application's family as a list shows it (by application id): the grant holder if chosen,
 * else the household's first member.
 */
export function familyNames(
  rows: Pick<ApplicationListRow, 'id' | 'householdId' | 'beneficiaryMemberId'>[],
): Map<number, string> {
  const householdIds = [...new Set(rows.map((r) => r.householdId))];
  if (householdIds.length === 0) return new Map<number, string>();
  const members = db
    .select()
    .from(householdMembers)
    .where(inArray(householdMembers.householdId, householdIds))
    .orderBy(householdMembers.position)
    .all();
  const names = new Map<number, string>();
  for (const row of rows) {
    const own = members.filter((m) => m.householdId === row.householdId);
    const person = own.find((m) => m.id === row.beneficiaryMemberId) ?? own[0];
    if (person) names.set(row.id, `${person.firstName} ${person.lastName}`);
  }
  return names;
}
