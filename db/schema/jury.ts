import {
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { ASSIGNMENT_STATUSES, ROUND_STATUSES, SCORE_STATUSES } from '../../app/schemas/enums';
import { bool, id, instant, timestamps } from '../columns';
import { applications } from './applications';
import { competitions } from './competitions';
import { households } from './households';
import { users } from './people';

/** A round of jury scoring. Round 1 takes the eligible applications; later rounds those advanced. */
export const rounds = sqliteTable(
  'rounds',
  {
    id: id(),
    competitionId: integer()
      .notNull()
      .references(() => competitions.id),
    number: integer().notNull(),
    /**
     * The title in the first language staff gave (Kyrgyz, else Russian, else English), for what
     * has one reader's language only: the audit log and texts not yet localised. Pages pick
     * from nameKy / nameRu / nameEn in the reader's language (pickLocalized), with its note.
     */
    name: text().notNull(),
    nameKy: text(),
    nameRu: text(),
    nameEn: text(),
    nameKk: text(),
    nameUz: text(),
    jurorsPerApplication: integer().notNull(),
    /** Jurors see the idea, budget, sector and region — never names, contacts or members. */
    isBlind: bool().notNull().default(true),
    /** A juror is never given an application from her own locality. */
    excludeOwnLocality: bool().notNull().default(true),
    opensAt: instant().notNull(),
    closesAt: instant().notNull(),
    status: text({ enum: ROUND_STATUSES }).notNull().default('draft'),
    /** Jurors whose totals differ by more than this many points (of 100) are flagged. */
    disagreementThreshold: integer().notNull().default(25),
    /** Rank by the mean of jurors' z-scores (mapped to 0–100) instead of raw means. */
    normalise: bool().notNull().default(false),
    closedAt: instant(),
    ...timestamps,
  },
  (t) => [uniqueIndex('rounds_number_idx').on(t.competitionId, t.number)],
);

export const roundCriteria = sqliteTable(
  'round_criteria',
  {
    id: id(),
    roundId: integer()
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
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
    maxPoints: integer().notNull(),
    /** Relative weight; a juror's total is Σ weight × points/max, scaled to 0–100. */
    weight: integer().notNull(),
  },
  (t) => [index('round_criteria_round_idx').on(t.roundId)],
);

export const roundJurors = sqliteTable(
  'round_jurors',
  {
    roundId: integer()
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    jurorId: integer()
      .notNull()
      .references(() => users.id),
    /** When she finished declaring her conflicts for this round (null = not yet). */
    conflictsDeclaredAt: instant(),
    createdAt: timestamps.createdAt,
  },
  (t) => [primaryKey({ columns: [t.roundId, t.jurorId] })],
);

/** The applications a round scores (round 1: eligible ones; later: those advanced to it). */
export const roundApplications = sqliteTable(
  'round_applications',
  {
    roundId: integer()
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    applicationId: integer()
      .notNull()
      .references(() => applications.id),
    /** Set when staff advance it from this round to the next. */
    advancedAt: instant(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.applicationId] })],
);

/** A juror knows this household: she never scores its applications in this competition. */
export const jurorConflicts = sqliteTable(
  'juror_conflicts',
  {
    competitionId: integer()
      .notNull()
      .references(() => competitions.id),
    jurorId: integer()
      .notNull()
      .references(() => users.id),
    householdId: integer()
      .notNull()
      .references(() => households.id),
    createdAt: timestamps.createdAt,
  },
  (t) => [primaryKey({ columns: [t.competitionId, t.jurorId, t.householdId] })],
);

export const assignments = sqliteTable(
  'assignments',
  {
    id: id(),
    roundId: integer()
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    applicationId: integer()
      .notNull()
      .references(() => applications.id),
    jurorId: integer()
      .notNull()
      .references(() => users.id),
    status: text({ enum: ASSIGNMENT_STATUSES }).notNull().default('active'),
    /** Null when the automatic assignment made it; else the staff member who moved it. */
    assignedById: integer().references(() => users.id),
    recusedAt: instant(),
    recusalReason: text(),
    createdAt: timestamps.createdAt,
  },
  (t) => [
    uniqueIndex('assignments_unique_idx').on(t.roundId, t.applicationId, t.jurorId),
    // With the status: a juror's active assignments in a round are counted from the index alone
    // (the round page's jurors table at 30,000 assignments; migration 0010).
    index('assignments_juror_idx').on(t.roundId, t.jurorId, t.status),
    // The jurors' comments on one application (the decision board's feedback suggestion) are
    // read across rounds by application; without it each read scanned every assignment.
    index('assignments_application_idx').on(t.applicationId),
  ],
);

/** One juror's score of one application: per criterion, with comments; submitting locks it. */
export const scores = sqliteTable(
  'scores',
  {
    id: id(),
    assignmentId: integer()
      .notNull()
      .unique()
      .references(() => assignments.id, { onDelete: 'cascade' }),
    status: text({ enum: SCORE_STATUSES }).notNull().default('draft'),
    overallComment: text().notNull().default(''),
    submittedAt: instant(),
    reopenedAt: instant(),
    reopenedById: integer().references(() => users.id),
    reopenReason: text(),
    ...timestamps,
  },
  // A score's status read by its assignment from the index alone: how many of a juror's
  // assignments are submitted, counted on the round page (migration 0010).
  (t) => [index('scores_assignment_status_idx').on(t.assignmentId, t.status)],
);

export const scoreItems = sqliteTable(
  'score_items',
  {
    scoreId: integer()
      .notNull()
      .references(() => scores.id, { onDelete: 'cascade' }),
    criterionId: integer()
      .notNull()
      .references(() => roundCriteria.id, { onDelete: 'cascade' }),
    points: integer(),
    comment: text().notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.scoreId, t.criterionId] })],
);

/**
 * The final ranking of a closed round, stored once so that the decision board pages through it in
 * SQL instead of ranking 180,000 scored criteria on every view. Scores cannot change once a round
 * is closed; the only thing that re-orders it is switching normalisation, which rewrites these
 * rows (`normalised` says which ranking they hold).
 */
export const roundRanks = sqliteTable(
  'round_ranks',
  {
    roundId: integer()
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    applicationId: integer()
      .notNull()
      .references(() => applications.id),
    rank: integer().notNull(),
    /** The application's score out of 100 (null: no submitted score). */
    score: real(),
    normalised: bool().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.applicationId] }),
    // The board reads a page in rank order, and a rank range for the passing-over checks.
    uniqueIndex('round_ranks_rank_idx').on(t.roundId, t.rank),
  ],
);

export type Round = typeof rounds.$inferSelect;
export type RoundCriterion = typeof roundCriteria.$inferSelect;
export type Assignment = typeof assignments.$inferSelect;
export type Score = typeof scores.$inferSelect;
export type ScoreItem = typeof scoreItems.$inferSelect;
