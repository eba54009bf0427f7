// The consultant's forms: publishing a time or a village day, and after the time, attendance and
// advice. Client-safe: the same schema checks the form in the browser and in the action.
import { z } from 'zod';
import { LOCALES } from '~/i18n/config';
import { CONSULTATION_MODES, CONSULTATION_TOPICS } from './enums';
import { multiValue, optionalId, optionalText, requiredText, rowId } from './fields';

const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ error: 'validation.wholeNumber' })
    .int('validation.wholeNumber')
    .min(min, 'validation.wholeNumber')
    .max(max, 'validation.tooLarge');

const date = () =>
  z
    .string({ error: 'validation.required' })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date');

const clock = () =>
  z
    .string({ error: 'validation.required' })
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'consultant:errors.time');

const optionalClock = () =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => value ?? '')
    .refine(
      (value) => value === '' || /^([01]\d|2[0-3]):[0-5]\d$/.test(value),
      'consultant:errors.time',
    );

export const SLOT_KINDS = ['single', 'village-day'] as const;
export type SlotKind = (typeof SLOT_KINDS)[number];

/**
 * One time, or a village day: back-to-back slots from `startTime` to `endTime`, each `minutes`
 * long, none inside the break. Times are on the programme's wall clock.
 */
export const publishSlotsSchema = z
  .object({
    /** Staff choose the consultant; a consultant's own form leaves it empty. */
    consultantId: optionalId(),
    kind: z.enum(SLOT_KINDS, { error: 'validation.required' }),
    date: date(),
    startTime: clock(),
    endTime: optionalClock(),
    minutes: wholeNumber(10, 480),
    breakStart: optionalClock(),
    breakEnd: optionalClock(),
    mode: z.enum(CONSULTATION_MODES, { error: 'validation.required' }),
    place: optionalText(300),
    phone: optionalText(40),
    link: optionalText(500),
    localityId: rowId(),
    capacity: wholeNumber(1, 50),
    topics: multiValue(z.enum(CONSULTATION_TOPICS)),
    languages: multiValue(z.enum(LOCALES)).refine((v) => v.length > 0, 'validation.chooseOne'),
  })
  .superRefine((v, ctx) => {
    const need = { 'in-person': 'place', phone: 'phone', online: 'link' } as const;
    const field = need[v.mode];
    if (!v[field]) ctx.addIssue({ code: 'custom', path: [field], message: 'validation.required' });
    if (v.mode === 'phone' && v.phone && !/^\+?[\d\s()-]{6,20}$/.test(v.phone))
      ctx.addIssue({ code: 'custom', path: ['phone'], message: 'validation.phone' });
    if (v.mode === 'online' && v.link && !/^https:\/\/\S+$/.test(v.link))
      ctx.addIssue({ code: 'custom', path: ['link'], message: 'consultant:errors.link' });
    if (v.kind === 'village-day') {
      if (!v.endTime)
        ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'validation.required' });
      else if (v.endTime <= v.startTime)
        ctx.addIssue({
          code: 'custom',
          path: ['endTime'],
          message: 'consultant:errors.endBeforeStart',
        });
      if (Boolean(v.breakStart) !== Boolean(v.breakEnd))
        ctx.addIssue({
          code: 'custom',
          path: [v.breakStart ? 'breakEnd' : 'breakStart'],
          message: 'validation.required',
        });
      else if (v.breakStart && v.breakEnd <= v.breakStart)
        ctx.addIssue({
          code: 'custom',
          path: ['breakEnd'],
          message: 'consultant:errors.endBeforeStart',
        });
    }
  });

export type PublishSlotsInput = z.output<typeof publishSlotsSchema>;

/** Attendance of one booking, after the time. */
export const attendanceSchema = z.object({
  bookingId: rowId(),
  attendance: z.enum(['attended', 'family-no-show', 'consultant-no-show'], {
    error: 'validation.required',
  }),
});

/** The consultant's advice to the family, after the time. */
export const adviceSchema = z.object({
  bookingId: rowId(),
  advice: requiredText(4000),
});
