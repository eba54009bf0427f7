import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import {
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from '~/i18n/react';
import { QuickExit, showsQuickExit } from '~/components/quick-exit';
import { RouteAnnouncer } from '~/components/route-announcer';
import { SessionTimeoutWarning } from '~/components/session-timeout-warning';
import { SiteHeader } from '~/components/site-header';
import { useHydrated } from '~/components/use-hydrated';
import { DEFAULT_LOCALE, HTML_LANG, isLocale } from '~/i18n/config';
import { LOCALE_VERSIONS } from '~/i18n/version.server';
import stylesHref from '~/styles/app.css';
import { getOptionalUser } from '~/utils/auth.server';
import { detectLocale } from '~/utils/locale.server';
import { idleLimitMs } from '~/utils/session.server';
import { useNonce } from '~/utils/nonce';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'public' };

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesHref },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
  { rel: 'icon', href: '/favicon.ico', sizes: '32x32' },
];

export const meta: MetaFunction = () => [{ title: 'Ishenim' }];

const SHORT_IDLE_MS = 60 * 60_000;

export async function loader({ request }: LoaderFunctionArgs) {
  const sessionUser = await getOptionalUser(request);
  const locale = await detectLocale(request, sessionUser);
  return json({
    locale,
    i18nVersion: LOCALE_VERSIONS[locale],
    user: sessionUser
      ? { id: sessionUser.user.id, name: sessionUser.user.name, roles: sessionUser.roles }
      : null,
    // People signed out after an hour or less of idleness are warned before it (WCAG 2.2.1).
    idleWarningMs:
      sessionUser && idleLimitMs(sessionUser.roles) <= SHORT_IDLE_MS
        ? idleLimitMs(sessionUser.roles)
        : null,
  });
}

export type RootLoaderData = ReturnType<typeof useRootData>;

export function useRootData() {
  return useRouteLoaderData<typeof loader>('root');
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRootData();
  const nonce = useNonce();
  const { t, i18n } = useTranslation();
  // Without the root's data (its loader failed), the page is in the language i18n was set up
  // with on the server — the same one the browser reads from <html lang> to hydrate.
  const locale = data?.locale ?? (isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE);
  const version = data?.i18nVersion ?? '';
  // Every page, even one without a form, marks the end of hydration (see use-hydrated.ts).
  useHydrated();
  useEffect(() => {
    if (i18n.language !== locale) void i18n.switchTo(locale, version);
  }, [i18n, locale, version]);
  return (
    <html lang={HTML_LANG[locale]} data-i18n-version={data?.i18nVersion}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t('skipToContent')}
        </a>
        {showsQuickExit(data?.user ?? null) ? <QuickExit /> : null}
        <SiteHeader user={data?.user ?? null} locale={locale} />
        {data?.idleWarningMs ? <SessionTimeoutWarning idleMs={data.idleWarningMs} /> : null}
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>{t('footer.tagline')}</p>
        </footer>
        <RouteAnnouncer />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation(['errors', 'common']);
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!isRouteErrorResponse(error)) console.error(error);
  const kind =
    status === 403
      ? 'forbidden'
      : status === 404
        ? 'notFound'
        : status === 429
          ? 'tooMany'
          : status === 400 || status === 413 || status === 415
            ? 'badRequest'
            : 'serverError';
  return (
    <div className="error-page">
      <p className="error-page__code">{status}</p>
      <h1>{t(`errors:page.${kind}.title`)}</h1>
      <p>{t(`errors:page.${kind}.body`)}</p>
      <p>
        <Link to="/" className="button">
          {t('errors:page.home')}
        </Link>
      </p>
    </div>
  );
}
