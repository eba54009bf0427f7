import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { DeliveryReport } from '~/services/mail-delivery.server';

const run = promisify(execFile);

/** Runs one delivery round in a new process (a restarted server) with its clock at `now`. */
export async function runMailWorkerProcess(smtpUrl: string, now: Date): Promise<DeliveryReport> {
  const { stdout } = await run(
    path.resolve('node_modules/.bin/tsx'),
    [path.resolve('tests/support/mail-worker-process.ts')],
    {
      env: { ...process.env, WORKER_SMTP_URL: smtpUrl, WORKER_NOW: now.toISOString() },
    },
  );
  return JSON.parse(stdout) as DeliveryReport;
}
