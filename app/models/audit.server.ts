import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { and, asc, desc, eq, gt, gte, inArray, lt, ne, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { db, type Tx } from '~db/client';
import { auditChainHead, auditLog, type AuditRow } from '~db/schema/audit';
import { users } from '~db/schema/people';
import type { AuditAction, AuditEntityType } from '~/utils/audit-actions';
import { sha256Hex } from '~/utils/crypto.server';
import { env } from '~/utils/env.server';
import { keysetPage, readsBackwards } from '~/utils/keyset';

export const GENESIS_MAC = '0'.repeat(64);
/** 1: SHA-256 without a key (lines written before AUDIT_KEY); 2: HMAC-SHA256 with AUDIT_KEY. */
export const CURRENT_MAC_VERSION = 2;

export type AuditEntry = {
  actorUserId: number | null;
  /** What happened, as `area.verb`: `user.signed-in`, `user.roles-changed`, … */
  action: AuditAction;
  entityType: AuditEntityType;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  ipAddress?: string | null;
};

/**
 * A line exactly as SQLite holds it: column names and values as stored, not converted. The MAC
 * is computed over these, so a REAL `created_at` half a millisecond off, a number stored as
 * text, or a BLOB in place of text all change it.
 */
export type StoredAuditLine = {
  id: number;
  actor_user_id: unknown;
  action: unknown;
  entity_type: unknown;
  entity_id: unknown;
  before: unknown;
  after: unknown;
  ip_address: unknown;
  created_at: unknown;
  prev_hash: unknown;
  hash: unknown;
  mac_version: unknown;
};

/** Every column of audit_log; a column added behind the app's back is not covered, so refused. */
export const AUDIT_LOG_COLUMNS = [
  'id',
  'actor_user_id',
  'action',
  'entity_type',
  'entity_id',
  'before',
  'after',
  'ip_address',
  'created_at',
  'prev_hash',
  'hash',
  'mac_version',
] as const;

/** JSON keeps a number's full precision and tells 5 from "5"; a Buffer (BLOB) shows as one. */
function macMessage(line: StoredAuditLine): string {
  return JSON.stringify([
    'ishenim-audit',
    line.mac_version,
    line.id,
    line.prev_hash,
    line.actor_user_id,
    line.action,
    line.entity_type,
    line.entity_id,
    line.before,
    line.after,
    line.ip_address,
    line.created_at,
  ]);
}

/** The keyed MAC (scheme 2) of a stored line. */
export function auditLineMac(line: StoredAuditLine, key: string = env.AUDIT_KEY): string {
  return crypto.createHmac('sha256', key).update(macMessage(line)).digest('hex');
}

/**
 * Scheme 3: a line whose personal fields anonymisation redacted. Its `hash` stays the MAC of what
 * it first held (the next line's link); this MAC covers what it holds now, and a later keyed
 * `audit.lines-redacted` line carries it, so the verifier accepts the redaction and nothing else.
 */
export const REDACTED_MAC_VERSION = 3;

export function redactedLineMac(line: StoredAuditLine, key: string = env.AUDIT_KEY): string {
  return crypto
    .createHmac('sha256', key)
    .update(JSON.stringify(['ishenim-audit-redacted', line.hash, macMessage(line)]))
    .digest('hex');
}

/** The unkeyed hash of scheme 1, kept only to check the lines written before the key. */
function legacyLineHash(line: StoredAuditLine): string {
  return sha256Hex(
    JSON.stringify([
      line.id,
      line.prev_hash,
      line.actor_user_id,
      line.action,
      line.entity_type,
      line.entity_id,
      line.before,
      line.after,
      line.ip_address,
      line.created_at,
    ]),
  );
}

/** Whether a stored line's own MAC (or, for scheme 1, hash) is right. Not its link. */
export function lineMacIsValid(line: StoredAuditLine, key: string = env.AUDIT_KEY): boolean {
  // created_at is whole milliseconds as an INTEGER; anything else was written behind the app.
  if (typeof line.created_at !== 'number' || !Number.isSafeInteger(line.created_at)) return false;
  if (typeof line.hash !== 'string') return false;
  const expected =
    line.mac_version === CURRENT_MAC_VERSION
      ? auditLineMac(line, key)
      : line.mac_version === 1
        ? legacyLineHash(line)
        : null;
  if (expected === null || expected.length !== line.hash.length) return false;
  return crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(line.hash));
}

/** Appends one line to the audit log, inside the caller's transaction. */
export function appendAudit(
  tx: Tx,
  entry: AuditEntry,
  options: { now?: Date; key?: string } = {},
): AuditRow {
  const head = tx.select().from(auditChainHead).where(eq(auditChainHead.id, 1)).get();
  const createdAt = options.now ?? new Date();
  const stored: StoredAuditLine = {
    id: (head?.lastId ?? 0) + 1,
    actor_user_id: entry.actorUserId,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId == null ? null : String(entry.entityId),
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    ip_address: entry.ipAddress ?? null,
    created_at: createdAt.getTime(),
    prev_hash: head?.lastHash ?? GENESIS_MAC,
    hash: null,
    mac_version: CURRENT_MAC_VERSION,
  };
  const row: AuditRow = {
    id: stored.id,
    actorUserId: entry.actorUserId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: stored.entity_id as string | null,
    before: stored.before as string | null,
    after: stored.after as string | null,
    ipAddress: stored.ip_address as string | null,
    createdAt,
    prevHash: stored.prev_hash as string,
    hash: auditLineMac(stored, options.key),
    macVersion: CURRENT_MAC_VERSION,
  };
  tx.insert(auditLog).values(row).run();
  tx.insert(auditChainHead)
    .values({ id: 1, lastId: row.id, lastHash: row.hash })
    .onConflictDoUpdate({ target: auditChainHead.id, set: { lastId: row.id, lastHash: row.hash } })
    .run();
  return row;
}

/**
 * Ids of the not yet redacted lines about these records or written by these accounts. One query
 * per kind of record (and one for the accounts), so each reads through its index.
 */
export function auditLineIdsAbout(
  tx: Tx,
  subjects: { entityType: AuditEntityType; entityIds: number[] }[],
  actorUserIds: number[],
): number[] {
  const conditions: SQL[] = subjects
    .filter((s) => s.entityIds.length > 0)
    .map((s) =>
      and(
        eq(auditLog.entityType, s.entityType),
        inArray(
          auditLog.entityId,
          s.entityIds.map((id) => String(id)),
        ),
      )!,
    );
  if (actorUserIds.length > 0) conditions.push(inArray(auditLog.actorUserId, actorUserIds));
  const ids = new Set<number>();
  for (const condition of conditions) {
    const rows = tx
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(and(condition, ne(auditLog.macVersion, REDACTED_MAC_VERSION)))
      .all();
    for (const row of rows) ids.add(row.id);
  }
  return [...ids].sort((a, b) => a - b);
}

export type Redaction = { before: string | null; after: string | null; ipAddress: string | null };

/**
 * Rewrites the personal fields of some lines (the only edit the table's trigger allows) and
 * appends the keyed lines that vouch for each redacted content, in the caller's transaction.
 * Returns how many lines were redacted.
 */
export function redactAuditLines(
  tx: Tx,
  ids: number[],
  redact: (line: StoredAuditLine) => Redaction,
  actorUserId: number | null,
  options: { key?: string } = {},
): number {
  const vouchers: [number, string][] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const lines = tx.all<StoredAuditLine>(
      sql`select * from audit_log where id in ${ids.slice(i, i + 500)} order by id`,
    );
    for (const line of lines) {
      const redaction = redact(line);
      tx.update(auditLog)
        .set({ ...redaction, macVersion: REDACTED_MAC_VERSION })
        .where(eq(auditLog.id, line.id))
        .run();
      const stored: StoredAuditLine = {
        ...line,
        before: redaction.before,
        after: redaction.after,
        ip_address: redaction.ipAddress,
        mac_version: REDACTED_MAC_VERSION,
      };
      vouchers.push([line.id, redactedLineMac(stored, options.key)]);
    }
  }
  for (let i = 0; i < vouchers.length; i += 500) {
    appendAudit(
      tx,
      {
        actorUserId,
        action: 'audit.lines-redacted',
        entityType: 'audit',
        after: { lines: vouchers.slice(i, i + 500) },
      },
      { key: options.key },
    );
  }
  return vouchers.length;
}

// ---------------------------------------------------------------------------------------------
// Reading stored lines (for verification): raw SQL on any connection, so a copy of a database
// can be checked as well as the live one.

/** Up to `limit` lines after `afterId`, in order: the log is walked in keyset chunks. */
export function storedLinesAfter(
  conn: Database.Database,
  afterId: number,
  limit: number,
): StoredAuditLine[] {
  return conn
    .prepare<[number, number], StoredAuditLine>(
      'select * from audit_log where id > ? order by id limit ?',
    )
    .all(afterId, limit);
}

export function storedLine(conn: Database.Database, id: number): StoredAuditLine | undefined {
  return conn.prepare<[number], StoredAuditLine>('select * from audit_log where id = ?').get(id);
}

export function lastStoredLine(conn: Database.Database): StoredAuditLine | undefined {
  return conn
    .prepare<[], StoredAuditLine>('select * from audit_log order by id desc limit 1')
    .get();
}

export function storedChainHead(
  conn: Database.Database,
): { lastId: number; lastHash: string } | undefined {
  return conn
    .prepare<[], { lastId: number; lastHash: string }>(
      'select last_id as lastId, last_hash as lastHash from audit_chain_head where id = 1',
    )
    .get();
}

export function auditLogColumns(conn: Database.Database): string[] {
  return conn
    .prepare<[string], { name: string }>('select name from pragma_table_info(?)')
    .all('audit_log')
    .map((c) => c.name);
}

// ---------------------------------------------------------------------------------------------
// The admin's page of the log: keyset-paged by id, newest first.

export type AuditFilter = {
  action?: string;
  entityType?: string;
  entityId?: string;
  actorUserId?: number;
  from?: Date;
  to?: Date;
  /** Lines older than this id (the next page), or newer than `after` (the previous page). */
  before?: number;
  after?: number;
  pageSize: number;
};

const entityUsers = alias(users, 'entity_users');

export function listAuditPage(filter: AuditFilter) {
  const conditions: SQL[] = [];
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.entityType) conditions.push(eq(auditLog.entityType, filter.entityType));
  if (filter.entityId) conditions.push(eq(auditLog.entityId, filter.entityId));
  if (filter.actorUserId) conditions.push(eq(auditLog.actorUserId, filter.actorUserId));
  if (filter.from) conditions.push(gte(auditLog.createdAt, filter.from));
  if (filter.to) conditions.push(lt(auditLog.createdAt, filter.to));
  const backwards = readsBackwards(filter);
  if (filter.before !== undefined) conditions.push(lt(auditLog.id, filter.before));
  if (backwards) conditions.push(gt(auditLog.id, filter.after!));
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
      entityUserName: entityUsers.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(
      entityUsers,
      and(
        eq(auditLog.entityType, 'user'),
        eq(entityUsers.id, sql`cast(${auditLog.entityId} as integer)`),
      ),
    )
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(backwards ? asc(auditLog.id) : desc(auditLog.id))
    // One more than a page says whether there is another page, without counting the table.
    .limit(filter.pageSize + 1)
    .all();
  return keysetPage(rows, filter.pageSize, filter);
}
