// The family's own household form as the browser checks it, in zod's small build (zod/mini).
// The action parses with the full householdSchema of household.ts; tests/unit/client-schemas.test.ts
// keeps the two in step.
import * as z from 'zod-browser/mini';
import { RELATIONS, SEXES } from './enums';

const THIS_YEAR = new Date().getUTCFullYear();
const PHONE = /^\+?[\d\s()-]{9,20}$/;

const requiredText = (max: number) =>
  z
    .string({ error: 'validation.required' })
    .check(z.trim(), z.minLength(1, 'validation.required'), z.maxLength(max, 'validation.tooLong'));

const optionalText = (max: number) =>
  z.pipe(
    z.optional(z.string().check(z.trim(), z.maxLength(max, 'validation.tooLong'))),
    z.transform((v: string | undefined) => v ?? ''),
  );

const checkbox = () =>
  z.pipe(
    z.transform((value: unknown): boolean => value === true || value === 'on' || value === 'true'),
    z.boolean(),
  );

const memberClientSchema = z.object({
  memberId: z.pipe(
    z.transform((v: unknown): unknown => (v === '' || v == null ? null : v)),
    z.nullable(z.coerce.number().check(z.refine((n) => Number.isInteger(n) && n > 0))),
  ),
  firstName: requiredText(80),
  lastName: requiredText(80),
  sex: z.enum(SEXES, { error: 'validation.required' }),
  birthYear: z.coerce.number({ error: 'validation.birthYear' }).check(
    z.refine((n) => Number.isInteger(n), 'validation.birthYear'),
    z.gte(1900, 'validation.birthYear'),
    z.lte(THIS_YEAR, 'validation.birthYear'),
  ),
  relation: z.enum(RELATIONS, { error: 'validation.required' }),
});

export const householdClientSchema = z
  .object({
    localityId: z.coerce
      .number({ error: 'validation.required' })
      .check(z.refine((n) => Number.isInteger(n) && n > 0, 'validation.required')),
    address: optionalText(300),
    phone: z.pipe(
      z.optional(
        z.string().check(
          z.trim(),
          z.maxLength(20, 'validation.tooLong'),
          z.refine((v) => v === '' || PHONE.test(v), 'validation.phone'),
        ),
      ),
      z.transform((v: string | undefined) => v ?? ''),
    ),
    receivesSocialBenefits: checkbox(),
    benefitRegisterNumber: optionalText(40),
    members: z
      .array(memberClientSchema)
      .check(z.minLength(1, 'validation.atLeastOneMember'), z.maxLength(30, 'validation.tooMany')),
  })
  .check(
    z.refine((v) => !v.receivesSocialBenefits || v.benefitRegisterNumber.length > 0, {
      path: ['benefitRegisterNumber'],
      message: 'validation.registerNumberNeeded',
    }),
  );
