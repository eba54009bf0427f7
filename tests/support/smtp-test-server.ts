// A real SMTP server for tests (smtp-server), reading every message back with mailparser.
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = {
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
  contentLanguage: string | null;
  /** X-Auto-Response-Suppress: keeps out-of-office replies away from the no-reply sender. */
  autoResponseSuppress: string | null;
  /** Every non-body part (files, and a calendar invitation part), decoded as UTF-8 text. */
  attachments: {
    filename: string | null;
    contentType: string;
    method: string | null;
    content: string;
  }[];
};

export type TestSmtpServer = {
  port: number;
  url: string;
  received: ReceivedMail[];
  /** Makes the next RCPT commands fail with this SMTP reply code (e.g. 550, 451). */
  rejectRecipientsWith: (code: number | null) => void;
  close: () => Promise<void>;
};

export async function startTestSmtpServer(
  options: { port?: number; onMessage?: (mail: ReceivedMail) => void } = {},
): Promise<TestSmtpServer> {
  const port = options.port ?? 0;
  const received: ReceivedMail[] = [];
  let rejectCode: number | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (rejectCode) {
        const error = Object.assign(new Error(`Recipient refused: ${address.address}`), {
          responseCode: rejectCode,
        });
        return callback(error);
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const toField = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
          const parsed: ReceivedMail = {
            to: toField.flatMap((a) => a.value.map((v) => v.address ?? '')),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
            messageId: mail.messageId ?? '',
            contentLanguage: (mail.headers.get('content-language') as string | undefined) ?? null,
            autoResponseSuppress:
              (mail.headers.get('x-auto-response-suppress') as string | undefined) ?? null,
            attachments: mail.attachments.map((a) => {
              const type = a.headers.get('content-type') as
                { value: string; params?: Record<string, string> } | undefined;
              return {
                filename: a.filename ?? null,
                contentType: a.contentType,
                method: type?.params?.method ?? null,
                content: a.content.toString('utf8'),
              };
            }),
          };
          received.push(parsed);
          options.onMessage?.(parsed);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    port: actualPort,
    url: `smtp://127.0.0.1:${actualPort}`,
    received,
    rejectRecipientsWith: (code) => {
      rejectCode = code;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
