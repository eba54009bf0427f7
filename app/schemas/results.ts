// A winner's two forms on her application's page: declining the grant (with a confirmation) and
// her consent to be named on the public results. Client-safe.
import { z } from 'zod';
import { checkbox, optionalText, rowId } from './fields';

export const declineAwardSchema = z.object({
  reason: optionalText(1000),
  // The confirmation step that works without JavaScript: the grant cannot be taken back.
  confirm: checkbox().refine((value) => value, 'results:errors.confirmDecline'),
});

export const publishConsentSchema = z.object({
  consent: z.enum(['yes', 'no'], { error: 'results:errors.chooseConsent' }),
});

export const markToldSchema = z.object({
  applicationId: rowId(),
});
