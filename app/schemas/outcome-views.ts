// The forms of the outcome views: staff close a competition early, and resolve a safeguarding
// concern. Client-safe: the same schema validates in the browser and in the action.
import { z } from 'zod';
import { requiredText, rowId } from './fields';

export const closeCompetitionSchema = z.object({ reason: requiredText(1000) });

export const resolveFlagSchema = z.object({ flagId: rowId(), note: requiredText(1000) });
