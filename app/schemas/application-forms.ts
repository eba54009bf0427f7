// Forms around the application (client-safe); the step forms themselves are in ./application.ts.
import { z } from 'zod';

export const applyForFamilySchema = z.object({
  householdId: z.preprocess(
    (value) => (value === '' || value == null ? undefined : value),
    z.coerce
      .number({ error: 'applications:errors.noHousehold' })
      .int('applications:errors.noHousehold')
      .positive('applications:errors.noHousehold'),
  ),
});
