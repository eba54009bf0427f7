// Walks every route of the built app: each must declare who may use it, and its loader and
// action must enforce that for an anonymous visitor and for a person with the wrong role.
import {
  PERMISSIONS,
  ROLES,
  type Permission,
  type Role,
  type RouteAccess,
} from '~/utils/permissions';
import { createUser } from '../support/factories';
import { expect, test } from './support/fixtures';
import { buildRouteTable } from './support/route-fuzz';

/** A value for each dynamic segment, so that the route's URL can be requested. */
const SAMPLE_PARAMS: Record<string, string> = { userId: '1', mailId: '1', lng: 'en' };

type RouteInfo = {
  id: string;
  url: string;
  access: RouteAccess['access'] | undefined;
  hasLoader: boolean;
  hasAction: boolean;
};

async function appRoutes(): Promise<RouteInfo[]> {
  return (await buildRouteTable()).map((route) => {
    const pathname = route.pattern.replace(
      /:(\w+)/g,
      (_m, name: string) => SAMPLE_PARAMS[name] ?? '1',
    );
    const handle = route.module.handle as Partial<RouteAccess> | undefined;
    return {
      id: route.id,
      url: pathname.replace(/\/+$/, '') || '/',
      access: handle?.access,
      hasLoader: typeof route.module.loader === 'function',
      hasAction: typeof route.module.action === 'function',
    };
  });
}

function roleWithout(permission: Permission): Role | undefined {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return ROLES.find((role) => !allowed.includes(role));
}

test('every route declares an access policy', async () => {
  const routes = await appRoutes();
  expect(routes.length).toBeGreaterThan(10);
  expect(routes.filter((r) => !r.access).map((r) => r.id)).toEqual([]);
  const known = new Set(['public', ...Object.keys(PERMISSIONS)]);
  expect(routes.filter((r) => !known.has(r.access!)).map((r) => `${r.id}: ${r.access}`)).toEqual(
    [],
  );
});

test('protected routes send visitors to sign in and refuse the wrong role', async ({
  playwright,
  baseURL,
}) => {
  const routes = (await appRoutes()).filter((r) => r.access && r.access !== 'public');
  const anonymous = await playwright.request.newContext({ baseURL, maxRedirects: 0 });
  const checked: string[] = [];
  for (const route of routes) {
    const permission = route.access as Permission;
    const requests = [
      ...(route.hasLoader ? [{ method: 'GET' }] : []),
      ...(route.hasAction ? [{ method: 'POST' }] : []),
    ];
    for (const { method } of requests) {
      const response = await anonymous.fetch(route.url, {
        method,
        headers: { Origin: baseURL! },
        form: method === 'POST' ? { intent: 'probe' } : undefined,
      });
      expect(response.status(), `${method} ${route.url} as a visitor`).toBe(302);
      expect(response.headers().location, `${method} ${route.url} as a visitor`).toMatch(
        /^\/login/,
      );
    }
    const wrongRole = roleWithout(permission);
    if (wrongRole) {
      const person = await createUser({ roles: [wrongRole] });
      const signedIn = await playwright.request.newContext({ baseURL, maxRedirects: 0 });
      const { newSession } = await import('~/utils/session.server');
      const { insertSession } = await import('~/models/session.server');
      const { writeTransaction } = await import('~db/client');
      const session = await newSession([wrongRole]);
      writeTransaction((tx) =>
        insertSession(tx, {
          id: session.sessionId,
          userId: person.id,
          expiresAt: session.expiresAt,
          userAgent: null,
          ipAddress: null,
        }),
      );
      const cookie = session.setCookie.split(';')[0]!;
      for (const { method } of requests) {
        const response = await signedIn.fetch(route.url, {
          method,
          headers: { Origin: baseURL!, Cookie: cookie },
          form: method === 'POST' ? { intent: 'probe' } : undefined,
        });
        expect(response.status(), `${method} ${route.url} as ${wrongRole}`).toBe(403);
      }
      await signedIn.dispose();
    }
    checked.push(route.id);
  }
  expect(checked.length).toBeGreaterThan(5);
  await anonymous.dispose();
});

test('a form posted from another site is refused', async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL, maxRedirects: 0 });
  const foreign = await request.post('/login', {
    headers: { Origin: 'https://evil.example' },
    form: { identifier: 'x', password: 'y' },
  });
  expect(foreign.status()).toBe(403);
  const crossSite = await request.post('/login', {
    headers: { 'Sec-Fetch-Site': 'cross-site' },
    form: { identifier: 'x', password: 'y' },
  });
  expect(crossSite.status()).toBe(403);
  const sameSite = await request.post('/login', {
    headers: { Origin: baseURL! },
    form: { identifier: 'x', password: 'y' },
  });
  expect(sameSite.status()).toBe(400);
  await request.dispose();
});

test('every response carries the security headers', async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  const response = await request.get('/login');
  const headers = response.headers();
  expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('same-origin');
  expect(headers['cache-control']).toBe('no-store');
  const nonce = headers['content-security-policy']!.match(/'nonce-([^']+)'/)![1];
  const html = await response.text();
  // Every inline script carries this response's nonce.
  const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
  expect(inlineScripts.length).toBeGreaterThan(0);
  for (const [, attributes] of inlineScripts) expect(attributes).toContain(`nonce="${nonce}"`);
  await request.dispose();
});
