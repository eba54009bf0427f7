// The notices a consultation booking sends: to the family (the attendee) and her consultant
// (the organiser), each with an iCalendar invitation, and the reminders due 24 h before.
//
// CONTRACT (lead, 2026-12-06): the booking services call only `queueBookingNotices`, inside the
// transaction that changes the booking.
import type { Tx } from '~db/client';
import type { MailAttachment } from '~db/schema/mail';
import { BOOKING_EMAILS, type BookingEmailParams } from '~emails/booking';
import { findApplication } from '~/models/application.server';
import { dropPendingMail } from '~/models/outbox.server';
import type { ConsultationMode } from '~/schemas/enums';
import {
  BOOKING_INVITE_FILENAME,
  buildBookingInvite,
  type InviteMethod,
} from '~/services/calendar-invite.server';
import { appLink, queueNotice, type NoticeRecipient } from '~/services/notices.server';
import { readSetting } from './settings.server';

/** What a booking notice needs to know, gathered by the booking service. Times are UTC. */
export type BookingNoticeData = {
  bookingId: number;
  /** iCalendar SEQUENCE: 0 at booking, raised at each move. */
  sequence: number;
  startsAt: Date;
  /** For "moved": the start it had before, so the notice can say "was …". Optional. */
  previousStartsAt?: Date | null;
  minutes: number;
  mode: ConsultationMode;
  /** The address (in person), the phone number (by phone) or the link (online). */
  place: string | null;
  phone: string | null;
  link: string | null;
  /** The village or town, already in the recipient-neutral form stored for the locality. */
  localityName: string;
  /** The programme's time zone, in which times are written in the e-mail text. */
  timeZone: string;
  /** What the family wants help with, in her words. */
  helpWith: string | null;
  /** The family's account (the attendee). A family without an account gets no e-mail. */
  family: NoticeRecipient | null;
  /** The family's name as the consultant should read it (household name). */
  familyName: string;
  /** Her household, which the consultant's notices name (see EmailTemplate.namesFamily). */
  householdId: number;
  /** The consultant (organiser). */
  consultant: NoticeRecipient;
  /** The application the booking is for, for the link in the e-mail. */
  applicationId: number;
};

/**
 * booked / promoted (from the waiting list) / moved: the family and the consultant are told,
 * with a METHOD:REQUEST invitation, and the booking's reminders are (re)written due 24 h before
 * its start (earlier ones for the booking dropped). cancelled: both are told, with a
 * METHOD:CANCEL invitation, and the booking's pending reminders are dropped.
 */
export type BookingNoticeEvent = 'booked' | 'promoted' | 'moved' | 'cancelled';

/** How long before a consultation its reminder is due by default (the programme's "a day before"). */
export const BOOKING_REMINDER_LEAD_MS = 24 * 60 * 60_000;

/** The job key of a booking's reminders in the outbox: one family and one consultant row. */
export function bookingReminderKey(bookingId: number): string {
  return `booking-reminder:${bookingId}`;
}

/**
 * When a booking's reminder is due, or null when that time has already passed: a booking made
 * (or moved to) less than 24 h ahead gets no reminder, because the notice just sent says the
 * time and a second mail minutes later would only repeat it.
 */
export function bookingReminderDue(
  startsAt: Date,
  now: Date,
  leadMs: number = BOOKING_REMINDER_LEAD_MS,
): Date | null {
  const due = new Date(startsAt.getTime() - leadMs);
  return due > now ? due : null;
}

function invite(
  data: BookingNoticeData,
  method: InviteMethod,
  recipient: NoticeRecipient,
  audience: 'family' | 'consultant',
): MailAttachment {
  return {
    filename: BOOKING_INVITE_FILENAME,
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    content: buildBookingInvite(data, method, { locale: recipient.locale, for: audience }),
    method,
  };
}

/**
 * booked / promoted (from the waiting list) / moved: the family and the consultant are told,
 * with a METHOD:REQUEST invitation, and the booking's reminders are (re)written due 24 h before
 * its start (earlier ones for the booking dropped). cancelled: both are told, with a
 * METHOD:CANCEL invitation, and the booking's pending reminders are dropped.
 *
 * Every row goes through queueNotice, so the family's safe-contact choice holds: a family who
 * may not be e-mailed gets a "withheld" row her facilitator sees, and no mail. A family without
 * an account (`family: null`) gets no row at all. A booking less than 24 h ahead gets no reminder
 * (see bookingReminderDue).
 */
export function queueBookingNotices(
  tx: Tx,
  event: BookingNoticeEvent,
  data: BookingNoticeData,
  now: Date,
): void {
  const reminderKey = bookingReminderKey(data.bookingId);
  // Whatever the event, reminders written for the booking's earlier time are void now.
  dropPendingMail(tx, reminderKey, now);
  const method: InviteMethod = event === 'cancelled' ? 'CANCEL' : 'REQUEST';
  const reference = findApplication(data.applicationId, tx)?.reference ?? '';
  // The lead time is a programme setting (bookingReminderHours, 24 by default).
  const leadMs = readSetting('bookingReminderHours', tx) * 60 * 60_000;
  const due = event === 'cancelled' ? null : bookingReminderDue(data.startsAt, now, leadMs);
  const recipients = [
    ...(data.family
      ? [
          {
            audience: 'family' as const,
            recipient: data.family,
            url: appLink(`/applications/${data.applicationId}`),
          },
        ]
      : []),
    { audience: 'consultant' as const, recipient: data.consultant, url: appLink('/consultant') },
  ];
  for (const { audience, recipient, url } of recipients) {
    const params: BookingEmailParams = {
      name: recipient.name,
      reference,
      startsAt: data.startsAt,
      previousStartsAt: data.previousStartsAt ?? null,
      minutes: data.minutes,
      timeZone: data.timeZone,
      mode: data.mode,
      place: data.place,
      phone: data.phone,
      link: data.link,
      localityName: data.localityName,
      consultantName: data.consultant.name,
      familyName: data.familyName,
      helpWith: data.helpWith,
      withInvite: true,
      url,
    };
    queueNotice(tx, {
      recipient,
      template: BOOKING_EMAILS[audience][event],
      params,
      attachments: [invite(data, method, recipient, audience)],
      householdId: data.householdId,
      now,
    });
    if (due) {
      queueNotice(tx, {
        recipient,
        template: BOOKING_EMAILS[audience].reminder,
        params,
        attachments: [invite(data, 'REQUEST', recipient, audience)],
        notBefore: due,
        jobKey: reminderKey,
        householdId: data.householdId,
        now,
      });
    }
  }
}
