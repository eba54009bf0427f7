import { z } from 'zod';
import { checkbox, optionalText, requiredText, rowId } from './fields';

const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ error: 'validation.wholeNumber' })
    .int('validation.wholeNumber')
    .min(min, 'validation.wholeNumber')
    .max(max, 'validation.tooLarge');

const localDateTime = () =>
  z
    .string({ error: 'validation.required' })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'validation.dateTime');

/**
 * A text in a language added after the form's first three (Kazakh, Uzbek): may be absent from a
 * post made by a page older than the language, and from code that creates rounds directly.
 */
const laterLanguageText = (max: number) =>
  z.string().trim().max(max, 'validation.tooLong').optional();

export const criterionSchema = z
  .object({
    titleKy: optionalText(150),
    titleRu: optionalText(150),
    titleEn: optionalText(150),
    titleKk: laterLanguageText(150),
    titleUz: laterLanguageText(150),
    descriptionKy: optionalText(1000),
    descriptionRu: optionalText(1000),
    descriptionEn: optionalText(1000),
    descriptionKk: laterLanguageText(1000),
    descriptionUz: laterLanguageText(1000),
    maxPoints: wholeNumber(1, 100),
    weight: wholeNumber(1, 100),
  })
  .refine((c) => Boolean(c.titleKy || c.titleRu || c.titleEn || c.titleKk || c.titleUz), {
    path: ['titleKy'],
    message: 'validation.titleInOneLanguage',
  });

/** A round as staff set it up; times on the competition's wall clock. */
export const roundSchema = z
  .object({
    nameKy: optionalText(120),
    nameRu: optionalText(120),
    nameEn: optionalText(120),
    nameKk: laterLanguageText(120),
    nameUz: laterLanguageText(120),
    jurorsPerApplication: wholeNumber(1, 10),
    isBlind: checkbox(),
    excludeOwnLocality: checkbox(),
    opensAt: localDateTime(),
    closesAt: localDateTime(),
    disagreementThreshold: wholeNumber(0, 100),
    criteria: z
      .array(criterionSchema)
      .min(1, 'validation.atLeastOneCriterion')
      .max(12, 'validation.tooMany'),
  })
  .refine((v) => Boolean(v.nameKy || v.nameRu || v.nameEn || v.nameKk || v.nameUz), {
    path: ['nameKy'],
    message: 'validation.titleInOneLanguage',
  })
  .refine((v) => v.opensAt < v.closesAt, {
    path: ['closesAt'],
    message: 'validation.closesBeforeOpens',
  });

export type RoundFormInput = z.output<typeof roundSchema>;

/** A juror's score form: points per criterion (blank allowed in a draft), comments. */
export const scoreSchema = z.object({
  items: z
    .array(
      z.object({
        criterionId: rowId(),
        points: z
          .string()
          .trim()
          .optional()
          .transform((v) => v ?? '')
          .refine((v) => v === '' || /^\d{1,3}$/.test(v), 'validation.wholeNumber')
          .transform((v) => (v === '' ? null : Number(v))),
        comment: optionalText(2000),
      }),
    )
    .default([]),
  overallComment: optionalText(4000),
});

export type ScoreFormInput = z.output<typeof scoreSchema>;

export const reasonSchema = z.object({ reason: requiredText(1000) });
