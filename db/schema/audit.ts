import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { instant } from '../columns';

/**
 * Append-only (triggers refuse UPDATE and DELETE). Each row's `hash` is a MAC over every stored
 * column and the previous row's MAC: scheme 2 is an HMAC-SHA256 with AUDIT_KEY, which is not in
 * the database, so someone who can write the file cannot re-chain an edit. Scheme 1 (plain
 * SHA-256) lines come from before the key; the first keyed line anchors them. Checkpoints of the
 * head are also written outside the database (AUDIT_CHECKPOINT_DIR); npm run audit:verify.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer().primaryKey(),
    /** Null when the system acted (a worker, the seed). */
    actorUserId: integer(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    /** JSON of the record's relevant fields before and after the change. */
    before: text(),
    after: text(),
    ipAddress: text(),
    createdAt: instant().notNull(),
    prevHash: text().notNull(),
    hash: text().notNull(),
    /** 1: SHA-256 without a key (old lines); 2: HMAC-SHA256 with AUDIT_KEY. */
    macVersion: integer().notNull().default(1),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_actor_idx').on(t.actorUserId),
    index('audit_log_action_idx').on(t.action),
    // The audit page's date filter reads a range of days without walking the log.
    index('audit_log_created_idx').on(t.createdAt),
  ],
);

/** The chain's head, so that deleting the newest rows is detected too. */
export const auditChainHead = sqliteTable('audit_chain_head', {
  id: integer().primaryKey(),
  lastId: integer().notNull(),
  lastHash: text().notNull(),
});

export type AuditRow = typeof auditLog.$inferSelect;
