// npm run audit:verify — checks every line of the audit log against its keyed MAC and the line
// before, and the log against every signed checkpoint in AUDIT_CHECKPOINT_DIR. Reports the first
// bad line, a missing tail or an emptied log, and exits 1 when the log was tampered with.
import { databasePath, sqlite } from '../db/client';
import { verifyAuditLog } from '../app/services/audit-integrity.server';
import { checkpointDir } from '../app/utils/audit-checkpoints.server';

if (!process.env.AUDIT_KEY) {
  console.warn('AUDIT_KEY is not set: checking with the development key.');
}
const verdict = verifyAuditLog();
const where = `${databasePath()} (checkpoints in ${checkpointDir()})`;
const newest = verdict.newestCheckpoint
  ? `newest checkpoint: ${verdict.newestCheckpoint.count} lines at ${verdict.newestCheckpoint.at}`
  : 'no checkpoint yet';
if (verdict.ok) {
  console.log(`Audit log intact: ${verdict.lines} lines checked in ${where}; ${newest}.`);
} else {
  const what: Record<typeof verdict.problem, string> = {
    altered: `line #${verdict.lineId} was altered (its MAC or its link to the line before is wrong)`,
    'missing-line': `line #${verdict.lineId} is missing (deleted)`,
    'head-mismatch': `the lines from #${verdict.lineId} on are missing (the newest lines were deleted)`,
    'missing-tail': `the lines from #${verdict.lineId} on are missing: the ${newest} (tail cut or older copy restored)`,
    'empty-log': `the log is empty, but the ${newest}`,
    'checkpoint-diverged': `line #${verdict.lineId} differs from the one a checkpoint signed (log rewritten or replaced)`,
    'checkpoint-forged': `checkpoint file ${verdict.file} is not signed with AUDIT_KEY`,
    'checkpoint-missing': `line #${verdict.lineId} records a checkpoint whose file is gone`,
    unkeyed: 'its newest lines carry no keyed MAC (start the server once to key an old log)',
    'columns-changed': 'audit_log has columns its MAC does not cover',
  };
  console.error(
    `Audit log TAMPERED: ${what[verdict.problem]}.` +
      (verdict.lineId === null ? '' : ` ${verdict.lines} lines before it are intact.`) +
      ` ${where}`,
  );
  process.exitCode = 1;
}
sqlite.close();
