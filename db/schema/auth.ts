import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { id, instant, timestamps } from '../columns';
import { users } from './people';

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is stored. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lastSeenAt: instant().notNull(),
    /** Absolute end, fixed at sign-in from the strictest of the user's roles. */
    expiresAt: instant().notNull(),
    revokedAt: instant(),
    revokedReason: text({
      enum: ['sign-out', 'password-changed', 'password-reset', 'disabled', 'roles-changed'],
    }),
    userAgent: text(),
    ipAddress: text(),
    createdAt: timestamps.createdAt,
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Single-use links: password reset and invitation. Only the token's SHA-256 is stored. */
export const passwordTokens = sqliteTable(
  'password_tokens',
  {
    id: id(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull().unique(),
    purpose: text({ enum: ['reset', 'invite'] }).notNull(),
    expiresAt: instant().notNull(),
    usedAt: instant(),
    createdById: integer().references(() => users.id),
    createdAt: timestamps.createdAt,
  },
  (t) => [index('password_tokens_user_idx').on(t.userId)],
);

/** Failed sign-ins, counted per identifier and per address to throttle guessing. */
export const signInFailures = sqliteTable(
  'sign_in_failures',
  {
    id: id(),
    identifier: text().notNull(),
    ipAddress: text().notNull(),
    createdAt: timestamps.createdAt,
  },
  (t) => [
    index('sign_in_failures_identifier_idx').on(t.identifier, t.createdAt),
    index('sign_in_failures_ip_idx').on(t.ipAddress, t.createdAt),
  ],
);

/**
 * A form that arrived after her session had ended (idle time-out), kept for her alone: bound to
 * the account the ended session belonged to, encrypted with a key derived from the server's
 * secret, and gone after a day. Only the SHA-256 of its link token is stored.
 */
export const keptForms = sqliteTable(
  'kept_forms',
  {
    id: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** AES-256-GCM of the path it was posted to and its fields, as iv.tag.ciphertext. */
    payload: text().notNull(),
    expiresAt: instant().notNull(),
    createdAt: timestamps.createdAt,
  },
  (t) => [index('kept_forms_user_idx').on(t.userId)],
);

export type Session = typeof sessions.$inferSelect;
export type KeptForm = typeof keptForms.$inferSelect;
export type PasswordToken = typeof passwordTokens.$inferSelect;
