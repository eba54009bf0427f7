// Whether a person chose her language, and so whether a competition's own default language may
// speak for her on that competition's pages (issue 17: staff of a Kazakhstan competition see
// Kazakh by default). Her choice always wins; the competition's default only fills a gap.
import type { User } from '~db/schema/people';
import { DEFAULT_LOCALE, type Locale } from '~/i18n/config';
import { competitionDefaultLocaleForPath } from '~/models/page-competition.server';

/**
 * An account chose its language when she picked one (the switcher, her account page:
 * `localeChosenAt`), or when it holds another than the default (staff invited her in Russian,
 * she signed up reading Russian, or it was set before choices were recorded). An account left at
 * Kyrgyz with no recorded choice never chose.
 */
export function accountChoseLocale(user: Pick<User, 'locale' | 'localeChosenAt'>): boolean {
  return user.localeChosenAt !== null || user.locale !== DEFAULT_LOCALE;
}

/** The default language of the competition the request's page belongs to, if any. */
export function competitionLocaleOfRequest(request: Request): Locale | null {
  return competitionDefaultLocaleForPath(new URL(request.url).pathname);
}

/**
 * The account as this request's pages read it: her own language if she chose one, else the
 * language of the competition whose page this is, else the account's (Kyrgyz).
 */
export function withPageLocale(user: User, request: Request): User {
  if (accountChoseLocale(user)) return user;
  const competitionLocale = competitionLocaleOfRequest(request);
  return competitionLocale ? { ...user, locale: competitionLocale } : user;
}
