// All translations, imported so the server has them at start-up. The browser fetches only its
// own language from /locales/<lng> (see routes/locales.$lng.ts).
import enCommon from './locales/en/common';
import enAuth from './locales/en/auth';
import enAccount from './locales/en/account';
import enAdmin from './locales/en/admin';
import enErrors from './locales/en/errors';
import enEmail from './locales/en/email';
import ruCommon from './locales/ru/common';
import ruAuth from './locales/ru/auth';
import ruAccount from './locales/ru/account';
import ruAdmin from './locales/ru/admin';
import ruErrors from './locales/ru/errors';
import ruEmail from './locales/ru/email';
import kyCommon from './locales/ky/common';
import kyAuth from './locales/ky/auth';
import kyAccount from './locales/ky/account';
import kyAdmin from './locales/ky/admin';
import kyErrors from './locales/ky/errors';
import kyEmail from './locales/ky/email';
import type { Locale } from './config';

const en = {
  common: enCommon,
  auth: enAuth,
  account: enAccount,
  admin: enAdmin,
  errors: enErrors,
  email: enEmail,
};

/** English is the reference: its shape types every `t()` key. */
export type Resources = typeof en;

export const resources: Record<Locale, Resources> = {
  en,
  ru: {
    common: ruCommon,
    auth: ruAuth,
    account: ruAccount,
    admin: ruAdmin,
    errors: ruErrors,
    email: ruEmail,
  },
  ky: {
    common: kyCommon,
    auth: kyAuth,
    account: kyAccount,
    admin: kyAdmin,
    errors: kyErrors,
    email: kyEmail,
  },
};
