import { z } from 'zod';
import { TRAINING_TOPICS } from './enums';
import { multiValue, requiredText, rowId } from './fields';

/** A session as staff or a facilitator types it; the time is on the programme's clock. */
export const trainingSessionSchema = z.object({
  topic: z.enum(TRAINING_TOPICS, { error: 'validation.required' }),
  startsAt: z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, 'validation.required')
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'validation.dateTime'),
  minutes: z.coerce
    .number({ error: 'validation.wholeNumber' })
    .int('validation.wholeNumber')
    .min(15, 'validation.wholeNumber')
    .max(600, 'validation.tooLarge'),
  place: requiredText(200),
  localityId: rowId(),
  trainerName: requiredText(120),
});

export type TrainingSessionInput = z.output<typeof trainingSessionSchema>;

/** The most people one roll-call page lists (a page of households, each with its members). */
export const ROLL_CALL_MAX_MEMBERS = 1000;

/**
 * The roll call of one page: every member listed (`memberIds`), and those ticked present.
 * A listed member not ticked is recorded absent.
 */
export const rollCallSchema = z
  .object({
    memberIds: multiValue(rowId()).pipe(
      z.array(z.number()).min(1, 'validation.required').max(ROLL_CALL_MAX_MEMBERS),
    ),
    present: multiValue(rowId()).pipe(z.array(z.number()).max(ROLL_CALL_MAX_MEMBERS)),
  })
  .refine((v) => v.present.every((id) => v.memberIds.includes(id)), {
    path: ['present'],
    message: 'validation.invalid',
  });

export type RollCallInput = z.output<typeof rollCallSchema>;
