// The notices a consultation booking sends: to the family (the attendee) and her consultant
// (the organiser), each with an iCalendar invitation, and the reminders due 24 h before.
//
// CONTRACT (lead, 2026-12-06): the booking services call only `queueBookingNotices`, inside the
// transaction that changes the booking. The implementation (outbox not-before time and
// attachments, .ics, durable reminders, e-mail templates) is being written in parallel on the
// branch `booking-notices` and replaces this body when merged; until then nothing is queued.
import type { Tx } from '~db/client';
import type { ConsultationMode } from '~/schemas/enums';
import type { NoticeRecipient } from '~/services/notices.server';

/** What a booking notice needs to know, gathered by the booking service. Times are UTC. */
export type BookingNoticeData = {
  bookingId: number;
  /** iCalendar SEQUENCE: 0 at booking, raised at each move. */
  sequence: number;
  startsAt: Date;
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

export function queueBookingNotices(
  _tx: Tx,
  _event: BookingNoticeEvent,
  _booking: BookingNoticeData,
  _now: Date,
): void {
  // Replaced by the `booking-notices` branch (see the contract above).
}
