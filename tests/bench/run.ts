// npm run bench — measures, on a throw-away database, the costs that grow with a programme:
// password hashing, writing audited state changes, and verifying the audit chain.
// Prints figures; asserts nothing (timings belong here, not in tests).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ishenim-bench-'));
process.env.DATABASE_PATH = path.join(dir, 'bench.db');
process.env.NODE_ENV = 'test';

const { writeTransaction, sqlite } = await import('../../db/client');
const { appendAudit, verifyAuditChain } = await import('../../app/models/audit.server');
const { hashPassword, verifyPassword } = await import('../../app/utils/password.server');

function time<T>(label: string, runs: number, work: () => T): T {
  const start = process.hrtime.bigint();
  let result!: T;
  for (let i = 0; i < runs; i += 1) result = work();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(
    `${label.padEnd(44)} ${(ms / runs).toFixed(3).padStart(10)} ms each   (${runs} runs, ${ms.toFixed(0)} ms)`,
  );
  return result;
}

async function timeAsync(label: string, runs: number, work: () => Promise<unknown>) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < runs; i += 1) await work();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(
    `${label.padEnd(44)} ${(ms / runs).toFixed(3).padStart(10)} ms each   (${runs} runs, ${ms.toFixed(0)} ms)`,
  );
}

console.log(`Ishenim benchmark — node ${process.version}, ${os.cpus().length} CPUs\n`);
const hash = await hashPassword('correct horse battery');
await timeAsync('argon2id hash (19 MiB, t=2)', 20, () => hashPassword('correct horse battery'));
await timeAsync('argon2id verify', 20, () => verifyPassword(hash, 'correct horse battery'));

const LINES = 20_000;
time('audited write transaction (1 audit line)', LINES, () =>
  writeTransaction((tx) =>
    appendAudit(tx, {
      actorUserId: null,
      action: 'bench.write',
      entityType: 'bench',
      entityId: 1,
      after: { n: 1 },
    }),
  ),
);
const verification = time(`verify audit chain of ${LINES} lines`, 3, () => verifyAuditChain());
console.log(`\nchain ok: ${verification.ok}`);
console.log(`rss after run: ${(process.memoryUsage().rss / 1024 / 1024).toFixed(1)} MiB`);

sqlite.close();
fs.rmSync(dir, { recursive: true, force: true });
