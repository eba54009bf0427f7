import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { instant } from '../columns';
import { users } from './people';

/**
 * Programme-wide settings an admin may change (retention, backup schedule, defaults for new
 * competitions). One row per setting that differs from its default; the registry of settings,
 * their types and defaults is app/services/settings.server.ts. Every change is audited there.
 */
export const programmeSettings = sqliteTable('programme_settings', {
  key: text().primaryKey(),
  /** The value as JSON, checked against the registry's schema when read. */
  value: text({ mode: 'json' }).notNull(),
  updatedAt: instant()
    .notNull()
    .$defaultFn(() => new Date()),
  updatedById: integer().references(() => users.id),
});
