// A form that arrives after her session ended is kept for her alone: only a session that ended by
// time keeps it, it is stored encrypted, and only she can open it after signing in again.
import { eq } from 'drizzle-orm';
import { expect, test } from 'vitest';
import { db } from '~db/client';
import { keptForms, sessions } from '~db/schema/auth';
import { signIn, signOut } from '~/services/accounts.server';
import { requireUser } from '~/utils/auth.server';
import { openKeptForm } from '~/utils/kept-form.server';
import { getSessionUser } from '~/utils/session.server';
import {
  browserRequest,
  cookieFromSetCookie,
  createUser,
  TEST_PASSWORD,
} from '../support/factories';

const DAY = 24 * 60 * 60_000;

async function signedIn() {
  const user = await createUser({ roles: ['applicant'], locale: 'ky' });
  const result = await signIn(browserRequest(), {
    identifier: user.email!,
    password: TEST_PASSWORD,
  });
  if (!result.ok) throw new Error('sign-in failed');
  return { user, cookie: cookieFromSetCookie(result.setCookie) };
}

function post(cookie: string, body: string, { declaresLength = true } = {}) {
  return new Request('http://localhost:3999/applications/7/edit/idea?_data=routes%2Fx', {
    method: 'POST',
    headers: {
      Cookie: cookie,
      'Content-Type': 'application/x-www-form-urlencoded',
      // A browser's form post says its length, as the server's adapter passes it on.
      ...(declaresLength ? { 'Content-Length': String(Buffer.byteLength(body)) } : {}),
      'x-ishenim-client-ip': '203.0.113.7',
    },
    body,
  });
}

async function redirectOf(request: Request): Promise<string> {
  try {
    await requireUser(request);
  } catch (thrown) {
    return (thrown as Response).headers.get('Location')!;
  }
  throw new Error('expected a redirect');
}

test('a post after the idle limit is kept, encrypted, for the account whose session ended', async () => {
  const { user, cookie } = await signedIn();
  db.update(sessions)
    .set({ lastSeenAt: new Date(Date.now() - 8 * DAY) })
    .where(eq(sessions.userId, user.id))
    .run();
  const location = await redirectOf(
    post(cookie, 'description=%D0%A2%D0%B5%D0%BF%D0%BB%D0%B8%D1%86%D0%B0&intent=save'),
  );
  const url = new URL(location, 'http://localhost:3999');
  expect(url.pathname).toBe('/login');
  expect(url.searchParams.get('session')).toBe('ended');
  // A body of undeclared size (chunked) is never buffered to be kept.
  const undeclared = await redirectOf(post(cookie, 'description=x', { declaresLength: false }));
  expect(new URL(undeclared, 'http://localhost:3999').searchParams.get('redirectTo')).not.toMatch(
    /^\/kept\//,
  );
  expect(db.select().from(keptForms).all()).toHaveLength(1);
  const token = url.searchParams.get('redirectTo')!.replace('/kept/', '');

  // Stored unreadable: neither the text nor the path shows in the row.
  const row = db.select().from(keptForms).get()!;
  expect(row.userId).toBe(user.id);
  expect(row.payload).not.toContain('Теплица');
  expect(row.payload).not.toContain('applications');
  expect(row.id).not.toBe(token);

  expect(openKeptForm(token, user.id)).toEqual({
    path: '/applications/7/edit/idea',
    fields: [
      ['description', 'Теплица'],
      ['intent', 'save'],
    ],
  });
  const other = await createUser();
  expect(openKeptForm(token, other.id)).toBeNull();
  // Even a row moved to another account cannot be opened: the account is part of the cipher.
  db.update(keptForms).set({ userId: other.id }).run();
  expect(openKeptForm(token, other.id)).toBeNull();
});

test('nothing is kept for a visitor without a session or after she signed out herself', async () => {
  expect(await redirectOf(post('', 'description=x'))).toBe(
    '/login?redirectTo=%2Fapplications%2F7%2Fedit%2Fidea',
  );
  const { user, cookie } = await signedIn();
  const request = browserRequest('http://localhost:3999/', { cookie });
  await signOut(request, await getSessionUser(request));
  expect(await redirectOf(post(cookie, 'description=x'))).toBe(
    '/login?redirectTo=%2Fapplications%2F7%2Fedit%2Fidea',
  );
  expect(db.select().from(keptForms).where(eq(keptForms.userId, user.id)).all()).toEqual([]);
});
