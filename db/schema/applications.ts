import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { APPLICATION_STATUSES, ATTACHMENT_KINDS, SECTORS } from '../../app/schemas/enums';
import { LOCALES } from '../../app/i18n/config';
import { bool, id, instant, timestamps } from '../columns';
import { competitions } from './competitions';
import { householdConsents, householdMembers, households } from './households';
import { users } from './people';

/**
 * A household's application to a competition: one per household per competition (unique index).
 * Amounts are in the competition's minor unit; `requestedAmount` = budget total − own
 * contribution, recomputed on every save.
 */
export const applications = sqliteTable(
  'applications',
  {
    id: id(),
    competitionId: integer()
      .notNull()
      .references(() => competitions.id),
    householdId: integer()
      .notNull()
      .references(() => households.id),
    status: text({ enum: APPLICATION_STATUSES }).notNull().default('draft'),
    /** Given at submission, e.g. TJ-2024-0007. */
    reference: text().unique(),
    beneficiaryMemberId: integer().references(() => householdMembers.id),
    title: text().notNull().default(''),
    sector: text({ enum: SECTORS }),
    description: text().notNull().default(''),
    market: text().notNull().default(''),
    experience: text().notNull().default(''),
    ownContribution: integer().notNull().default(0),
    requestedAmount: integer().notNull().default(0),
    expectedMonthlyRevenue: integer(),
    expectedMonthlyCosts: integer(),
    jobsCreated: integer(),
    /** Who typed it in: the family herself, or a facilitator on its behalf. */
    enteredById: integer()
      .notNull()
      .references(() => users.id),
    /** The consent on record when a facilitator entered it. */
    consentId: integer().references(() => householdConsents.id),
    submittedAt: instant(),
    submittedById: integer().references(() => users.id),
    withdrawnAt: instant(),
    screenedById: integer().references(() => users.id),
    screenedAt: instant(),
    ineligibleReason: text(),
    // ---- The decision (DESIGN.md, "Decisions and announcement") ----
    /** Minor units awarded; may differ from the request, within the competition's min and max. */
    awardedAmount: integer(),
    /** Why a higher-ranked application was passed over for this one (written by staff). */
    decisionReason: text(),
    decidedById: integer().references(() => users.id),
    decidedAt: instant(),
    /** Order on the waiting list (1 = first to be offered a place that comes free). */
    waitlistPosition: integer(),
    /** A short text for the family with her result, e.g. drawn from the jurors' comments. */
    feedback: text(),
    /**
     * The language staff wrote the feedback in; the family is told when it is not the one she
     * reads (issue 10: a Kyrgyz family reading her feedback in Russian).
     */
    feedbackLocale: text({ enum: LOCALES }),
    /** The winner agreed that her first name, initial and village appear on the public page. */
    publishNameConsent: bool().notNull().default(false),
    /** A facilitator told the family her result in person (when no e-mail may be sent). */
    resultToldAt: instant(),
    resultToldById: integer().references(() => users.id),
    /** After the announcement: the winner declined, or staff withdrew the award. */
    awardWithdrawnAt: instant(),
    awardWithdrawnReason: text(),
    /**
     * The beneficiary's name as the screening list shows it (surname first; the account's name
     * without one), as a sort key per reading language (app/utils/collation-key.ts). Kept by
     * triggers on every write to the application, the member or the account (migration 0009),
     * so the list sorts and pages through an index instead of keying every row per view.
     */
    nameKeyKy: text(),
    nameKeyRu: text(),
    nameKeyEn: text(),
    nameKeyKk: text(),
    nameKeyUz: text(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('applications_one_per_household_idx').on(t.competitionId, t.householdId),
    index('applications_status_idx').on(t.competitionId, t.status),
    // The triggers of migration 0009 find an application by its beneficiary and its household.
    index('applications_beneficiary_idx').on(t.beneficiaryMemberId),
    index('applications_household_idx').on(t.householdId),
    index('applications_name_key_ky_idx').on(t.nameKeyKy, t.id),
    index('applications_name_key_ru_idx').on(t.nameKeyRu, t.id),
    index('applications_name_key_en_idx').on(t.nameKeyEn, t.id),
    index('applications_name_key_kk_idx').on(t.nameKeyKk, t.id),
    index('applications_name_key_uz_idx').on(t.nameKeyUz, t.id),
  ],
);

export const applicationBudgetItems = sqliteTable(
  'application_budget_items',
  {
    id: id(),
    applicationId: integer()
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    name: text().notNull(),
    quantity: integer().notNull(),
    /** Minor units per item. */
    unitPrice: integer().notNull(),
  },
  (t) => [index('application_budget_items_application_idx').on(t.applicationId)],
);

/** Photos and price quotes; the file lives outside public/, under UPLOADS_PATH/<storageKey>. */
export const applicationAttachments = sqliteTable(
  'application_attachments',
  {
    id: id(),
    applicationId: integer()
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    kind: text({ enum: ATTACHMENT_KINDS }).notNull(),
    originalName: text().notNull(),
    /** Detected from the file's content, never from its name. */
    mimeType: text({ enum: ['image/jpeg', 'image/png', 'application/pdf'] }).notNull(),
    sizeBytes: integer().notNull(),
    storageKey: text().notNull().unique(),
    uploadedById: integer()
      .notNull()
      .references(() => users.id),
    createdAt: timestamps.createdAt,
  },
  (t) => [index('application_attachments_application_idx').on(t.applicationId)],
);

/** What the family sees as her application's history. */
export const applicationStatusHistory = sqliteTable(
  'application_status_history',
  {
    id: id(),
    applicationId: integer()
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    fromStatus: text({ enum: APPLICATION_STATUSES }),
    toStatus: text({ enum: APPLICATION_STATUSES }).notNull(),
    changedById: integer().references(() => users.id),
    reason: text(),
    createdAt: timestamps.createdAt,
  },
  (t) => [index('application_status_history_application_idx').on(t.applicationId)],
);

export type Application = typeof applications.$inferSelect;
export type BudgetItem = typeof applicationBudgetItems.$inferSelect;
export type Attachment = typeof applicationAttachments.$inferSelect;
