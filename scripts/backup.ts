// npm run backup — a consistent copy of DATABASE_PATH (SQLite's online backup API; safe while the
// server runs), the files in UPLOADS_PATH and the audit checkpoints, with a SHA-256 manifest, in a
// new timestamped folder under BACKUP_DIR; then only the newest BACKUP_KEEP backups are kept.
// Messages are in English: this is an operator's tool, not a page families or staff read.
import { databasePath, sqlite } from '../db/client';
import { createBackup } from '../app/services/backups.server';

try {
  const started = Date.now();
  const { dir, manifest, removed } = await createBackup();
  const bytes = manifest.files.reduce((sum, file) => sum + file.size, 0);
  console.log(`Backup of ${databasePath()} written to ${dir}`);
  console.log(
    `  ${manifest.files.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB, ` +
      `${manifest.database.auditLines} audit lines, ${manifest.database.migrations.length} migrations, ` +
      `in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(`  database SHA-256 ${manifest.database.sha256}`);
  if (removed.length) console.log(`  removed older backups: ${removed.join(', ')}`);
} catch (error) {
  console.error('Backup FAILED:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  sqlite.close();
}
