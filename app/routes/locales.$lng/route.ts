import type { LoaderFunctionArgs } from '@remix-run/node';
import { isLocale } from '~/i18n/config';
import { resources } from '~/i18n/resources';
import { LOCALE_VERSIONS } from '~/i18n/version.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'public' };

/** One language's texts for the browser; immutable for a given version. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const locale = params.lng;
  if (!isLocale(locale)) throw new Response('Not Found', { status: 404 });
  const version = new URL(request.url).searchParams.get('v');
  const cacheControl =
    version === LOCALE_VERSIONS[locale]
      ? 'public, max-age=31536000, immutable'
      : 'public, max-age=300';
  return new Response(JSON.stringify(resources[locale]), {
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': cacheControl },
  });
}
