// A facilitator books for a phone-only family of her village (she is the booker, the family the
// attendee, and the family is on her list to tell in person); a full time offers its waiting
// list; and families pressing "book" for the last place at once get one booking between them.
import { and, eq } from 'drizzle-orm';
import { db, writeTransaction } from '~db/client';
import { consultationBookings } from '~db/schema/consultations';
import { insertSession } from '~/models/session.server';
import { bookConsultation } from '~/services/bookings.server';
import { newSession } from '~/utils/session.server';
import { sessionUserOf } from '../support/session-user';
import { consultationVillage, phoneOnlyFamily } from './support/booking-journey';
import { checkPage, expect, test } from './support/fixtures';
import { textsIn } from './support/journeys';

test('a facilitator books a consultation for a phone-only family of her village', async ({
  page,
  signInAs,
}) => {
  const b = textsIn('ru').bookings;
  const village = await consultationVillage();
  const slot = village.slot(72);
  const { facilitator, family } = await phoneOnlyFamily(village);
  await signInAs(facilitator);

  await page.goto(`/consultations/${slot.id}`);
  await checkPage(page);
  await page.getByLabel(b.book.application).selectOption({ value: String(family.application.id) });
  await page.getByLabel(b.book.helpWith).fill('Бизнес-план');
  await page.getByRole('button', { name: b.book.submit, exact: true }).click();
  await expect(page).toHaveURL(/\/bookings\?booked=\d+/);
  await checkPage(page);

  const booking = db
    .select()
    .from(consultationBookings)
    .where(eq(consultationBookings.slotId, slot.id))
    .get()!;
  expect(booking).toMatchObject({
    status: 'booked',
    bookedById: facilitator.id,
    householdId: family.household.id,
    applicationId: family.application.id,
  });
  // No account, no e-mail: she is on the facilitator's list to tell in person.
  const toTell = page.getByRole('region', { name: b.facilitator.tellTitle });
  await expect(toTell.getByRole('heading', { level: 3 })).toHaveText(/Айпери Токтогулова/);
});

test('a full time offers its waiting list, and she joins it', async ({ page, signInAs }) => {
  const b = textsIn('en').bookings;
  const village = await consultationVillage();
  const slot = village.slot(72);
  const first = await village.family('en');
  const second = await village.family('en');
  const held = bookConsultation(sessionUserOf(first.user!), {
    slotId: slot.id,
    applicationId: first.application.id,
    helpWith: null,
    joinWaitingList: false,
  });
  expect(held.ok).toBe(true);
  await signInAs(second.user!);

  await page.goto(`/consultations?village=${village.locality.id}`);
  await expect(page.getByText(b.open.full)).toBeVisible();
  await page.goto(`/consultations/${slot.id}`);
  await expect(page.getByText(b.book.fullMessage)).toBeVisible();
  await checkPage(page);
  await page.getByRole('button', { name: b.book.joinWaitingList }).click();
  await expect(page).toHaveURL(/\/bookings\?waiting=\d+/);
  await expect(page.getByRole('heading', { name: b.mine.waiting })).toBeVisible();
  await checkPage(page);
  const waiting = db
    .select()
    .from(consultationBookings)
    .where(
      and(
        eq(consultationBookings.slotId, slot.id),
        eq(consultationBookings.householdId, second.household.id),
      ),
    )
    .get()!;
  expect(waiting.status).toBe('waiting');
});

test('families pressing "book" for the last place at once: one booking, the rest told it is full', async ({
  playwright,
  baseURL,
}) => {
  const b = textsIn('en').bookings;
  const village = await consultationVillage();
  const slot = village.slot(72);
  const families = [];
  for (let i = 0; i < 6; i++) families.push(await village.family('en'));
  const clients = await Promise.all(
    families.map(async (family) => {
      const session = await newSession(['applicant']);
      writeTransaction((tx) =>
        insertSession(tx, {
          id: session.sessionId,
          userId: family.user!.id,
          expiresAt: session.expiresAt,
          userAgent: 'playwright',
          ipAddress: '127.0.0.1',
        }),
      );
      const client = await playwright.request.newContext({
        baseURL,
        maxRedirects: 0,
        extraHTTPHeaders: { Origin: baseURL!, Cookie: session.setCookie.split(';')[0]! },
      });
      return { client, family };
    }),
  );
  const answers = await Promise.all(
    clients.map(({ client, family }) =>
      client.post(`/consultations/${slot.id}`, {
        form: { applicationId: String(family.application.id), helpWith: '', intent: 'book' },
      }),
    ),
  );
  const statuses = answers.map((answer) => answer.status());
  expect(statuses.filter((status) => status === 302)).toHaveLength(1);
  expect(statuses.filter((status) => status === 409)).toHaveLength(5);
  for (const answer of answers.filter((a) => a.status() === 409)) {
    expect(await answer.text()).toContain(b.book.fullMessage);
  }
  const booked = db
    .select()
    .from(consultationBookings)
    .where(and(eq(consultationBookings.slotId, slot.id), eq(consultationBookings.status, 'booked')))
    .all();
  expect(booked).toHaveLength(1);
  for (const { client } of clients) await client.dispose();
});
