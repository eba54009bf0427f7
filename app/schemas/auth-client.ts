// Sign-in and sign-up as the browser checks them, with the few checks of checks.ts (no zod in
// these pages); the actions parse with auth.ts, and tests/unit/client-schemas.test.ts keeps the
// two in step.
import { LOCALES } from '~/i18n/config';
import {
  checkbox,
  coerceNumber,
  isEmail,
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

const PHONE = /^\+?[\d\s()-]{9,20}$/;

const requiredText = (max: number) =>
  rules(
    string({ trim: true, message: 'validation.required' }),
    minLength(1, 'validation.required'),
    maxLength(max, 'validation.tooLong'),
  );

const requiredPassword = () =>
  rules(string({ message: 'validation.required' }), minLength(1, 'validation.required'));

export const signInClientSchema = object({
  identifier: requiredText(120),
  password: requiredPassword(),
  redirectTo: optional(string()),
});

export const signUpClientSchema = rules(
  object({
    name: requiredText(100),
    contact: rules(
      requiredText(120),
      refine(
        (value: string) => (value.includes('@') ? isEmail(value) : PHONE.test(value)),
        'validation.emailOrPhone',
      ),
    ),
    localityId: pipe(
      transform((value: unknown): unknown => (value === '' || value == null ? null : value)),
      nullable(
        rules(
          coerceNumber('validation.invalid'),
          refine((n: number) => Number.isInteger(n) && n > 0, 'validation.invalid'),
        ),
      ),
    ) as Check<string | number | null | undefined, number | null>,
    password: rules(
      string({ message: 'validation.required' }),
      minLength(1, 'validation.required'),
      minLength(8, 'validation.passwordTooShort'),
      maxLength(128, 'validation.tooLong'),
    ),
    passwordConfirm: requiredPassword(),
  }),
  refine((v) => v.password === v.passwordConfirm, 'validation.passwordsDiffer', [
    'passwordConfirm',
  ]),
);

/** Her account settings as the browser checks them (the action parses with auth.ts). */
export const accountSettingsClientSchema = object({
  name: requiredText(100),
  locale: oneOf(LOCALES, 'validation.invalid'),
  phone: rules(
    string({ trim: true }),
    maxLength(20, 'validation.tooLong'),
    refine((value: string) => value === '' || PHONE.test(value), 'validation.phone'),
  ),
  contactByEmail: checkbox(),
  contactByPhone: checkbox(),
  contactOnlyViaFacilitator: checkbox(),
});
