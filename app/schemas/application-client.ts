// The application's edit steps as the browser checks them, with the few checks of checks.ts, so
// that the family's form pages carry no zod at all. The actions parse with the full schemas of
// application.ts; tests/unit/client-schemas.test.ts keeps them in step.
import { parseMoneyInput } from '~/utils/money';
import {
  array,
  coerceNumber,
  maxLength,
  nullable,
  object,
  oneOf,
  optional,
  pipe,
  refine,
  rules,
  string,
  transform,
  type Check,
  type Issue,
} from './checks';
import { SECTORS } from './enums';

const orEmpty = transform((v: string | undefined) => v ?? '');

const optionalString = () => pipe(optional(string({ trim: true })), orEmpty);

const optionalText = (max: number) =>
  pipe(optional(rules(string({ trim: true }), maxLength(max, 'validation.tooLong'))), orEmpty);

const emptyToNull = transform((value: unknown): unknown =>
  value === '' || value == null ? null : value,
);

const positiveInteger = (message: string) =>
  rules(
    coerceNumber(message),
    refine((n: number) => Number.isInteger(n) && n > 0, message),
  );

const optionalId = (): Check<string | number | null | undefined, number | null> =>
  pipe(emptyToNull, nullable(positiveInteger('validation.invalid'))) as never;

const optionalMoney = () =>
  pipe(
    rules(
      optionalString(),
      refine((v: string) => v === '' || parseMoneyInput(v) !== null, 'validation.money'),
    ),
    transform((v: string) => (v === '' ? null : parseMoneyInput(v))),
  );

const optionalWholeNumber = (max: number) =>
  rules(
    pipe(
      rules(
        optionalString(),
        refine((v: string) => v === '' || /^\d{1,6}$/.test(v), 'validation.wholeNumber'),
      ),
      transform((v: string) => (v === '' ? null : Number(v))),
    ),
    refine((v: number | null) => v === null || v <= max, 'validation.tooLarge'),
  );

export const beneficiaryStepClientSchema = object({
  beneficiaryMemberId: optionalId(),
});

export const ideaStepClientSchema = object({
  title: optionalText(150),
  sector: pipe(
    optional(oneOf([...SECTORS, ''] as const, 'validation.invalid')),
    transform((v: (typeof SECTORS)[number] | '' | undefined) => (v ? v : null)),
  ),
  description: optionalText(5000),
  market: optionalText(3000),
  experience: optionalText(3000),
});

const budgetItemClientSchema = rules(
  object({
    name: optionalText(120),
    quantity: optionalWholeNumber(100_000),
    unitPrice: optionalMoney(),
  }),
  (item) => {
    const anyFilled = item.name !== '' || item.quantity !== null || item.unitPrice !== null;
    if (!anyFilled) return null;
    const issues: Issue[] = [];
    if (item.name === '') issues.push({ path: ['name'], message: 'validation.required' });
    if (item.quantity === null || item.quantity < 1)
      issues.push({ path: ['quantity'], message: 'validation.quantity' });
    if (item.unitPrice === null)
      issues.push({ path: ['unitPrice'], message: 'validation.required' });
    return issues;
  },
);

export const budgetStepClientSchema = object({
  items: pipe(
    optional(rules(array(budgetItemClientSchema), maxLength(40, 'validation.tooMany'))),
    transform((v: OutputOfItems | undefined) => v ?? []),
  ),
  ownContribution: optionalMoney(),
});
type OutputOfItems = {
  name: string;
  quantity: number | null;
  unitPrice: number | null;
}[];

export const planStepClientSchema = object({
  expectedMonthlyRevenue: optionalMoney(),
  expectedMonthlyCosts: optionalMoney(),
  jobsCreated: optionalWholeNumber(1000),
});

export const withdrawClientSchema = object({
  reason: optionalText(1000),
});

export const applyForFamilyClientSchema = object({
  householdId: pipe(
    transform((value: unknown): unknown => (value === '' || value == null ? undefined : value)),
    positiveInteger('applications:errors.noHousehold'),
  ) as Check<string | number | undefined, number>,
});

const confirmed = transform(
  (value: unknown): boolean => value === true || value === 'on' || value === 'true',
);

export const declineAwardClientSchema = object({
  reason: optionalText(1000),
  confirm: rules(
    confirmed as Check<boolean | string | undefined, boolean>,
    refine((value: boolean) => value, 'results:errors.confirmDecline'),
  ),
});

export const publishConsentClientSchema = object({
  consent: oneOf(['yes', 'no'] as const, 'results:errors.chooseConsent'),
});
