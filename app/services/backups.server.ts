// Backups that are proven: a consistent copy of the database taken while the server runs (SQLite's
// online backup API, never a file copy of a WAL database), the uploads and the audit checkpoints
// that copy's log has reached, with a manifest of sizes and SHA-256 checksums. A backup is written
// into a temporary folder and renamed when complete; only then are the oldest ones removed.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { MIGRATIONS_FOLDER, sqlite } from '~db/client';
import { checkpointDir, checkpointFileNames } from '~/utils/audit-checkpoints.server';
import { env } from '~/utils/env.server';
import { readSetting } from './settings.server';

export const MANIFEST_FILE = 'manifest.json';
export const DATABASE_FILE = 'database.sqlite';
export const UPLOADS_FOLDER = 'uploads';
export const CHECKPOINTS_FOLDER = 'audit-checkpoints';
const BACKUP_NAME = /^ishenim-\d{8}T\d{9}Z$/;

export type ManifestFile = { path: string; size: number; sha256: string };

export type MigrationRecord = { hash: string; createdAt: number };

export type BackupManifest = {
  format: 'ishenim-backup';
  formatVersion: 1;
  createdAt: string;
  app: { name: string; version: string | null; migrations: number; lastMigration: string | null };
  database: {
    path: string;
    size: number;
    sha256: string;
    /** The migrations the copy records (drizzle's table), in order. */
    migrations: MigrationRecord[];
    /** Rows of every table in the copy. */
    rowCounts: Record<string, number>;
    auditLines: number;
  };
  /** Every file of the backup but the manifest, the database included; paths use '/'. */
  files: ManifestFile[];
};

export type BackupResult = { dir: string; manifest: BackupManifest; removed: string[] };

export type BackupOptions = {
  /** The live connection to copy from (the app's own by default). */
  conn?: Database.Database;
  backupDir?: string;
  uploadsDir?: string;
  checkpointDir?: string;
  keep?: number;
  now?: Date;
};

export async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export function backupName(now: Date): string {
  return `ishenim-${now.toISOString().replace(/[-:.]/g, '')}`;
}

/** Complete backups in `dir`, oldest first (their names sort by time). */
export function listBackups(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && BACKUP_NAME.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/** Removes all but the newest `keep` complete backups; returns the names removed. */
export function pruneBackups(dir: string, keep: number): string[] {
  const names = listBackups(dir);
  const removed = names.slice(0, Math.max(0, names.length - keep));
  for (const name of removed) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
  return removed;
}

/**
 * Half-written backups left by a run that was killed (its temporary folder never renamed). One a
 * day old cannot belong to a run still going, which takes minutes at most.
 */
export function removeAbandonedBackups(dir: string, now: Date): string[] {
  if (!fs.existsSync(dir)) return [];
  const dayAgo = now.getTime() - 24 * 60 * 60_000;
  const abandoned = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter(
      (entry) =>
        entry.isDirectory() &&
        entry.name.startsWith('.partial-') &&
        fs.statSync(path.join(dir, entry.name)).mtimeMs < dayAgo,
    )
    .map((entry) => entry.name);
  for (const name of abandoned) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
  return abandoned;
}

/** The files under `dir`, relative, with '/' separators, sorted. */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    )
    .sort();
}

export function migrationRecords(conn: Database.Database): MigrationRecord[] {
  const table = conn
    .prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
    .get();
  if (!table) return [];
  return conn
    .prepare<[], { hash: string; createdAt: number }>(
      'select hash, created_at as createdAt from __drizzle_migrations order by id',
    )
    .all()
    .map((m) => ({ hash: m.hash, createdAt: Number(m.createdAt) }));
}

export function tableRowCounts(conn: Database.Database): Record<string, number> {
  const tables = conn
    .prepare<[], { name: string }>(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
    )
    .all();
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const row = conn
      .prepare<[], { n: number }>(`select count(*) as n from "${name.replace(/"/g, '""')}"`)
      .get();
    counts[name] = row?.n ?? 0;
  }
  return counts;
}

function appVersion(): BackupManifest['app'] {
  const pkg = JSON.parse(fs.readFileSync(path.resolve('package.json'), 'utf8')) as {
    name?: string;
    version?: string;
  };
  const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  const journal = JSON.parse(
    fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8'),
  ) as { entries: Array<{ tag: string }> };
  return {
    name: pkg.name ?? 'ishenim',
    version: pkg.version ?? null,
    migrations: migrations.length,
    lastMigration: journal.entries.at(-1)?.tag ?? null,
  };
}

/**
 * The online backup API, all pages in one step: the step reads one snapshot under a read
 * transaction, which in WAL mode never blocks the server's writers. Copying in small steps would
 * restart from the first page each time another process (the server, when `npm run backup` runs
 * beside it) commits, and under steady writes might never finish.
 */
async function copyDatabase(conn: Database.Database, target: string) {
  await conn.backup(target, { progress: () => 0x7fffffff });
  // The copy keeps the live file's WAL flag; as a single self-contained file it is opened
  // read-only (row counts, restore checks) without -wal/-shm files beside it.
  const copy = new Database(target);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

async function copyFiles(from: string, to: string, names: string[]) {
  for (const name of names) {
    const target = path.join(to, name);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    await fs.promises.copyFile(path.join(from, name), target, fs.constants.COPYFILE_EXCL);
  }
}

async function describeFiles(root: string): Promise<ManifestFile[]> {
  const files: ManifestFile[] = [];
  for (const name of filesUnder(root)) {
    const full = path.join(root, name);
    files.push({ path: name, size: fs.statSync(full).size, sha256: await sha256File(full) });
  }
  return files;
}

/**
 * Makes one backup. The order matters: the database first; then the checkpoints its audit log
 * has reached (a newer one would wrongly say the copy lost lines); then the uploads (a file is
 * stored before its row commits, so every file the copy names is already there).
 */
export async function createBackup(options: BackupOptions = {}): Promise<BackupResult> {
  const conn = options.conn ?? sqlite;
  const backupRoot = path.resolve(options.backupDir ?? env.BACKUP_DIR);
  const uploads = path.resolve(options.uploadsDir ?? env.UPLOADS_PATH);
  const checkpoints = path.resolve(options.checkpointDir ?? checkpointDir());
  // The programme setting, BACKUP_KEEP until an admin sets it.
  const keep = options.keep ?? readSetting('backupKeep');
  const now = options.now ?? new Date();

  const name = backupName(now);
  fs.mkdirSync(backupRoot, { recursive: true });
  const temporary = fs.mkdtempSync(path.join(backupRoot, `.partial-${name}-`));
  try {
    const databaseFile = path.join(temporary, DATABASE_FILE);
    await copyDatabase(conn, databaseFile);

    const copy = new Database(databaseFile, { readonly: true, fileMustExist: true });
    let integrity: string;
    let migrations: MigrationRecord[];
    let rowCounts: Record<string, number>;
    let auditLines: number;
    try {
      integrity = String(copy.pragma('integrity_check', { simple: true }));
      migrations = migrationRecords(copy);
      rowCounts = tableRowCounts(copy);
      auditLines =
        copy.prepare<[], { n: number | null }>('select max(id) as n from audit_log').get()?.n ?? 0;
    } finally {
      copy.close();
    }
    if (integrity !== 'ok') throw new Error(`The copy failed its integrity check: ${integrity}`);

    const reached = checkpointFileNames(checkpoints).filter(
      (file) => Number(file.slice('checkpoint-'.length, 'checkpoint-'.length + 12)) <= auditLines,
    );
    await copyFiles(checkpoints, path.join(temporary, CHECKPOINTS_FOLDER), reached);
    await copyFiles(uploads, path.join(temporary, UPLOADS_FOLDER), filesUnder(uploads));

    const files = await describeFiles(temporary);
    const database = files.find((f) => f.path === DATABASE_FILE)!;
    const manifest: BackupManifest = {
      format: 'ishenim-backup',
      formatVersion: 1,
      createdAt: now.toISOString(),
      app: appVersion(),
      database: { ...database, migrations, rowCounts, auditLines },
      files,
    };
    writeSynced(path.join(temporary, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
    const dir = path.join(backupRoot, name);
    fs.renameSync(temporary, dir);
    const removed = pruneBackups(backupRoot, keep);
    return { dir, manifest, removed: [...removed, ...removeAbandonedBackups(backupRoot, now)] };
  } catch (error) {
    fs.rmSync(temporary, { recursive: true, force: true });
    throw error;
  }
}

function writeSynced(file: string, body: string) {
  const fd = fs.openSync(file, 'wx');
  try {
    fs.writeSync(fd, body);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** How often the schedule looks at its interval: a changed setting applies within this. */
export const BACKUP_SCHEDULE_TICK_MS = 60_000;

/**
 * A backup every so many hours in the server process: by default the programme setting
 * `backupIntervalHours` (BACKUP_INTERVAL_HOURS until an admin sets it), read again every minute so
 * a change applies without a restart; 0 makes none. A fixed number given here is used as it is
 * (0: no schedule at all). A round never starts while the last one runs. Returns a stop function
 * that waits for a running backup.
 */
export function startBackupSchedule(
  intervalHours: number | (() => number) = () => readSetting('backupIntervalHours'),
  options: Omit<BackupOptions, 'now'> = {},
): () => Promise<void> {
  if (typeof intervalHours === 'number' && !(intervalHours > 0)) return async () => {};
  const hoursNow = typeof intervalHours === 'number' ? () => intervalHours : intervalHours;
  let running: Promise<unknown> | null = null;
  // Counted in ticks rather than read from the clock, so a changed interval counts from the last
  // backup (or the start) and a clock set back never stops the schedule.
  let sinceLastMs = 0;
  const tick = () => {
    sinceLastMs += BACKUP_SCHEDULE_TICK_MS;
    let hours: number;
    try {
      hours = hoursNow();
    } catch (error) {
      console.warn('Backup schedule: could not read its interval:', error);
      return;
    }
    // While off, nothing is owed: switched on, the first backup comes a whole interval later.
    if (!(hours > 0)) sinceLastMs = 0;
    if (!(hours > 0) || sinceLastMs < hours * 60 * 60_000) return;
    sinceLastMs = 0;
    if (running) return;
    running = createBackup(options)
      .then((result) => console.info(`Backup written: ${result.dir}`))
      .catch((error: unknown) => console.warn('Backup failed:', error))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, BACKUP_SCHEDULE_TICK_MS);
  timer.unref();
  console.info(
    `Backups: every ${hoursNow()} h (0: none) into ${path.resolve(options.backupDir ?? env.BACKUP_DIR)}; the interval is a programme setting.`,
  );
  return async () => {
    clearInterval(timer);
    await running;
  };
}
