// Building blocks for form schemas. Client-safe: the same schema validates in the browser
// (react-hook-form) and in the action. Messages are keys under errors:validation.
import { z } from 'zod';

export const requiredText = (max = 200) =>
  z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, 'validation.required')
    .max(max, 'validation.tooLong');

export const optionalText = (max = 2000) =>
  z
    .string()
    .trim()
    .max(max, 'validation.tooLong')
    .optional()
    .transform((value) => value ?? '');

/** A checkbox: "on" from a form post, true/false from the browser; absent means false. */
export const checkbox = () =>
  z.preprocess((value) => value === true || value === 'on' || value === 'true', z.boolean());

/** A field that may repeat (checkbox group, multi-select): always an array. */
export const multiValue = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) =>
      value == null || value === false || value === ''
        ? []
        : Array.isArray(value)
          ? value
          : [value],
    z.array(item),
  );

/**
 * The id of a row, as a form posts it: decimal digits only ("0x10", "1e3", " 7" are not ids),
 * at most 15 of them. Whether the row exists is the service's question.
 */
export const rowId = () =>
  z.preprocess(
    (value) => (typeof value === 'string' && /^[1-9]\d{0,14}$/.test(value) ? Number(value) : value),
    z.number({ error: 'validation.invalid' }).int().positive(),
  );

/** An optional row id from a select or input; "" means none. */
export const optionalId = () =>
  z.preprocess((value) => (value === '' || value == null ? null : value), rowId().nullable());

/** Passwords: long enough to resist guessing; no other rules, so they can be remembered. */
export const newPassword = () =>
  z
    .string({ error: 'validation.required' })
    .min(1, 'validation.required')
    .min(8, 'validation.passwordTooShort')
    .max(128, 'validation.tooLong');

/** An e-mail address or a phone number with at least 9 digits. */
export const emailOrPhone = () =>
  requiredText(120).refine(
    (value) =>
      value.includes('@') ? z.email().safeParse(value).success : /^\+?[\d\s()-]{9,20}$/.test(value),
    'validation.emailOrPhone',
  );

export const email = () => requiredText(120).pipe(z.email('validation.email'));
