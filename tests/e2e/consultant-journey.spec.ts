// The consultant's side of consultations (issue 12), in Russian: she publishes a village day with
// a lunch break; once the day has come she marks a family's attendance and writes advice; the
// family reads the advice on her application page; staff filter the list and download the CSV.
// The test makes its own people and application; the booking is written as the booking service
// leaves it, and "the day has come" is the slot's start moved to the past.
import { eq } from 'drizzle-orm';
import type { Page } from '@playwright/test';
import { db, writeTransaction } from '~db/client';
import { consultationSlots } from '~db/schema/consultations';
import { resources } from '~/i18n/resources';
import { programmeTimeZone } from '~/services/consultation-slots.server';
import { utcToZonedLocal } from '~/utils/timezone';
import { insertBooking } from '../support/consultation-factories';
import { createLocality, createUser, uniqueSuffix } from '../support/factories';
import { sessionCookieFor } from '../support/jury-factories';
import {
  createApplication,
  createCompetition,
  createHousehold,
} from '../support/programme-factories';
import { checkPage, expect, test } from './support/fixtures';
import { fill, waitForHydration } from './support/journeys';

const ru = resources.ru.consultant;

async function signInOn(page: Page, baseURL: string, user: { id: number }) {
  const [name, ...value] = (await sessionCookieFor(user)).split('=');
  await page.context().addCookies([{ name: name!, value: value.join('='), url: baseURL }]);
}

test('a consultant publishes a village day in Russian, marks attendance and writes advice; the family reads it; staff filter and download the CSV', async ({
  page,
  baseURL,
  newBrowserPage,
}) => {
  test.setTimeout(120_000);
  const suffix = uniqueSuffix();
  const locality = createLocality(`consult-${suffix}`);
  const consultant = await createUser({
    roles: ['consultant'],
    locale: 'ru',
    name: `Тимур ${suffix}`,
  });
  const staff = await createUser({ roles: ['staff'], locale: 'ru' });
  const familyUser = await createUser({ roles: ['applicant'], locale: 'ru' });
  const competition = createCompetition({ localityIds: [locality.id] });
  const { household, members } = createHousehold({ localityId: locality.id, user: familyUser });
  const application = createApplication({
    competition,
    household,
    members,
    enteredBy: familyUser,
    status: 'submitted',
    title: `Теплица ${suffix}`,
  });
  const tomorrow = utcToZonedLocal(Date.now() + 86_400_000, programmeTimeZone()).slice(0, 10);

  // She publishes a village day: 10:00–16:00, 45 minutes, lunch 12:30–13:30 → six times.
  await signInOn(page, baseURL!, consultant);
  await page.goto('/consultant');
  await page.getByRole('link', { name: ru.home.publish }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ru.publish.title);
  await waitForHydration(page);
  await page.getByLabel(ru.publish.villageDay).check();
  await page.getByLabel(ru.publish.date, { exact: true }).fill(tomorrow);
  await page.getByLabel(ru.publish.startTime, { exact: true }).fill('10:00');
  await page.getByLabel(ru.publish.endTime, { exact: true }).fill('16:00');
  await page.getByLabel(ru.publish.minutes, { exact: true }).fill('45');
  await page.getByLabel(ru.publish.breakStart, { exact: true }).fill('12:30');
  await page.getByLabel(ru.publish.breakEnd, { exact: true }).fill('13:30');
  await page.getByLabel(ru.modes['in-person'], { exact: true }).check();
  await page
    .getByLabel(ru.publish.locality, { exact: true })
    .selectOption({ label: `consult-${suffix} ru` });
  await page.getByLabel(ru.publish.capacity, { exact: true }).fill('1');
  // With JavaScript the form says at once what an in-person time needs.
  await page.getByRole('button', { name: ru.publish.submit }).click();
  await expect(page.getByText(resources.ru.errors.validation.required).first()).toBeVisible();
  await page.getByLabel(ru.publish.place, { exact: true }).fill('Айыл өкмөтү, 2-кабат');
  await page.getByLabel(ru.topics['business-plan']).check();
  await checkPage(page);
  await page.getByRole('button', { name: ru.publish.submit }).click();
  await expect(page.getByRole('status')).toHaveText(
    fill((ru.publish as Record<string, string>).done_many!, { count: 6 }),
  );
  await expect(page.getByRole('heading', { level: 3 }).first()).toContainText(
    fill((ru.home as Record<string, string>).slotCount_many!, { count: 6 }),
  );
  await checkPage(page);

  // Her home page now names her next times, each a link to its page, and the way to her agenda.
  const home = resources.ru.common.home.consultant as Record<string, string>;
  await page.goto('/');
  const card = page.getByRole('region', { name: home.title });
  await expect(card).toContainText(fill(home.upcoming_many!, { count: 6 }));
  await expect(card.getByRole('link', { name: /10:00–10:45/ })).toBeVisible();
  await expect(card.getByRole('listitem')).toHaveCount(3);
  await expect(card.getByRole('link', { name: home.agenda })).toHaveAttribute(
    'href',
    '/consultant',
  );

  const slots = db
    .select()
    .from(consultationSlots)
    .where(eq(consultationSlots.consultantId, consultant.id))
    .all()
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  expect(slots.map((s) => utcToZonedLocal(s.startsAt, 'Asia/Bishkek').slice(11))).toEqual([
    '10:00',
    '10:45',
    '11:30',
    '13:30',
    '14:15',
    '15:00',
  ]);
  const slot = slots[0]!;
  insertBooking({
    slotId: slot.id,
    applicationId: application.id,
    householdId: household.id,
    bookedById: familyUser.id,
    helpWith: 'Как считать расходы',
  });
  // The day has come: the consultation began half an hour ago.
  writeTransaction((tx) =>
    tx
      .update(consultationSlots)
      .set({ startsAt: new Date(Date.now() - 30 * 60_000) })
      .where(eq(consultationSlots.id, slot.id))
      .run(),
  );

  await page.goto(`/consultant/slots/${slot.id}`);
  const family = 'Айпери Токтогулова';
  await expect(page.getByRole('heading', { level: 3, name: family })).toBeVisible();
  await expect(page.getByText(`Теплица ${suffix}`)).toBeVisible();
  await expect(page.getByText('Как считать расходы')).toBeVisible();
  await page
    .getByRole('button', { name: `${ru.slot.markAttended}: ${family}`, exact: true })
    .click();
  await expect(page.getByRole('status')).toHaveText(ru.slot.saved);
  await expect(page.getByText(`${ru.slot.attendance}: ${ru.attendance.attended}`)).toBeVisible();
  const advice = 'Ведите тетрадь расходов; продавайте первые огурцы оптом.';
  await page.getByLabel(`${ru.slot.advice}: ${family}`).fill(advice);
  await page.getByRole('button', { name: ru.slot.saveAdvice }).click();
  await expect(page.getByRole('status')).toHaveText(ru.slot.saved);
  await expect(page.getByLabel(`${ru.slot.advice}: ${family}`)).toHaveValue(advice);
  await checkPage(page);

  // The family reads the advice on her application page, in Russian.
  const familyPage = await newBrowserPage();
  await signInOn(familyPage, baseURL!, familyUser);
  await familyPage.goto(`/applications/${application.id}`);
  const section = familyPage.getByRole('region', { name: ru.application.title, exact: true });
  await expect(section).toContainText(advice);
  await checkPage(familyPage);

  // Staff filter by the consultant and download the CSV.
  const staffPage = await newBrowserPage();
  await signInOn(staffPage, baseURL!, staff);
  await staffPage.goto('/staff/consultations');
  await staffPage
    .getByLabel(ru.staff.consultant, { exact: true })
    .selectOption({ label: consultant.name });
  await staffPage.getByRole('button', { name: ru.staff.apply }).click();
  await expect(staffPage).toHaveURL(new RegExp(`consultant=${consultant.id}`));
  await expect(staffPage.getByText(fill(ru.staff.found_one, { count: 1 }))).toBeVisible();
  await expect(staffPage.getByRole('row', { name: new RegExp(family) })).toContainText(
    ru.attendance.attended,
  );
  await checkPage(staffPage);
  const [download] = await Promise.all([
    staffPage.waitForEvent('download'),
    staffPage.getByRole('link', { name: ru.staff.exportCsv }).click(),
  ]);
  const csv = await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const lines = csv.slice(1).trim().split('\r\n');
  expect(lines[0]).toBe(Object.values(ru.staff.columns).join(';'));
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(consultant.name);
  expect(lines[1]).toContain(family);
  expect(lines[1]).toContain(ru.attendance.attended);
  expect(lines[1]).toContain(advice);
});
