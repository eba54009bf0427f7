import { createCookie } from '@remix-run/node';
import { DEFAULT_LOCALE, isLocale, type Locale } from '~/i18n/config';
import { findUserById } from '~/models/user.server';
import { localeFromAcceptLanguage } from '~/i18n/i18n.server';
import { env } from './env.server';
import { accountChoseLocale, competitionLocaleOfRequest } from './locale-choice.server';
import { findEndedSessionUser, type SessionUser } from './session.server';

/**
 * Before sign-in, the language is kept in this cookie for a year. Its value is the locale when
 * the person chose it (the switcher, or an account that chose one signed in here); `{ kept }`
 * when it only remembers the language of an account that never chose, so that a competition's
 * own default language still speaks on its pages.
 */
export const localeCookie = createCookie('ishenim_lang', {
  httpOnly: true,
  sameSite: 'lax',
  secure: env.isHttps,
  path: '/',
  maxAge: 365 * 24 * 60 * 60,
});

type CookieLocale = { locale: Locale; chosen: boolean };

async function readLocaleCookie(request: Request): Promise<CookieLocale | null> {
  const value: unknown = await localeCookie.parse(request.headers.get('Cookie'));
  if (isLocale(value)) return { locale: value, chosen: true };
  if (value && typeof value === 'object' && 'kept' in value && isLocale(value.kept))
    return { locale: value.kept, chosen: false };
  return null;
}

/** The language the visitor chose in this browser, if she did. */
export async function localeFromCookie(request: Request): Promise<Locale | null> {
  const cookie = await readLocaleCookie(request);
  return cookie?.chosen ? cookie.locale : null;
}

/**
 * The page's language. Signed in: the account's (or her competition's default, see
 * withPageLocale). A visitor: the language she chose in this browser, else the default language
 * of the competition whose page this is, else the language kept from the account last signed
 * in here or whose session just ended on this browser, else the browser's, else Kyrgyz.
 */
export async function detectLocale(
  request: Request,
  sessionUser?: SessionUser | null,
): Promise<Locale> {
  if (sessionUser) return sessionUser.user.locale;
  const cookie = await readLocaleCookie(request);
  if (cookie?.chosen) return cookie.locale;
  const competitionLocale = competitionLocaleOfRequest(request);
  if (competitionLocale) return competitionLocale;
  if (cookie) return cookie.locale;
  const ended = await findEndedSessionUser(request);
  if (ended) {
    // Her page's language, as it was while she was signed in.
    return ended.locale;
  }
  return localeFromAcceptLanguage(request.headers.get('Accept-Language'));
}

/** The Set-Cookie that keeps this account's language in the browser. */
export function rememberAccountLocale(userId: number): Promise<string> {
  const user = findUserById(userId);
  return user ? rememberLocale(user) : localeCookie.serialize(DEFAULT_LOCALE);
}

/**
 * Keeps her language in the browser, so the pages after sign-out or a time-out speak it; as a
 * choice only if the account made one. Pass the stored account, not a request's page view.
 */
export function rememberLocale(user: { locale: Locale; localeChosenAt: Date | null }) {
  return localeCookie.serialize(accountChoseLocale(user) ? user.locale : { kept: user.locale });
}

/** The Set-Cookie that keeps a language the visitor (or the account) just chose. */
export function rememberChosenLocale(locale: Locale): Promise<string> {
  return localeCookie.serialize(locale);
}
