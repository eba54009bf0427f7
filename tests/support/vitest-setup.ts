// Runs before every test file: a fresh SQLite file of its own, and console.error fails the test.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, expect, vi } from 'vitest';

const dbDir = path.resolve('test-results/vitest-db');
fs.mkdirSync(dbDir, { recursive: true });
const dbFile = path.join(dbDir, `${crypto.randomUUID()}.db`);
process.env.DATABASE_PATH = dbFile;
process.env.SESSION_SECRET = 'vitest-session-secret';
process.env.AUDIT_KEY = 'vitest-audit-key-0123456789';
const auditDir = `${dbFile}.audit`;
process.env.AUDIT_CHECKPOINT_DIR = auditDir;
process.env.APP_URL = 'http://localhost:3999';
delete process.env.SMTP_URL;

let consoleErrors: unknown[][] = [];

beforeEach(() => {
  consoleErrors = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    consoleErrors.push(args);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  expect(consoleErrors, 'console.error was called').toEqual([]);
});

afterAll(() => {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${dbFile}${suffix}`, { force: true });
  fs.rmSync(auditDir, { recursive: true, force: true });
});
