import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, test } from 'vitest';
import { db, writeTransaction } from '~db/client';
import { sessions } from '~db/schema/auth';
import { mailOutbox } from '~db/schema/mail';
import type { Role } from '~db/schema/people';
import {
  changePassword,
  changeUserRoles,
  requestPasswordReset,
  setPasswordWithLink,
  setUserDisabled,
  signIn,
  signOut,
} from '~/services/accounts.server';
import { updateUser } from '~/models/user.server';
import { SESSION_TIMEOUTS, sessionTimeoutsFor } from '~/utils/session-policy';
import { getSessionUser, readSessionId } from '~/utils/session.server';
import {
  browserRequest,
  cookieFromSetCookie,
  createLocality,
  createUser,
  TEST_PASSWORD,
} from '../support/factories';
import { resetDatabase } from '../support/reset-database';

beforeEach(resetDatabase);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Signs a new person with these roles in, as a browser would; returns her cookie and session. */
async function signedIn(roles: Role[]) {
  const user = await createUser({ roles });
  const result = await signIn(browserRequest(), {
    identifier: user.email!,
    password: TEST_PASSWORD,
  });
  if (!result.ok) throw new Error(`sign-in failed: ${result.error}`);
  const cookie = cookieFromSetCookie(result.setCookie);
  const sessionId = (await readSessionId(browserRequest(undefined, { cookie })))!;
  return { user, cookie, sessionId, setCookie: result.setCookie };
}

function sessionRow(sessionId: string) {
  return db.select().from(sessions).where(eq(sessions.id, sessionId)).get()!;
}

/** Moves the session's clock: last used `idleFor` ago (and, optionally, created long ago). */
function setSession(
  sessionId: string,
  values: { lastSeenAgo?: number; createdAgo?: number; expiresIn?: number },
) {
  const now = Date.now();
  db.update(sessions)
    .set({
      ...(values.lastSeenAgo !== undefined
        ? { lastSeenAt: new Date(now - values.lastSeenAgo) }
        : {}),
      ...(values.createdAgo !== undefined ? { createdAt: new Date(now - values.createdAgo) } : {}),
      ...(values.expiresIn !== undefined ? { expiresAt: new Date(now + values.expiresIn) } : {}),
    })
    .where(eq(sessions.id, sessionId))
    .run();
}

async function isSignedIn(cookie: string): Promise<boolean> {
  return (await getSessionUser(browserRequest(undefined, { cookie }))) !== null;
}

describe('the policy table', () => {
  test('matches what the README promises', () => {
    expect(SESSION_TIMEOUTS).toEqual({
      applicant: { idleMs: 7 * DAY, absoluteMs: 30 * DAY },
      facilitator: { idleMs: 12 * HOUR, absoluteMs: 7 * DAY },
      consultant: { idleMs: 12 * HOUR, absoluteMs: 7 * DAY },
      juror: { idleMs: 1 * HOUR, absoluteMs: 12 * HOUR },
      staff: { idleMs: 1 * HOUR, absoluteMs: 12 * HOUR },
      admin: { idleMs: 30 * MINUTE, absoluteMs: 12 * HOUR },
    });
  });

  test('several roles get the strictest of each limit', () => {
    expect(sessionTimeoutsFor(['applicant', 'admin'])).toEqual({
      idleMs: 30 * MINUTE,
      absoluteMs: 12 * HOUR,
    });
    expect(sessionTimeoutsFor(['facilitator', 'juror'])).toEqual({
      idleMs: 1 * HOUR,
      absoluteMs: 12 * HOUR,
    });
    expect(sessionTimeoutsFor([])).toEqual(SESSION_TIMEOUTS.applicant);
  });
});

describe('idle time-out, judged on every request', () => {
  test.each([
    { roles: ['applicant'], idle: 7 * DAY, label: '7 days' },
    { roles: ['facilitator'], idle: 12 * HOUR, label: '12 hours' },
    { roles: ['consultant'], idle: 12 * HOUR, label: '12 hours' },
    { roles: ['juror'], idle: 1 * HOUR, label: '1 hour' },
    { roles: ['staff'], idle: 1 * HOUR, label: '1 hour' },
    { roles: ['admin'], idle: 30 * MINUTE, label: '30 minutes' },
    { roles: ['applicant', 'admin'], idle: 30 * MINUTE, label: '30 minutes' },
    { roles: ['facilitator', 'juror'], idle: 1 * HOUR, label: '1 hour' },
  ] as { roles: Role[]; idle: number; label: string }[])(
    '$roles: still signed in a minute before $label of quiet, signed out a minute after',
    async ({ roles, idle }) => {
      const { cookie, sessionId } = await signedIn(roles);
      setSession(sessionId, { lastSeenAgo: idle - MINUTE });
      expect(await isSignedIn(cookie)).toBe(true);
      setSession(sessionId, { lastSeenAgo: idle + MINUTE });
      expect(await isSignedIn(cookie)).toBe(false);
    },
  );

  test('using the site pushes the idle limit back (a sliding window)', async () => {
    const { cookie, sessionId } = await signedIn(['staff']);
    setSession(sessionId, { lastSeenAgo: 50 * MINUTE });
    const before = Date.now();
    expect(await isSignedIn(cookie)).toBe(true);
    expect(sessionRow(sessionId).lastSeenAt.getTime()).toBeGreaterThanOrEqual(before);
  });

  test('an expired session is not revived by coming back (it stays expired)', async () => {
    const { cookie, sessionId } = await signedIn(['admin']);
    setSession(sessionId, { lastSeenAgo: 31 * MINUTE });
    expect(await isSignedIn(cookie)).toBe(false);
    expect(await isSignedIn(cookie)).toBe(false);
  });
});

describe('absolute time-out, fixed at sign-in', () => {
  test.each([
    { roles: ['applicant'], absolute: 30 * DAY, label: '30 days' },
    { roles: ['facilitator'], absolute: 7 * DAY, label: '7 days' },
    { roles: ['juror'], absolute: 12 * HOUR, label: '12 hours' },
    { roles: ['staff'], absolute: 12 * HOUR, label: '12 hours' },
    { roles: ['admin'], absolute: 12 * HOUR, label: '12 hours' },
    { roles: ['applicant', 'staff'], absolute: 12 * HOUR, label: '12 hours' },
  ] as { roles: Role[]; absolute: number; label: string }[])(
    '$roles: the session and its cookie end after $label',
    async ({ roles, absolute }) => {
      const before = Date.now();
      const { sessionId, setCookie } = await signedIn(roles);
      const after = Date.now();
      const { expiresAt } = sessionRow(sessionId);
      expect(expiresAt.getTime()).toBeGreaterThanOrEqual(before + absolute);
      expect(expiresAt.getTime()).toBeLessThanOrEqual(after + absolute);
      expect(setCookie).toContain(`Max-Age=${absolute / 1000}`);
    },
  );

  test('a session in daily use still ends at its absolute limit', async () => {
    const { cookie, sessionId } = await signedIn(['applicant']);
    setSession(sessionId, { lastSeenAgo: MINUTE, createdAgo: 30 * DAY - HOUR, expiresIn: HOUR });
    expect(await isSignedIn(cookie)).toBe(true);
    setSession(sessionId, { lastSeenAgo: 0, createdAgo: 30 * DAY + MINUTE, expiresIn: -MINUTE });
    expect(await isSignedIn(cookie)).toBe(false);
  });

  test('a family made staff while signed in gets the staff limits from then on', async () => {
    const admin = await signedIn(['admin']);
    const family = await signedIn(['applicant']);
    // Signed in 13 hours ago as a family (30-day session), used a minute ago.
    setSession(family.sessionId, { lastSeenAgo: MINUTE, createdAgo: 13 * HOUR });
    expect(await isSignedIn(family.cookie)).toBe(true);

    const adminUser = (await getSessionUser(browserRequest(undefined, { cookie: admin.cookie })))!;
    const result = changeUserRoles(browserRequest(), adminUser, family.user.id, {
      roles: ['applicant', 'staff'],
      localityIds: [],
    });
    expect(result).toEqual({ ok: true });

    // 2 hours quiet is too long for staff …
    setSession(family.sessionId, { lastSeenAgo: 2 * HOUR, createdAgo: 2 * HOUR });
    expect(await isSignedIn(family.cookie)).toBe(false);
  });

  test('… and her session is not kept beyond the staff absolute limit either', async () => {
    const admin = await signedIn(['admin']);
    const family = await signedIn(['applicant']);
    const adminUser = (await getSessionUser(browserRequest(undefined, { cookie: admin.cookie })))!;
    changeUserRoles(browserRequest(), adminUser, family.user.id, {
      roles: ['applicant', 'staff'],
      localityIds: [],
    });
    // Used every few minutes, but started 13 hours ago: beyond staff's 12 hours.
    setSession(family.sessionId, { lastSeenAgo: MINUTE, createdAgo: 13 * HOUR });
    expect(await isSignedIn(family.cookie)).toBe(false);
  });
});

describe('revocation', () => {
  test('signing out revokes the session with reason "sign-out"', async () => {
    const { cookie, sessionId } = await signedIn(['applicant']);
    const request = browserRequest(undefined, { cookie });
    await signOut(request, await getSessionUser(request));
    expect(sessionRow(sessionId)).toMatchObject({ revokedReason: 'sign-out' });
    expect(sessionRow(sessionId).revokedAt).toBeInstanceOf(Date);
    expect(await isSignedIn(cookie)).toBe(false);
  });

  test('signing in again retires the cookie the browser carried ("sign-out")', async () => {
    const { user, cookie, sessionId } = await signedIn(['applicant']);
    const again = await signIn(browserRequest(undefined, { cookie }), {
      identifier: user.email!,
      password: TEST_PASSWORD,
    });
    expect(again.ok).toBe(true);
    expect(sessionRow(sessionId).revokedReason).toBe('sign-out');
    expect(await isSignedIn(cookie)).toBe(false);
  });

  test('changing the password revokes other browsers with "password-changed"', async () => {
    const first = await signedIn(['applicant']);
    const second = await signIn(browserRequest(), {
      identifier: first.user.email!,
      password: TEST_PASSWORD,
    });
    if (!second.ok) throw new Error('second sign-in failed');
    const secondCookie = cookieFromSetCookie(second.setCookie);
    const request = browserRequest(undefined, { cookie: secondCookie });
    const result = await changePassword(request, (await getSessionUser(request))!, {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a brand new password',
    });
    expect(result.ok).toBe(true);
    expect(sessionRow(first.sessionId).revokedReason).toBe('password-changed');
    expect(await isSignedIn(first.cookie)).toBe(false);
  });

  test('disabling an account revokes its sessions with "disabled"', async () => {
    const admin = await signedIn(['admin']);
    const family = await signedIn(['applicant']);
    const adminUser = (await getSessionUser(browserRequest(undefined, { cookie: admin.cookie })))!;
    expect(setUserDisabled(browserRequest(), adminUser, family.user.id, true)).toEqual({
      ok: true,
    });
    expect(sessionRow(family.sessionId).revokedReason).toBe('disabled');
    expect(await isSignedIn(family.cookie)).toBe(false);
  });

  test('a reset link used elsewhere revokes the sessions with "password-reset"', async () => {
    const { user, cookie, sessionId } = await signedIn(['applicant']);
    await requestPasswordReset(browserRequest(), user.email!);
    const mail = db.select().from(mailOutbox).where(eq(mailOutbox.recipientUserId, user.id)).get()!;
    const token = new URL(/http\S+set-password\S+/.exec(mail.text)![0]).searchParams.get('token')!;
    const result = await setPasswordWithLink(browserRequest(), {
      token,
      password: 'another good password',
    });
    expect(result.ok).toBe(true);
    expect(sessionRow(sessionId).revokedReason).toBe('password-reset');
    expect(await isSignedIn(cookie)).toBe(false);
  });

  test('a disabled account is signed out even if its session row was left alive', async () => {
    const { user, cookie } = await signedIn(['applicant']);
    writeTransaction((tx) => updateUser(tx, user.id, { disabledAt: new Date() }));
    expect(await isSignedIn(cookie)).toBe(false);
  });

  test('a cookie with a forged signature or an unknown token signs nobody in', async () => {
    const { cookie } = await signedIn(['admin']);
    const [name, value] = cookie.split('=') as [string, string];
    const forged = `${name}=${value.slice(0, -2)}${value.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(await isSignedIn(forged)).toBe(false);
    expect(await isSignedIn(`${name}=`)).toBe(false);
    expect(await getSessionUser(browserRequest())).toBeNull();
  });

  test('a change of roles applies at the next request, without signing in again', async () => {
    const admin = await signedIn(['admin']);
    const person = await signedIn(['juror']);
    const village = createLocality();
    const adminUser = (await getSessionUser(browserRequest(undefined, { cookie: admin.cookie })))!;
    changeUserRoles(browserRequest(), adminUser, person.user.id, {
      roles: ['facilitator'],
      localityIds: [village.id],
    });
    const now = await getSessionUser(browserRequest(undefined, { cookie: person.cookie }));
    expect(now?.roles).toEqual(['facilitator']);
  });
});
