// Test data for the consultation journeys: a village with a consultant's times, families with an
// application there, and a facilitator of the village. Nothing from the demo seed is used.
import type { Page } from '@playwright/test';
import type { Locale } from '~/i18n/config';
import { createBookingFamily, createSlot } from '../../support/booking-factories';
import { createLocality, createUser } from '../../support/factories';
import { createCompetition } from '../../support/programme-factories';
import { uniquePrefix } from './application-journey';
import { uniqueEmail } from './journeys';

const HOUR = 60 * 60_000;

/** A time `hoursAhead` from now on the hour, so it is well outside the 24 h notice. */
export function hoursAhead(hours: number): Date {
  const at = new Date(Date.now() + hours * HOUR);
  at.setUTCMinutes(0, 0, 0);
  return at;
}

export async function consultationVillage() {
  const locality = createLocality();
  const competition = createCompetition({
    localityIds: [locality.id],
    referencePrefix: uniquePrefix(),
  });
  const consultant = await createUser({
    roles: ['consultant'],
    name: 'Гүлнара Асанова',
    email: uniqueEmail('consultant'),
  });
  const slot = (hours: number, capacity = 1) =>
    createSlot({
      consultantId: consultant.id,
      localityId: locality.id,
      startsAt: hoursAhead(hours),
      capacity,
    });
  const family = (locale: Locale = 'ky') =>
    createBookingFamily({
      competition,
      localityId: locality.id,
      userOptions: { locale, email: uniqueEmail('family'), name: 'Айпери Токтогулова' },
    });
  return { locality, competition, consultant, slot, family };
}

export async function phoneOnlyFamily(village: Awaited<ReturnType<typeof consultationVillage>>) {
  const facilitator = await createUser({
    roles: ['facilitator'],
    worksIn: [village.locality.id],
    locale: 'ru',
    email: uniqueEmail('facilitator'),
  });
  const family = await createBookingFamily({
    competition: village.competition,
    localityId: village.locality.id,
    account: false,
    registeredBy: facilitator,
  });
  return { facilitator, family };
}

/** The open times of one village, as the filter shows them. */
export async function openTimesOf(page: Page, localityId: number) {
  await page.goto(`/consultations?village=${localityId}`);
}
