import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { id, instant, timestamps } from '../columns';
import { applicationBudgetItems } from './applications';
import { grants, grantTranches } from './grants';
import { users } from './people';

/**
 * What the family bought with a tranche, one row per line of her application's budget: planned
 * (the budget line) against actual, and why they differ. One row per line and tranche.
 */
export const grantReceiptLines = sqliteTable(
  'grant_receipt_lines',
  {
    id: id(),
    grantId: integer()
      .notNull()
      .references(() => grants.id),
    trancheId: integer()
      .notNull()
      .references(() => grantTranches.id),
    budgetItemId: integer()
      .notNull()
      .references(() => applicationBudgetItems.id),
    /** What she actually spent on this line, in minor units. */
    actualAmount: integer().notNull(),
    /** Why the actual differs from the plan; required when it does. */
    reason: text(),
    enteredById: integer()
      .notNull()
      .references(() => users.id),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('grant_receipt_lines_line_idx').on(t.trancheId, t.budgetItemId),
    index('grant_receipt_lines_grant_idx').on(t.grantId),
    check('grant_receipt_lines_actual_nonnegative', sql`${t.actualAmount} >= 0`),
  ],
);

/** A receipt or a photo of what was bought, for one receipt line; the file is under UPLOADS_PATH. */
export const grantReceiptFiles = sqliteTable(
  'grant_receipt_files',
  {
    id: id(),
    receiptLineId: integer()
      .notNull()
      .references(() => grantReceiptLines.id),
    kind: text({ enum: ['receipt', 'photo'] }).notNull(),
    fileName: text().notNull(),
    mimeType: text().notNull(),
    sizeBytes: integer().notNull(),
    storageKey: text().notNull().unique(),
    uploadedById: integer()
      .notNull()
      .references(() => users.id),
    createdAt: instant()
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [index('grant_receipt_files_line_idx').on(t.receiptLineId)],
);

/**
 * The receipts' history for a tranche: the family sent them for checking, or staff asked for more
 * (with the reason she reads). Verification itself is the tranche's receiptsVerifiedAt.
 */
export const grantReceiptEvents = sqliteTable(
  'grant_receipt_events',
  {
    id: id(),
    trancheId: integer()
      .notNull()
      .references(() => grantTranches.id),
    kind: text({ enum: ['submitted', 'more-needed', 'verified'] }).notNull(),
    reason: text(),
    byUserId: integer()
      .notNull()
      .references(() => users.id),
    createdAt: instant()
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [index('grant_receipt_events_tranche_idx').on(t.trancheId, t.id)],
);

export type GrantReceiptLine = typeof grantReceiptLines.$inferSelect;
export type GrantReceiptFile = typeof grantReceiptFiles.$inferSelect;
export type GrantReceiptEvent = typeof grantReceiptEvents.$inferSelect;
