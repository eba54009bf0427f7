// Backups that are proven: taken while another process writes, restored into new paths, and every
// write acknowledged before the backup started is found in the copy, whose integrity and audit
// chain check out. A tampered backup is refused; only the newest N backups are kept.
import { execFile, fork, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sqlite } from '~db/client';
import { restoreBackup } from '~/services/backup-restore.server';
import { writeAuditCheckpoint } from '~/services/audit-integrity.server';
import {
  DATABASE_FILE,
  MANIFEST_FILE,
  createBackup,
  listBackups,
  startBackupSchedule,
  type BackupManifest,
} from '~/services/backups.server';

let work: string;
let uploadsDir: string;
let backupDir: string;

beforeEach(() => {
  work = fs.mkdtempSync(path.resolve('test-results/vitest-db/backups-'));
  uploadsDir = path.join(work, 'uploads');
  backupDir = path.join(work, 'backups');
  fs.mkdirSync(path.join(uploadsDir, 'nested'), { recursive: true });
  fs.writeFileSync(path.join(uploadsDir, 'quote-1'), crypto.randomBytes(4096));
  fs.writeFileSync(path.join(uploadsDir, 'nested', 'photo-2'), crypto.randomBytes(1024));
});

afterEach(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

type WriterMessage = { ack: number } | { holding: [number, number] };

/** The writer process and the ids it acknowledged (each sent only after its commit). */
function startWriter() {
  const acked: number[] = [];
  const waiters: Array<{ until: (m: WriterMessage) => boolean; resolve: () => void }> = [];
  let holding: [number, number] | null = null;
  const child: ChildProcess = fork(path.resolve('tests/support/backup-load-writer.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: process.env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  child.on('message', (message: WriterMessage) => {
    if ('ack' in message) acked.push(message.ack);
    else holding = message.holding;
    for (const waiter of [...waiters]) {
      if (waiter.until(message)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  });
  const next = (until: (m: WriterMessage) => boolean) =>
    new Promise<void>((resolve) => waiters.push({ until, resolve }));
  return {
    acked,
    holding: () => holding,
    /** Resolves once `count` writes are acknowledged in all (a sync point, not a delay). */
    acks: (count: number) =>
      acked.length >= count ? Promise.resolve() : next(() => acked.length >= count),
    hold: async () => {
      const held = next((m) => 'holding' in m);
      child.send('hold');
      await held;
    },
    release: () => child.send('release'),
    stop: async () => {
      // A writer still holding its transaction (a failed test) commits first, then ends.
      child.send('release');
      child.send('stop');
      return exited;
    },
  };
}

function restoredIds(databasePath: string, ids: number[]): Set<number> {
  const conn = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    const found = conn
      .prepare<[string], { id: number }>(
        'select id from audit_log where id in (select value from json_each(?))',
      )
      .all(JSON.stringify(ids));
    return new Set(found.map((row) => row.id));
  } finally {
    conn.close();
  }
}

function readManifest(dir: string): BackupManifest {
  return JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')) as BackupManifest;
}

describe('a backup taken under write load', () => {
  it('restores with every write acknowledged before it started, and passes integrity and audit checks', async () => {
    writeAuditCheckpoint('manual');
    const writer = startWriter();
    try {
      await writer.acks(40);
      const ackedBefore = [...writer.acked];
      const started = writer.acked.length;
      const { dir, manifest } = await createBackup({ backupDir, uploadsDir });
      // The writer went on committing while the backup ran; let it commit a few more after.
      await writer.acks(started + 20);

      const target = path.join(work, 'restored');
      const report = await restoreBackup({
        backupDir: dir,
        databasePath: path.join(target, 'ishenim.db'),
      });
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
      expect(report.ok).toBe(true);
      expect(report.audit).toMatchObject({ ok: true });
      expect(report.checks.map((c) => c.name)).toEqual([
        'manifest',
        'backup checksums',
        'new paths',
        'restored checksums',
        'integrity',
        'migrations',
        'row counts',
        'audit chain',
      ]);

      const found = restoredIds(report.databasePath, ackedBefore);
      expect(ackedBefore.filter((id) => !found.has(id))).toEqual([]);
      expect(manifest.database.auditLines).toBeGreaterThanOrEqual(Math.max(...ackedBefore));
      // The uploads came along, byte for byte.
      for (const file of ['quote-1', 'nested/photo-2']) {
        expect(fs.readFileSync(path.join(report.uploadsDir, file))).toEqual(
          fs.readFileSync(path.join(uploadsDir, file)),
        );
      }
      expect(manifest.files.map((f) => f.path)).toEqual(
        expect.arrayContaining([DATABASE_FILE, 'uploads/quote-1', 'uploads/nested/photo-2']),
      );
      expect(manifest.files.some((f) => f.path.startsWith('audit-checkpoints/'))).toBe(true);
    } finally {
      expect(await writer.stop()).toBe(0);
    }
  });

  it('does not wait for a writer holding a transaction open, and leaves out its uncommitted line and checkpoint', async () => {
    const writer = startWriter();
    try {
      await writer.acks(10);
      await writer.hold();
      const ackedBefore = [...writer.acked];
      const [heldLine, heldCheckpoint] = writer.holding()!;

      // The writer holds the write lock and has already written its checkpoint file, naming a
      // line the backup's snapshot cannot contain: that file must stay out of the backup.
      const { dir, manifest } = await createBackup({ backupDir, uploadsDir });
      writer.release();
      await writer.acks(ackedBefore.length + 2 + 10);

      expect(manifest.database.auditLines).toBeLessThan(heldLine);
      const report = await restoreBackup({
        backupDir: dir,
        databasePath: path.join(work, 'restored', 'ishenim.db'),
      });
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
      const found = restoredIds(report.databasePath, [...ackedBefore, heldLine, heldCheckpoint]);
      expect(ackedBefore.filter((id) => !found.has(id))).toEqual([]);
      expect(found.has(heldLine)).toBe(false);
      expect(found.has(heldCheckpoint)).toBe(false);
    } finally {
      expect(await writer.stop()).toBe(0);
    }
  });
});

describe('restore refuses', () => {
  it('a backup with a tampered file, before writing anything', async () => {
    const { dir } = await createBackup({ backupDir, uploadsDir });
    const upload = path.join(dir, 'uploads', 'quote-1');
    const bytes = fs.readFileSync(upload);
    bytes[100] = bytes[100]! ^ 0xff;
    fs.writeFileSync(upload, bytes);

    const databasePath = path.join(work, 'restored', 'ishenim.db');
    const report = await restoreBackup({ backupDir: dir, databasePath });
    expect(report.ok).toBe(false);
    expect(report.restored).toBe(false);
    expect(report.checks.at(-1)).toMatchObject({
      name: 'backup checksums',
      ok: false,
      detail: expect.stringContaining('uploads/quote-1 (checksum differs)'),
    });
    expect(fs.existsSync(databasePath)).toBe(false);
  });

  it('a database whose audit log was altered, even with a manifest rewritten to match', async () => {
    writeAuditCheckpoint('manual');
    writeAuditCheckpoint('manual');
    const { dir } = await createBackup({ backupDir, uploadsDir });
    const copy = path.join(dir, DATABASE_FILE);
    const conn = new Database(copy);
    // As an attacker with write access would: the app's append-only trigger dropped first.
    conn.exec('drop trigger audit_log_no_update');
    conn.prepare('update audit_log set after = \'{"reason":"start"}\' where id = 1').run();
    conn.close();
    const manifest = readManifest(dir);
    const sha256 = crypto.createHash('sha256').update(fs.readFileSync(copy)).digest('hex');
    const size = fs.statSync(copy).size;
    manifest.database = { ...manifest.database, sha256, size };
    manifest.files = manifest.files.map((f) =>
      f.path === DATABASE_FILE ? { ...f, sha256, size } : f,
    );
    fs.writeFileSync(path.join(dir, MANIFEST_FILE), JSON.stringify(manifest));

    const report = await restoreBackup({
      backupDir: dir,
      databasePath: path.join(work, 'restored', 'ishenim.db'),
    });
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.name === 'backup checksums')?.ok).toBe(true);
    expect(report.checks.find((c) => c.name === 'audit chain')).toMatchObject({ ok: false });
    expect(report.audit).toMatchObject({ ok: false, problem: 'altered', lineId: 1 });
  });

  it('to overwrite an existing database', async () => {
    const { dir } = await createBackup({ backupDir, uploadsDir });
    const databasePath = path.join(work, 'existing.db');
    fs.writeFileSync(databasePath, 'precious');
    const report = await restoreBackup({ backupDir: dir, databasePath });
    expect(report).toMatchObject({ ok: false, restored: false });
    expect(report.checks.at(-1)).toMatchObject({ name: 'new paths', ok: false });
    expect(fs.readFileSync(databasePath, 'utf8')).toBe('precious');
  });
});

describe('keeping the last N backups', () => {
  it('removes the oldest only, and only once a new backup is complete', async () => {
    const at = (day: number) => new Date(Date.UTC(2026, 11, day, 3, 0, 0));
    const names: string[] = [];
    for (const day of [1, 2, 3]) {
      names.push(
        path.basename((await createBackup({ backupDir, uploadsDir, keep: 3, now: at(day) })).dir),
      );
    }
    expect(listBackups(backupDir)).toEqual(names);

    // A backup that fails (its source connection is closed) removes nothing and leaves no
    // half-written folder.
    const closed = new Database(':memory:');
    closed.close();
    await expect(
      createBackup({ conn: closed, backupDir, uploadsDir, keep: 3, now: at(4) }),
    ).rejects.toThrow();
    expect(fs.readdirSync(backupDir).sort()).toEqual(names);

    const fourth = await createBackup({ backupDir, uploadsDir, keep: 3, now: at(4) });
    expect(fourth.removed).toEqual([names[0]]);
    expect(listBackups(backupDir)).toEqual([names[1], names[2], path.basename(fourth.dir)]);

    // A half-written folder of a run killed two days before goes with the next backup.
    const abandoned = path.join(backupDir, '.partial-ishenim-killed-run');
    fs.mkdirSync(abandoned);
    fs.utimesSync(abandoned, at(3), at(3));
    const fifth = await createBackup({ backupDir, uploadsDir, keep: 2, now: at(5) });
    expect(fifth.removed).toEqual([names[1], names[2], '.partial-ishenim-killed-run']);
    expect(fs.existsSync(abandoned)).toBe(false);
    expect(listBackups(backupDir)).toEqual([path.basename(fourth.dir), path.basename(fifth.dir)]);
  });
});

// The live connection is the test's own; nothing here may leave it in a transaction.
afterEach(() => {
  expect(sqlite.inTransaction).toBe(false);
});

describe('scheduled backups', () => {
  it('are off by default, and a round never starts while the last one runs', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const off = startBackupSchedule(0, { backupDir, uploadsDir });
      vi.advanceTimersByTime(48 * 60 * 60_000);
      await off();
      expect(listBackups(backupDir)).toEqual([]);

      const stop = startBackupSchedule(6, { backupDir, uploadsDir });
      vi.advanceTimersByTime(6 * 60 * 60_000);
      // The first round is still copying (it needs the event loop); the next tick is skipped.
      vi.advanceTimersByTime(6 * 60 * 60_000);
      await stop();
      expect(listBackups(backupDir)).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the npm scripts', () => {
  const tsx = path.resolve('node_modules/.bin/tsx');
  const run = (script: string, args: string[]) =>
    new Promise<{ code: number | null; out: string }>((resolve) => {
      execFile(
        tsx,
        [path.resolve(script), ...args],
        { env: { ...process.env, BACKUP_DIR: backupDir, UPLOADS_PATH: uploadsDir } },
        (error, stdout, stderr) =>
          resolve({ code: error ? (error.code as number) : 0, out: stdout + stderr }),
      );
    });

  it('back up and restore, and a tampered backup exits 1', async () => {
    writeAuditCheckpoint('manual');
    const backup = await run('scripts/backup.ts', []);
    expect(backup.out).toContain('written to');
    expect(backup.code).toBe(0);
    const [name] = listBackups(backupDir);
    const dir = path.join(backupDir, name!);

    const good = await run('scripts/restore.ts', [dir, path.join(work, 'a', 'ishenim.db')]);
    expect(good.out).toContain('Restore OK');
    expect(good.out).not.toContain('FAIL');
    expect(good.code).toBe(0);

    const again = await run('scripts/restore.ts', [dir, path.join(work, 'a', 'ishenim.db')]);
    expect(again.out).toContain('refusing to overwrite');
    expect(again.code).toBe(1);

    fs.appendFileSync(path.join(dir, DATABASE_FILE), 'x');
    const tampered = await run('scripts/restore.ts', [dir, path.join(work, 'b', 'ishenim.db')]);
    expect(tampered.out).toContain('FAIL  backup checksums');
    expect(tampered.code).toBe(1);
    expect(fs.existsSync(path.join(work, 'b'))).toBe(false);
  });
});
