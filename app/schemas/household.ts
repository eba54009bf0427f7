import { z } from 'zod';
import { CONSENT_METHODS, RELATIONS, SEXES } from './enums';
import { checkbox, optionalText, requiredText, rowId } from './fields';

const THIS_YEAR = new Date().getUTCFullYear();

/** One member row of the household form; rows arrive as members.<i>.<field>. */
export const memberSchema = z.object({
  /** The member's id when editing (react-hook-form reserves `id` for its own row keys). */
  memberId: z.preprocess((v) => (v === '' || v == null ? null : v), rowId().nullable()),
  firstName: requiredText(80),
  lastName: requiredText(80),
  sex: z.enum(SEXES, { error: 'validation.required' }),
  birthYear: z.coerce
    .number({ error: 'validation.birthYear' })
    .int('validation.birthYear')
    .min(1900, 'validation.birthYear')
    .max(THIS_YEAR, 'validation.birthYear'),
  relation: z.enum(RELATIONS, { error: 'validation.required' }),
});

export const householdSchema = z
  .object({
    localityId: z.coerce
      .number({ error: 'validation.required' })
      .int()
      .positive('validation.required'),
    address: optionalText(300),
    phone: z
      .string()
      .trim()
      .max(20, 'validation.tooLong')
      .refine((v) => v === '' || /^\+?[\d\s()-]{9,20}$/.test(v), 'validation.phone')
      .optional()
      .transform((v) => v ?? ''),
    receivesSocialBenefits: checkbox(),
    benefitRegisterNumber: optionalText(40),
    members: z
      .array(memberSchema)
      .min(1, 'validation.atLeastOneMember')
      .max(30, 'validation.tooMany'),
  })
  .refine((v) => !v.receivesSocialBenefits || v.benefitRegisterNumber.length > 0, {
    path: ['benefitRegisterNumber'],
    message: 'validation.registerNumberNeeded',
  });

export type HouseholdFormInput = z.output<typeof householdSchema>;

/** A facilitator registering a family also records how the family consented. */
export const consentSchema = z.object({
  consentGivenBy: requiredText(120),
  consentMethod: z.enum(CONSENT_METHODS, { error: 'validation.required' }),
  consentGivenOn: z
    .string({ error: 'validation.required' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date'),
  consentNote: optionalText(500),
});

export const familyRegistrationSchema = householdSchema
  .and(consentSchema)
  .and(z.object({ createAccount: checkbox(), accountName: optionalText(100) }))
  // A sign-in for the family uses her phone number, in her name.
  .refine((v) => !v.createAccount || v.phone.length > 0, {
    path: ['phone'],
    message: 'validation.phoneForAccount',
  })
  .refine((v) => !v.createAccount || v.accountName.length > 0, {
    path: ['accountName'],
    message: 'validation.required',
  });
