// The monitoring visit form (DESIGN.md, "Outcomes"): what the facilitator finds at 3, 6 and 12
// months. Client-safe; the action parses with it, and the checks that need the grant (the day is
// not in the future, not before the first payment) are the service's.
import { z } from 'zod';
import { parseMoneyInput } from '~/utils/money';
import { checkbox, optionalText } from './fields';
import { AGENCY_DECIDERS, ASSET_STATES, BUSINESS_STATUSES } from './outcome-enums';

/** The most full-time jobs a family business could report; more is a typing slip. */
export const MAX_JOBS = 100;

/**
 * "1.5", "1,5", "2", "0.25" full-time equivalents → 150, 150, 200, 25 hundredths. Null for
 * anything else (negative, more than two decimals, letters).
 */
export function parseFteInput(raw: string): number | null {
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(raw.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** 150 → "1.5", 200 → "2", 25 → "0.25": what the field shows again. */
export function fteInputValue(hundredths: number | null | undefined): string {
  if (hundredths == null) return '';
  return String(hundredths / 100);
}

const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: 'validation.required' });

/** Money she earns or spends: "" is "not asked" (where allowed), else ≥ 0 in minor units. */
const optionalMoney = () =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => v ?? '')
    .refine((v) => v === '' || parseMoneyInput(v) !== null, 'validation.money')
    .transform((v) => (v === '' ? null : parseMoneyInput(v)!));

const requiredMoney = () =>
  z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, 'validation.required')
    .refine((v) => parseMoneyInput(v) !== null, 'validation.money')
    .transform((v) => parseMoneyInput(v)!);

const jobs = () =>
  z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, 'validation.required')
    .refine((v) => parseFteInput(v) !== null, 'visits:errors.fte')
    .transform((v) => parseFteInput(v)!)
    .refine((v) => v <= MAX_JOBS * 100, 'validation.tooLarge');

export const visitSchema = z
  .object({
    visitedOn: z
      .string({ error: 'validation.required' })
      .trim()
      .min(1, 'validation.required')
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date')
      .refine((v) => {
        // A real calendar day: "2026-02-31" does not come back the same.
        const day = new Date(`${v}T00:00:00Z`);
        return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === v;
      }, 'validation.date'),
    businessStatus: choice(BUSINESS_STATUSES),
    statusReason: optionalText(1000),
    monthlyRevenue: optionalMoney(),
    monthlyCosts: optionalMoney(),
    jobsWomen: jobs(),
    jobsMen: jobs(),
    monthlyHouseholdIncome: requiredMoney(),
    assetState: choice(ASSET_STATES),
    notes: optionalText(4000),
    decidesOwnEarnings: choice(AGENCY_DECIDERS),
    decidesLargePurchases: choice(AGENCY_DECIDERS),
    decidesBusinessMoney: choice(AGENCY_DECIDERS),
    sayInMoney: z
      .enum(['1', '2', '3', '4', '5'], { error: 'validation.required' })
      .transform(Number),
    safeguarding: checkbox(),
    safeguardingNote: optionalText(4000),
  })
  .superRefine((value, ctx) => {
    // A paused or closed business: the programme needs to know why.
    if (value.businessStatus !== 'operating' && !value.statusReason)
      ctx.addIssue({ code: 'custom', path: ['statusReason'], message: 'visits:errors.reason' });
    // A business still there has a month's revenue and costs; a closed one has none to give.
    if (value.businessStatus !== 'closed') {
      for (const field of ['monthlyRevenue', 'monthlyCosts'] as const)
        if (value[field] === null)
          ctx.addIssue({ code: 'custom', path: [field], message: 'validation.required' });
    }
    if (value.safeguarding && !value.safeguardingNote)
      ctx.addIssue({
        code: 'custom',
        path: ['safeguardingNote'],
        message: 'visits:errors.safeguardingNote',
      });
  });

export type VisitInput = z.output<typeof visitSchema>;

/** The form's field names, in order: what a kept draft may hold (never a file). */
export const VISIT_FIELDS = [
  'visitedOn',
  'businessStatus',
  'statusReason',
  'monthlyRevenue',
  'monthlyCosts',
  'jobsWomen',
  'jobsMen',
  'monthlyHouseholdIncome',
  'assetState',
  'notes',
  'decidesOwnEarnings',
  'decidesLargePurchases',
  'decidesBusinessMoney',
  'sayInMoney',
  'safeguarding',
  'safeguardingNote',
] as const;
export type VisitField = (typeof VISIT_FIELDS)[number];
