import { createCookie } from '@remix-run/node';
import { DEFAULT_LOCALE, isLocale, type Locale } from '~/i18n/config';
import { findUserById } from '~/models/user.server';
import { localeFromAcceptLanguage } from '~/i18n/i18n.server';
import { env } from './env.server';
import { findEndedSessionUser, type SessionUser } from './session.server';

/** Before sign-in, the chosen language is kept in this cookie for a year. */
export const localeCookie = createCookie('ishenim_lang', {
  httpOnly: true,
  sameSite: 'lax',
  secure: env.isHttps,
  path: '/',
  maxAge: 365 * 24 * 60 * 60,
});

export async function localeFromCookie(request: Request): Promise<Locale | null> {
  const value: unknown = await localeCookie.parse(request.headers.get('Cookie'));
  return isLocale(value) ? value : null;
}

/**
 * The account's language, else the cookie's (set at sign-in, kept after sign-out), else that of
 * the account whose session just ended on this browser, else the browser's, else Kyrgyz.
 */
export async function detectLocale(
  request: Request,
  sessionUser?: SessionUser | null,
): Promise<Locale> {
  if (sessionUser) return sessionUser.user.locale;
  return (
    (await localeFromCookie(request)) ??
    (await findEndedSessionUser(request))?.locale ??
    localeFromAcceptLanguage(request.headers.get('Accept-Language'))
  );
}

/** The Set-Cookie that keeps this account's language in the browser. */
export function rememberAccountLocale(userId: number): Promise<string> {
  return rememberLocale(findUserById(userId)?.locale ?? DEFAULT_LOCALE);
}

/** Keeps her language in the browser, so the pages after sign-out or a time-out speak it. */
export function rememberLocale(locale: Locale): Promise<string> {
  return localeCookie.serialize(locale);
}
