import { createCookie } from '@remix-run/node';
import type { Role, User } from '~db/schema/people';
import { findLiveSession, touchSession } from '~/models/session.server';
import { rolesOfUser } from '~/models/user.server';
import { hashToken, randomToken } from './crypto.server';
import { withPageLocale } from './locale-choice.server';
import { env } from './env.server';
import { sessionTimeoutsFor } from './session-policy';

// In production (https) the cookie is Secure and __Host- prefixed: it cannot be set by a
// subdomain or sent over plain http.
export const sessionCookie = createCookie(
  env.isHttps ? '__Host-ishenim_session' : 'ishenim_session',
  {
    httpOnly: true,
    sameSite: 'lax',
    secure: env.isHttps,
    path: '/',
    secrets: [env.SESSION_SECRET],
  },
);

/** Writes lastSeenAt at most this often, so reading pages does not write on every request. */
const TOUCH_INTERVAL_MS = 60_000;

export type SessionUser = {
  /**
   * Her account; `locale` is the language of this request's pages (a competition's default
   * language when she never chose one: see withPageLocale). Read the stored row to change it.
   */
  user: User;
  roles: Role[];
  sessionId: string;
};

/** The stored id of the request's session: the SHA-256 of the cookie's token. */
export async function readSessionId(request: Request): Promise<string | null> {
  const token: unknown = await sessionCookie.parse(request.headers.get('Cookie'));
  return typeof token === 'string' && token.length > 0 ? hashToken(token) : null;
}

/**
 * Judges a live session against the idle and absolute time-outs of the user's roles. The absolute
 * limit is also measured from the session's start with the roles she has now: `expiresAt` was
 * fixed at sign-in, so a family given the staff role would otherwise keep a 30-day session.
 */
export function isSessionExpired(
  session: { lastSeenAt: Date; expiresAt: Date; createdAt: Date },
  roles: readonly Role[],
  now: Date,
): boolean {
  const { idleMs, absoluteMs } = sessionTimeoutsFor(roles);
  return (
    now >= session.expiresAt ||
    now.getTime() - session.createdAt.getTime() >= absoluteMs ||
    now.getTime() - session.lastSeenAt.getTime() >= idleMs
  );
}

/**
 * Who each page request is for: its loaders (the root's, the route's) all ask, and the answer
 * cannot change while a GET is answered, so it is read once. Other methods ask afresh, as an
 * action may sign in or out or change the account.
 */
const answered = new WeakMap<Request, Promise<SessionUser | null>>();

/** The signed-in person, or null (no cookie, revoked, expired, or disabled account). */
export function getSessionUser(request: Request): Promise<SessionUser | null> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return readSessionUser(request);
  let answer = answered.get(request);
  if (!answer) {
    answer = readSessionUser(request);
    answered.set(request, answer);
  }
  return answer;
}

async function readSessionUser(request: Request): Promise<SessionUser | null> {
  const sessionId = await readSessionId(request);
  if (!sessionId) return null;
  const found = findLiveSession(sessionId);
  if (!found || found.user.disabledAt) return null;
  const roles = rolesOfUser(found.user.id);
  const now = new Date();
  if (isSessionExpired(found.session, roles, now)) return null;
  if (now.getTime() - found.session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    touchSession(sessionId, now);
  }
  return { user: withPageLocale(found.user, request), roles, sessionId };
}

/**
 * The account whose session this browser's cookie names, when that session ended by time (idle
 * or absolute limit) rather than by sign-out or a password change. Used only to keep her
 * language and the form she was sending, for her, until she signs in again.
 */
export async function findEndedSessionUser(request: Request): Promise<User | null> {
  const sessionId = await readSessionId(request);
  if (!sessionId) return null;
  const found = findLiveSession(sessionId);
  if (!found || found.user.disabledAt) return null;
  const roles = rolesOfUser(found.user.id);
  return isSessionExpired(found.session, roles, new Date()) ? found.user : null;
}

/** Milliseconds of idleness after which this person's session ends (for the warning before). */
export function idleLimitMs(roles: readonly Role[]): number {
  return sessionTimeoutsFor(roles).idleMs;
}

/**
 * A fresh session for a user: always a new id, so a cookie planted before sign-in is useless.
 * The caller stores `sessionId` in its transaction and sends `setCookie`.
 */
export async function newSession(roles: readonly Role[]) {
  const token = randomToken();
  const { absoluteMs } = sessionTimeoutsFor(roles);
  return {
    sessionId: hashToken(token),
    expiresAt: new Date(Date.now() + absoluteMs),
    setCookie: await sessionCookie.serialize(token, { maxAge: Math.floor(absoluteMs / 1000) }),
  };
}

export function clearSessionCookie(): Promise<string> {
  return sessionCookie.serialize('', { maxAge: 0 });
}
