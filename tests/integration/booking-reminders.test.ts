// Booking reminders are durable: written in the booking's transaction, sent once at their time
// by a worker that was started after the booking (a restarted server, in a process of its own,
// with its clock injected), dropped when the booking moves (a new one replaces it) or is
// cancelled. And a family's safe-contact choice holds for every booking notice.
import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { db, writeTransaction } from '~db/client';
import { mailOutbox } from '~db/schema/mail';
import { resources } from '~/i18n/resources';
import { listMailOfJob } from '~/models/outbox.server';
import {
  bookingReminderKey,
  queueBookingNotices,
  type BookingNoticeData,
  type BookingNoticeEvent,
} from '~/services/booking-notices.server';
import { createMailTransport, deliverDueMail } from '~/services/mail-delivery.server';
import { bookingNoticeWorld } from '../support/booking-notice-world';
import { resetDatabase } from '../support/reset-database';
import { runMailWorkerProcess } from '../support/run-mail-worker';
import {
  startTestSmtpServer,
  type ReceivedMail,
  type TestSmtpServer,
} from '../support/smtp-test-server';

const HOUR = 60 * 60_000;
const servers: TestSmtpServer[] = [];
// Each test counts the mail it sends: it starts from an empty outbox.
beforeEach(() => resetDatabase());
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function smtpServer() {
  const server = await startTestSmtpServer();
  servers.push(server);
  return server;
}

function notify(event: BookingNoticeEvent, data: BookingNoticeData, now: Date) {
  writeTransaction((tx) => queueBookingNotices(tx, event, data, now));
}

/** Sends the notices due at `now` in this process (the server before its restart). */
async function deliverHere(server: TestSmtpServer, now: Date) {
  const transport = createMailTransport(server.url);
  try {
    return await deliverDueMail({ transport, now: () => now });
  } finally {
    transport.close();
  }
}

function invite(mail: ReceivedMail) {
  const part = mail.attachments.find((a) => a.filename === 'invite.ics')!;
  const calendar = new ICAL.Component(ICAL.parse(part.content));
  const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
  return {
    method: calendar.getFirstPropertyValue('method'),
    sequence: event.sequence,
    start: event.startDate.toJSDate().toISOString(),
  };
}

describe('reminders 24 h before a consultation', () => {
  test('are sent once at their time by a worker started after a restart, with the invitation', async () => {
    const { family, consultant, data } = await bookingNoticeWorld();
    const now = new Date('2030-01-01T03:00:00Z');
    const booking = data(new Date('2030-01-05T04:00:00Z'));
    const due = new Date('2030-01-04T04:00:00Z');
    notify('booked', booking, now);
    const before = await smtpServer();
    expect(await deliverHere(before, now)).toMatchObject({ sent: 2 });
    expect(before.received.every((m) => invite(m).method === 'REQUEST')).toBe(true);
    await before.close();
    servers.splice(servers.indexOf(before), 1);

    // The server restarts; a new worker, in a new process, finds the reminders in the file.
    const after = await smtpServer();
    expect(await runMailWorkerProcess(after.url, new Date(due.getTime() - 60_000))).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });
    expect(await runMailWorkerProcess(after.url, due)).toEqual({ sent: 2, retrying: 0, failed: 0 });
    expect(await runMailWorkerProcess(after.url, new Date(due.getTime() + HOUR))).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });

    expect(after.received.map((m) => m.to[0]).sort()).toEqual(
      [family!.email, consultant.email].sort(),
    );
    const toFamily = after.received.find((m) => m.to[0] === family!.email)!;
    const toConsultant = after.received.find((m) => m.to[0] === consultant.email)!;
    expect(toFamily.text).toContain(resources.ky.email.booking.familyReminder);
    expect(toFamily.text).toContain('10:00, Бишкек убактысы');
    expect(toConsultant.text).toContain(resources.ru.email.booking.consultantReminder);
    for (const mail of after.received) {
      expect(invite(mail)).toEqual({
        method: 'REQUEST',
        sequence: 0,
        start: booking.startsAt.toISOString(),
      });
    }
    expect(listMailOfJob(bookingReminderKey(booking.bookingId)).map((m) => m.status)).toEqual([
      'sent',
      'sent',
    ]);
  });

  test('a moved booking drops its old reminders, and the new ones come at the new time', async () => {
    const { family, consultant, data } = await bookingNoticeWorld();
    const server = await smtpServer();
    const bookedAt = new Date('2030-02-01T03:00:00Z');
    const booking = data(new Date('2030-02-05T04:00:00Z'));
    notify('booked', booking, bookedAt);
    const movedAt = new Date('2030-02-02T03:00:00Z');
    const moved = {
      ...booking,
      sequence: 1,
      startsAt: new Date('2030-02-07T09:00:00Z'),
      previousStartsAt: booking.startsAt,
    };
    notify('moved', moved, movedAt);
    const rows = listMailOfJob(bookingReminderKey(booking.bookingId));
    expect(rows.map((r) => [r.status, r.notBefore?.toISOString()])).toEqual([
      ['dropped', '2030-02-04T04:00:00.000Z'],
      ['dropped', '2030-02-04T04:00:00.000Z'],
      ['pending', '2030-02-06T09:00:00.000Z'],
      ['pending', '2030-02-06T09:00:00.000Z'],
    ]);

    // The booking and move notices go at once; at the old reminder time nothing more goes.
    expect(await deliverHere(server, movedAt)).toMatchObject({ sent: 4 });
    const moveNotice = server.received.find(
      (m) => m.to[0] === family!.email && m.text.includes(resources.ky.email.booking.familyMoved),
    )!;
    expect(moveNotice.text).toContain('15:00, Бишкек убактысы');
    expect(invite(moveNotice)).toMatchObject({ method: 'REQUEST', sequence: 1 });
    expect(await runMailWorkerProcess(server.url, new Date('2030-02-04T04:00:00Z'))).toMatchObject({
      sent: 0,
    });
    expect(await runMailWorkerProcess(server.url, new Date('2030-02-06T09:00:00Z'))).toMatchObject({
      sent: 2,
    });
    const reminders = server.received.slice(4);
    expect(reminders.map((m) => m.to[0]).sort()).toEqual([family!.email, consultant.email].sort());
    for (const mail of reminders) {
      expect(invite(mail)).toEqual({
        method: 'REQUEST',
        sequence: 1,
        start: '2030-02-07T09:00:00.000Z',
      });
    }
  });

  test('a cancelled booking’s reminder never arrives', async () => {
    const { data } = await bookingNoticeWorld();
    const server = await smtpServer();
    const now = new Date('2030-03-01T03:00:00Z');
    const booking = data(new Date('2030-03-05T04:00:00Z'));
    notify('booked', booking, now);
    notify('cancelled', { ...booking }, new Date('2030-03-02T03:00:00Z'));
    expect(listMailOfJob(bookingReminderKey(booking.bookingId)).map((m) => m.status)).toEqual([
      'dropped',
      'dropped',
    ]);
    expect(await deliverHere(server, new Date('2030-03-05T00:00:00Z'))).toEqual({
      sent: 4,
      retrying: 0,
      failed: 0,
    });
    // Two booking notices and two cancellations (METHOD:CANCEL); no reminder.
    expect(server.received.map((m) => invite(m).method).sort()).toEqual([
      'CANCEL',
      'CANCEL',
      'REQUEST',
      'REQUEST',
    ]);
    expect(
      server.received.some(
        (m) =>
          m.text.includes(resources.ky.email.booking.familyReminder) ||
          m.text.includes(resources.ru.email.booking.consultantReminder),
      ),
    ).toBe(false);
  });

  test('a family given a freed place from the waiting list is told so, and reminded', async () => {
    const { family, consultant, data } = await bookingNoticeWorld();
    const server = await smtpServer();
    const now = new Date('2030-03-10T03:00:00Z');
    const booking = data(new Date('2030-03-15T04:00:00Z'));
    notify('promoted', booking, now);
    expect(await deliverHere(server, now)).toMatchObject({ sent: 2 });
    expect(server.received.find((m) => m.to[0] === family!.email)!.text).toContain(
      resources.ky.email.booking.familyPromoted,
    );
    expect(server.received.find((m) => m.to[0] === consultant.email)!.text).toContain(
      resources.ru.email.booking.consultantPromoted,
    );
    expect(listMailOfJob(bookingReminderKey(booking.bookingId)).map((m) => m.status)).toEqual([
      'pending',
      'pending',
    ]);
  });

  test('a booking less than 24 h ahead gets its notice and no reminder', async () => {
    const { data } = await bookingNoticeWorld();
    const now = new Date('2030-04-01T03:00:00Z');
    const booking = data(new Date('2030-04-01T20:00:00Z'));
    notify('booked', booking, now);
    expect(listMailOfJob(bookingReminderKey(booking.bookingId))).toEqual([]);
  });
});

describe('safe contact for booking notices', () => {
  test('a phone-only family gets no mail and no invented address; her consultant does', async () => {
    const { family, consultant, data } = await bookingNoticeWorld({
      family: { email: null, phone: '+996555123456' },
    });
    const server = await smtpServer();
    const now = new Date('2030-05-01T03:00:00Z');
    const booking = data(new Date('2030-05-05T04:00:00Z'), {
      mode: 'phone',
      phone: '+996312000111',
    });
    notify('booked', booking, now);
    const familyRows = db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.recipientUserId, family!.id))
      .all();
    // Her notice and her reminder are kept for her facilitator, with no address.
    expect(familyRows.map((r) => [r.status, r.withheldReason, r.toAddress])).toEqual([
      ['withheld', 'no-address', null],
      ['withheld', 'no-address', null],
    ]);
    await deliverHere(server, new Date('2030-05-04T04:00:00Z'));
    expect(server.received.map((m) => m.to[0])).toEqual([consultant.email, consultant.email]);
    for (const mail of server.received) {
      const part = mail.attachments.find((a) => a.filename === 'invite.ics')!.content;
      // No attendee: an address for her would be invented.
      expect(part).not.toMatch(/ATTENDEE/);
      expect(part).toContain('+996312000111');
    }
  });

  test('a family who is told only through her facilitator gets no e-mail; the rows say why', async () => {
    const { family, consultant, data } = await bookingNoticeWorld({
      family: { contactOnlyViaFacilitator: true },
    });
    const server = await smtpServer();
    const now = new Date('2030-06-01T03:00:00Z');
    const booking = data(new Date('2030-06-05T04:00:00Z'));
    notify('booked', booking, now);
    const withheld = db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.recipientUserId, family!.id), eq(mailOutbox.status, 'withheld')))
      .all();
    expect(withheld.map((r) => [r.template, r.withheldReason])).toEqual([
      ['booking-confirmed', 'via-facilitator-only'],
      ['booking-reminder', 'via-facilitator-only'],
    ]);
    await deliverHere(server, new Date('2030-06-04T04:00:00Z'));
    expect(server.received.map((m) => m.to[0])).toEqual([consultant.email, consultant.email]);
    // Cancelling drops the reminder her facilitator would otherwise still see to pass on.
    notify('cancelled', booking, new Date('2030-06-02T03:00:00Z'));
    expect(
      listMailOfJob(bookingReminderKey(booking.bookingId)).map((m) => [m.template, m.status]),
    ).toEqual([
      ['booking-reminder', 'dropped'],
      ['consultant-booking-reminder', 'sent'],
    ]);
  });

  test('a family without an account gets no row at all', async () => {
    const { consultant, data } = await bookingNoticeWorld({ family: null });
    const now = new Date('2030-07-01T03:00:00Z');
    const booking = data(new Date('2030-07-05T04:00:00Z'));
    notify('booked', booking, now);
    const rows = listMailOfJob(bookingReminderKey(booking.bookingId));
    expect(rows.map((r) => r.recipientUserId)).toEqual([consultant.id]);
  });
});
