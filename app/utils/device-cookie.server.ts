// OWASP's "device cookie": a browser that signed into an account once gets a signed token for
// that account. While the account is locked against guessing from unknown devices, a known
// device can still sign in with the right password, so nobody can lock a family out by typing
// wrong passwords for her. Its own failures are counted against the device, not the account.
import crypto from 'node:crypto';
import { createCookie } from '@remix-run/node';
import { randomToken } from './crypto.server';
import { env } from './env.server';

const MAX_ACCOUNTS_PER_DEVICE = 5;
const DEVICE_COOKIE_DAYS = 365;

export const deviceCookie = createCookie(env.isHttps ? '__Host-ishenim_device' : 'ishenim_device', {
  httpOnly: true,
  sameSite: 'lax',
  secure: env.isHttps,
  path: '/',
  // Signed with the session secret: a forged or edited cookie is ignored.
  secrets: [env.SESSION_SECRET],
  maxAge: DEVICE_COOKIE_DAYS * 24 * 60 * 60,
});

/** `a`: which account (a keyed digest of its identifier, not the address itself); `n`: nonce. */
type DeviceEntry = { a: string; n: string };

export function deviceAccountTag(accountKey: string): string {
  return crypto
    .createHmac('sha256', env.SESSION_SECRET)
    .update(`device:${accountKey}`)
    .digest('base64url')
    .slice(0, 22);
}

async function readEntries(request: Request): Promise<DeviceEntry[]> {
  const value: unknown = await deviceCookie.parse(request.headers.get('Cookie'));
  if (!Array.isArray(value)) return [];
  return value.filter(
    (e): e is DeviceEntry =>
      typeof e === 'object' &&
      e !== null &&
      typeof (e as DeviceEntry).a === 'string' &&
      typeof (e as DeviceEntry).n === 'string',
  );
}

/** The counter of this browser for this account, if the browser is a known device of it. */
export async function knownDeviceCounter(
  request: Request,
  accountKey: string,
): Promise<string | null> {
  const tag = deviceAccountTag(accountKey);
  const entry = (await readEntries(request)).find((e) => e.a === tag);
  return entry ? `device:${entry.n}` : null;
}

/** After a successful sign-in: the cookie that makes this browser a known device of the account. */
export async function deviceCookieAfterSignIn(
  request: Request,
  accountKey: string,
): Promise<string> {
  const tag = deviceAccountTag(accountKey);
  const entries = await readEntries(request);
  const mine = entries.find((e) => e.a === tag) ?? { a: tag, n: randomToken().slice(0, 22) };
  const others = entries.filter((e) => e.a !== tag);
  return deviceCookie.serialize([mine, ...others].slice(0, MAX_ACCOUNTS_PER_DEVICE));
}
