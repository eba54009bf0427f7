// A real SMTP server for the browser tests: every message it receives is written as JSON into
// MAIL_SINK_DIR, where tests/e2e/support/mailbox.ts reads it back.
import fs from 'node:fs';
import path from 'node:path';
import { startTestSmtpServer } from './smtp-test-server';

const dir = process.env.MAIL_SINK_DIR ?? 'test-results/e2e/mail';
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });

let written = 0;
const server = await startTestSmtpServer({
  port: Number(process.env.SMTP_SINK_PORT ?? 2626),
  onMessage: (mail) => {
    written += 1;
    const file = path.join(dir, `${Date.now()}-${String(written).padStart(5, '0')}.json`);
    // Write then rename, so a reader never sees half a file.
    fs.writeFileSync(
      `${file}.tmp`,
      JSON.stringify({ ...mail, receivedAt: new Date().toISOString() }),
    );
    fs.renameSync(`${file}.tmp`, file);
  },
});
console.log(`SMTP sink on ${server.url}, writing to ${dir}`);

const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
