// Restoring a backup into NEW paths, then proving the result: the backup's files match its
// manifest, the database passes SQLite's integrity check, records the same migrations (all known
// to this code) and row counts, and its audit log verifies against the checkpoints taken with it
// (with AUDIT_KEY, which is never in a backup). Nothing existing is ever overwritten.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { MIGRATIONS_FOLDER } from '~db/client';
import { verifyAuditLog, type AuditVerdict } from '~/services/audit-integrity.server';
import {
  CHECKPOINTS_FOLDER,
  DATABASE_FILE,
  MANIFEST_FILE,
  UPLOADS_FOLDER,
  migrationRecords,
  sha256File,
  tableRowCounts,
  type BackupManifest,
  type ManifestFile,
} from '~/services/backups.server';
import { env } from '~/utils/env.server';

export type RestoreCheck = { name: string; ok: boolean; detail: string };

export type RestoreReport = {
  ok: boolean;
  /** False when restore refused before writing anything. */
  restored: boolean;
  databasePath: string;
  uploadsDir: string;
  checkpointDir: string;
  checks: RestoreCheck[];
  audit: AuditVerdict | null;
};

export type RestoreOptions = {
  backupDir: string;
  databasePath: string;
  /** Default: `uploads` beside the new database. */
  uploadsDir?: string;
  /** Default: `audit` beside the new database (the layout of data/). */
  checkpointDir?: string;
  key?: string;
};

function readManifest(backupDir: string): BackupManifest {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(backupDir, MANIFEST_FILE), 'utf8'),
  ) as BackupManifest;
  if (manifest.format !== 'ishenim-backup' || manifest.formatVersion !== 1) {
    throw new Error('not an Ishenim backup manifest (format/formatVersion)');
  }
  return manifest;
}

/** Files that are missing, of another size or another SHA-256 than the manifest says. */
async function mismatchedFiles(root: string, files: ManifestFile[]): Promise<string[]> {
  const bad: string[] = [];
  for (const file of files) {
    const full = path.join(root, file.path);
    if (!fs.existsSync(full)) bad.push(`${file.path} (missing)`);
    else if (fs.statSync(full).size !== file.size) bad.push(`${file.path} (size differs)`);
    else if ((await sha256File(full)) !== file.sha256) bad.push(`${file.path} (checksum differs)`);
  }
  return bad;
}

function occupied(target: string, isDir: boolean): boolean {
  if (!fs.existsSync(target)) return false;
  return !isDir || !fs.statSync(target).isDirectory() || fs.readdirSync(target).length > 0;
}

/** Where a manifest path lands: the database file, or under the uploads/checkpoints folder. */
function restoredLocation(
  file: string,
  targets: { databasePath: string; uploadsDir: string; checkpointDir: string },
): string | null {
  if (file === DATABASE_FILE) return targets.databasePath;
  for (const [folder, dir] of [
    [UPLOADS_FOLDER, targets.uploadsDir],
    [CHECKPOINTS_FOLDER, targets.checkpointDir],
  ] as const) {
    if (file.startsWith(`${folder}/`)) return path.join(dir, file.slice(folder.length + 1));
  }
  return null;
}

function safeRelative(file: string): boolean {
  return !path.isAbsolute(file) && !file.split('/').includes('..') && !file.includes('\\');
}

export async function restoreBackup(options: RestoreOptions): Promise<RestoreReport> {
  const backupDir = path.resolve(options.backupDir);
  const databasePath = path.resolve(options.databasePath);
  const uploadsDir = path.resolve(
    options.uploadsDir ?? path.join(path.dirname(databasePath), 'uploads'),
  );
  const checkpointDir = path.resolve(
    options.checkpointDir ?? path.join(path.dirname(databasePath), 'audit'),
  );
  const targets = { databasePath, uploadsDir, checkpointDir };
  const checks: RestoreCheck[] = [];
  const report = (restored: boolean, audit: AuditVerdict | null = null): RestoreReport => ({
    ok: checks.every((c) => c.ok),
    restored,
    ...targets,
    checks,
    audit,
  });
  const check = (name: string, ok: boolean, detail: string) => {
    checks.push({ name, ok, detail });
    return ok;
  };

  // 1. The backup itself, before anything is written.
  let manifest: BackupManifest;
  try {
    manifest = readManifest(backupDir);
  } catch (error) {
    check('manifest', false, `${MANIFEST_FILE} unreadable: ${(error as Error).message}`);
    return report(false);
  }
  const unsafe = manifest.files.filter(
    (f) => !safeRelative(f.path) || !restoredLocation(f.path, targets),
  );
  if (
    !check(
      'manifest',
      unsafe.length === 0,
      unsafe.length
        ? `unexpected paths: ${unsafe.map((f) => f.path).join(', ')}`
        : `${manifest.files.length} files, made ${manifest.createdAt}`,
    )
  ) {
    return report(false);
  }
  const badInBackup = await mismatchedFiles(backupDir, manifest.files);
  if (
    !check(
      'backup checksums',
      badInBackup.length === 0,
      badInBackup.length
        ? `do not match the manifest: ${badInBackup.join(', ')}`
        : `all ${manifest.files.length} files match the manifest (SHA-256)`,
    )
  ) {
    return report(false);
  }

  // 2. New paths only: an existing database (or its WAL), or a non-empty folder, is refused.
  const taken = [
    ...['', '-wal', '-shm', '-journal']
      .map((suffix) => `${databasePath}${suffix}`)
      .filter((file) => occupied(file, false)),
    ...[uploadsDir, checkpointDir].filter((dir) => occupied(dir, true)),
  ];
  if (
    !check(
      'new paths',
      taken.length === 0,
      taken.length ? `refusing to overwrite: ${taken.join(', ')}` : 'nothing existing is touched',
    )
  ) {
    return report(false);
  }

  // 3. Copy, never replacing a file that appeared meanwhile.
  for (const file of manifest.files) {
    const target = restoredLocation(file.path, targets)!;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(backupDir, file.path), target, fs.constants.COPYFILE_EXCL);
  }
  fs.mkdirSync(uploadsDir, { recursive: true });
  fs.mkdirSync(checkpointDir, { recursive: true });

  // 4. What landed is what the manifest lists.
  const badRestored: string[] = [];
  for (const file of manifest.files) {
    const target = restoredLocation(file.path, targets)!;
    if ((await sha256File(target)) !== file.sha256) badRestored.push(file.path);
  }
  check(
    'restored checksums',
    badRestored.length === 0,
    badRestored.length ? `differ after copying: ${badRestored.join(', ')}` : 'all match',
  );

  // 5. The database: SQLite's own check, migrations, row counts, the audit chain.
  let audit: AuditVerdict | null = null;
  let conn: Database.Database | null = null;
  try {
    conn = new Database(databasePath, { readonly: true, fileMustExist: true });
    const integrity = conn.pragma('integrity_check', { simple: true });
    check('integrity', integrity === 'ok', `PRAGMA integrity_check: ${String(integrity)}`);

    const migrations = migrationRecords(conn);
    const sameAsManifest =
      JSON.stringify(migrations) === JSON.stringify(manifest.database.migrations);
    const known = new Set(
      readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).map(
        (m) => `${m.folderMillis}:${m.hash}`,
      ),
    );
    const unknown = migrations.filter((m) => !known.has(`${m.createdAt}:${m.hash}`));
    check(
      'migrations',
      sameAsManifest && unknown.length === 0,
      !sameAsManifest
        ? 'the migrations table differs from the manifest'
        : unknown.length
          ? `${unknown.length} migration(s) unknown to this code (a newer version made the backup)`
          : `${migrations.length} applied, as recorded; ${known.size - migrations.length} newer will apply at start`,
    );

    const counts = tableRowCounts(conn);
    const differing = Object.keys({ ...counts, ...manifest.database.rowCounts }).filter(
      (table) => counts[table] !== manifest.database.rowCounts[table],
    );
    check(
      'row counts',
      differing.length === 0,
      differing.length
        ? `differ from the manifest: ${differing.join(', ')}`
        : `${Object.keys(counts).length} tables as recorded (audit_log: ${counts.audit_log ?? 0})`,
    );

    audit = verifyAuditLog({ conn, key: options.key ?? env.AUDIT_KEY, dir: checkpointDir });
    check(
      'audit chain',
      audit.ok,
      audit.ok
        ? `${audit.lines} lines verified against ${audit.newestCheckpoint ? `checkpoints up to line ${audit.newestCheckpoint.count}` : 'no checkpoint'}`
        : `${audit.problem} at line ${audit.lineId ?? '-'}${audit.file ? ` (${audit.file})` : ''}`,
    );
  } catch (error) {
    check('database', false, `could not be checked: ${(error as Error).message}`);
  } finally {
    conn?.close();
  }
  return report(true, audit);
}
