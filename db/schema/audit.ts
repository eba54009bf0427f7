import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { instant } from '../columns';

/**
 * Append-only (triggers refuse UPDATE and DELETE). Each row's hash covers its content and the
 * previous row's hash, so an edited or removed row breaks the chain (npm run audit:verify).
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
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_actor_idx').on(t.actorUserId),
    index('audit_log_action_idx').on(t.action),
  ],
);

/** The chain's head, so that deleting the newest rows is detected too. */
export const auditChainHead = sqliteTable('audit_chain_head', {
  id: integer().primaryKey(),
  lastId: integer().notNull(),
  lastHash: text().notNull(),
});

export type AuditRow = typeof auditLog.$inferSelect;
