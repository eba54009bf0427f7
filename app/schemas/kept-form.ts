import { z } from 'zod';

export const KEPT_FORM_INTENT = { discard: 'discard' } as const;

/** The kept-form page's own action: she may throw away what was kept. */
export const keptFormActionSchema = z.object({ intent: z.literal(KEPT_FORM_INTENT.discard) });
