// Someone who can write the database file (but does not hold AUDIT_KEY) tampers with a copy of
// it in each of these ways; every one is found, by the full check and at the line it names.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { databasePath, sqlite, writeTransaction } from '~db/client';
import {
  GENESIS_MAC,
  appendAudit,
  auditLineMac,
  type StoredAuditLine,
} from '~/models/audit.server';
import {
  introduceAuditKey,
  quickAuditVerdict,
  verifyAuditLog,
  writeAuditCheckpoint,
  type AuditProblem,
} from '~/services/audit-integrity.server';
import { writeCheckpointFile } from '~/utils/audit-checkpoints.server';
import { resetDatabase } from '../support/reset-database';

const KEY = process.env.AUDIT_KEY!;
const GUESSED_KEY = 'a-key-the-attacker-made-up-000';
const work = `${databasePath()}.tamper`;

let copies = 0;

beforeEach(() => {
  resetDatabase();
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

const T0 = Date.UTC(2026, 0, 10, 6, 0, 0);

function appendLines(from: number, count: number) {
  for (let i = from; i < from + count; i += 1) {
    writeTransaction((tx) =>
      appendAudit(
        tx,
        {
          actorUserId: 10 + (i % 3),
          action: i % 2 ? 'application.screened' : 'user.roles-changed',
          entityType: i % 2 ? 'application' : 'user',
          entityId: 100 + i,
          before: { status: 'submitted', n: i },
          after: { status: 'eligible', n: i },
          ipAddress: `203.0.113.${i}`,
        },
        { now: new Date(T0 + i * 1000) },
      ),
    );
  }
}

/** A copy of the live database and its checkpoints, the app's triggers dropped as an attacker would. */
function copyOfLog(): { conn: Database.Database; dir: string } {
  copies += 1;
  const file = path.join(work, `copy-${copies}.db`);
  sqlite.exec(`vacuum into '${file}'`);
  const dir = path.join(work, `audit-${copies}`);
  fs.cpSync(process.env.AUDIT_CHECKPOINT_DIR!, dir, { recursive: true });
  const conn = new Database(file);
  conn.exec('drop trigger audit_log_no_update; drop trigger audit_log_no_delete;');
  return { conn, dir };
}

const lines = (conn: Database.Database) =>
  conn.prepare<[], StoredAuditLine>('select * from audit_log order by id').all();

function legacyHash(line: StoredAuditLine) {
  const fields = [
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
  ];
  return crypto.createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

function moveHead(conn: Database.Database) {
  const last = conn
    .prepare<[], { id: number; hash: string }>('select id, hash from audit_log order by id desc')
    .get();
  conn.exec('delete from audit_chain_head');
  if (last) {
    conn
      .prepare('insert into audit_chain_head (id, last_id, last_hash) values (1, ?, ?)')
      .run(last.id, last.hash);
  }
}

/** Recomputes every MAC from `fromId` on (with a guessed key, or unkeyed) and moves the head. */
function rechain(conn: Database.Database, fromId: number, scheme: 'unkeyed' | { key: string }) {
  const all = lines(conn);
  let prev = all.find((l) => l.id === fromId - 1)?.hash ?? GENESIS_MAC;
  for (const line of all.filter((l) => l.id >= fromId)) {
    const next = { ...line, prev_hash: prev, mac_version: scheme === 'unkeyed' ? 1 : 2 };
    next.hash = scheme === 'unkeyed' ? legacyHash(next) : auditLineMac(next, scheme.key);
    conn
      .prepare('update audit_log set prev_hash = ?, hash = ?, mac_version = ? where id = ?')
      .run(next.prev_hash, next.hash, next.mac_version, line.id);
    prev = next.hash as string;
  }
  moveHead(conn);
}

/** Appends a line the way the app would, with the given key (the real one: the app after a restore). */
function appendRaw(conn: Database.Database, key: string, action = 'user.signed-in') {
  const head = lines(conn).at(-1);
  const line: StoredAuditLine = {
    id: (head?.id ?? 0) + 1,
    actor_user_id: 1,
    action,
    entity_type: 'user',
    entity_id: '1',
    before: null,
    after: null,
    ip_address: '198.51.100.9',
    created_at: T0 + 999_000,
    prev_hash: head?.hash ?? GENESIS_MAC,
    hash: null,
    mac_version: 2,
  };
  line.hash = key === 'unkeyed' ? legacyHash({ ...line, mac_version: 1 }) : auditLineMac(line, key);
  conn
    .prepare(
      'insert into audit_log (id, actor_user_id, action, entity_type, entity_id, before, after, ip_address, created_at, prev_hash, hash, mac_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(
      line.id,
      line.actor_user_id,
      line.action,
      line.entity_type,
      line.entity_id,
      line.before,
      line.after,
      line.ip_address,
      line.created_at,
      line.prev_hash,
      line.hash,
      key === 'unkeyed' ? 1 : 2,
    );
  moveHead(conn);
}

function checkpointFiles(dir: string) {
  return fs.readdirSync(dir).filter((name) => name.endsWith('.json'));
}

/**
 * The log used by every case: 16 lines, checkpoints at lines 7 and 13, and an older copy of the
 * database taken at line 10 (before the second checkpoint).
 */
let olderCopy = '';
function buildLog() {
  appendLines(1, 6);
  writeAuditCheckpoint('start', { now: new Date(T0 + 7_000) });
  appendLines(8, 3);
  olderCopy = path.join(work, 'older.db');
  sqlite.exec(`vacuum into '${olderCopy}'`);
  appendLines(11, 2);
  writeAuditCheckpoint('hourly', { now: new Date(T0 + 13_000) });
  appendLines(14, 3);
}

function openOlderCopy(): Database.Database {
  const conn = new Database(olderCopy);
  conn.exec('drop trigger audit_log_no_update; drop trigger audit_log_no_delete;');
  return conn;
}

type Case = {
  name: string;
  /** Tampers with the copy; may return another connection (a restored file). */
  tamper: (conn: Database.Database, dir: string) => Database.Database | void;
  problem: AuditProblem;
  lineId?: number | null;
};

function update(conn: Database.Database, sql: string): void {
  conn.prepare(sql).run();
}

const cases: Case[] = [
  {
    name: 'a field edited, not re-chained',
    tamper: (c) => update(c, `update audit_log set after = '{"status":"awarded"}' where id = 3`),
    problem: 'altered',
    lineId: 3,
  },
  {
    name: 'a field edited and the chain recomputed with a guessed key',
    tamper: (c) => {
      update(c, `update audit_log set after = '{"status":"awarded"}' where id = 3`);
      rechain(c, 3, { key: GUESSED_KEY });
    },
    problem: 'altered',
    lineId: 3,
  },
  {
    name: 'a field edited and the chain recomputed as unkeyed SHA-256',
    tamper: (c) => {
      update(c, `update audit_log set after = '{"status":"awarded"}' where id = 3`);
      rechain(c, 3, 'unkeyed');
    },
    problem: 'altered',
    lineId: 3,
  },
  {
    name: 'the whole log rewritten with a guessed key',
    tamper: (c) => rechain(c, 1, { key: GUESSED_KEY }),
    problem: 'altered',
    lineId: 1,
  },
  {
    name: 'the whole log rewritten as a valid unkeyed chain',
    tamper: (c) => rechain(c, 1, 'unkeyed'),
    problem: 'checkpoint-diverged',
    lineId: 7,
  },
  {
    name: 'the tail deleted and the head moved back',
    tamper: (c) => {
      update(c, 'delete from audit_log where id > 10');
      moveHead(c);
    },
    problem: 'missing-tail',
    lineId: 11,
  },
  {
    name: 'the newest line deleted, the head left',
    tamper: (c) => update(c, 'delete from audit_log where id = 16'),
    problem: 'head-mismatch',
    lineId: 16,
  },
  {
    name: 'a forged line appended (guessed key)',
    tamper: (c) => appendRaw(c, GUESSED_KEY),
    problem: 'altered',
    lineId: 17,
  },
  {
    name: 'a forged unkeyed line appended',
    tamper: (c) => appendRaw(c, 'unkeyed'),
    problem: 'altered',
    lineId: 17,
  },
  {
    name: 'every line and the head deleted',
    tamper: (c) => {
      update(c, 'delete from audit_log');
      update(c, 'delete from audit_chain_head');
    },
    problem: 'empty-log',
    lineId: 1,
  },
  {
    name: 'every line deleted, the head left',
    tamper: (c) => update(c, 'delete from audit_log'),
    problem: 'head-mismatch',
    lineId: 1,
  },
  {
    name: 'created_at moved by half a millisecond',
    tamper: (c) => update(c, 'update audit_log set created_at = created_at + 0.5 where id = 5'),
    problem: 'altered',
    lineId: 5,
  },
  {
    name: 'created_at moved by one millisecond',
    tamper: (c) => update(c, 'update audit_log set created_at = created_at - 1 where id = 5'),
    problem: 'altered',
    lineId: 5,
  },
  {
    name: 'the actor changed',
    tamper: (c) => update(c, 'update audit_log set actor_user_id = 99 where id = 4'),
    problem: 'altered',
    lineId: 4,
  },
  {
    name: 'the actor erased (made the system)',
    tamper: (c) => update(c, 'update audit_log set actor_user_id = null where id = 4'),
    problem: 'altered',
    lineId: 4,
  },
  {
    name: 'the entity id changed',
    tamper: (c) => update(c, `update audit_log set entity_id = '999' where id = 6`),
    problem: 'altered',
    lineId: 6,
  },
  {
    name: 'the entity id stored as bytes (BLOB) instead of text',
    tamper: (c) =>
      update(c, `update audit_log set entity_id = cast(x'313036' as blob) where id = 6`),
    problem: 'altered',
    lineId: 6,
  },
  {
    name: 'the action changed',
    tamper: (c) => update(c, `update audit_log set action = 'user.signed-in' where id = 9`),
    problem: 'altered',
    lineId: 9,
  },
  {
    name: 'the address erased',
    tamper: (c) => update(c, 'update audit_log set ip_address = null where id = 2'),
    problem: 'altered',
    lineId: 2,
  },
  {
    name: 'a link (prev_hash) changed',
    tamper: (c) => update(c, `update audit_log set prev_hash = '${'e'.repeat(64)}' where id = 8`),
    problem: 'altered',
    lineId: 8,
  },
  {
    name: 'a keyed line downgraded to the unkeyed scheme',
    tamper: (c) => update(c, 'update audit_log set mac_version = 1 where id = 12'),
    problem: 'altered',
    lineId: 12,
  },
  {
    name: 'lines reordered (4, 5, 6 rotated, each with its own MAC)',
    tamper: (c) => {
      update(c, 'update audit_log set id = id + 1000 where id in (4, 5, 6)');
      update(c, 'update audit_log set id = 5 where id = 1004');
      update(c, 'update audit_log set id = 6 where id = 1005');
      update(c, 'update audit_log set id = 4 where id = 1006');
    },
    problem: 'altered',
    lineId: 4,
  },
  {
    name: 'two lines swapped',
    tamper: (c) => {
      update(c, 'update audit_log set id = 1000 where id = 5');
      update(c, 'update audit_log set id = 5 where id = 9');
      update(c, 'update audit_log set id = 9 where id = 1000');
    },
    problem: 'altered',
    lineId: 5,
  },
  {
    name: 'a line in the middle deleted',
    tamper: (c) => update(c, 'delete from audit_log where id = 6'),
    problem: 'missing-line',
    lineId: 6,
  },
  {
    name: 'the head row edited',
    tamper: (c) => update(c, `update audit_chain_head set last_hash = '${'a'.repeat(64)}'`),
    problem: 'head-mismatch',
    lineId: 17,
  },
  {
    name: 'an older copy of the database restored (newer checkpoint on disk)',
    tamper: () => openOlderCopy(),
    problem: 'missing-tail',
    lineId: 11,
  },
  {
    name: 'an older copy restored, then the app wrote past the newer checkpoint',
    tamper: () => {
      const restored = openOlderCopy();
      for (let i = 0; i < 8; i += 1) appendRaw(restored, KEY);
      return restored;
    },
    problem: 'checkpoint-diverged',
    lineId: 13,
  },
  {
    name: 'a checkpoint file forged without the key',
    tamper: (_c, dir) =>
      void writeCheckpointFile(
        dir,
        { count: 20, lastMac: 'f'.repeat(64), at: new Date(T0 + 60_000).toISOString() },
        GUESSED_KEY,
      ),
    problem: 'checkpoint-forged',
    lineId: null,
  },
  {
    name: 'the tail cut and a checkpoint forged to match it',
    tamper: (c, dir) => {
      update(c, 'delete from audit_log where id > 10');
      moveHead(c);
      const newest = checkpointFiles(dir).sort().at(-1)!;
      fs.rmSync(path.join(dir, newest));
      const last = lines(c).at(-1)!;
      writeCheckpointFile(
        dir,
        { count: 10, lastMac: last.hash as string, at: new Date(T0 + 60_000).toISOString() },
        GUESSED_KEY,
      );
    },
    problem: 'checkpoint-forged',
    lineId: null,
  },
  {
    name: 'the newest checkpoint file deleted',
    tamper: (_c, dir) => fs.rmSync(path.join(dir, checkpointFiles(dir).sort().at(-1)!)),
    problem: 'checkpoint-missing',
    lineId: 13,
  },
  {
    name: 'every checkpoint file deleted and the tail cut',
    tamper: (c, dir) => {
      for (const name of checkpointFiles(dir)) fs.rmSync(path.join(dir, name));
      update(c, 'delete from audit_log where id > 10');
      moveHead(c);
    },
    problem: 'checkpoint-missing',
    lineId: 7,
  },
  {
    name: 'a column added to hold data the MAC does not cover',
    tamper: (c) => update(c, `alter table audit_log add note text default 'see me'`),
    problem: 'columns-changed',
    lineId: null,
  },
];

describe('the audit log against someone who can write the database file', () => {
  test('the untouched log and a copy of it verify', () => {
    buildLog();
    expect(verifyAuditLog()).toMatchObject({ ok: true, lines: 16 });
    const { conn, dir } = copyOfLog();
    expect(verifyAuditLog({ conn, dir })).toMatchObject({ ok: true, lines: 16 });
    expect(quickAuditVerdict({ conn, dir })).toMatchObject({ ok: true, lines: 16 });
    conn.close();
  });

  test(`there are at least 20 kinds of tampering below (${cases.length})`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  test.each(cases)('found: $name', ({ tamper, problem, lineId }) => {
    buildLog();
    const { conn, dir } = copyOfLog();
    const tampered = tamper(conn, dir) ?? conn;
    const verdict = verifyAuditLog({ conn: tampered, dir });
    expect(verdict).toMatchObject({ ok: false, problem });
    if (lineId !== undefined && !verdict.ok) expect(verdict.lineId).toBe(lineId);
    tampered.close();
    if (tampered !== conn) conn.close();
  });
});

describe('the quick verdict a page view shows (head against the newest checkpoint)', () => {
  const quickCases: Array<{ name: string; tamper: Case['tamper']; problem: AuditProblem }> = [
    {
      name: 'tail cut back before the newest checkpoint',
      tamper: (c) => {
        update(c, 'delete from audit_log where id > 10');
        moveHead(c);
      },
      problem: 'missing-tail',
    },
    {
      name: 'emptied',
      tamper: (c) => {
        update(c, 'delete from audit_log');
        update(c, 'delete from audit_chain_head');
      },
      problem: 'empty-log',
    },
    { name: 'older copy restored', tamper: () => openOlderCopy(), problem: 'missing-tail' },
    {
      name: 'newest line forged',
      tamper: (c) => appendRaw(c, GUESSED_KEY),
      problem: 'altered',
    },
    {
      name: 'newest line deleted, head left',
      tamper: (c) => update(c, 'delete from audit_log where id = 16'),
      problem: 'head-mismatch',
    },
    {
      name: 'newest checkpoint forged',
      tamper: (_c, dir) =>
        void writeCheckpointFile(
          dir,
          { count: 20, lastMac: 'f'.repeat(64), at: new Date(T0 + 60_000).toISOString() },
          GUESSED_KEY,
        ),
      problem: 'checkpoint-forged',
    },
    {
      name: 'rewritten as an unkeyed chain',
      tamper: (c) => rechain(c, 1, 'unkeyed'),
      problem: 'unkeyed',
    },
  ];
  test.each(quickCases)('found: $name', ({ tamper, problem }) => {
    buildLog();
    const { conn, dir } = copyOfLog();
    const tampered = tamper(conn, dir) ?? conn;
    expect(quickAuditVerdict({ conn: tampered, dir })).toMatchObject({ ok: false, problem });
    tampered.close();
    if (tampered !== conn) conn.close();
  });
});

describe('a log written before the key (scheme 1, plain SHA-256)', () => {
  function writeUnkeyedLog(conn: Database.Database, count: number) {
    for (let i = 0; i < count; i += 1) appendRaw(conn, 'unkeyed');
  }

  test('is anchored once by a keyed line that records it, and then verifies', () => {
    writeUnkeyedLog(sqlite, 5);
    expect(verifyAuditLog()).toMatchObject({ ok: false, problem: 'unkeyed' });
    expect(introduceAuditKey()).toBe(true);
    expect(introduceAuditKey()).toBe(false);
    const anchor = lines(sqlite).at(-1)!;
    expect(anchor).toMatchObject({ id: 6, action: 'audit.key-introduced', mac_version: 2 });
    expect(JSON.parse(anchor.after as string)).toEqual({
      unkeyedLines: 5,
      unkeyedLinesIntact: true,
    });
    writeAuditCheckpoint('start');
    expect(verifyAuditLog()).toMatchObject({ ok: true, lines: 7 });
  });

  test('an old line rewritten after the anchor is found, even with its SHA-256 recomputed', () => {
    writeUnkeyedLog(sqlite, 5);
    introduceAuditKey();
    writeAuditCheckpoint('start');
    const { conn, dir } = copyOfLog();
    update(conn, `update audit_log set actor_user_id = 2 where id = 2`);
    // Re-chaining the unkeyed part changes line 5's hash, which the keyed anchor links to.
    const all = lines(conn);
    let prev = all[0]!.hash as string;
    for (const line of all.filter((l) => l.id >= 2 && l.id <= 5)) {
      const next = { ...line, prev_hash: prev };
      next.hash = legacyHash(next);
      update(
        conn,
        `update audit_log set prev_hash = '${next.prev_hash}', hash = '${next.hash}' where id = ${line.id}`,
      );
      prev = next.hash as string;
    }
    expect(verifyAuditLog({ conn, dir })).toMatchObject({
      ok: false,
      problem: 'altered',
      lineId: 5,
    });
    conn.close();
  });

  test('keyed lines written before the first start (a seed after the upgrade) still get the record', () => {
    writeUnkeyedLog(sqlite, 3);
    appendLines(1, 2);
    expect(introduceAuditKey()).toBe(true);
    const anchor = lines(sqlite).at(-1)!;
    expect(JSON.parse(anchor.after as string)).toEqual({
      unkeyedLines: 3,
      unkeyedLinesIntact: true,
    });
    expect(verifyAuditLog()).toMatchObject({ ok: true, lines: 6 });
  });

  test('an unkeyed log already altered is anchored with that finding recorded', () => {
    writeUnkeyedLog(sqlite, 4);
    sqlite.exec('drop trigger audit_log_no_update');
    update(sqlite, `update audit_log set action = 'user.signed-out' where id = 2`);
    introduceAuditKey();
    const anchor = lines(sqlite).at(-1)!;
    expect(JSON.parse(anchor.after as string)).toMatchObject({
      unkeyedLines: 4,
      unkeyedLinesIntact: false,
      problem: 'altered',
      lineId: 2,
    });
  });
});
