import net from 'node:net';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, test } from 'vitest';
import { db, writeTransaction } from '~db/client';
import { mailOutbox } from '~db/schema/mail';
import { passwordResetEmail } from '~emails/password-reset';
import { welcomeEmail } from '~emails/welcome';
import { assertMailSender } from '~/utils/env.server';
import { createMailTransport, deliverDueMail } from '~/services/mail-delivery.server';
import { mayEmailProgrammeNotice, queueNotice, type NoticeKind } from '~/services/notices.server';
import { createUser } from '../support/factories';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp-test-server';

const servers: TestSmtpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function smtpServer(port?: number) {
  const server = await startTestSmtpServer({ port });
  servers.push(server);
  return server;
}

/** A port nobody listens on (yet). */
async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function queueResetMail(
  overrides: Parameters<typeof createUser>[0] = {},
  kind: NoticeKind = 'account',
) {
  const user = await createUser(overrides);
  // A password reset is an account notice; the welcome a programme notice.
  const mail = writeTransaction((tx) =>
    kind === 'account'
      ? queueNotice(tx, {
          recipient: user,
          template: passwordResetEmail,
          params: {
            name: user.name,
            url: 'http://localhost:3999/set-password?token=abc',
            validMinutes: 60,
          },
        })
      : queueNotice(tx, {
          recipient: user,
          template: welcomeEmail,
          params: { name: user.name, url: 'http://localhost:3999/login' },
        }),
  );
  return { user, mail };
}

function outboxRow(id: number) {
  return db.select().from(mailOutbox).where(eq(mailOutbox.id, id)).get()!;
}

describe('mail delivery worker', () => {
  test('delivers a queued notice once, in the recipient language, with its Message-ID', async () => {
    const server = await smtpServer();
    const { user, mail } = await queueResetMail({ locale: 'ru' });
    const transport = createMailTransport(server.url);

    expect(await deliverDueMail({ transport })).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await deliverDueMail({ transport })).toEqual({ sent: 0, retrying: 0, failed: 0 });

    expect(server.received).toHaveLength(1);
    const received = server.received[0]!;
    expect(received.to).toEqual([user.email]);
    expect(received.subject).toBe('Новый пароль для Ишеним');
    expect(received.text).toContain(`Здравствуйте, ${user.name}!`);
    expect(received.html).toContain('Выбрать новый пароль');
    expect(received.messageId).toBe(mail.messageId);
    expect(received.contentLanguage).toBe('ru');
    expect(received.autoResponseSuppress).toBe('All');
    expect(received.html).toContain('>Ишеним</p>');
    expect(received.text).toContain('\n-- \n');
    expect(outboxRow(mail.id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  test('when the mail server is down, the notice waits and is delivered once it is back', async () => {
    const port = await freePort();
    const transport = createMailTransport(`smtp://127.0.0.1:${port}`);
    const { mail } = await queueResetMail();
    const start = new Date();

    expect(await deliverDueMail({ transport, now: () => start })).toEqual({
      sent: 0,
      retrying: 1,
      failed: 0,
    });
    const waiting = outboxRow(mail.id);
    expect(waiting.status).toBe('pending');
    expect(waiting.attempts).toBe(1);
    expect(waiting.lastError).toMatch(/ECONNREFUSED|ECONNECTION/);
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(start.getTime());

    // Not due yet: nothing is tried.
    expect(await deliverDueMail({ transport, now: () => start })).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });

    const server = await smtpServer(port);
    const later = new Date(start.getTime() + 60 * 60_000);
    expect(await deliverDueMail({ transport, now: () => later })).toEqual({
      sent: 1,
      retrying: 0,
      failed: 0,
    });
    expect(await deliverDueMail({ transport, now: () => later })).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });
    expect(server.received.map((m) => m.messageId)).toEqual([mail.messageId]);
    expect(outboxRow(mail.id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  test('a permanent refusal (5xx) marks the notice failed and does not retry it', async () => {
    const server = await smtpServer();
    server.rejectRecipientsWith(550);
    const transport = createMailTransport(server.url);
    const { mail } = await queueResetMail();

    expect(await deliverDueMail({ transport })).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const failed = outboxRow(mail.id);
    expect(failed.status).toBe('failed');
    expect(failed.lastError).toContain('550');

    server.rejectRecipientsWith(null);
    const later = new Date(Date.now() + 24 * 60 * 60_000);
    expect(await deliverDueMail({ transport, now: () => later })).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });
    expect(server.received).toHaveLength(0);
  });

  test('a temporary refusal (4xx) is retried later', async () => {
    const server = await smtpServer();
    server.rejectRecipientsWith(451);
    const transport = createMailTransport(server.url);
    const { mail } = await queueResetMail();

    expect(await deliverDueMail({ transport })).toEqual({ sent: 0, retrying: 1, failed: 0 });
    server.rejectRecipientsWith(null);
    const later = new Date(Date.now() + 60 * 60_000);
    expect(await deliverDueMail({ transport, now: () => later })).toEqual({
      sent: 1,
      retrying: 0,
      failed: 0,
    });
    expect(outboxRow(mail.id).status).toBe('sent');
  });

  test('two workers delivering at once send each message exactly once', async () => {
    const server = await smtpServer();
    const queued = await Promise.all([
      queueResetMail(),
      queueResetMail(),
      queueResetMail(),
      queueResetMail(),
    ]);
    const [a, b] = await Promise.all([
      deliverDueMail({ transport: createMailTransport(server.url) }),
      deliverDueMail({ transport: createMailTransport(server.url) }),
    ]);
    expect(a.sent + b.sent).toBe(4);
    expect(server.received.map((m) => m.messageId).sort()).toEqual(
      queued.map((q) => q.mail.messageId).sort(),
    );
  });
});

describe('safe contact', () => {
  test('a programme notice to someone who wants contact only through her facilitator is withheld, never sent', async () => {
    const server = await smtpServer();
    const { mail } = await queueResetMail({ contactOnlyViaFacilitator: true }, 'programme');
    expect(mail.status).toBe('withheld');
    expect(mail.withheldReason).toBe('via-facilitator-only');
    await deliverDueMail({ transport: createMailTransport(server.url) });
    expect(server.received).toHaveLength(0);
  });

  test('a programme notice to someone who refused e-mail is withheld', async () => {
    const { mail } = await queueResetMail({ contactByEmail: false }, 'programme');
    expect(mail).toMatchObject({ status: 'withheld', withheldReason: 'no-email-contact' });
  });

  test('an account notice she asked for herself still goes to her address', async () => {
    const { mail } = await queueResetMail({ contactOnlyViaFacilitator: true }, 'account');
    expect(mail.status).toBe('pending');
  });

  test('a person without an address gets nothing sent, and staff can see why', async () => {
    const { mail } = await queueResetMail({ email: null, phone: '+996555000111' }, 'account');
    expect(mail).toMatchObject({ status: 'withheld', withheldReason: 'no-address' });
  });

  test('the safe-contact choice is one rule: whoever it lets be e-mailed gets the notice, no one else', async () => {
    let phones = 1000;
    for (const email of [null, 'x']) {
      for (const contactByEmail of [true, false]) {
        for (const contactOnlyViaFacilitator of [true, false]) {
          const { user, mail } = await queueResetMail(
            {
              ...(email
                ? {}
                : { email: null, phone: `+99655${String(++phones).padStart(7, '0')}` }),
              contactByEmail,
              contactOnlyViaFacilitator,
            },
            'programme',
          );
          expect(mail.status === 'pending').toBe(mayEmailProgrammeNotice(user));
          expect(mayEmailProgrammeNotice(user)).toBe(
            Boolean(email) && contactByEmail && !contactOnlyViaFacilitator,
          );
        }
      }
    }
  });
});

test('in production the server refuses to send from the default no-reply@ishenim.local', () => {
  expect(() => assertMailSender('production', 'Ishenim <no-reply@ishenim.local>')).toThrow(
    /MAIL_FROM/,
  );
  expect(() => assertMailSender('production', 'Ишеним <no-reply@ishenim.org.kg>')).not.toThrow();
  expect(() => assertMailSender('development', 'Ishenim <no-reply@ishenim.local>')).not.toThrow();
});
