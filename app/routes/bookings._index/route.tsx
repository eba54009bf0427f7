import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { BOOKING_INTENT, BookingCard, FamilyBookingSections } from '~/components/booking-list';
import { FormAlert } from '~/components/form-fields';
import { fixedT } from '~/i18n/i18n.server';
import { findBooking, findSlot } from '~/models/consultation-booking.server';
import { bookingIdSchema } from '~/schemas/full.server';
import { facilitatorBookings, ownBookings } from '~/services/booking-view.server';
import { cancelBooking } from '~/services/bookings.server';
import { formattedInstant } from '~/i18n/format';
import bookingStyles from '~/styles/bookings.css';
import { requirePermission } from '~/utils/auth.server';
import { formIntent, parseForm, readFormData } from '~/utils/forms.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';
import { programmeTimeZone } from '~/services/bookings.server';

export const handle: RouteAccess = { access: 'consultations:book' };
export const meta = titleFromLoader;
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: bookingStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'consultations:book');
  const locale = actor.user.locale;
  const url = new URL(request.url);
  // The one-time message after booking or moving names the time it is for.
  const doneId = Number(
    url.searchParams.get('booked') ??
      url.searchParams.get('waiting') ??
      url.searchParams.get('moved'),
  );
  const done = doneId > 0 ? findBooking(doneId) : undefined;
  const doneSlot = done ? findSlot(done.slotId) : undefined;
  return json({
    pageTitle: fixedT(locale)(
      actor.roles.includes('applicant') ? 'bookings:mine.title' : 'bookings:facilitator.title',
    ),
    own: actor.roles.includes('applicant') ? ownBookings(actor, locale) : null,
    villages: actor.roles.includes('facilitator') ? facilitatorBookings(actor, locale) : null,
    doneDate: doneSlot
      ? formattedInstant(doneSlot.startsAt, locale, { timeZone: programmeTimeZone() }).text
      : null,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, 'consultations:book');
  const formData = await readFormData(request);
  if (formIntent(formData) !== BOOKING_INTENT.cancel) {
    throw new Response('Unknown intent', { status: 400 });
  }
  const parsed = parseForm(formData, bookingIdSchema);
  if (!parsed.ok) throw new Response('Bad request', { status: 400 });
  const result = cancelBooking(actor, { bookingId: parsed.data.bookingId, reason: null });
  if (!result.ok) {
    return json(
      {
        formError: `bookings:errors.${result.error}`,
        errorValues: { hours: String(result.hours ?? ''), limit: String(result.limit ?? '') },
      },
      { status: result.error === 'not-found' ? 404 : 409 },
    );
  }
  return redirect(`/bookings?cancelled=1${result.promoted ? '&promoted=1' : ''}`);
}

function DoneMessage({ date }: { date: string | null }) {
  const [params] = useSearchParams();
  const { t } = useTranslation('bookings');
  const message = params.has('cancelled')
    ? t('mine.cancelledDone')
    : date && params.has('booked')
      ? t('book.booked', { date })
      : date && params.has('waiting')
        ? t('book.waiting', { date })
        : date && params.has('moved')
          ? t('mine.movedDone', { date })
          : null;
  if (!message) return null;
  return (
    <div className="alert alert--success" role="status">
      <p>{message}</p>
      {params.has('promoted') ? <p>{t('mine.promotedNote')}</p> : null}
    </div>
  );
}

export default function BookingsPage() {
  const { own, villages, doneDate } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { t } = useTranslation('bookings');
  return (
    <div className="stack">
      <h1>{own ? t('mine.title') : t('facilitator.title')}</h1>
      <DoneMessage date={doneDate} />
      <FormAlert message={failure?.formError} values={failure?.errorValues} />
      <p>
        <Link to="/consultations" className="button">
          {villages && !own ? t('facilitator.bookFor') : t('mine.findTime')}
        </Link>
      </p>
      {own ? <FamilyBookingSections bookings={own} actions /> : null}
      {villages ? (
        <>
          {own ? <h2>{t('facilitator.title')}</h2> : null}
          <section className="stack" aria-labelledby="to-tell">
            <h2 id="to-tell">{t('facilitator.tellTitle')}</h2>
            <p>{t('facilitator.tellIntro')}</p>
            {villages.toTell.length === 0 ? (
              <p>{t('facilitator.tellNone')}</p>
            ) : (
              <ul className="plain-list booking-list">
                {villages.toTell.map((booking) => (
                  <li key={booking.id} className="card">
                    <h3>{booking.family}</h3>
                    <dl className="details details--stacked">
                      <dt>{t('facilitator.phone')}</dt>
                      <dd>
                        {booking.phone ? (
                          <a href={`tel:${booking.phone}`}>{booking.phone}</a>
                        ) : (
                          t('facilitator.noPhone')
                        )}
                      </dd>
                      <dt>{t('open.date')}</dt>
                      <dd>
                        {booking.slot.startsAt.text} ({booking.slot.timeRange})
                      </dd>
                      <dt>{t('open.where')}</dt>
                      <dd>
                        {t(`modes.${booking.slot.mode}`)}
                        {booking.slot.place ? `: ${booking.slot.place}` : ''},{' '}
                        {booking.slot.village}
                      </dd>
                    </dl>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="stack" aria-labelledby="village-bookings">
            <h2 id="village-bookings">{t('mine.upcoming')}</h2>
            {villages.bookings.length === 0 ? (
              <p>{t('facilitator.none')}</p>
            ) : (
              <ul className="plain-list booking-list">
                {villages.bookings.map((booking) => (
                  <BookingCard key={booking.id} booking={booking} actions family={booking.family} />
                ))}
              </ul>
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}
