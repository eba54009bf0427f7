// The forms staff use to run a round (its page and its ranking). Client-safe: the same schema
// checks the form in the browser and in the action. The round's own form is roundSchema
// (round.ts); a reopened score's reason is reasonSchema there.
import { z } from 'zod';
import { multiValue, rowId } from './fields';

const id = () => rowId();

/** The round's jurors, ticked among the accounts with the juror role (none is allowed). */
export const roundJurorsSchema = z.object({ jurorIds: multiValue(id()) });

/** One assignment handed to another juror of the round. */
export const moveAssignmentSchema = z.object({ assignmentId: id(), toJurorId: id() });

/** "Advance the top N" from a closed round. */
export const advanceTopSchema = z.object({
  topN: z.coerce
    .number({ error: 'validation.wholeNumber' })
    .int('validation.wholeNumber')
    .min(1, 'validation.wholeNumber')
    .max(10_000, 'validation.tooLarge'),
});

/** The applications staff ticked in the ranking, to advance them. */
export const advanceChosenSchema = z.object({
  applicationIds: multiValue(id()).refine((ids) => ids.length > 0, 'validation.chooseOne'),
});

export const normalisationSchema = z.object({ normalise: z.enum(['on', 'off']) });

/** Which rows of the ranking page show: all, those flagged for discussion, those not yet scored. */
export const RANKING_SHOWS = ['all', 'flagged', 'unscored'] as const;
export type RankingShow = (typeof RANKING_SHOWS)[number];
