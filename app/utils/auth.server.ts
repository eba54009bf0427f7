import { redirect } from '@remix-run/node';
import { hasPermission, type Permission } from './permissions';
import { keepFormOfEndedSession } from './kept-form.server';
import { findEndedSessionUser, getSessionUser, type SessionUser } from './session.server';

/**
 * Where to send an anonymous visitor: the sign-in page, then back to what she asked for. When her
 * session has just ended (time-out), the sign-in page says so in her language, and a form she
 * was sending is kept for her and given back once she has signed in again.
 */
async function signInRedirect(request: Request): Promise<Response> {
  const url = new URL(request.url);
  // After an action (POST) go back to the page, not to the action's URL with its _data query.
  url.searchParams.delete('_data');
  let back = `${url.pathname}${url.search}`;
  const params = new URLSearchParams();
  const endedFor = await findEndedSessionUser(request);
  if (endedFor) {
    const kept = await keepFormOfEndedSession(request, endedFor);
    if (kept) back = `/kept/${kept}`;
    params.set('session', 'ended');
  }
  if (back !== '/') params.set('redirectTo', back);
  const query = params.toString();
  return redirect(query ? `/login?${query}` : '/login');
}

/** The signed-in person; anonymous visitors are sent to sign in. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const sessionUser = await getSessionUser(request);
  if (!sessionUser) throw await signInRedirect(request);
  return sessionUser;
}

/**
 * Every loader and action starts here. Anonymous → sign-in (and back after); signed in without
 * the permission → 403, rendered by the error boundary in the person's language.
 */
export async function requirePermission(
  request: Request,
  permission: Permission,
): Promise<SessionUser> {
  const sessionUser = await requireUser(request);
  if (!hasPermission(sessionUser.roles, permission)) {
    throw new Response('Forbidden', { status: 403, statusText: 'Forbidden' });
  }
  return sessionUser;
}

/** For public routes that change with the visitor (home, header). */
export function getOptionalUser(request: Request): Promise<SessionUser | null> {
  return getSessionUser(request);
}
