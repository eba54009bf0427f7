// The decision board's forms: one decision per application of the final ranking, the family's
// feedback, and — after the announcement — withdrawing an award and offering the freed place.
// Client-safe: the browser checks the same rules the action and the service apply.
import { z } from 'zod';
import { LOCALES } from '~/i18n/config';
import { parseMoneyInput } from '~/utils/money';
import { optionalText, requiredText, rowId } from './fields';

export const DECISIONS = ['awarded', 'waitlisted', 'not-selected'] as const;

/** Money typed as text ("100 000", "100000,50"); blank when the decision is not an award. */
const moneyText = () =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => v ?? '');

/**
 * One application's decision. The competition's grant range and whether awarding it passes over
 * a higher-ranked application that is not awarded come from the board; the action parses with
 * the widest rules and leaves them to the service, whose refusals use the same messages.
 */
export function decideSchema(rules: { minGrant: number; maxGrant: number; passesOver: boolean }) {
  return z
    .object({
      decision: z.enum(DECISIONS, { error: 'decisions:errors.decision' }),
      amount: moneyText(),
      reason: optionalText(1000),
    })
    .superRefine((value, ctx) => {
      if (value.decision !== 'awarded') return;
      if (value.amount === '') {
        ctx.addIssue({ code: 'custom', path: ['amount'], message: 'validation.required' });
        return;
      }
      const amount = parseMoneyInput(value.amount);
      if (amount === null) {
        ctx.addIssue({ code: 'custom', path: ['amount'], message: 'validation.money' });
      } else if (amount < rules.minGrant || amount > rules.maxGrant) {
        ctx.addIssue({
          code: 'custom',
          path: ['amount'],
          message: 'decisions:errors.amount-out-of-range',
        });
      }
      if (rules.passesOver && !value.reason) {
        ctx.addIssue({
          code: 'custom',
          path: ['reason'],
          message: 'decisions:errors.reason-required',
        });
      }
    })
    .transform((value) => ({
      decision: value.decision,
      amount: value.decision === 'awarded' ? parseMoneyInput(value.amount) : null,
      reason: value.reason,
    }));
}

/** What the action parses: the form's shape only; the range and the reason are the service's. */
export const decideFormSchema = decideSchema({
  minGrant: 0,
  maxGrant: Number.MAX_SAFE_INTEGER,
  passesOver: false,
});

/** The feedback and the language it is written in (staff may write in the family's). */
export const feedbackSchema = z.object({
  feedback: optionalText(2000),
  feedbackLocale: z.enum(LOCALES, { error: 'validation.required' }).optional(),
});

export const withdrawSchema = z.object({ reason: requiredText(1000) });

/** Offering a freed place: an amount within the competition's range, the requested by default. */
export function offerSchema(rules: { minGrant: number; maxGrant: number }) {
  return z.object({
    amount: z
      .string({ error: 'validation.required' })
      .trim()
      .min(1, 'validation.required')
      .refine((v) => parseMoneyInput(v) !== null, 'validation.money')
      .transform((v) => parseMoneyInput(v)!)
      .refine(
        (v) => v >= rules.minGrant && v <= rules.maxGrant,
        'decisions:errors.amount-out-of-range',
      ),
  });
}

export const offerFormSchema = offerSchema({ minGrant: 0, maxGrant: Number.MAX_SAFE_INTEGER });

/** Every row's form names the application it is about. */
export const applicationIdSchema = z.object({
  applicationId: rowId(),
});

/** The statuses an application of the final ranking can have, to filter the board by. */
export const BOARD_STATUSES = [
  'eligible',
  'in-review',
  'shortlisted',
  'awarded',
  'waitlisted',
  'not-selected',
  'withdrawn',
] as const;

const positiveIntOrNothing = z
  .string()
  .trim()
  .optional()
  .transform((v) => {
    const n = Number(v);
    return v && Number.isInteger(n) && n > 0 ? n : undefined;
  });

/**
 * The board's URL: ?village=&status=&rankFrom=&rankTo=&page=, and ?decide= for the one application
 * whose forms are open — anything unreadable is ignored.
 */
export const boardQuerySchema = z.object({
  village: positiveIntOrNothing,
  status: z
    .string()
    .optional()
    .transform((v) =>
      (BOARD_STATUSES as readonly string[]).includes(v ?? '')
        ? (v as (typeof BOARD_STATUSES)[number])
        : undefined,
    ),
  rankFrom: positiveIntOrNothing,
  rankTo: positiveIntOrNothing,
  page: positiveIntOrNothing,
  decide: positiveIntOrNothing,
});
