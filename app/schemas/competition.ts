import { z } from 'zod';
import { LOCALES } from '~/i18n/config';
import { BENEFICIARY_SEX_RULES, CURRENCIES, RELATIONS } from './enums';
import { checkbox, multiValue, optionalText, rowId } from './fields';
import { namesAnAmount } from '~/utils/amount-in-text';
import { parseMoneyInput } from '~/utils/money';

const localDateTime = () =>
  z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, 'validation.required')
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'validation.dateTime');

const money = () =>
  z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, 'validation.required')
    .refine((v) => parseMoneyInput(v) !== null, 'validation.money')
    .transform((v) => parseMoneyInput(v)!)
    .refine((v) => v > 0, 'validation.positive');

/** A whole number from 0 to `max` (a count or a number of hours). */
const wholeNumber = (max: number) =>
  z.coerce
    .number({ error: 'validation.wholeNumber' })
    .int('validation.wholeNumber')
    .min(0, 'validation.wholeNumber')
    .max(max, 'validation.tooLarge');

/** A competition's title shows in public pages' browser tabs and a family's history: no sums. */
const competitionTitle = () =>
  optionalText(200).refine((value) => !namesAnAmount(value), 'validation.titleWithAmount');

/** Staff's competition form; dates are wall-clock times in the competition's time zone. */
export const competitionSchema = z
  .object({
    titleKy: competitionTitle(),
    titleRu: competitionTitle(),
    titleEn: competitionTitle(),
    titleKk: competitionTitle(),
    titleUz: competitionTitle(),
    descriptionKy: optionalText(5000),
    descriptionRu: optionalText(5000),
    descriptionEn: optionalText(5000),
    descriptionKk: optionalText(5000),
    descriptionUz: optionalText(5000),
    /** The language of the competition's pages for people who never chose one; '' = none. */
    defaultLocale: z
      .union([z.literal(''), z.enum(LOCALES)], { error: 'validation.invalid' })
      .optional()
      .transform((value) => value ?? ''),
    referencePrefix: z
      .string({ error: 'validation.required' })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2,6}$/, 'validation.referencePrefix'),
    currency: z.enum(CURRENCIES, { error: 'validation.invalid' }),
    budgetTotal: money(),
    minGrant: money(),
    maxGrant: money(),
    timezone: z.string().trim().min(1, 'validation.required'),
    opensAt: localDateTime(),
    closesAt: localDateTime(),
    requireSocialBenefits: checkbox(),
    requiredTrainingSessions: z.coerce
      .number({ error: 'validation.wholeNumber' })
      .int('validation.wholeNumber')
      .min(0, 'validation.wholeNumber')
      .max(50, 'validation.tooLarge'),
    requiredConsultations: wholeNumber(10),
    maxOpenBookings: wholeNumber(20),
    bookingCancelNoticeHours: wholeNumber(720),
    bookingMoveNoticeHours: wholeNumber(720),
    beneficiaryRelations: multiValue(z.enum(RELATIONS)).pipe(
      z.array(z.enum(RELATIONS)).min(1, 'validation.chooseOne'),
    ),
    beneficiarySex: z.enum(BENEFICIARY_SEX_RULES, { error: 'validation.invalid' }),
    beneficiaryAdultOnly: checkbox(),
    localityIds: multiValue(rowId()).pipe(z.array(z.number()).min(1, 'validation.chooseLocality')),
  })
  .refine((v) => Boolean(v.titleKy || v.titleRu || v.titleEn || v.titleKk || v.titleUz), {
    path: ['titleKy'],
    message: 'validation.titleInOneLanguage',
  })
  .refine((v) => v.minGrant <= v.maxGrant, {
    path: ['maxGrant'],
    message: 'validation.maxBelowMin',
  })
  .refine((v) => v.maxGrant <= v.budgetTotal, {
    path: ['maxGrant'],
    message: 'validation.maxAboveBudget',
  })
  .refine((v) => v.opensAt < v.closesAt, {
    path: ['closesAt'],
    message: 'validation.closesBeforeOpens',
  });

export type CompetitionFormInput = z.output<typeof competitionSchema>;

/** Quotas come as quota_<localityId> fields: blank = no quota, else a whole number ≥ 0. */
export function parseQuotas(
  values: Record<string, unknown>,
  localityIds: number[],
): { quotas: Map<number, number | null>; errors: Record<string, string> } {
  const quotas = new Map<number, number | null>();
  const errors: Record<string, string> = {};
  for (const localityId of localityIds) {
    const raw = String(values[`quota_${localityId}`] ?? '').trim();
    if (raw === '') {
      quotas.set(localityId, null);
    } else if (/^\d{1,5}$/.test(raw)) {
      quotas.set(localityId, Number(raw));
    } else {
      errors[`quota_${localityId}`] = 'validation.wholeNumber';
    }
  }
  return { quotas, errors };
}
