import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { CONSENT_METHODS, HOUSEHOLD_SOURCES, RELATIONS, SEXES } from '../../app/schemas/enums';
import { bool, id, instant, timestamps } from '../columns';
import { localities, users } from './people';

/** A family. It may have an applicant account (`userId`), or be looked after by a facilitator. */
export const households = sqliteTable(
  'households',
  {
    id: id(),
    localityId: integer()
      .notNull()
      .references(() => localities.id),
    address: text().notNull().default(''),
    receivesSocialBenefits: bool().notNull().default(false),
    /** The number in the ministry's register of benefit recipients; unique. */
    benefitRegisterNumber: text().unique(),
    /** The family's phone, for the facilitator; the account's contact choices still apply. */
    phone: text(),
    userId: integer()
      .unique()
      .references(() => users.id),
    source: text({ enum: HOUSEHOLD_SOURCES }).notNull(),
    registeredById: integer().references(() => users.id),
    anonymisedAt: instant(),
    /**
     * The sort key (app/utils/collation-key.ts) of the name the households list shows first —
     * its first member's, "#id" for a member without a name, '' without members — per reading
     * language; kept by triggers on household_members (migration 0021).
     */
    nameKeyKy: text().notNull().default(''),
    nameKeyRu: text().notNull().default(''),
    nameKeyEn: text().notNull().default(''),
    nameKeyKk: text().notNull().default(''),
    nameKeyUz: text().notNull().default(''),
    /**
     * What the list's search reads: the members' names as the list shows them, one a line, and
     * the register number, lower-cased (Cyrillic too, as fold() does); kept by triggers.
     */
    searchText: text().notNull().default(''),
    ...timestamps,
  },
  (t) => [
    index('households_locality_idx').on(t.localityId),
    // The list shows households not anonymised, by name: each index holds exactly those, in
    // the list's order, all villages together and one village at a time.
    ...(
      [
        ['ky', t.nameKeyKy],
        ['ru', t.nameKeyRu],
        ['en', t.nameKeyEn],
        ['kk', t.nameKeyKk],
        ['uz', t.nameKeyUz],
      ] as const
    ).flatMap(([locale, key]) => [
      index(`households_name_key_${locale}_idx`)
        .on(key, t.id)
        .where(sql`anonymised_at is null`),
      index(`households_locality_name_key_${locale}_idx`)
        .on(t.localityId, key, t.id)
        .where(sql`anonymised_at is null`),
    ]),
  ],
);

export const householdMembers = sqliteTable(
  'household_members',
  {
    id: id(),
    householdId: integer()
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    firstName: text().notNull(),
    lastName: text().notNull(),
    sex: text({ enum: SEXES }).notNull(),
    birthYear: integer().notNull(),
    relation: text({ enum: RELATIONS }).notNull(),
    position: integer().notNull().default(0),
    ...timestamps,
  },
  (t) => [index('household_members_household_idx').on(t.householdId)],
);

/** A family's consent to a facilitator entering its data and applications on its behalf. */
export const householdConsents = sqliteTable(
  'household_consents',
  {
    id: id(),
    householdId: integer()
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    recordedById: integer()
      .notNull()
      .references(() => users.id),
    /** The family member who consented, as the facilitator wrote it. */
    givenBy: text().notNull(),
    method: text({ enum: CONSENT_METHODS }).notNull(),
    givenAt: instant().notNull(),
    note: text(),
    createdAt: timestamps.createdAt,
  },
  (t) => [index('household_consents_household_idx').on(t.householdId)],
);

/** An uploaded benefit-register CSV: previewed first, then committed all at once, or discarded. */
export const householdImports = sqliteTable('household_imports', {
  id: id(),
  uploadedById: integer()
    .notNull()
    .references(() => users.id),
  fileName: text().notNull(),
  content: text().notNull(),
  status: text({ enum: ['previewed', 'committed', 'discarded'] })
    .notNull()
    .default('previewed'),
  householdsCreated: integer(),
  committedAt: instant(),
  createdAt: timestamps.createdAt,
});

export type Household = typeof households.$inferSelect;
export type HouseholdMember = typeof householdMembers.$inferSelect;
export type HouseholdConsent = typeof householdConsents.$inferSelect;
