import type { AppTFunction, Locale } from '../app/i18n/config';
import type { ConsultationMode } from '../app/schemas/enums';
import { defineEmail, formatNoticeTime, type EmailBlock } from './layout';

/** What a booking notice says, to the family or to her consultant. Times are UTC instants. */
export type BookingEmailParams = {
  name: string;
  /** The application's reference, for the neutral subject (empty for a draft). */
  reference: string;
  startsAt: Date;
  /** Before a move, the time it had. */
  previousStartsAt?: Date | null;
  minutes: number;
  timeZone: string;
  mode: ConsultationMode;
  place: string | null;
  phone: string | null;
  link: string | null;
  localityName: string;
  consultantName: string;
  familyName: string;
  helpWith: string | null;
  /** Whether an invitation (.ics) is attached. */
  withInvite: boolean;
  url: string;
};

type Audience = 'family' | 'consultant';
type BookingEmailEvent = 'booked' | 'promoted' | 'moved' | 'cancelled' | 'reminder';

const HEADLINE = {
  family: {
    booked: 'email:booking.familyBooked',
    promoted: 'email:booking.familyPromoted',
    moved: 'email:booking.familyMoved',
    cancelled: 'email:booking.familyCancelled',
    reminder: 'email:booking.familyReminder',
  },
  consultant: {
    booked: 'email:booking.consultantBooked',
    promoted: 'email:booking.consultantPromoted',
    moved: 'email:booking.consultantMoved',
    cancelled: 'email:booking.consultantCancelled',
    reminder: 'email:booking.consultantReminder',
  },
} as const satisfies Record<Audience, Record<BookingEmailEvent, string>>;

function where(t: AppTFunction, p: BookingEmailParams): string {
  switch (p.mode) {
    case 'in-person':
      return t('email:booking.inPerson', { place: p.place ?? '', locality: p.localityName });
    case 'phone':
      return p.phone
        ? t('email:booking.byPhone', { phone: p.phone })
        : t('email:booking.byPhoneNoNumber');
    case 'online':
      return t('email:booking.online', { link: p.link ?? '' });
    default:
      return p.localityName ?? '';
  }
}

function compose(
  audience: Audience,
  event: BookingEmailEvent,
  t: AppTFunction,
  p: BookingEmailParams,
  locale: Locale,
) {
  const time = (instant: Date) => formatNoticeTime(t, instant, locale, p.timeZone);
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: t('email:greeting', { name: p.name }) },
    { kind: 'paragraph', text: t(HEADLINE[audience][event]) },
    {
      kind: 'paragraph',
      text: t('email:booking.when', { time: time(p.startsAt), minutes: p.minutes }),
    },
  ];
  if (event === 'moved' && p.previousStartsAt) {
    blocks.push({
      kind: 'note',
      text: t('email:booking.wasWhen', { time: time(p.previousStartsAt) }),
    });
  }
  blocks.push({ kind: 'paragraph', text: where(t, p) });
  if (audience === 'family') {
    blocks.push({
      kind: 'paragraph',
      text: t('email:booking.withConsultant', { name: p.consultantName }),
    });
  } else {
    blocks.push({
      kind: 'paragraph',
      text: t('email:booking.family', { name: p.familyName, locality: p.localityName }),
    });
    if (p.helpWith && event !== 'cancelled') {
      blocks.push({
        kind: 'paragraph',
        text: t('email:booking.helpWith', { helpWith: p.helpWith }),
      });
    }
  }
  if (p.withInvite) blocks.push({ kind: 'note', text: t('email:booking.calendar') });
  if (audience === 'family') {
    blocks.push({
      kind: 'note',
      text: t(event === 'cancelled' ? 'email:booking.cancelledNext' : 'email:booking.cancelHint'),
    });
  }
  blocks.push({
    kind: 'button',
    label: t(audience === 'family' ? 'email:booking.action' : 'email:booking.consultantAction'),
    url: p.url,
  });
  return { reference: p.reference || undefined, blocks };
}

function bookingEmail(name: string, audience: Audience, event: BookingEmailEvent) {
  return defineEmail<BookingEmailParams>({
    name,
    kind: 'programme',
    // Her own words and her family's name are read only after the neutral opening.
    sensitive: ['helpWith', 'familyName'],
    namesFamily: audience === 'consultant',
    compose: (t, p, locale) => compose(audience, event, t, p, locale),
  });
}

export const bookingConfirmedEmail = bookingEmail('booking-confirmed', 'family', 'booked');
export const bookingPromotedEmail = bookingEmail('booking-promoted', 'family', 'promoted');
export const bookingMovedEmail = bookingEmail('booking-moved', 'family', 'moved');
export const bookingCancelledEmail = bookingEmail('booking-cancelled', 'family', 'cancelled');
export const bookingReminderEmail = bookingEmail('booking-reminder', 'family', 'reminder');

export const consultantBookingNewEmail = bookingEmail(
  'consultant-booking-new',
  'consultant',
  'booked',
);
export const consultantBookingPromotedEmail = bookingEmail(
  'consultant-booking-promoted',
  'consultant',
  'promoted',
);
export const consultantBookingMovedEmail = bookingEmail(
  'consultant-booking-moved',
  'consultant',
  'moved',
);
export const consultantBookingCancelledEmail = bookingEmail(
  'consultant-booking-cancelled',
  'consultant',
  'cancelled',
);
export const consultantBookingReminderEmail = bookingEmail(
  'consultant-booking-reminder',
  'consultant',
  'reminder',
);

export const BOOKING_EMAILS = {
  family: {
    booked: bookingConfirmedEmail,
    promoted: bookingPromotedEmail,
    moved: bookingMovedEmail,
    cancelled: bookingCancelledEmail,
    reminder: bookingReminderEmail,
  },
  consultant: {
    booked: consultantBookingNewEmail,
    promoted: consultantBookingPromotedEmail,
    moved: consultantBookingMovedEmail,
    cancelled: consultantBookingCancelledEmail,
    reminder: consultantBookingReminderEmail,
  },
} as const;
