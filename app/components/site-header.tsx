import { Form, Link, NavLink, useLocation } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import { useTranslation } from '~/i18n/react';
import { HTML_LANG, LOCALES, LOCALE_NATIVE_NAMES, type Locale } from '~/i18n/config';
import { hasPermission, type Role } from '~/utils/permissions';

export type HeaderUser = { name: string; roles: Role[] };

type NavKey =
  | 'nav.home'
  | 'nav.competitions'
  | 'nav.household'
  | 'nav.myApplications'
  | 'nav.families'
  | 'nav.staffCompetitions'
  | 'nav.applications'
  | 'nav.jury'
  | 'nav.outbox'
  | 'nav.users'
  | 'nav.audit'
  | 'nav.results'
  | 'nav.consultations'
  | 'nav.bookings'
  | 'nav.villageBookings'
  | 'nav.myConsultations'
  | 'nav.staffConsultations'
  | 'nav.training'
  | 'nav.visits'
  | 'nav.dashboard';

/** Navigation by role: only what this person can open. */
export function navItems(user: HeaderUser | null): { to: string; labelKey: NavKey }[] {
  if (!user) return [];
  const can = (permission: Parameters<typeof hasPermission>[1]) =>
    hasPermission(user.roles, permission);
  const items: { to: string; labelKey: NavKey }[] = [{ to: '/', labelKey: 'nav.home' }];
  if (can('household:own')) items.push({ to: '/household', labelKey: 'nav.household' });
  if (can('applications:edit')) {
    // A facilitator's list holds her families' applications, not her own.
    items.push({
      to: '/applications',
      labelKey: can('household:own') ? 'nav.myApplications' : 'nav.applications',
    });
  }
  if (can('households:view')) items.push({ to: '/households', labelKey: 'nav.families' });
  if (can('competitions:manage')) {
    items.push({ to: '/staff/competitions', labelKey: 'nav.staffCompetitions' });
  } else if (can('applications:edit')) {
    items.push({ to: '/competitions', labelKey: 'nav.competitions' });
  }
  // Families and facilitators book consultations; staff have their own consultation pages.
  if (can('consultations:book') && (can('household:own') || can('results:tell'))) {
    items.push({ to: '/consultations', labelKey: 'nav.consultations' });
    items.push({
      to: '/bookings',
      labelKey: can('household:own') ? 'nav.bookings' : 'nav.villageBookings',
    });
  }
  if (can('results:tell')) items.push({ to: '/facilitator/results', labelKey: 'nav.results' });
  if (can('training:manage')) items.push({ to: '/training', labelKey: 'nav.training' });
  // Monitoring visits: a facilitator's villages, or every village for staff.
  if (can('visits:record')) items.push({ to: '/visits', labelKey: 'nav.visits' });
  if (can('applications:screen'))
    items.push({ to: '/staff/applications', labelKey: 'nav.applications' });
  if (can('jury:score')) items.push({ to: '/jury', labelKey: 'nav.jury' });
  // The consultant's own agenda; staff see every consultation on theirs.
  if (user.roles.includes('consultant'))
    items.push({ to: '/consultant', labelKey: 'nav.myConsultations' });
  if (can('consultations:oversee'))
    items.push({ to: '/staff/consultations', labelKey: 'nav.staffConsultations' });
  if (can('outcomes:read')) items.push({ to: '/staff/dashboard', labelKey: 'nav.dashboard' });
  if (can('outbox:read')) items.push({ to: '/staff/outbox', labelKey: 'nav.outbox' });
  if (can('users:manage')) items.push({ to: '/admin/users', labelKey: 'nav.users' });
  if (can('audit:read')) items.push({ to: '/admin/audit', labelKey: 'nav.audit' });
  return items;
}

/**
 * The five languages, each named in itself. Wide screens show them as a row of buttons; phones
 * a compact menu (a native <details>, so it opens without JavaScript), listing the same buttons.
 * CSS shows one or the other; the hidden one is out of the accessibility tree.
 */
export function LanguageSwitcher({ locale }: { locale: Locale }) {
  const { t } = useTranslation();
  return (
    <>
      <LanguageForm locale={locale} className="language-switcher language-switcher--row" short />
      <details className="language-menu header-menu">
        <summary>
          {locale.toUpperCase()}
          <span className="visually-hidden">
            {' '}
            {t('language.switcher')}:{' '}
            <span lang={HTML_LANG[locale]}>{LOCALE_NATIVE_NAMES[locale]}</span>
          </span>
        </summary>
        <div className="language-menu__panel">
          <LanguageForm locale={locale} className="language-switcher language-switcher--menu" />
        </div>
      </details>
    </>
  );
}

function LanguageForm({
  locale,
  className,
  short = false,
}: {
  locale: Locale;
  className: string;
  /** Two-letter codes on the buttons (their names stay their accessible names). */
  short?: boolean;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    // A full page load after switching, so every text (and the browser's copy) is in the new language.
    <Form
      method="post"
      action="/language"
      reloadDocument
      className={className}
      aria-label={t('language.switcher')}
    >
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      {LOCALES.map((code) => (
        <button
          key={code}
          type="submit"
          name="locale"
          value={code}
          lang={HTML_LANG[code]}
          aria-pressed={code === locale}
          title={short ? LOCALE_NATIVE_NAMES[code] : undefined}
        >
          {short ? (
            <>
              <span aria-hidden="true">{code.toUpperCase()}</span>
              <span className="visually-hidden">{LOCALE_NATIVE_NAMES[code]}</span>
            </>
          ) : (
            LOCALE_NATIVE_NAMES[code]
          )}
        </button>
      ))}
    </Form>
  );
}

export function SiteHeader({ user, locale }: { user: HeaderUser | null; locale: Locale }) {
  const { t } = useTranslation();
  const headerRef = useRef<HTMLElement>(null);
  // Escape closes an open header menu (account, language) and returns to its button, as a menu
  // does by keyboard.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      const menus = headerRef.current?.querySelectorAll<HTMLDetailsElement>('details.header-menu');
      for (const menu of menus ?? []) {
        if (!menu.open) continue;
        menu.open = false;
        menu.querySelector('summary')?.focus();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
  const items = navItems(user);
  return (
    <header className="site-header" ref={headerRef}>
      <div className="site-header__bar">
        <Link className="brand" to="/">
          <img className="brand__mark" src="/favicon.svg" alt="" width="24" height="24" />
          Ishenim
        </Link>
        <LanguageSwitcher locale={locale} />
        {user ? (
          <details className="account-menu header-menu">
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
