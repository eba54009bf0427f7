// The household form as the browser checks it, with the few checks of checks.ts (no zod in the
// family's pages); the action parses with householdSchema (household.ts), and
// tests/unit/client-schemas.test.ts keeps the two in step.
import {
  checkbox,
  array,
  coerceNumber,
  maxLength,
  minLength,
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
} from './checks';
import { RELATIONS, SEXES } from './enums';

const THIS_YEAR = new Date().getUTCFullYear();
const PHONE = /^\+?[\d\s()-]{9,20}$/;

const requiredText = (max: number) =>
  rules(
    string({ trim: true, message: 'validation.required' }),
    minLength(1, 'validation.required'),
    maxLength(max, 'validation.tooLong'),
  );

const orEmpty = transform((v: string | undefined) => v ?? '');

const optionalText = (max: number) =>
  pipe(optional(rules(string({ trim: true }), maxLength(max, 'validation.tooLong'))), orEmpty);

const memberClientSchema = object({
  memberId: pipe(
    transform((v: unknown): unknown => (v === '' || v == null ? null : v)),
    nullable(
      rules(
        coerceNumber(),
        refine((n: number) => Number.isInteger(n) && n > 0),
      ),
    ),
  ) as Check<string | number | null | undefined, number | null>,
  firstName: requiredText(80),
  lastName: requiredText(80),
  sex: oneOf(SEXES, 'validation.required'),
  birthYear: rules(
    coerceNumber('validation.birthYear') as Check<string | number, number>,
    refine((n: number) => Number.isInteger(n), 'validation.birthYear'),
    refine((n: number) => n >= 1900, 'validation.birthYear'),
    refine((n: number) => n <= THIS_YEAR, 'validation.birthYear'),
  ),
  relation: oneOf(RELATIONS, 'validation.required'),
});

export const householdClientSchema = rules(
  object({
    localityId: rules(
      coerceNumber('validation.required') as Check<string | number, number>,
      refine((n: number) => Number.isInteger(n) && n > 0, 'validation.required'),
    ),
    address: optionalText(300),
    phone: pipe(
      optional(
        rules(
          string({ trim: true }),
          maxLength(20, 'validation.tooLong'),
          refine((v: string) => v === '' || PHONE.test(v), 'validation.phone'),
        ),
      ),
      orEmpty,
    ),
    receivesSocialBenefits: checkbox(),
    benefitRegisterNumber: optionalText(40),
    members: rules(
      array(memberClientSchema),
      minLength(1, 'validation.atLeastOneMember'),
      maxLength(30, 'validation.tooMany'),
    ),
  }),
  refine(
    (v) => !v.receivesSocialBenefits || v.benefitRegisterNumber.length > 0,
    'validation.registerNumberNeeded',
    ['benefitRegisterNumber'],
  ),
);

/** The longest search the households list reads, and its search field accepts. */
export const HOUSEHOLD_SEARCH_MAX_LENGTH = 100;
