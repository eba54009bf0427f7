// npm run bench — measures, on a throw-away database, the costs that grow with a programme:
// password hashing, writing audited state changes, and verifying the audit chain.
// Prints figures; asserts nothing (timings belong here, not in tests).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ishenim-bench-'));
process.env.DATABASE_PATH = path.join(dir, 'bench.db');
process.env.NODE_ENV = 'test';
process.env.AUDIT_CHECKPOINT_DIR = path.join(dir, 'audit');

const { writeTransaction, sqlite } = await import('../../db/client');
const { appendAudit } = await import('../../app/models/audit.server');
const { verifyAuditLog } = await import('../../app/services/audit-integrity.server');
const { hashPassword, verifyPassword } = await import('../../app/utils/password.server');
const { rankRound } = await import('../../app/services/ranking.server');
const { assignJurors } = await import('../../app/services/assignment.server');

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

const LINES = 5_000;
time('audited write transaction (1 audit line)', LINES, () =>
  writeTransaction((tx) =>
    appendAudit(tx, {
      actorUserId: null,
      action: 'demo.user-created',
      entityType: 'user',
      entityId: 1,
      after: { n: 1 },
    }),
  ),
);
const verification = time(`verify audit chain of ${LINES} lines`, 3, () => verifyAuditLog());
console.log(`chain ok: ${verification.ok}\n`);

// Ranking a large round: 10,000 applications × 3 jurors × 6 criteria (the aim: under 200 ms).
const APPLICATIONS = 10_000;
const JURORS = 30;
const criteria = Array.from({ length: 6 }, (_, i) => ({
  id: i + 1,
  maxPoints: 10,
  weight: 1 + (i % 3),
  position: i,
}));
const applications = Array.from({ length: APPLICATIONS }, (_, i) => ({
  id: i + 1,
  submittedAt: new Date(1_700_000_000_000 + i * 1000),
}));
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const scores = applications.flatMap((application, i) =>
  [0, 1, 2].map((slot) => ({
    applicationId: application.id,
    jurorId: ((i + slot * 7) % JURORS) + 1,
    points: new Map(criteria.map((c) => [c.id, Math.floor(random() * 11)])),
  })),
);
for (const normalise of [false, true]) {
  const label = `rank ${APPLICATIONS} × 3 jurors × 6 criteria${normalise ? ', normalised' : ''}`;
  time(label, 5, () =>
    rankRound({ criteria, applications, scores, normalise, disagreementThreshold: 25 }),
  );
}

// Assigning 3 jurors to each of 2,000 applications among 25 jurors, with conflicts.
const assignmentInput = {
  applications: Array.from({ length: 2000 }, (_, i) => ({
    id: i + 1,
    householdId: i + 1,
    localityId: (i % 4) + 1,
  })),
  jurors: Array.from({ length: 25 }, (_, j) => ({
    id: j + 1,
    localityId: j % 5 === 0 ? null : (j % 4) + 1,
  })),
  jurorsPerApplication: 3,
  conflicts: new Set(
    Array.from({ length: 400 }, (_, i) => `${(i % 25) + 1}:${((i * 13) % 2000) + 1}`),
  ),
  excludeOwnLocality: true,
};
const assigned = time('assign 3 of 25 jurors to 2,000 applications', 3, () =>
  assignJurors(assignmentInput),
);
console.log(`assignment ok: ${assigned.ok}`);
console.log(`rss after run: ${(process.memoryUsage().rss / 1024 / 1024).toFixed(1)} MiB`);

sqlite.close();
fs.rmSync(dir, { recursive: true, force: true });
