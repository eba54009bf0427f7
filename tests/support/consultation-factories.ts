// Test data for consultations: a booking row written as the booking service would leave it
// (the booking rules themselves are tested with their service).
import { writeTransaction } from '~db/client';
import { consultationBookings, type ConsultationBooking } from '~db/schema/consultations';
import type { BookingStatus } from '~/schemas/enums';

export function insertBooking(options: {
  slotId: number;
  applicationId: number;
  householdId: number;
  bookedById: number;
  status?: BookingStatus;
  helpWith?: string | null;
  at?: Date;
}): ConsultationBooking {
  const status = options.status ?? 'booked';
  const at = options.at ?? new Date();
  return writeTransaction((tx) =>
    tx
      .insert(consultationBookings)
      .values({
        slotId: options.slotId,
        applicationId: options.applicationId,
        householdId: options.householdId,
        bookedById: options.bookedById,
        status,
        helpWith: options.helpWith ?? null,
        waitingSince: status === 'waiting' ? at : null,
        cancelledAt: status === 'cancelled' ? at : null,
        cancelledById: status === 'cancelled' ? options.bookedById : null,
      })
      .returning()
      .get(),
  );
}
