import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { HOUSEHOLD_READ_KINDS } from '../../app/schemas/household-reads';
import { id, instant } from '../columns';
import { households } from './households';
import { users } from './people';

/**
 * Who opened a family's file (DESIGN.md, "Privacy and safety"; issue 16 item 5): one row each
 * time a staff member or facilitator opens her household's page, an application, a file, her
 * grant or her data download. Its own table, not the audit chain: reads are many times more
 * than changes (every page view), each audit line costs a chain-head update and a MAC, and the
 * chain would then be mostly page views. It is kept as long as the audit log is — the app never
 * prunes it, backups carry it, and anonymising a household keeps its rows (they name only the
 * viewer, what kind of thing, which row and when).
 */
export const householdReads = sqliteTable(
  'household_reads',
  {
    id: id(),
    householdId: integer()
      .notNull()
      .references(() => households.id),
    viewerUserId: integer()
      .notNull()
      .references(() => users.id),
    /** The viewer's role that gave her the access (admin, staff or facilitator). */
    viewerRole: text().notNull(),
    what: text({ enum: HOUSEHOLD_READ_KINDS }).notNull(),
    /** The row opened (application, attachment, grant, photo, visit…), when not the household. */
    subjectId: integer(),
    ipAddress: text(),
    createdAt: instant()
      .notNull()
      .$defaultFn(() => new Date()),
  },
  // The admin's list: one household's reads, newest first, paged by id.
  (t) => [index('household_reads_household_idx').on(t.householdId, t.id)],
);

export type HouseholdRead = typeof householdReads.$inferSelect;
