import path from 'node:path';
import { defineConfig } from '@playwright/test';

// One server for the whole run, on its own port and database, seeded with the demo programme;
// mail goes to a real SMTP server the run starts (tests/support/smtp-sink.ts).
// Ports can be moved (E2E_PORT, E2E_SMTP_PORT) to run two checkouts' suites side by side.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2626);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
const e2eEnv = {
  DATABASE_PATH: path.resolve('test-results/e2e/ishenim.db'),
  SESSION_SECRET: 'e2e-session-secret',
  AUDIT_KEY: 'e2e-audit-key-0123456789',
  AUDIT_CHECKPOINT_DIR: path.resolve('test-results/e2e/audit'),
  APP_URL: E2E_BASE_URL,
  MAIL_SINK_DIR: path.resolve('test-results/e2e/mail'),
  // A production server refuses the default sender.
  MAIL_FROM: 'Ishenim e2e <no-reply@example.org>',
};
// The test workers share the server's database and secret (to sign people in directly).
Object.assign(process.env, e2eEnv);
// Test workers import app code (e.g. the build, to walk its routes): no background mail worker there.
process.env.NODE_ENV = 'test';

// A CI machine may be slower or busier than a developer's: waiting longer there costs nothing
// when the pages are right, and a slow machine is not a failure of the portal.
const patience = process.env.CI ? 2 : 1;

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 45_000 * patience,
  expect: { timeout: 7_000 * patience },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  outputDir: 'test-results/e2e/artifacts',
  use: {
    baseURL: E2E_BASE_URL,
    browserName: 'chromium',
    locale: 'en-GB',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: [
    {
      command: 'npx tsx tests/support/smtp-sink.ts',
      port: E2E_SMTP_PORT,
      reuseExistingServer: false,
      env: { ...e2eEnv, SMTP_SINK_PORT: String(E2E_SMTP_PORT) },
      stdout: 'ignore',
      stderr: 'pipe',
      timeout: 30_000,
    },
    {
      command: 'bash tests/support/e2e-server.sh',
      url: `${E2E_BASE_URL}/healthz`,
      reuseExistingServer: false,
      env: {
        ...e2eEnv,
        PORT: String(E2E_PORT),
        HOST: '127.0.0.1',
        SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
        MAIL_POLL_MS: '250',
      },
      stdout: 'pipe',
      stderr: 'pipe',
      timeout: 180_000,
    },
  ],
});
