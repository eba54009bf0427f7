import { beforeEach, describe, expect, test } from 'vitest';
import {
  SIGN_IN_FAILURE_LIMIT,
  SIGN_IN_WINDOW_MS,
  signIn,
  type SignInResult,
} from '~/services/accounts.server';
import { browserRequest, createUser, TEST_PASSWORD } from '../support/factories';
import { resetDatabase } from '../support/reset-database';

beforeEach(resetDatabase);

const MINUTE = 60_000;
const T0 = new Date('2024-05-01T06:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

let ipCounter = 0;
/** A different address each call, so only the per-account rule is in play. */
function freshIp(): string {
  ipCounter += 1;
  return `198.51.100.${ipCounter % 250}`;
}

function attempt(
  identifier: string,
  password: string,
  options: { ip?: string; now?: Date } = {},
): Promise<SignInResult> {
  return signIn(
    browserRequest(undefined, { ip: options.ip ?? freshIp() }),
    { identifier, password },
    options.now ?? T0,
  );
}

async function failTimes(
  count: number,
  identifier: string | ((i: number) => string),
  options: { ip?: string; now?: Date } = {},
) {
  for (let i = 0; i < count; i += 1) {
    const name = typeof identifier === 'function' ? identifier(i) : identifier;
    const result = await attempt(name, 'wrong password', options);
    expect(result).toEqual({ ok: false, error: 'invalid' });
  }
}

test('the limits are the ones the README promises', () => {
  expect(SIGN_IN_FAILURE_LIMIT).toBe(10);
  expect(SIGN_IN_WINDOW_MS).toBe(15 * MINUTE);
});

describe('per account', () => {
  test('after 10 failures in 15 minutes, the 11th attempt is throttled even with the right password', async () => {
    const user = await createUser();
    await failTimes(10, user.email!);
    expect(await attempt(user.email!, TEST_PASSWORD)).toEqual({ ok: false, error: 'throttled' });
    expect(await attempt(user.email!, 'wrong password')).toEqual({
      ok: false,
      error: 'throttled',
    });
  });

  test('9 failures are still forgiven: the right password then signs in', async () => {
    const user = await createUser();
    await failTimes(9, user.email!);
    expect(await attempt(user.email!, TEST_PASSWORD)).toMatchObject({ ok: true });
  });

  test('other accounts are not affected', async () => {
    const [victim, other] = [await createUser(), await createUser()];
    await failTimes(10, victim.email!);
    expect(await attempt(other.email!, TEST_PASSWORD)).toMatchObject({ ok: true });
  });

  test('a phone number counts as one account however it is typed', async () => {
    await createUser({ email: null, phone: '+996555123456' });
    const spellings = ['0555 123 456', '+996 555 123 456', '0555123456', '+996555123456'];
    await failTimes(10, (i) => spellings[i % spellings.length]!);
    expect(await attempt('0555-123-456', TEST_PASSWORD)).toEqual({
      ok: false,
      error: 'throttled',
    });
  });

  test('an e-mail address counts as one account in any letter case', async () => {
    const user = await createUser();
    await failTimes(10, (i) => (i % 2 ? user.email!.toUpperCase() : ` ${user.email!} `));
    expect(await attempt(user.email!, TEST_PASSWORD)).toEqual({ ok: false, error: 'throttled' });
  });

  test('an account that does not exist is throttled the same way (nothing is revealed)', async () => {
    await failTimes(10, 'nobody@test.example');
    expect(await attempt('nobody@test.example', 'anything')).toEqual({
      ok: false,
      error: 'throttled',
    });
  });
});

describe('per address', () => {
  test('10 failures from one address across different accounts throttle that address', async () => {
    const ip = '203.0.113.50';
    const users = await Promise.all(Array.from({ length: 4 }, () => createUser()));
    await failTimes(10, (i) => users[i % users.length]!.email!, { ip });
    const fresh = await createUser();
    expect(await attempt(fresh.email!, TEST_PASSWORD, { ip })).toEqual({
      ok: false,
      error: 'throttled',
    });
    // The same person from another address is not held back.
    expect(await attempt(fresh.email!, TEST_PASSWORD, { ip: '203.0.113.51' })).toMatchObject({
      ok: true,
    });
  });

  test('failures for accounts that do not exist count against the address too', async () => {
    const ip = '203.0.113.60';
    await failTimes(10, (i) => `guess-${i}@test.example`, { ip });
    const user = await createUser();
    expect(await attempt(user.email!, TEST_PASSWORD, { ip })).toEqual({
      ok: false,
      error: 'throttled',
    });
  });

  test('signing into an account of one’s own does not wipe the address’s failures', async () => {
    const ip = '203.0.113.70';
    const mine = await createUser();
    await failTimes(9, (i) => `guess-${i}@test.example`, { ip });
    expect(await attempt(mine.email!, TEST_PASSWORD, { ip })).toMatchObject({ ok: true });
    await failTimes(1, 'guess-10@test.example', { ip });
    expect(await attempt('guess-11@test.example', 'x', { ip })).toEqual({
      ok: false,
      error: 'throttled',
    });
  });
});

describe('the 15-minute window', () => {
  test('failures older than 15 minutes no longer count', async () => {
    const user = await createUser();
    await failTimes(10, user.email!, { now: T0 });
    expect(await attempt(user.email!, TEST_PASSWORD, { now: at(14 * MINUTE) })).toEqual({
      ok: false,
      error: 'throttled',
    });
    expect(
      await attempt(user.email!, TEST_PASSWORD, { now: at(15 * MINUTE + 1000) }),
    ).toMatchObject({ ok: true });
  });

  test('the window slides: failures spread out over time are counted only while recent', async () => {
    const user = await createUser();
    // 5 failures at 0 min and 5 at 10 min: at 12 min all 10 count.
    await failTimes(5, user.email!, { now: T0 });
    await failTimes(5, user.email!, { now: at(10 * MINUTE) });
    expect(await attempt(user.email!, TEST_PASSWORD, { now: at(12 * MINUTE) })).toEqual({
      ok: false,
      error: 'throttled',
    });
    // At 16 min the first 5 have left the window.
    expect(await attempt(user.email!, TEST_PASSWORD, { now: at(16 * MINUTE) })).toMatchObject({
      ok: true,
    });
  });

  test('the address limit also ends after 15 minutes', async () => {
    const ip = '203.0.113.80';
    await failTimes(10, (i) => `guess-${i}@test.example`, { ip, now: T0 });
    const user = await createUser();
    expect(await attempt(user.email!, TEST_PASSWORD, { ip, now: at(5 * MINUTE) })).toEqual({
      ok: false,
      error: 'throttled',
    });
    expect(
      await attempt(user.email!, TEST_PASSWORD, { ip, now: at(15 * MINUTE + 1000) }),
    ).toMatchObject({ ok: true });
  });
});

describe('a successful sign-in', () => {
  test('clears the account’s failures, so 9 more mistakes are again allowed', async () => {
    const user = await createUser();
    await failTimes(9, user.email!);
    expect(await attempt(user.email!, TEST_PASSWORD)).toMatchObject({ ok: true });
    await failTimes(9, user.email!);
    // Without the clearing, 18 failures would be counted and this would be throttled.
    expect(await attempt(user.email!, TEST_PASSWORD)).toMatchObject({ ok: true });
  });
});
