import nodemailer, { type Transporter } from 'nodemailer';
import {
  claimDueMail,
  markMailFailed,
  markMailForRetry,
  markMailSent,
  releaseStaleClaims,
} from '~/models/outbox.server';
import type { OutboxMail } from '~db/schema/mail';
import { env } from '~/utils/env.server';

/** After this many tries over about a day, a temporary failure is treated as final. */
export const MAX_ATTEMPTS = 12;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 3_600_000;
/** A claim older than this belongs to a worker that died mid-send. */
const STALE_CLAIM_MS = 10 * 60_000;

export function retryDelayMs(attemptsSoFar: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** attemptsSoFar, MAX_RETRY_MS);
}

export function createMailTransport(smtpUrl: string): Transporter {
  return nodemailer.createTransport(smtpUrl);
}

type SmtpError = Error & { responseCode?: number; code?: string };

/** 5xx replies are final (no such mailbox, refused); 4xx and network errors may pass. */
function isPermanent(error: SmtpError): boolean {
  return typeof error.responseCode === 'number' && error.responseCode >= 500;
}

async function sendOne(transport: Transporter, mail: OutboxMail, from: string) {
  if (!mail.toAddress) throw Object.assign(new Error('no address'), { responseCode: 550 });
  const attachments = mail.attachments ?? [];
  // An invitation goes as the calendar part of the message (text/calendar; method=…), which mail
  // apps offer to add to the calendar; nodemailer also attaches it as a file.
  const invitation = attachments.find((a) => a.method);
  await transport.sendMail({
    from,
    to: { name: mail.toName, address: mail.toAddress },
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    icalEvent: invitation
      ? { filename: invitation.filename, method: invitation.method, content: invitation.content }
      : undefined,
    attachments: attachments
      .filter((a) => a !== invitation)
      .map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
    headers: {
      'Auto-Submitted': 'auto-generated',
      // Out-of-office and read receipts would only go to the no-reply sender.
      'X-Auto-Response-Suppress': 'All',
      'Content-Language': mail.locale,
    },
  });
}

export type DeliveryReport = { sent: number; retrying: number; failed: number };

/** Sends every message that is due now, one claimed row at a time. */
export async function deliverDueMail(options: {
  transport: Transporter;
  from?: string;
  now?: () => Date;
}): Promise<DeliveryReport> {
  const now = options.now ?? (() => new Date());
  const from = options.from ?? env.MAIL_FROM;
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  releaseStaleClaims(new Date(now().getTime() - STALE_CLAIM_MS));
  for (let mail = claimDueMail(now()); mail; mail = claimDueMail(now())) {
    try {
      await sendOne(options.transport, mail, from);
      markMailSent(mail.id, now());
      report.sent += 1;
    } catch (caught) {
      const error = caught as SmtpError;
      const message = `${error.responseCode ?? error.code ?? ''} ${error.message}`
        .trim()
        .slice(0, 500);
      if (isPermanent(error) || mail.attempts + 1 >= MAX_ATTEMPTS) {
        markMailFailed(mail.id, message);
        report.failed += 1;
      } else {
        markMailForRetry(mail.id, message, new Date(now().getTime() + retryDelayMs(mail.attempts)));
        report.retrying += 1;
      }
    }
  }
  return report;
}

/**
 * Runs delivery in the server process every MAIL_POLL_MS. Without SMTP_URL nothing is sent and
 * mail waits in the outbox. Returns a function that stops the worker.
 */
export function startMailWorker(): () => Promise<void> {
  if (!env.SMTP_URL) {
    console.info('Mail: SMTP_URL is not set; notices stay in the outbox (Staff → Outbox).');
    return async () => {};
  }
  const transport = createMailTransport(env.SMTP_URL);
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = deliverDueMail({ transport })
      .catch((error: unknown) => console.warn('Mail delivery round failed:', error))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, env.MAIL_POLL_MS);
  timer.unref();
  tick();
  return async () => {
    clearInterval(timer);
    await running;
    transport.close();
  };
}
