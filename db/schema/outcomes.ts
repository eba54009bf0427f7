import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  AGENCY_DECIDERS,
  ASSET_STATES,
  BUSINESS_STATUSES,
  INCOME_SOURCES,
  VISIT_STATUSES,
  type VisitMonth,
} from '../../app/schemas/outcome-enums';
import { bool, id, instant, timestamps } from '../columns';
import { grants } from './grants';
import { users } from './people';

/**
 * The agency questions, asked of the beneficiary alone, the same at the baseline and at each visit
 * so the two can be compared. `sayInMoney`: 1–5, "How much say do you have in household money
 * decisions?".
 */
const agencyAnswers = {
  decidesOwnEarnings: text({ enum: AGENCY_DECIDERS }),
  decidesLargePurchases: text({ enum: AGENCY_DECIDERS }),
  decidesBusinessMoney: text({ enum: AGENCY_DECIDERS }),
  sayInMoney: integer(),
};

/**
 * The household's starting point, recorded once when the agreement is signed, so outcomes are
 * measured against it. Money in the competition's minor unit.
 */
export const grantBaselines = sqliteTable(
  'grant_baselines',
  {
    grantId: integer()
      .primaryKey()
      .references(() => grants.id),
    monthlyHouseholdIncome: integer().notNull(),
    incomeSources: text({ mode: 'json' }).$type<(typeof INCOME_SOURCES)[number][]>().notNull(),
    hasSavings: bool().notNull(),
    ...agencyAnswers,
    /** The day the answers were given (the signing day, or soon after). */
    recordedOn: instant().notNull(),
    recordedById: integer()
      .notNull()
      .references(() => users.id),
    ...timestamps,
  },
  (t) => [
    check('grant_baselines_income', sql`${t.monthlyHouseholdIncome} >= 0`),
    check('grant_baselines_say', sql`${t.sayInMoney} is null or ${t.sayInMoney} between 1 and 5`),
  ],
);

/**
 * A monitoring visit: a row per grant and month (3, 6, 12) written when the first tranche is paid,
 * with its due date, then filled in when the facilitator records the visit. Overdue is a due row
 * past its date. Money in minor units; jobs in hundredths of a full-time equivalent (IRIS+ PI3687).
 */
export const monitoringVisits = sqliteTable(
  'monitoring_visits',
  {
    id: id(),
    grantId: integer()
      .notNull()
      .references(() => grants.id),
    month: integer().$type<VisitMonth>().notNull(),
    /** The calendar day it is due, in the competition's timezone: "YYYY-MM-DD". */
    dueOn: text().notNull(),
    status: text({ enum: VISIT_STATUSES }).notNull().default('due'),
    // ---- What the visit found (null until recorded) ----
    /** The calendar day of the visit, in the competition's timezone: "YYYY-MM-DD". */
    visitedOn: text(),
    recordedById: integer().references(() => users.id),
    recordedAt: instant(),
    businessStatus: text({ enum: BUSINESS_STATUSES }),
    /** Why the business is paused or closed. */
    statusReason: text(),
    monthlyRevenue: integer(),
    monthlyCosts: integer(),
    jobsWomenHundredths: integer(),
    jobsMenHundredths: integer(),
    monthlyHouseholdIncome: integer(),
    assetState: text({ enum: ASSET_STATES }),
    notes: text(),
    ...agencyAnswers,
    /** Where the visit took place, if the facilitator's photo or phone gave it: staff only. */
    latitude: text(),
    longitude: text(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('monitoring_visits_grant_month_idx').on(t.grantId, t.month),
    index('monitoring_visits_due_idx').on(t.status, t.dueOn),
    check('monitoring_visits_month', sql`${t.month} in (3, 6, 12)`),
    check('monitoring_visits_say', sql`${t.sayInMoney} is null or ${t.sayInMoney} between 1 and 5`),
  ],
);

/**
 * A safeguarding concern a visit found. A table of its own so that no query of a family's or a
 * facilitator's page can select it by accident: only staff pages read it, no export and no e-mail
 * subject carries it.
 */
export const safeguardingFlags = sqliteTable(
  'safeguarding_flags',
  {
    id: id(),
    grantId: integer()
      .notNull()
      .references(() => grants.id),
    visitId: integer().references(() => monitoringVisits.id),
    note: text().notNull(),
    raisedById: integer()
      .notNull()
      .references(() => users.id),
    resolvedAt: instant(),
    resolvedById: integer().references(() => users.id),
    resolution: text(),
    ...timestamps,
  },
  (t) => [index('safeguarding_flags_grant_idx').on(t.grantId)],
);

/** The family's own short report between visits, shown beside the visits. */
export const familyReports = sqliteTable(
  'family_reports',
  {
    id: id(),
    grantId: integer()
      .notNull()
      .references(() => grants.id),
    /** The family's account, or her facilitator sending it for her. */
    sentById: integer()
      .notNull()
      .references(() => users.id),
    businessStatus: text({ enum: BUSINESS_STATUSES }).notNull(),
    /** This month's revenue, minor units. */
    monthlyRevenue: integer(),
    /** A question for staff; read on the grant's page. */
    question: text(),
    readAt: instant(),
    readById: integer().references(() => users.id),
    ...timestamps,
  },
  (t) => [
    index('family_reports_grant_idx').on(t.grantId, t.createdAt),
    check('family_reports_revenue', sql`${t.monthlyRevenue} is null or ${t.monthlyRevenue} >= 0`),
  ],
);

/**
 * A photo taken at a visit or sent with a report, stored under UPLOADS_PATH with its location data
 * stripped (DESIGN.md, "Privacy and safety").
 */
export const outcomePhotos = sqliteTable(
  'outcome_photos',
  {
    id: id(),
    grantId: integer()
      .notNull()
      .references(() => grants.id),
    visitId: integer().references(() => monitoringVisits.id),
    reportId: integer().references(() => familyReports.id),
    storagePath: text().notNull(),
    contentType: text().notNull(),
    byteSize: integer().notNull(),
    uploadedById: integer()
      .notNull()
      .references(() => users.id),
    ...timestamps,
  },
  (t) => [
    index('outcome_photos_visit_idx').on(t.visitId),
    index('outcome_photos_report_idx').on(t.reportId),
    check('outcome_photos_owner', sql`(${t.visitId} is null) <> (${t.reportId} is null)`),
  ],
);

export type GrantBaseline = typeof grantBaselines.$inferSelect;
export type MonitoringVisit = typeof monitoringVisits.$inferSelect;
export type SafeguardingFlag = typeof safeguardingFlags.$inferSelect;
export type FamilyReport = typeof familyReports.$inferSelect;
export type OutcomePhoto = typeof outcomePhotos.$inferSelect;
