import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { db, sqlite, type Tx } from '~db/client';
import { auditChainHead, auditLog, type AuditRow } from '~db/schema/audit';
import { users } from '~db/schema/people';
import { sha256Hex } from '~/utils/crypto.server';

const GENESIS_HASH = '0'.repeat(64);

export type AuditEntry = {
  actorUserId: number | null;
  /** What happened, as `area.verb`: `user.sign-in`, `user.roles-changed`, … */
  action: string;
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  ipAddress?: string | null;
};

type HashedFields = Omit<AuditRow, 'hash'>;

/** The hash covers every field and the previous row's hash, in a fixed order. */
export function auditRowHash(row: HashedFields): string {
  return sha256Hex(
    JSON.stringify([
      row.id,
      row.prevHash,
      row.actorUserId,
      row.action,
      row.entityType,
      row.entityId,
      row.before,
      row.after,
      row.ipAddress,
      row.createdAt.getTime(),
    ]),
  );
}

/** Appends one line to the audit log, inside the caller's transaction. */
export function appendAudit(tx: Tx, entry: AuditEntry): AuditRow {
  const head = tx.select().from(auditChainHead).where(eq(auditChainHead.id, 1)).get();
  const fields: HashedFields = {
    id: (head?.lastId ?? 0) + 1,
    prevHash: head?.lastHash ?? GENESIS_HASH,
    actorUserId: entry.actorUserId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    ipAddress: entry.ipAddress ?? null,
    createdAt: new Date(),
  };
  const row = { ...fields, hash: auditRowHash(fields) };
  tx.insert(auditLog).values(row).run();
  tx.insert(auditChainHead)
    .values({ id: 1, lastId: row.id, lastHash: row.hash })
    .onConflictDoUpdate({ target: auditChainHead.id, set: { lastId: row.id, lastHash: row.hash } })
    .run();
  return row;
}

export type AuditVerification =
  | { ok: true; rows: number }
  | {
      ok: false;
      rows: number;
      firstBadId: number;
      problem: 'altered' | 'missing' | 'head-mismatch';
    };

/** Walks the chain from the start; reports the first row that was altered or removed. */
type RawAuditRow = {
  id: number;
  actor_user_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  ip_address: string | null;
  created_at: number;
  prev_hash: string;
  hash: string;
};

/** Streams the log in order without loading it whole (it only grows). */
function* auditRowsInOrder(): Generator<AuditRow> {
  const statement = sqlite.prepare<[], RawAuditRow>('select * from audit_log order by id');
  for (const raw of statement.iterate()) {
    yield {
      id: raw.id,
      actorUserId: raw.actor_user_id,
      action: raw.action,
      entityType: raw.entity_type,
      entityId: raw.entity_id,
      before: raw.before,
      after: raw.after,
      ipAddress: raw.ip_address,
      createdAt: new Date(raw.created_at),
      prevHash: raw.prev_hash,
      hash: raw.hash,
    };
  }
}

export function verifyAuditChain(): AuditVerification {
  let expectedId = 1;
  let prevHash = GENESIS_HASH;
  let rows = 0;
  for (const row of auditRowsInOrder()) {
    if (row.id !== expectedId) {
      return { ok: false, rows, firstBadId: expectedId, problem: 'missing' };
    }
    if (row.prevHash !== prevHash) {
      // The row before was rewritten together with its own hash.
      return { ok: false, rows, firstBadId: row.id - 1, problem: 'altered' };
    }
    if (auditRowHash(row) !== row.hash) {
      return { ok: false, rows, firstBadId: row.id, problem: 'altered' };
    }
    prevHash = row.hash;
    expectedId += 1;
    rows += 1;
  }
  const head = db.select().from(auditChainHead).where(eq(auditChainHead.id, 1)).get();
  const headId = head?.lastId ?? 0;
  if (headId !== rows || (head && head.lastHash !== prevHash)) {
    // Rows after the last one found were deleted (or the head was edited).
    return { ok: false, rows, firstBadId: rows + 1, problem: 'head-mismatch' };
  }
  return { ok: true, rows };
}

export type AuditFilter = {
  action?: string;
  entityType?: string;
  entityId?: string;
  actorUserId?: number;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
};

export function listAudit(filter: AuditFilter) {
  const conditions: SQL[] = [];
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.entityType) conditions.push(eq(auditLog.entityType, filter.entityType));
  if (filter.entityId) conditions.push(eq(auditLog.entityId, filter.entityId));
  if (filter.actorUserId) conditions.push(eq(auditLog.actorUserId, filter.actorUserId));
  if (filter.from) conditions.push(gte(auditLog.createdAt, filter.from));
  if (filter.to) conditions.push(lt(auditLog.createdAt, filter.to));
  const where = conditions.length ? and(...conditions) : undefined;
  const rows = db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
      createdAt: auditLog.createdAt,
      actorUserId: auditLog.actorUserId,
      actorName: users.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .all();
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(auditLog)
      .where(where)
      .get()?.n ?? 0;
  return { rows, total };
}

export function distinctAuditActions(): string[] {
  return db
    .selectDistinct({ action: auditLog.action })
    .from(auditLog)
    .orderBy(auditLog.action)
    .all()
    .map((r) => r.action);
}
