// The iCalendar invitation of a consultation booking (RFC 5545 / iTIP): the same file goes with
// every booking notice and is served at /bookings/:id/invite.ics.
import { createEvent, type EventAttributes } from 'ics';
import type { Locale } from '~/i18n/config';
import { fixedT } from '~/i18n/i18n.server';
import type { BookingNoticeData } from '~/services/booking-notices.server';
import { env } from '~/utils/env.server';

export type InviteMethod = 'REQUEST' | 'CANCEL';

/** One UID per booking, kept across moves and the cancellation, so a calendar updates its entry. */
export function bookingInviteUid(bookingId: number): string {
  return `booking-${bookingId}@${env.appUrl.hostname}`;
}

/** The file name the invitation is attached and served under. */
export const BOOKING_INVITE_FILENAME = 'invite.ics';

/**
 * Writes the invitation. REQUEST carries the booking's SEQUENCE (0 at booking, raised at each
 * move); CANCEL has STATUS:CANCELLED and a SEQUENCE one above the last REQUEST, as RFC 5546
 * wants for a change. Times are written in UTC (…Z). The consultant is the organiser (with her
 * address only if she has one: without one there is no ORGANIZER line rather than an invented
 * address); the family is the attendee only if she has an address — never the person who booked
 * for her, and never a made-up address for a phone-only family. The summary names the other
 * person for whom the file is written: the consultant for the family, the family for the
 * consultant.
 */
export function buildBookingInvite(
  data: BookingNoticeData,
  method: InviteMethod,
  options: { locale?: Locale; for?: 'family' | 'consultant' } = {},
): string {
  const audience = options.for ?? 'family';
  const locale =
    options.locale ??
    (audience === 'family'
      ? (data.family?.locale ?? data.consultant.locale)
      : data.consultant.locale);
  const t = fixedT(locale);
  const url = new URL(`/applications/${data.applicationId}`, env.appUrl).toString();
  const location =
    data.mode === 'in-person'
      ? [data.place, data.localityName].filter(Boolean).join(', ')
      : data.mode === 'phone'
        ? data.phone
          ? t('email:bookingInvite.byPhone', { phone: data.phone })
          : data.localityName
        : (data.link ?? data.localityName);
  const event: EventAttributes = {
    uid: bookingInviteUid(data.bookingId),
    method,
    productId: 'ishenim/booking',
    sequence: method === 'CANCEL' ? data.sequence + 1 : data.sequence,
    status: method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
    start: data.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: data.startsAt.getTime() + data.minutes * 60_000,
    endInputType: 'utc',
    endOutputType: 'utc',
    title: t('email:bookingInvite.summary', {
      name: audience === 'family' ? data.consultant.name : data.familyName,
    }),
    description: t('email:bookingInvite.description', { url }),
    location,
    ...(data.mode === 'online' && data.link ? { url: data.link } : {}),
    busyStatus: method === 'CANCEL' ? 'FREE' : 'BUSY',
    ...(data.consultant.email
      ? { organizer: { name: data.consultant.name, email: data.consultant.email } }
      : {}),
    attendees:
      data.family?.email != null
        ? [
            {
              name: data.familyName,
              email: data.family.email,
              role: 'REQ-PARTICIPANT',
              partstat: 'ACCEPTED',
              rsvp: false,
            },
          ]
        : [],
  };
  const { error, value } = createEvent(event);
  if (error || !value) throw error ?? new Error('The invitation could not be written');
  return foldLines(value);
}

const MAX_LINE_OCTETS = 75;

/**
 * RFC 5545 §3.1: a content line is folded so that no line is longer than 75 octets. The `ics`
 * package counts characters, so a Cyrillic summary or address (two octets a letter) came out
 * near twice as long; this refolds by UTF-8 octets, never inside a character.
 */
export function foldLines(calendar: string): string {
  const unfolded = calendar.replace(/\r\n[ \t]/g, '').split('\r\n');
  return unfolded
    .map((line) => {
      const parts: string[] = [];
      let current = '';
      let octets = 0;
      for (const char of line) {
        const size = Buffer.byteLength(char, 'utf8');
        // A continuation line starts with a space, which counts.
        const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
        if (octets + size > limit) {
          parts.push(current);
          current = '';
          octets = 0;
        }
        current += char;
        octets += size;
      }
      parts.push(current);
      return parts.join('\r\n ');
    })
    .join('\r\n');
}
