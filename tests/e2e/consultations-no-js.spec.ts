// A family books a free consultation in Kyrgyz on a 360-px phone whose JavaScript does not run,
// then moves it to another time of the same consultant.
import { eq } from 'drizzle-orm';
import { db } from '~db/client';
import { consultationBookings } from '~db/schema/consultations';
import { bookConsultation } from '~/services/bookings.server';
import { sessionUserOf } from '../support/session-user';
import { consultationVillage } from './support/booking-journey';
import { expect, test } from './support/fixtures';
import {
  checkPageWithoutJavaScript,
  expectNoHorizontalOverflow,
  fill,
  textsIn,
} from './support/journeys';

test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

test('without JavaScript a family books a consultation in Kyrgyz and moves it', async ({
  page,
  signInAs,
}) => {
  const b = textsIn('ky').bookings;
  const village = await consultationVillage();
  const first = village.slot(72);
  const later = village.slot(96);
  const family = await village.family('ky');
  await signInAs(family.user!);

  await page.goto(`/consultations?village=${village.locality.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(b.open.title);
  await page.waitForLoadState('load');
  await checkPageWithoutJavaScript(page);
  await expectNoHorizontalOverflow(page);
  await expect(page.getByText(fill(b.open.placesLeft_one, { count: 1 })).first()).toBeVisible();
  await page
    .getByRole('link', { name: new RegExp(b.open.book) })
    .first()
    .click();
  await expect(page).toHaveURL(`/consultations/${first.id}`);
  await page.waitForLoadState('load');
  await checkPageWithoutJavaScript(page);
  await expectNoHorizontalOverflow(page);
  // Her only application is already chosen.
  await expect(page.getByLabel(b.book.application)).toHaveValue(String(family.application.id));
  await page.getByLabel(b.book.helpWith).fill('Теплицанын бюджети');
  await page.getByRole('button', { name: b.book.submit, exact: true }).click();

  await expect(page).toHaveURL(/\/bookings\?booked=\d+/);
  await expect(page.getByRole('status')).toContainText(b.book.booked.split('{{')[0]!.trim());
  await page.waitForLoadState('load');
  await checkPageWithoutJavaScript(page);
  await expectNoHorizontalOverflow(page);
  const booking = db
    .select()
    .from(consultationBookings)
    .where(eq(consultationBookings.householdId, family.household.id))
    .get()!;
  expect(booking).toMatchObject({
    slotId: first.id,
    status: 'booked',
    bookedById: family.user!.id,
    helpWith: 'Теплицанын бюджети',
    sequence: 0,
  });
  await expect(page.getByRole('link', { name: b.mine.invite })).toHaveAttribute(
    'href',
    `/bookings/${booking.id}/invite.ics`,
  );

  // Move it to the consultant's later time.
  await page.getByRole('link', { name: b.mine.move }).click();
  await expect(page).toHaveURL(`/bookings/${booking.id}/move`);
  await page.waitForLoadState('load');
  await checkPageWithoutJavaScript(page);
  await expectNoHorizontalOverflow(page);
  await page.getByRole('radio').first().check();
  await page.getByRole('button', { name: b.move.submit }).click();
  await expect(page).toHaveURL(new RegExp(`/bookings\\?moved=${booking.id}`));
  await expect(page.getByRole('status')).toContainText(b.mine.movedDone.split('{{')[0]!.trim());
  const moved = db
    .select()
    .from(consultationBookings)
    .where(eq(consultationBookings.id, booking.id))
    .get()!;
  expect(moved).toMatchObject({ slotId: later.id, status: 'booked', sequence: 1 });

  // A consultation less than a day ahead can no longer be changed here, and the page says so.
  const soon = village.slot(10);
  expect(
    bookConsultation(sessionUserOf(family.user!), {
      slotId: soon.id,
      applicationId: family.application.id,
      helpWith: null,
      joinWaitingList: false,
    }).ok,
  ).toBe(true);
  await page.goto('/bookings');
  const soonCard = page
    .getByRole('listitem')
    .filter({ hasText: fill(b.mine.tooLate, { hours: 24 }) });
  await expect(soonCard).toHaveCount(1);
  await expect(soonCard.getByRole('button', { name: b.mine.cancel })).toHaveCount(0);
  await expect(soonCard.getByRole('link', { name: b.mine.move })).toHaveCount(0);
});
