// The demo's notices point at the server the demo runs on: links and Message-IDs come from
// APP_URL (here http://localhost:3999), never a fixed http://localhost:3000.
import { expect, test } from 'vitest';
import { db } from '~db/client';
import { mailOutbox } from '~db/schema/mail';
import { seedDemo } from '~db/seed/demo';
import { env } from '~/utils/env.server';

test('seeded notices link to APP_URL and carry its host in their Message-IDs', async () => {
  await seedDemo();
  const mails = db.select().from(mailOutbox).all();
  expect(mails.length).toBeGreaterThan(0);
  expect(env.appUrl.origin).toBe('http://localhost:3999');
  for (const mail of mails) {
    const links = mail.text.match(/https?:\/\/[^\s]+/g) ?? [];
    expect(links.length, mail.template).toBeGreaterThan(0);
    for (const link of links) expect(link.startsWith(`${env.appUrl.origin}/`)).toBe(true);
    expect(mail.html).not.toContain('localhost:3000');
    expect(mail.messageId).toMatch(new RegExp(`@${env.appUrl.hostname}>$`));
  }
});
