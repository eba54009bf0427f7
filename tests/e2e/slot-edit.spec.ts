// A consultant changes a booked consultation time (issue 12, "she edits; booked families are
// told"), in Kyrgyz: the form on the slot's page is filled with the current time and place, says
// at once what the chosen mode needs, and the family's bookings page then shows the new time.
// Without JavaScript the same form posts and the page says the change was saved.
import { resources } from '~/i18n/resources';
import { bookConsultation } from '~/services/bookings.server';
import { programmeTimeZone } from '~/services/consultation-slots.server';
import { utcToZonedLocal } from '~/utils/timezone';
import { createSlot } from '../support/booking-factories';
import { createUser } from '../support/factories';
import { sessionCookieFor } from '../support/jury-factories';
import { sessionUserOf } from '../support/session-user';
import { consultationVillage, hoursAhead } from './support/booking-journey';
import { checkPage, expect, test } from './support/fixtures';
import { uniqueEmail, waitForHydration } from './support/journeys';

const ky = resources.ky.consultant;

async function bookedSlot() {
  const village = await consultationVillage();
  const consultant = await createUser({
    roles: ['consultant'],
    locale: 'ky',
    name: 'Гүлнара Асанова',
    email: uniqueEmail('consultant'),
  });
  const slot = createSlot({
    consultantId: consultant.id,
    localityId: village.locality.id,
    startsAt: hoursAhead(72),
    capacity: 1,
  });
  const family = await village.family('ky');
  const booked = bookConsultation(sessionUserOf(family.user!), {
    slotId: slot.id,
    applicationId: family.application.id,
    helpWith: null,
    joinWaitingList: false,
  });
  expect(booked.ok).toBe(true);
  // The new day: four days from now, on the programme's clock.
  const newDay = utcToZonedLocal(hoursAhead(96), programmeTimeZone()).slice(0, 10);
  return { consultant, slot, family, newDay };
}

test('a consultant changes a booked time in Kyrgyz; the family sees the new time', async ({
  page,
  signInAs,
  newBrowserPage,
}) => {
  const { consultant, slot, family, newDay } = await bookedSlot();
  await signInAs(consultant);
  await page.goto(`/consultant/slots/${slot.id}`);
  await waitForHydration(page);
  await page.getByText(ky.slot.editTitle, { exact: true }).click();
  const place = page.getByLabel(ky.publish.place, { exact: true });
  await expect(place).toHaveValue('Айыл өкмөтү, 2-кабат');
  await expect(page.getByLabel(ky.slot.editMinutes, { exact: true })).toHaveValue('45');
  // With JavaScript the form says at once that an in-person time needs its address.
  await place.fill('');
  await page.getByRole('button', { name: ky.slot.editSubmit }).click();
  await expect(page.getByText(resources.ky.errors.validation.required).first()).toBeVisible();
  await place.fill('Мектеп, 5-класс');
  await page.getByLabel(ky.publish.date, { exact: true }).fill(newDay);
  await page.getByLabel(ky.publish.startTime, { exact: true }).fill('15:30');
  await page.getByLabel(ky.slot.editMinutes, { exact: true }).fill('60');
  await checkPage(page);
  await page.getByRole('button', { name: ky.slot.editSubmit }).click();
  await expect(page.getByRole('status')).toHaveText(ky.slot.editedDone);
  await expect(page.getByText('15:30–16:30')).toBeVisible();
  await checkPage(page);

  const familyPage = await newBrowserPage();
  const [name, ...value] = (await sessionCookieFor(family.user!)).split('=');
  await familyPage
    .context()
    .addCookies([{ name: name!, value: value.join('='), url: new URL(page.url()).origin }]);
  await familyPage.goto('/bookings');
  await expect(familyPage.getByText(/15:30–16:30/)).toBeVisible();
  await expect(familyPage.getByText(/Мектеп, 5-класс/)).toBeVisible();
  await checkPage(familyPage);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the change form posts and the page shows the new time', async ({ page, signInAs }) => {
    const { consultant, slot, newDay } = await bookedSlot();
    await signInAs(consultant);
    await page.goto(`/consultant/slots/${slot.id}`);
    await page.getByText(ky.slot.editTitle, { exact: true }).click();
    await page.getByLabel(ky.publish.date, { exact: true }).fill(newDay);
    await page.getByLabel(ky.publish.startTime, { exact: true }).fill('09:15');
    await page.getByRole('button', { name: ky.slot.editSubmit }).click();
    await expect(page.getByRole('status')).toHaveText(ky.slot.editedDone);
    await expect(page.getByText('09:15–10:00')).toBeVisible();
  });
});
