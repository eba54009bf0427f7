// The baseline form (DESIGN.md, "Outcomes"): the household's starting point, recorded once the
// agreement is signed. Parsed by the action; the form itself is native, so it works without
// JavaScript and loads no validation code on a facilitator's phone.
import { z } from 'zod';
import { AGENCY_DECIDERS, INCOME_SOURCES } from './outcome-enums';
import { SAY_VALUES } from './baseline-options';
import { multiValue } from './fields';
import { parseMoneyInput } from '~/utils/money';

const decider = () => z.enum(AGENCY_DECIDERS, { error: 'validation.required' });

export const baselineSchema = z.object({
  monthlyHouseholdIncome: z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, 'validation.required')
    .refine((v) => parseMoneyInput(v) !== null, 'validation.money')
    .transform((v) => parseMoneyInput(v)!),
  incomeSources: multiValue(z.enum(INCOME_SOURCES, { error: 'validation.invalid' }))
    .refine((list) => list.length > 0, 'validation.chooseOne')
    .transform((list) => [...new Set(list)]),
  hasSavings: z.enum(['yes', 'no'], { error: 'validation.required' }).transform((v) => v === 'yes'),
  decidesOwnEarnings: decider(),
  decidesLargePurchases: decider(),
  decidesBusinessMoney: decider(),
  sayInMoney: z.enum(SAY_VALUES, { error: 'validation.required' }).transform(Number),
  /** "YYYY-MM-DD"; whether it is in the future is the service's question (the competition's zone). */
  recordedOn: z
    .string({ error: 'validation.required' })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date')
    .refine((v) => !Number.isNaN(new Date(`${v}T06:00:00Z`).getTime()), 'validation.date'),
});

export type BaselineInput = z.output<typeof baselineSchema>;
