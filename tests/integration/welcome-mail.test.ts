// A new family hears from the programme once she signs up: a short welcome in her language, by
// e-mail only when she gave one, under the neutral subject every programme notice carries.
import { eq } from 'drizzle-orm';
import { expect, test } from 'vitest';
import { db } from '~db/client';
import { mailOutbox } from '~db/schema/mail';
import { resources } from '~/i18n/resources';
import { signUp } from '~/services/accounts.server';
import { browserRequest } from '../support/factories';
import { noticeSubject } from '../support/notice-subject';

const input = {
  name: 'Нургүл Асанова',
  password: 'a long family password',
  localityId: null,
};

test('signing up with an e-mail address queues a welcome in her language', async () => {
  const result = await signUp(browserRequest(), {
    ...input,
    contact: `welcome-${Date.now()}@test.example`,
    locale: 'ru',
  });
  if (!result.ok) throw new Error(result.error);
  const mails = db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.recipientUserId, result.userId))
    .all();
  expect(mails).toHaveLength(1);
  const [mail] = mails;
  const welcome = resources.ru.email.welcome;
  expect(mail).toMatchObject({
    template: 'welcome',
    locale: 'ru',
    status: 'pending',
    subject: noticeSubject('ru'),
  });
  for (const line of [welcome.body, welcome.next, welcome.help, welcome.reset]) {
    expect(mail!.text).toContain(line);
  }
  expect(mail!.text).toContain('Здравствуйте, Нургүл Асанова!');
});

test('signing up with a phone number sends nothing: there is no safe address to write to', async () => {
  const result = await signUp(browserRequest(), {
    ...input,
    contact: `0555 ${String(Date.now()).slice(-6, -3)} ${String(Date.now()).slice(-3)}`,
    locale: 'ky',
  });
  if (!result.ok) throw new Error(result.error);
  expect(
    db.select().from(mailOutbox).where(eq(mailOutbox.recipientUserId, result.userId)).all(),
  ).toEqual([]);
});
