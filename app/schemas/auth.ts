import { z } from 'zod';
import { LOCALES } from '~/i18n/config';
import { ROLES } from '~/utils/permissions';
import {
  checkbox,
  email,
  emailOrPhone,
  multiValue,
  newPassword,
  optionalId,
  requiredText,
  rowId,
} from './fields';

export const signInSchema = z.object({
  identifier: requiredText(120),
  password: z.string({ error: 'validation.required' }).min(1, 'validation.required'),
  redirectTo: z.string().optional(),
});

export const signUpSchema = z
  .object({
    name: requiredText(100),
    contact: emailOrPhone(),
    localityId: optionalId(),
    password: newPassword(),
    passwordConfirm: z.string({ error: 'validation.required' }).min(1, 'validation.required'),
  })
  .refine((v) => v.password === v.passwordConfirm, {
    path: ['passwordConfirm'],
    message: 'validation.passwordsDiffer',
  });

export const forgotPasswordSchema = z.object({ email: email() });

export const setPasswordSchema = z
  .object({
    token: z.string().min(1),
    password: newPassword(),
    passwordConfirm: z.string({ error: 'validation.required' }).min(1, 'validation.required'),
  })
  .refine((v) => v.password === v.passwordConfirm, {
    path: ['passwordConfirm'],
    message: 'validation.passwordsDiffer',
  });

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: 'validation.required' }).min(1, 'validation.required'),
    newPassword: newPassword(),
    passwordConfirm: z.string({ error: 'validation.required' }).min(1, 'validation.required'),
  })
  .refine((v) => v.newPassword === v.passwordConfirm, {
    path: ['passwordConfirm'],
    message: 'validation.passwordsDiffer',
  });

export const accountSettingsSchema = z.object({
  name: requiredText(100),
  locale: z.enum(LOCALES, { error: 'validation.invalid' }),
  phone: z
    .string()
    .trim()
    .max(20, 'validation.tooLong')
    .refine((v) => v === '' || /^\+?[\d\s()-]{9,20}$/.test(v), 'validation.phone'),
  contactByEmail: checkbox(),
  contactByPhone: checkbox(),
  contactOnlyViaFacilitator: checkbox(),
});

export const languageSchema = z.object({
  locale: z.enum(LOCALES),
  redirectTo: z.string().optional(),
});

const roleList = multiValue(z.enum(ROLES)).pipe(
  z.array(z.enum(ROLES)).min(1, 'validation.chooseRole'),
);
const localityIds = multiValue(rowId());

export const inviteSchema = z
  .object({
    name: requiredText(100),
    email: email(),
    locale: z.enum(LOCALES, { error: 'validation.invalid' }),
    roles: roleList,
    localityIds,
  })
  .refine((v) => !v.roles.includes('facilitator') || v.localityIds.length > 0, {
    path: ['localityIds'],
    message: 'validation.facilitatorNeedsLocality',
  });

export const rolesSchema = z
  .object({
    roles: roleList,
    localityIds,
  })
  .refine((v) => !v.roles.includes('facilitator') || v.localityIds.length > 0, {
    path: ['localityIds'],
    message: 'validation.facilitatorNeedsLocality',
  });
