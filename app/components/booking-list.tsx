import type { SerializeFrom } from '@remix-run/node';
import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { BookingView, FamilyBookings, SlotView } from '~/services/booking-view.server';
import { FormattedDateTime } from './formatted';

/** Where and how: the address, "by phone", or the link (once booked). */
export function SlotWhere({ slot }: { slot: SerializeFrom<SlotView> }) {
  const { t } = useTranslation('bookings');
  return (
    <>
      {t(`modes.${slot.mode}`)}
      {slot.mode === 'in-person' && slot.place ? `: ${slot.place}, ${slot.village}` : null}
      {slot.mode === 'in-person' && !slot.place ? `: ${slot.village}` : null}
      {slot.mode === 'phone' ? ` — ${t('open.byPhoneNote')}` : null}
      {slot.mode === 'online' ? (
        slot.link ? (
          <>
            {' — '}
            <a href={slot.link}>{slot.link}</a>
          </>
        ) : (
          ` — ${t('open.onlineNote')}`
        )
      ) : null}
    </>
  );
}

/** The action the booking list posts to: /bookings (cancel). */
export const BOOKING_INTENT = { cancel: 'cancel' } as const;

export function BookingCard({
  booking,
  actions,
  family,
}: {
  booking: SerializeFrom<BookingView>;
  actions: boolean;
  /** The family's name, on a facilitator's list. */
  family?: string;
}) {
  const { t } = useTranslation('bookings');
  const live = booking.status !== 'cancelled';
  return (
    <li className="card booking-card">
      <h3>
        <FormattedDateTime value={booking.slot.startsAt} /> ({booking.slot.timeRange})
        {family ? ` — ${family}` : null}
      </h3>
      {family && booking.status !== 'booked' ? (
        <p>
          <strong>{t(`mine.${booking.status}`)}</strong>
        </p>
      ) : null}
      <dl className="details details--stacked">
        <dt>{t('open.where')}</dt>
        <dd>
          <SlotWhere slot={booking.slot} />
        </dd>
        <dt>{t('open.consultant')}</dt>
        <dd>{booking.slot.consultant}</dd>
        {booking.applicationLabel ? (
          <>
            <dt>{t('mine.application')}</dt>
            <dd>
              <Link to={`/applications/${booking.applicationId}`}>{booking.applicationLabel}</Link>
            </dd>
          </>
        ) : null}
        {booking.helpWith ? (
          <>
            <dt>{t('mine.helpWith')}</dt>
            <dd>{booking.helpWith}</dd>
          </>
        ) : null}
        {booking.past && booking.status === 'booked' ? (
          <>
            {booking.attendance ? (
              <>
                <dt>{t('mine.sectionTitle')}</dt>
                <dd>{t(`mine.attendance.${booking.attendance}`)}</dd>
              </>
            ) : null}
            <dt>{t('mine.advice')}</dt>
            <dd className="booking-advice">{booking.advice ?? t('mine.noAdvice')}</dd>
          </>
        ) : null}
      </dl>
      {!actions && booking.status === 'booked' && !booking.past ? (
        <p>
          <a href={`/bookings/${booking.id}/invite.ics`} download>
            {t('mine.invite')}
          </a>
        </p>
      ) : null}
      {actions && live && !booking.past ? (
        <div className="stack">
          {booking.status === 'booked' ? (
            booking.changeUntil ? (
              <p className="muted">{t('mine.changeUntil', { date: booking.changeUntil })}</p>
            ) : (
              <p className="alert alert--info">
                {t('mine.tooLate', { hours: booking.noticeHours })}
              </p>
            )
          ) : null}
          <div className="row">
            {booking.status === 'booked' ? (
              <a href={`/bookings/${booking.id}/invite.ics`} download>
                {t('mine.invite')}
              </a>
            ) : null}
            {booking.mayMove ? (
              <Link to={`/bookings/${booking.id}/move`} className="button button--secondary">
                {t('mine.move')}
              </Link>
            ) : null}
            {booking.mayCancel ? (
              <Form method="post" action="/bookings">
                <input type="hidden" name="bookingId" value={booking.id} />
                <button
                  type="submit"
                  name="intent"
                  value={BOOKING_INTENT.cancel}
                  className="button button--danger"
                >
                  {booking.status === 'waiting' ? t('mine.leaveWaitingList') : t('mine.cancel')}
                </button>
              </Form>
            ) : null}
          </div>
        </div>
      ) : null}
    </li>
  );
}

/** A family's consultations in their groups; empty groups are left out. */
export function FamilyBookingSections({
  bookings,
  actions,
  headingLevel = 2,
}: {
  bookings: SerializeFrom<FamilyBookings>;
  actions: boolean;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation('bookings');
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const groups = [
    ['upcoming', bookings.upcoming],
    ['waiting', bookings.waiting],
    ['past', bookings.past],
    ['cancelled', bookings.cancelled],
  ] as const;
  if (groups.every(([, list]) => list.length === 0)) return <p>{t('mine.none')}</p>;
  return (
    <>
      {groups.map(([key, list]) =>
        list.length > 0 ? (
          <section key={key} className="stack" aria-labelledby={`bookings-${key}`}>
            <Heading id={`bookings-${key}`}>{t(`mine.${key}`)}</Heading>
            <ul className="plain-list booking-list">
              {list.map((booking) => (
                <BookingCard key={booking.id} booking={booking} actions={actions} />
              ))}
            </ul>
          </section>
        ) : null,
      )}
    </>
  );
}
