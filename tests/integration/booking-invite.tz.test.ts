// Every booking invitation the app sends, read back from a real SMTP server and parsed by a real
// iCalendar parser (ical.js): one UID for the booking across booking, move and cancellation,
// SEQUENCE raised, METHOD and STATUS right, and times in UTC equal to the booking's. Runs with
// the server clock in UTC and in Asia/Bishkek; the e-mail text gives the Bishkek time.
import ICAL from 'ical.js';
import { afterEach, expect, test } from 'vitest';
import { writeTransaction } from '~db/client';
import { resources } from '~/i18n/resources';
import { createMailTransport, deliverDueMail } from '~/services/mail-delivery.server';
import { queueBookingNotices } from '~/services/booking-notices.server';
import { buildBookingInvite } from '~/services/calendar-invite.server';
import { bookingNoticeWorld } from '../support/booking-notice-world';
import {
  startTestSmtpServer,
  type ReceivedMail,
  type TestSmtpServer,
} from '../support/smtp-test-server';

const servers: TestSmtpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function parseInvite(mail: ReceivedMail) {
  const calendars = mail.attachments.filter((a) => /calendar|ics/.test(a.contentType));
  expect(calendars.length, 'the invitation is attached').toBeGreaterThan(0);
  // Every calendar part of the message is the same invitation.
  expect(new Set(calendars.map((c) => c.content.replace(/\r\n[ \t]/g, ''))).size).toBe(1);
  const raw = calendars[0]!.content;
  const partMethod = calendars.find((c) => c.contentType === 'text/calendar')?.method ?? null;
  const calendar = new ICAL.Component(ICAL.parse(raw));
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  const unfolded = raw.replace(/\r\n[ \t]/g, '');
  return {
    raw: unfolded,
    partMethod,
    method: calendar.getFirstPropertyValue('method'),
    uid: event.uid,
    sequence: event.sequence,
    status: vevent.getFirstPropertyValue('status'),
    start: event.startDate.toJSDate(),
    end: event.endDate.toJSDate(),
    startIsUtc: event.startDate.zone?.tzid === 'UTC',
    location: event.location,
    organizer: vevent.getFirstPropertyValue('organizer'),
    attendees: vevent.getAllProperties('attendee').map((p) => p.getFirstValue()),
  };
}

test('the invitations of a booked, moved and cancelled consultation update one calendar entry', async () => {
  const server = await startTestSmtpServer();
  servers.push(server);
  const transport = createMailTransport(server.url);
  const { family, consultant, data } = await bookingNoticeWorld();
  const now = new Date('2030-01-01T03:00:00Z');
  // 10:00 in Bishkek (UTC+6) on 10 January 2030.
  const booked = data(new Date('2030-01-10T04:00:00Z'));
  const moved = {
    ...booked,
    sequence: 1,
    startsAt: new Date('2030-01-11T08:30:00Z'),
    previousStartsAt: booked.startsAt,
  };

  const rounds: { event: 'booked' | 'moved' | 'cancelled'; data: typeof booked }[] = [
    { event: 'booked', data: booked },
    { event: 'moved', data: moved },
    { event: 'cancelled', data: moved },
  ];
  const invites: ReturnType<typeof parseInvite>[][] = [];
  for (const round of rounds) {
    writeTransaction((tx) => queueBookingNotices(tx, round.event, round.data, now));
    const before = server.received.length;
    expect(await deliverDueMail({ transport, now: () => now })).toMatchObject({ sent: 2 });
    const mails = server.received.slice(before);
    expect(mails.map((m) => m.to[0]).sort()).toEqual([family!.email, consultant.email].sort());
    invites.push(mails.map(parseInvite));
  }

  const uid = `booking-${booked.bookingId}@localhost`;
  for (const [index, round] of rounds.entries()) {
    for (const invite of invites[index]!) {
      expect(invite.uid).toBe(uid);
      expect(invite.start.toISOString()).toBe(round.data.startsAt.toISOString());
      expect(invite.end.getTime() - invite.start.getTime()).toBe(45 * 60_000);
      expect(invite.startIsUtc).toBe(true);
      expect(invite.raw).toMatch(/DTSTART:\d{8}T\d{6}Z/);
      expect(invite.raw).not.toMatch(/VTIMEZONE|TZID/);
      expect(invite.location).toContain('Айыл өкмөтү, Ленин көч. 5');
      expect(String(invite.organizer).toLowerCase()).toBe(`mailto:${consultant.email}`);
      // The calendar part says the same method, so a mail app offers "add" or "remove".
      expect(invite.partMethod).toBe(invite.method);
    }
  }
  const [bookedInvites, movedInvites, cancelledInvites] = invites;
  for (const invite of bookedInvites!) {
    expect(invite).toMatchObject({ method: 'REQUEST', sequence: 0, status: 'CONFIRMED' });
  }
  for (const invite of movedInvites!) {
    expect(invite).toMatchObject({ method: 'REQUEST', sequence: 1, status: 'CONFIRMED' });
  }
  for (const invite of cancelledInvites!) {
    expect(invite).toMatchObject({ method: 'CANCEL', sequence: 2, status: 'CANCELLED' });
  }
  // The family is the attendee, by her own address.
  expect(bookedInvites![0]!.attendees.map(String)).toEqual([
    expect.stringContaining(family!.email!),
  ]);
});

test('the e-mail gives the time in Bishkek, named, in her language and in the consultant’s', async () => {
  const server = await startTestSmtpServer();
  servers.push(server);
  const { family, consultant, data } = await bookingNoticeWorld();
  const now = new Date('2030-01-01T03:00:00Z');
  writeTransaction((tx) =>
    queueBookingNotices(tx, 'booked', data(new Date('2030-01-10T04:00:00Z')), now),
  );
  await deliverDueMail({ transport: createMailTransport(server.url), now: () => now });
  const toFamily = server.received.find((m) => m.to[0] === family!.email)!;
  const toConsultant = server.received.find((m) => m.to[0] === consultant.email)!;
  expect(toFamily.text).toContain(resources.ky.email.booking.familyBooked);
  expect(toFamily.text).toMatch(/10:00, Бишкек убактысы/);
  expect(toConsultant.text).toContain(resources.ru.email.booking.consultantBooked);
  expect(toConsultant.text).toMatch(/10:00 \(время Бишкека\)/);
  for (const mail of [toFamily, toConsultant]) expect(mail.text).not.toMatch(/04:00/);
});

test('an online or phone consultation carries its link or number; no address is ever made up', async () => {
  const { consultant, data } = await bookingNoticeWorld({
    family: { email: null, phone: '+996700111222' },
  });
  const online = buildBookingInvite(
    data(new Date('2030-01-10T04:00:00Z'), { mode: 'online', link: 'https://meet.example/abc' }),
    'REQUEST',
  );
  const onlineEvent = new ICAL.Event(
    new ICAL.Component(ICAL.parse(online)).getFirstSubcomponent('vevent')!,
  );
  expect(onlineEvent.location).toBe('https://meet.example/abc');
  expect(online).toMatch(/^URL[:;].*https:\/\/meet\.example\/abc/m);

  // A consultant without an address: no ORGANIZER line rather than an invented address; a
  // phone-only family: no ATTENDEE.
  const phone = buildBookingInvite(
    data(new Date('2030-01-10T04:00:00Z'), {
      mode: 'phone',
      phone: '+996312000111',
      consultant: { ...consultant, email: null },
    }),
    'REQUEST',
  );
  const calendar = new ICAL.Component(ICAL.parse(phone));
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  expect(new ICAL.Event(vevent).location).toContain('+996312000111');
  expect(vevent.getAllProperties('organizer')).toEqual([]);
  expect(vevent.getAllProperties('attendee')).toEqual([]);
  expect(phone).not.toMatch(/MAILTO:(?!\S+@\S+)/i);
});

test('every line of an invitation is at most 75 octets, and Cyrillic text reads back whole', async () => {
  const { data } = await bookingNoticeWorld();
  const place =
    'Кара-Суу районунун айыл өкмөтүнүн имараты, экинчи кабат, жыйындар залы, Ленин көчөсү 125';
  const text = buildBookingInvite(data(new Date('2030-01-10T04:00:00Z'), { place }), 'REQUEST', {
    locale: 'ky',
  });
  for (const line of text.split('\r\n'))
    expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  const event = new ICAL.Event(
    new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!,
  );
  expect(event.location).toBe(`${place}, Ивановка`);
  expect(event.summary).toBe('Кеңеш: Гульнара Бекова');
});
