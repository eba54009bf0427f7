// The sign-in and sign-up checks the browser runs, in zod's small build (zod/mini: about 8 KB
// gzipped against 91 KB for the classic build), so that the family's first pages stay light.
// The actions parse with the full schemas of auth.ts; tests/unit/client-schemas.test.ts keeps
// the two in step (same verdict and the same first message per field).
import * as z from 'zod-browser/mini';

const PHONE = /^\+?[\d\s()-]{9,20}$/;

const requiredText = (max: number) =>
  z
    .string({ error: 'validation.required' })
    .check(z.trim(), z.minLength(1, 'validation.required'), z.maxLength(max, 'validation.tooLong'));

const requiredPassword = () =>
  z.string({ error: 'validation.required' }).check(z.minLength(1, 'validation.required'));

const emailCheck = z.email();

export const signInClientSchema = z.object({
  identifier: requiredText(120),
  password: requiredPassword(),
  redirectTo: z.optional(z.string()),
});

export const signUpClientSchema = z
  .object({
    name: requiredText(100),
    contact: requiredText(120).check(
      z.refine(
        (value) => (value.includes('@') ? emailCheck.safeParse(value).success : PHONE.test(value)),
        'validation.emailOrPhone',
      ),
    ),
    localityId: z.pipe(
      z.transform((value: unknown): unknown => (value === '' || value == null ? null : value)),
      z.nullable(
        z.coerce
          .number({ error: 'validation.invalid' })
          .check(z.refine((n) => Number.isInteger(n) && n > 0, 'validation.invalid')),
      ),
    ),
    password: z
      .string({ error: 'validation.required' })
      .check(
        z.minLength(1, 'validation.required'),
        z.minLength(8, 'validation.passwordTooShort'),
        z.maxLength(128, 'validation.tooLong'),
      ),
    passwordConfirm: requiredPassword(),
  })
  .check(
    z.refine((v) => v.password === v.passwordConfirm, {
      path: ['passwordConfirm'],
      message: 'validation.passwordsDiffer',
    }),
  );
