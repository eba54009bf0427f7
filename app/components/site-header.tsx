import { Form, Link, NavLink, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { LOCALES, LOCALE_NATIVE_NAMES, type Locale } from '~/i18n/config';
import { hasPermission, type Role } from '~/utils/permissions';

export type HeaderUser = { name: string; roles: Role[] };

/** Navigation by role: only what this person can open. */
function navItems(user: HeaderUser | null) {
  if (!user) return [];
  const items: {
    to: string;
    labelKey: 'nav.home' | 'nav.families' | 'nav.outbox' | 'nav.users' | 'nav.audit';
  }[] = [{ to: '/', labelKey: 'nav.home' }];
  if (hasPermission(user.roles, 'families:reset-password'))
    items.push({ to: '/families', labelKey: 'nav.families' });
  if (hasPermission(user.roles, 'outbox:read'))
    items.push({ to: '/staff/outbox', labelKey: 'nav.outbox' });
  if (hasPermission(user.roles, 'users:manage'))
    items.push({ to: '/admin/users', labelKey: 'nav.users' });
  if (hasPermission(user.roles, 'audit:read'))
    items.push({ to: '/admin/audit', labelKey: 'nav.audit' });
  return items;
}

export function LanguageSwitcher({ locale }: { locale: Locale }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    // A full page load after switching, so every text (and the browser's copy) is in the new language.
    <Form
      method="post"
      action="/language"
      reloadDocument
      className="language-switcher"
      aria-label={t('language.switcher')}
    >
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      {LOCALES.map((code) => (
        <button
          key={code}
          type="submit"
          name="locale"
          value={code}
          lang={code}
          aria-pressed={code === locale}
          title={LOCALE_NATIVE_NAMES[code]}
        >
          <span aria-hidden="true">{code.toUpperCase()}</span>
          <span className="visually-hidden">{LOCALE_NATIVE_NAMES[code]}</span>
        </button>
      ))}
    </Form>
  );
}

export function SiteHeader({ user, locale }: { user: HeaderUser | null; locale: Locale }) {
  const { t } = useTranslation();
  const items = navItems(user);
  return (
    <header className="site-header">
      <div className="site-header__bar">
        <Link className="brand" to="/">
          <img className="brand__mark" src="/favicon.svg" alt="" width="24" height="24" />
          Ishenim
        </Link>
        <LanguageSwitcher locale={locale} />
        {user ? (
          <details className="account-menu">
            <summary>
              <span className="visually-hidden">{t('account.menu')}: </span>
              {user.name}
            </summary>
            <div className="account-menu__panel">
              <p className="account-menu__who">
                {user.roles.map((role) => t(`roles.${role}`)).join(', ')}
              </p>
              <Link to="/account">{t('account.settings')}</Link>
              <Link to="/account/password">{t('account.changePassword')}</Link>
              <Form method="post" action="/logout">
                <button type="submit">{t('account.signOut')}</button>
              </Form>
            </div>
          </details>
        ) : (
          <Link to="/login" className="button button--secondary button--small">
            {t('account.signIn')}
          </Link>
        )}
      </div>
      {items.length > 1 ? (
        <nav className="site-nav" aria-label={t('nav.label')}>
          <ul>
            {items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === '/'}>
                  {t(item.labelKey)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}
