// The application's edit steps as the browser checks them, in zod's small build (zod/mini), so
// that the family's form pages do not carry the classic build (91 KB gzipped). The actions parse
// with the full schemas of application.ts; tests/unit/client-schemas.test.ts keeps them in step.
import * as z from 'zod-browser/mini';
import { parseMoneyInput } from '~/utils/money';
import { SECTORS } from './enums';

const optionalString = () =>
  z.pipe(
    z.optional(z.string().check(z.trim())),
    z.transform((v: string | undefined) => v ?? ''),
  );

const optionalText = (max: number) =>
  z.pipe(
    z.optional(z.string().check(z.trim(), z.maxLength(max, 'validation.tooLong'))),
    z.transform((v: string | undefined) => v ?? ''),
  );

const optionalId = () =>
  z.pipe(
    z.transform((value: unknown): unknown => (value === '' || value == null ? null : value)),
    z.nullable(
      z.coerce
        .number({ error: 'validation.invalid' })
        .check(z.refine((n) => Number.isInteger(n) && n > 0, 'validation.invalid')),
    ),
  );

const optionalMoney = () =>
  z.pipe(
    optionalString().check(
      z.refine((v) => v === '' || parseMoneyInput(v) !== null, 'validation.money'),
    ),
    z.transform((v: string) => (v === '' ? null : parseMoneyInput(v))),
  );

const optionalWholeNumber = (max: number) =>
  z
    .pipe(
      optionalString().check(
        z.refine((v) => v === '' || /^\d{1,6}$/.test(v), 'validation.wholeNumber'),
      ),
      z.transform((v: string) => (v === '' ? null : Number(v))),
    )
    .check(z.refine((v) => v === null || v <= max, 'validation.tooLarge'));

export const beneficiaryStepClientSchema = z.object({
  beneficiaryMemberId: optionalId(),
});

export const ideaStepClientSchema = z.object({
  title: optionalText(150),
  sector: z.pipe(
    z.optional(z.union([z.enum(SECTORS), z.literal('')], { error: 'validation.invalid' })),
    z.transform((v: (typeof SECTORS)[number] | '' | undefined) => (v ? v : null)),
  ),
  description: optionalText(5000),
  market: optionalText(3000),
  experience: optionalText(3000),
});

const budgetItemClientSchema = z
  .object({
    name: optionalText(120),
    quantity: optionalWholeNumber(100_000),
    unitPrice: optionalMoney(),
  })
  .check(
    z.superRefine((item, ctx) => {
      const anyFilled = item.name !== '' || item.quantity !== null || item.unitPrice !== null;
      if (!anyFilled) return;
      if (item.name === '')
        ctx.addIssue({ code: 'custom', path: ['name'], message: 'validation.required' });
      if (item.quantity === null || item.quantity < 1)
        ctx.addIssue({ code: 'custom', path: ['quantity'], message: 'validation.quantity' });
      if (item.unitPrice === null)
        ctx.addIssue({ code: 'custom', path: ['unitPrice'], message: 'validation.required' });
    }),
  );

export const budgetStepClientSchema = z.object({
  items: z._default(
    z.optional(z.array(budgetItemClientSchema).check(z.maxLength(40, 'validation.tooMany'))),
    [],
  ),
  ownContribution: optionalMoney(),
});

export const planStepClientSchema = z.object({
  expectedMonthlyRevenue: optionalMoney(),
  expectedMonthlyCosts: optionalMoney(),
  jobsCreated: optionalWholeNumber(1000),
});

export const withdrawClientSchema = z.object({
  reason: optionalText(1000),
});

export const applyForFamilyClientSchema = z.object({
  householdId: z.pipe(
    z.transform((value: unknown): unknown => (value === '' || value == null ? undefined : value)),
    z.coerce
      .number({ error: 'applications:errors.noHousehold' })
      .check(z.refine((n) => Number.isInteger(n) && n > 0, 'applications:errors.noHousehold')),
  ),
});

export const declineAwardClientSchema = z.object({
  reason: optionalText(1000),
  confirm: z
    .pipe(
      z.transform(
        (value: unknown): boolean => value === true || value === 'on' || value === 'true',
      ),
      z.boolean(),
    )
    .check(z.refine((value) => value, 'results:errors.confirmDecline')),
});

export const publishConsentClientSchema = z.object({
  consent: z.enum(['yes', 'no'], { error: 'results:errors.chooseConsent' }),
});
