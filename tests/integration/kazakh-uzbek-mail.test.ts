// E-mails to Kazakh and Uzbek readers go out in their language, through a real SMTP server
// started by the test: an account notice (password reset) and a programme notice (welcome).
import { afterEach, describe, expect, test } from 'vitest';
import { writeTransaction } from '~db/client';
import { passwordResetEmail } from '~emails/password-reset';
import { welcomeEmail } from '~emails/welcome';
import { HTML_LANG } from '~/i18n/config';
import { resources } from '~/i18n/resources';
import { createMailTransport, deliverDueMail } from '~/services/mail-delivery.server';
import { queueNotice } from '~/services/notices.server';
import { createUser } from '../support/factories';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp-test-server';

const servers: TestSmtpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key]));

describe.each(['kk', 'uz'] as const)('a %s reader', (locale) => {
  test('gets her password reset and her welcome in her language', async () => {
    const server = await startTestSmtpServer();
    servers.push(server);
    const user = await createUser({ locale, name: locale === 'kk' ? 'Әлия' : 'Дилноза' });
    writeTransaction((tx) => {
      queueNotice(tx, {
        recipient: user,
        template: passwordResetEmail,
        params: {
          name: user.name,
          url: 'http://localhost:3999/set-password?t=1',
          validMinutes: 60,
        },
      });
      queueNotice(tx, {
        recipient: user,
        template: welcomeEmail,
        params: { name: user.name, url: 'http://localhost:3999/login' },
      });
    });
    const transport = createMailTransport(server.url);
    expect(await deliverDueMail({ transport })).toEqual({ sent: 2, retrying: 0, failed: 0 });

    const texts = resources[locale].email;
    const reset = server.received.find((m) => m.subject === texts.passwordReset.subject);
    expect(reset, 'the password reset, with its subject in her language').toBeDefined();
    expect(reset!.text).toContain(fill(texts.greeting, { name: user.name }));
    expect(reset!.text).toContain(texts.passwordReset.body);
    expect(reset!.html).toContain(`<html lang="${HTML_LANG[locale]}">`);
    const welcome = server.received.find((m) => m !== reset);
    expect(welcome!.text).toContain(texts.welcome.body);
  });
});
