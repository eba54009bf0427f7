// npm run restore -- <backup dir> <new database path> [new uploads dir]
// Restores a backup into NEW paths (it refuses to overwrite anything) and checks the result: file
// checksums against the manifest, PRAGMA integrity_check, the migrations, the row counts and the
// audit chain (with AUDIT_KEY, which no backup contains). Exits 1 on any failure.
// Messages are in English: this is an operator's tool, not a page families or staff read.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [backupDir, newDatabase, newUploads] = process.argv.slice(2);
if (!backupDir || !newDatabase) {
  console.error('Usage: npm run restore -- <backup dir> <new database path> [new uploads dir]');
  process.exit(2);
}
if (!process.env.AUDIT_KEY) {
  console.warn('AUDIT_KEY is not set: checking the audit chain with the development key.');
}

// The app's shared connection (db/client) opens DATABASE_PATH as soon as it is imported. Restore
// must not open the live database — in a disaster it is the damaged one — so that connection is
// pointed at a throwaway file, and the restored copy is checked on a connection of its own.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ishenim-restore-'));
process.env.DATABASE_PATH = path.join(scratch, 'unused.db');
const { sqlite } = await import('../db/client');
const { restoreBackup } = await import('../app/services/backup-restore.server');

let failed = true;
try {
  const report = await restoreBackup({
    backupDir,
    databasePath: newDatabase,
    uploadsDir: newUploads,
  });
  console.log(`Restore of ${path.resolve(backupDir)}`);
  for (const check of report.checks) {
    console.log(`  ${check.ok ? 'ok  ' : 'FAIL'}  ${check.name}: ${check.detail}`);
  }
  if (report.restored) {
    console.log(`  database:    ${report.databasePath}`);
    console.log(`  uploads:     ${report.uploadsDir}`);
    console.log(`  checkpoints: ${report.checkpointDir}`);
  }
  if (report.ok) {
    console.log(
      'Restore OK. Point DATABASE_PATH, UPLOADS_PATH and AUDIT_CHECKPOINT_DIR at these paths and start the server.',
    );
  } else {
    console.error(
      report.restored
        ? 'Restore FAILED its checks: do not use the restored copy.'
        : 'Restore REFUSED: nothing was written.',
    );
  }
  failed = !report.ok;
} catch (error) {
  console.error('Restore FAILED:', error instanceof Error ? error.message : error);
} finally {
  sqlite.close();
  fs.rmSync(scratch, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
