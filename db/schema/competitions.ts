import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import {
  BENEFICIARY_SEX_RULES,
  COMPETITION_STATUSES,
  CURRENCIES,
  RELATIONS,
  type Relation,
} from '../../app/schemas/enums';
import { LOCALES } from '../../app/i18n/config';
import { bool, id, instant, timestamps } from '../columns';
import { localities, users } from './people';

/**
 * A call for applications. Texts are kept per language; one is enough and the others fall back
 * to it. Money is in the currency's minor unit (tyiyn, tiyn).
 */
export const competitions = sqliteTable(
  'competitions',
  {
    id: id(),
    titleKy: text(),
    titleRu: text(),
    titleEn: text(),
    titleKk: text(),
    titleUz: text(),
    descriptionKy: text(),
    descriptionRu: text(),
    descriptionEn: text(),
    descriptionKk: text(),
    descriptionUz: text(),
    /**
     * The language of this competition's pages for people who never chose one (a Kazakhstan
     * programme reads Kazakh); null = the portal's default. See app/utils/locale.server.ts.
     */
    defaultLocale: text({ enum: LOCALES }),
    currency: text({ enum: CURRENCIES }).notNull().default('KGS'),
    budgetTotal: integer().notNull(),
    minGrant: integer().notNull(),
    maxGrant: integer().notNull(),
    timezone: text().notNull().default('Asia/Bishkek'),
    opensAt: instant().notNull(),
    /** Submission is refused from this instant on, whatever the status says. */
    closesAt: instant().notNull(),
    status: text({ enum: COMPETITION_STATUSES }).notNull().default('draft'),
    requireSocialBenefits: bool().notNull().default(true),
    /** Group training sessions a household must have attended before it can submit. */
    requiredTrainingSessions: integer().notNull().default(0),
    /** Attended consultations a household must have had before it can submit (0 or 1 usually). */
    requiredConsultations: integer().notNull().default(0),
    /** How many consultations a family may hold booked (not yet held) at once. */
    maxOpenBookings: integer().notNull().default(2),
    /** A family may cancel her booking until this many hours before it; staff always may. */
    bookingCancelNoticeHours: integer().notNull().default(24),
    /** A family may move her booking until this many hours before it; staff always may. */
    bookingMoveNoticeHours: integer().notNull().default(24),
    /** Which relations may hold the grant; the programme's default is the daughter-in-law. */
    beneficiaryRelations: text({ mode: 'json' })
      .$type<Relation[]>()
      .notNull()
      .$defaultFn(() => [...RELATIONS]),
    beneficiarySex: text({ enum: BENEFICIARY_SEX_RULES }).notNull().default('female'),
    beneficiaryAdultOnly: bool().notNull().default(true),
    /** References look like TJ-2024-0007: prefix, year of opening, number. */
    referencePrefix: text().notNull(),
    nextReferenceNumber: integer().notNull().default(1),
    createdById: integer().references(() => users.id),
    /** When the results were announced: decisions are locked from then on. */
    announcedAt: instant(),
    announcedById: integer().references(() => users.id),
    /** When it moved to closed: its households' retention period runs from here (issue 16). */
    closedAt: instant(),
    ...timestamps,
  },
  (t) => [index('competitions_status_idx').on(t.status)],
);

/** The localities a competition is open to, each with an optional quota of grants. */
export const competitionLocalities = sqliteTable(
  'competition_localities',
  {
    competitionId: integer()
      .notNull()
      .references(() => competitions.id, { onDelete: 'cascade' }),
    localityId: integer()
      .notNull()
      .references(() => localities.id),
    /** How many grants this locality may receive (e.g. 15 Ivanovka, 15 Osh); null = no quota. */
    quota: integer(),
  },
  (t) => [primaryKey({ columns: [t.competitionId, t.localityId] })],
);

export type Competition = typeof competitions.$inferSelect;
export type NewCompetition = typeof competitions.$inferInsert;
