// The family's and the facilitator's consultation forms. Client-safe.
import { z } from 'zod';
import { optionalText, rowId } from './fields';

export const bookConsultationSchema = z.object({
  applicationId: z
    .preprocess((value) => (value === '' || value == null ? undefined : value), rowId().optional())
    .refine((value) => value !== undefined, 'bookings:book.chooseApplication'),
  helpWith: optionalText(500),
});

export const bookingIdSchema = z.object({
  bookingId: rowId(),
});

export const moveBookingSchema = z.object({
  toSlotId: z
    .preprocess((value) => (value === '' || value == null ? undefined : value), rowId().optional())
    .refine((value) => value !== undefined, 'bookings:move.choose'),
});
