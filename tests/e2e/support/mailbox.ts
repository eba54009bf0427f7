// Reads back the mail that the run's SMTP server received (see tests/support/smtp-sink.ts).
import fs from 'node:fs';
import path from 'node:path';
import type { ReceivedMail } from '../../support/smtp-test-server';

export type SinkMail = ReceivedMail & { receivedAt: string };

export function readMailbox(): SinkMail[] {
  const dir = process.env.MAIL_SINK_DIR!;
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as SinkMail);
}

export function mailTo(address: string): SinkMail[] {
  return readMailbox().filter((mail) => mail.to.includes(address.toLowerCase()));
}

/** Waits until a message to `address` (matching `subject` or the predicate, if given) has arrived. */
export async function waitForMail(
  address: string,
  subject?: string | RegExp | ((mail: SinkMail) => boolean),
  timeoutMs = 20_000,
): Promise<SinkMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = mailTo(address).find((mail) =>
      subject === undefined
        ? true
        : typeof subject === 'string'
          ? mail.subject.includes(subject)
          : typeof subject === 'function'
            ? subject(mail)
            : subject.test(mail.subject),
    );
    if (found) return found;
    if (Date.now() > deadline) {
      throw new Error(
        `No mail to ${address}${subject ? ` with subject ${String(subject)}` : ''} within ${timeoutMs} ms`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The first link in a message's text that starts with `prefix`. */
export function linkIn(mail: SinkMail, prefix: string): string {
  const match = mail.text.match(new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\S+`));
  if (!match) throw new Error(`No link starting with ${prefix} in: ${mail.text}`);
  return match[0];
}
