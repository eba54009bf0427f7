// The application form, step by step. Every step saves a draft, so fields may be empty here;
// what submission needs is checked by the server at the review step (missingForSubmission).
import { z } from 'zod';
import { ATTACHMENT_KINDS, SECTORS } from './enums';
import { optionalId, optionalText } from './fields';
import { parseMoneyInput } from '~/utils/money';

export { APPLICATION_STEPS, isApplicationStep, type ApplicationStep } from './application-steps';

/** Money typed as text ("15 000", "150,50"): blank is allowed in a draft. */
const optionalMoney = () =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => v ?? '')
    .refine((v) => v === '' || parseMoneyInput(v) !== null, 'validation.money')
    .transform((v) => (v === '' ? null : parseMoneyInput(v)));

const optionalWholeNumber = (max: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => v ?? '')
    .refine((v) => v === '' || /^\d{1,6}$/.test(v), 'validation.wholeNumber')
    .transform((v) => (v === '' ? null : Number(v)))
    .refine((v) => v === null || v <= max, 'validation.tooLarge');

export const beneficiaryStepSchema = z.object({
  beneficiaryMemberId: optionalId(),
});

export const ideaStepSchema = z.object({
  title: optionalText(150),
  sector: z
    .union([z.enum(SECTORS), z.literal('')], { error: 'validation.invalid' })
    .optional()
    .transform((v) => (v ? v : null)),
  description: optionalText(5000),
  market: optionalText(3000),
  experience: optionalText(3000),
});

export const budgetItemSchema = z
  .object({
    name: optionalText(120),
    quantity: optionalWholeNumber(100_000),
    unitPrice: optionalMoney(),
  })
  .superRefine((item, ctx) => {
    const anyFilled = item.name !== '' || item.quantity !== null || item.unitPrice !== null;
    if (!anyFilled) return;
    if (item.name === '')
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'validation.required' });
    if (item.quantity === null || item.quantity < 1) {
      ctx.addIssue({ code: 'custom', path: ['quantity'], message: 'validation.quantity' });
    }
    if (item.unitPrice === null)
      ctx.addIssue({ code: 'custom', path: ['unitPrice'], message: 'validation.required' });
  });

export const budgetStepSchema = z.object({
  items: z.array(budgetItemSchema).max(40, 'validation.tooMany').optional().default([]),
  ownContribution: optionalMoney(),
});

export type BudgetStepInput = z.output<typeof budgetStepSchema>;

export const planStepSchema = z.object({
  expectedMonthlyRevenue: optionalMoney(),
  expectedMonthlyCosts: optionalMoney(),
  jobsCreated: optionalWholeNumber(1000),
});

export const attachmentSchema = z.object({
  kind: z.enum(ATTACHMENT_KINDS, { error: 'validation.required' }),
});

export const withdrawSchema = z.object({
  reason: optionalText(1000),
});

export const screeningDecisionSchema = z
  .object({
    decision: z.enum(['eligible', 'ineligible'], { error: 'validation.chooseDecision' }),
    reason: optionalText(1000),
  })
  .refine((v) => v.decision !== 'ineligible' || v.reason.length > 0, {
    path: ['reason'],
    message: 'validation.reasonRequired',
  });
