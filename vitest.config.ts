import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.resolve(import.meta.dirname);

export default defineConfig({
  resolve: {
    alias: [
      { find: /^~db\//, replacement: `${root}/db/` },
      { find: /^~emails\//, replacement: `${root}/emails/` },
      { find: /^~\//, replacement: `${root}/app/` },
    ],
  },
  test: {
    setupFiles: ['tests/support/vitest-setup.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Every test runs with the server clock in UTC; tests about time zones (*.tz.test.ts) run
    // a second time in Asia/Bishkek, so a rule that leans on the server's zone fails one run.
    projects: [
      {
        extends: true,
        test: {
          name: 'utc',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          env: { NODE_ENV: 'test', TZ: 'UTC' },
        },
      },
      {
        extends: true,
        test: {
          name: 'bishkek',
          include: ['tests/unit/**/*.tz.test.ts', 'tests/integration/**/*.tz.test.ts'],
          env: { NODE_ENV: 'test', TZ: 'Asia/Bishkek' },
        },
      },
    ],
  },
});
