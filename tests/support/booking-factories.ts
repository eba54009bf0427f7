// Test data for consultations: slots written as a consultant publishes them, and families with
// an application ready to book.
import { writeTransaction } from '~db/client';
import { consultationSlots, type ConsultationSlot } from '~db/schema/consultations';
import type { Competition } from '~db/schema/competitions';
import type { User } from '~db/schema/people';
import type { ConsultationMode } from '~/schemas/enums';
import { createUser } from './factories';
import { createApplication, createHousehold } from './programme-factories';

export function createSlot(options: {
  consultantId: number;
  localityId: number;
  startsAt: Date;
  minutes?: number;
  capacity?: number;
  mode?: ConsultationMode;
  place?: string | null;
  phone?: string | null;
  link?: string | null;
}): ConsultationSlot {
  return writeTransaction((tx) =>
    tx
      .insert(consultationSlots)
      .values({
        consultantId: options.consultantId,
        createdById: options.consultantId,
        startsAt: options.startsAt,
        minutes: options.minutes ?? 45,
        mode: options.mode ?? 'in-person',
        place: options.place === undefined ? 'Айыл өкмөтү, 2-кабат' : options.place,
        phone: options.phone ?? null,
        link: options.link ?? null,
        localityId: options.localityId,
        capacity: options.capacity ?? 1,
        topics: ['business-plan', 'budget'],
        languages: ['ky', 'ru'],
      })
      .returning()
      .get(),
  );
}

/** A family with an applicant account (or none: phone only) and a draft application. */
export async function createBookingFamily(options: {
  competition: Competition;
  localityId: number;
  account?: boolean;
  userOptions?: Parameters<typeof createUser>[0];
  registeredBy?: Pick<User, 'id'>;
}) {
  const user =
    options.account === false
      ? null
      : await createUser({
          roles: ['applicant'],
          localityId: options.localityId,
          ...options.userOptions,
        });
  const { household, members } = createHousehold({
    localityId: options.localityId,
    user,
    registeredBy: options.registeredBy,
    consentBy: options.registeredBy,
  });
  const application = createApplication({
    competition: options.competition,
    household,
    members,
    enteredBy: user ?? options.registeredBy!,
  });
  return { user, household, members, application };
}
