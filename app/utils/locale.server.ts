import { createCookie } from '@remix-run/node';
import { isLocale, type Locale } from '~/i18n/config';
import { localeFromAcceptLanguage } from '~/i18n/i18n.server';
import { env } from './env.server';
import type { SessionUser } from './session.server';

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

/** The account's language, else the cookie's, else the browser's, else Kyrgyz. */
export async function detectLocale(
  request: Request,
  sessionUser?: SessionUser | null,
): Promise<Locale> {
  if (sessionUser) return sessionUser.user.locale;
  return (
    (await localeFromCookie(request)) ??
    localeFromAcceptLanguage(request.headers.get('Accept-Language'))
  );
}
