import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { TRAINING_SESSION_STATUSES, TRAINING_TOPICS } from '../../app/schemas/enums';
import { bool, id, instant, timestamps } from '../columns';
import { householdMembers, households } from './households';
import { localities, users } from './people';

/** A group training session (financial literacy, household budget, …) in one locality. */
export const trainingSessions = sqliteTable(
  'training_sessions',
  {
    id: id(),
    topic: text({ enum: TRAINING_TOPICS }).notNull(),
    startsAt: instant().notNull(),
    minutes: integer().notNull(),
    place: text().notNull(),
    localityId: integer()
      .notNull()
      .references(() => localities.id),
    /** The trainer's name as the families know her; she need not have an account. */
    trainerName: text().notNull(),
    createdById: integer()
      .notNull()
      .references(() => users.id),
    status: text({ enum: TRAINING_SESSION_STATUSES }).notNull().default('scheduled'),
    ...timestamps,
  },
  (t) => [index('training_sessions_locality_start_idx').on(t.localityId, t.startsAt)],
);

/**
 * The roll call: one row per household member marked at a session. Only `present` rows count
 * towards a competition's required sessions, and only for the member who will hold the grant.
 */
export const trainingAttendance = sqliteTable(
  'training_attendance',
  {
    sessionId: integer()
      .notNull()
      .references(() => trainingSessions.id),
    memberId: integer()
      .notNull()
      .references(() => householdMembers.id),
    householdId: integer()
      .notNull()
      .references(() => households.id),
    present: bool().notNull(),
    recordedById: integer()
      .notNull()
      .references(() => users.id),
    recordedAt: instant().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.memberId] }),
    index('training_attendance_member_idx').on(t.memberId, t.present),
    index('training_attendance_household_idx').on(t.householdId),
  ],
);

export type TrainingSession = typeof trainingSessions.$inferSelect;
export type TrainingAttendance = typeof trainingAttendance.$inferSelect;
