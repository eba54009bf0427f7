// Staff read a booking's scheduled reminders in the outbox: when each will go, which were
// dropped because the booking moved, and the invitation each carries — through the real loaders.
import { expect, test } from 'vitest';
import { writeTransaction } from '~db/client';
import { resources } from '~/i18n/resources';
import { loader as mailLoader } from '~/routes/staff.outbox.$mailId/route';
import { loader as listLoader } from '~/routes/staff.outbox._index/route';
import { queueBookingNotices } from '~/services/booking-notices.server';
import { MAIL_STATUSES } from '~/schemas/enums';
import { LOCALES } from '~/i18n/config';
import { bookingNoticeWorld } from '../support/booking-notice-world';
import { browserRequest, createUser } from '../support/factories';
import { sessionCookieFor } from '../support/jury-factories';

type Row = {
  id: number;
  template: string;
  status: string;
  scheduledFor: { iso: string; text: string } | null;
};

test('the outbox shows when a reminder will go, and the reminders a move dropped', async () => {
  const { data } = await bookingNoticeWorld();
  const booking = data(new Date('2031-01-10T04:00:00Z'));
  writeTransaction((tx) =>
    queueBookingNotices(tx, 'booked', booking, new Date('2031-01-01T00:00:00Z')),
  );
  writeTransaction((tx) =>
    queueBookingNotices(
      tx,
      'moved',
      { ...booking, sequence: 1, startsAt: new Date('2031-01-12T04:00:00Z') },
      new Date('2031-01-02T00:00:00Z'),
    ),
  );
  const staff = await createUser({ roles: ['staff'], locale: 'ru' });
  const cookie = await sessionCookieFor(staff);

  const list = (await (
    await listLoader({
      request: browserRequest('http://localhost:3999/staff/outbox', { cookie }),
      params: {},
      context: {},
    })
  ).json()) as { rows: Row[]; counts: Record<string, number> };
  const reminders = list.rows.filter((r) => r.template.endsWith('booking-reminder'));
  expect(reminders.map((r) => [r.status, r.scheduledFor?.iso ?? null])).toEqual([
    ['pending', '2031-01-11T04:00:00.000Z'],
    ['pending', '2031-01-11T04:00:00.000Z'],
    ['dropped', null],
    ['dropped', null],
  ]);
  expect(list.counts.dropped).toBe(2);
  // In Bishkek time, in her language.
  expect(reminders[0]!.scheduledFor!.text).toMatch(/10:00/);

  const detail = (await (
    await mailLoader({
      request: browserRequest(`http://localhost:3999/staff/outbox/${reminders[0]!.id}`, {
        cookie,
      }),
      params: { mailId: String(reminders[0]!.id) },
      context: {},
    })
  ).json()) as { mail: { notBefore: { iso: string }; attachments: string[] } };
  expect(detail.mail.notBefore.iso).toBe('2031-01-11T04:00:00.000Z');
  expect(detail.mail.attachments).toEqual(['invite.ics']);
});

test('every mail status and the scheduled time have their label in ky, ru and en', () => {
  for (const locale of LOCALES) {
    const outbox = resources[locale].admin.outbox;
    for (const status of MAIL_STATUSES) expect(outbox.status[status]).toBeTruthy();
    expect(outbox.notBefore).toBeTruthy();
    expect(outbox.attachments).toBeTruthy();
  }
});
