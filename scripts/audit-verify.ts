// npm run audit:verify — walks the audit log's hash chain and reports the first line that was
// altered or removed. Exits 1 when the log was tampered with.
import { databasePath, sqlite } from '../db/client';
import { verifyAuditChain } from '../app/models/audit.server';

const result = verifyAuditChain();
if (result.ok) {
  console.log(`Audit log intact: ${result.rows} lines checked in ${databasePath()}.`);
} else {
  const what = {
    altered: 'was altered',
    missing: 'is missing (deleted)',
    'head-mismatch': 'and the lines after it are missing (the newest lines were deleted)',
  }[result.problem];
  console.error(
    `Audit log TAMPERED: line #${result.firstBadId} ${what}. ${result.rows} lines before it are intact.`,
  );
  process.exitCode = 1;
}
sqlite.close();
