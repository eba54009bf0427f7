// The dashboard's period filter, read from the URL: two calendar days (either may be left out),
// the first not after the second. Client-safe.
import { z } from 'zod';

const day = z.iso.date();

export const dashboardPeriodSchema = z
  .object({
    from: day.optional(),
    to: day.optional(),
  })
  .refine((period) => !period.from || !period.to || period.from <= period.to, {
    path: ['to'],
  });

export type DashboardPeriod = z.infer<typeof dashboardPeriodSchema>;
