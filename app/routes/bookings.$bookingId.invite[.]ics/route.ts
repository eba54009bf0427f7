// A booking's iCalendar invitation, the same file its notices carry, for those who may see the
// booking: the family, her facilitator, the consultant and staff (checked per booking).
import type { LoaderFunctionArgs } from '@remix-run/node';
import { BOOKING_INVITE_FILENAME } from '~/services/calendar-invite.server';
import { bookingInviteFor } from '~/services/bookings.server';
import { requirePermission } from '~/utils/auth.server';
import type { RouteAccess } from '~/utils/permissions';

// Several roles may see a booking (the consultant has no booking permission): the rule is
// mayViewBooking, asked per booking; anyone else gets 404.
export const handle: RouteAccess = { access: 'account:use' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'account:use');
  const bookingId = Number(params.bookingId);
  const invite =
    Number.isInteger(bookingId) && bookingId > 0 ? bookingInviteFor(actor, bookingId) : null;
  if (!invite) throw new Response('Not Found', { status: 404 });
  return new Response(invite.content, {
    headers: {
      'Content-Type': `text/calendar; charset=utf-8; method=${invite.method}`,
      'Content-Disposition': `attachment; filename="${BOOKING_INVITE_FILENAME}"`,
      'Cache-Control': 'no-store',
    },
  });
}
