// A family with a submitted application and a consultant, and the BookingNoticeData a booking
// service would gather for them, for tests of the booking notices.
import type { BookingNoticeData } from '~/services/booking-notices.server';
import { createLocality, createUser } from './factories';
import { createApplication, createCompetition, createHousehold } from './programme-factories';

type FamilyOptions = Parameters<typeof createUser>[0];

export async function bookingNoticeWorld(options: { family?: FamilyOptions | null } = {}) {
  const locality = createLocality();
  const family =
    options.family === null
      ? null
      : await createUser({
          roles: ['applicant'],
          name: 'Айгүл Асанова',
          locale: 'ky',
          localityId: locality.id,
          ...options.family,
        });
  const consultant = await createUser({
    roles: ['consultant'],
    name: 'Гульнара Бекова',
    locale: 'ru',
  });
  const staff = await createUser({ roles: ['staff'] });
  const competition = createCompetition({ localityIds: [locality.id] });
  const { household, members } = createHousehold({ localityId: locality.id, user: family });
  const application = createApplication({
    competition,
    household,
    members,
    enteredBy: family ?? staff,
    status: 'submitted',
  });
  let nextBookingId = 1000 + application.id * 10;
  /** The data of a booking at `startsAt` (UTC); `bookingId` new unless given. */
  function data(startsAt: Date, overrides: Partial<BookingNoticeData> = {}): BookingNoticeData {
    return {
      bookingId: nextBookingId++,
      sequence: 0,
      startsAt,
      minutes: 45,
      mode: 'in-person',
      place: 'Айыл өкмөтү, Ленин көч. 5',
      phone: null,
      link: null,
      localityName: 'Ивановка',
      timeZone: 'Asia/Bishkek',
      helpWith: 'Теплица: кантип баштоо керек',
      family,
      familyName: 'Асановдор',
      householdId: household.id,
      consultant,
      applicationId: application.id,
      ...overrides,
    };
  }
  return { family, consultant, application, data };
}
