import { index, primaryKey, sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';
import { bool, id, instant, timestamps } from '../columns';
import { LOCALES, type Locale } from '../../app/i18n/config';
import { ROLES, type Role } from '../../app/utils/permissions';

export { LOCALES, ROLES, type Locale, type Role };

/** A village (ayil okmotu) or city a programme works in. */
export const localities = sqliteTable('localities', {
  id: id(),
  code: text().notNull().unique(),
  kind: text({ enum: ['village', 'city'] }).notNull(),
  nameKy: text().notNull(),
  nameRu: text().notNull(),
  nameEn: text().notNull(),
  ...timestamps,
});

export const users = sqliteTable(
  'users',
  {
    id: id(),
    /** Lower-cased; null for families who have no e-mail. */
    email: text().unique(),
    /** E.164, e.g. +996555123456. */
    phone: text().unique(),
    name: text().notNull(),
    /** Argon2id PHC string; null until an invited person sets a password. */
    passwordHash: text(),
    locale: text({ enum: LOCALES }).notNull().default('ky'),
    /**
     * When she picked her language herself (the switcher, her account page); null = never, so a
     * competition's own default language may apply on its pages (app/utils/locale.server.ts).
     */
    localeChosenAt: instant(),
    /** Where the person lives: scopes facilitators, and keeps jurors off their own village. */
    localityId: integer().references(() => localities.id),
    // Safe contact: a family may not want mail or calls that someone at home could see.
    contactByEmail: bool().notNull().default(true),
    contactByPhone: bool().notNull().default(true),
    contactOnlyViaFacilitator: bool().notNull().default(false),
    disabledAt: instant(),
    lastSignInAt: instant(),
    passwordChangedAt: instant(),
    createdById: integer(),
    ...timestamps,
  },
  (t) => [index('users_locality_idx').on(t.localityId)],
);

export const userRoles = sqliteTable(
  'user_roles',
  {
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text({ enum: ROLES }).notNull(),
    grantedById: integer().references(() => users.id),
    createdAt: timestamps.createdAt,
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

/** The localities a facilitator works in; she sees only families there. */
export const facilitatorLocalities = sqliteTable(
  'facilitator_localities',
  {
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    localityId: integer()
      .notNull()
      .references(() => localities.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.localityId] })],
);

export type Locality = typeof localities.$inferSelect;
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
