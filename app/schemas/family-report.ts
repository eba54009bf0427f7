// The family's report form (DESIGN.md, "Outcomes"), checked with checks.ts (no zod on the
// family's pages): the business status, this month's revenue (optional), a question (optional).
// The photo is read apart, as a file.
import {
  maxLength,
  object,
  oneOf,
  optional,
  pipe,
  refine,
  rules,
  string,
  transform,
  type Check,
  type OutputOf,
} from './checks';
import { BUSINESS_STATUSES } from './outcome-enums';
import { parseMoneyInput } from '~/utils/money';

export const MAX_QUESTION_LENGTH = 1000;

const orEmpty = transform((v: string | undefined) => v ?? '');

export const familyReportSchema = object({
  businessStatus: oneOf(BUSINESS_STATUSES, 'validation.required'),
  monthlyRevenue: pipe(
    pipe(
      optional(
        rules(
          string({ trim: true }),
          refine((v: string) => v === '' || parseMoneyInput(v) !== null, 'validation.money'),
        ),
      ),
      orEmpty,
    ),
    transform((v: string) => (v === '' ? null : parseMoneyInput(v))),
  ) as Check<string | undefined, number | null>,
  question: pipe(
    pipe(
      optional(rules(string({ trim: true }), maxLength(MAX_QUESTION_LENGTH, 'validation.tooLong'))),
      orEmpty,
    ),
    transform((v: string) => v || null),
  ) as Check<string | undefined, string | null>,
});

export type FamilyReportInput = OutputOf<typeof familyReportSchema>;
