import { beforeEach, describe, expect, test } from 'vitest';
import { writeTransaction } from '~db/client';
import { recordFailure } from '~/models/sign-in-failure.server';
import {
  ADDRESS_SLOW_AFTER,
  ADDRESS_WINDOW_MS,
  FREE_FAILURES,
  MAX_DELAY_MS,
  delayAfterFailures,
  signIn,
  type SignInResult,
} from '~/services/accounts.server';
import { deviceCookie } from '~/utils/device-cookie.server';
import {
  browserRequest,
  cookieFromSetCookie,
  createUser,
  TEST_PASSWORD,
} from '../support/factories';
import { resetDatabase } from '../support/reset-database';

beforeEach(resetDatabase);

const SECOND = 1000;
const MINUTE = 60_000;
const T0 = new Date('2024-05-01T06:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

let ipCounter = 0;
/** A different address each call, so only the per-account rule is in play. */
function freshIp(): string {
  ipCounter += 1;
  return `198.51.100.${ipCounter % 250}`;
}

/** Waits the server asked for, recorded instead of slept (tests never sleep). */
let waits: number[] = [];
beforeEach(() => {
  waits = [];
});
const recordWait = (ms: number) => {
  waits.push(ms);
  return Promise.resolve();
};

function attempt(
  identifier: string,
  password: string,
  options: { ip?: string; now?: Date; cookie?: string } = {},
): Promise<SignInResult> {
  return signIn(
    browserRequest(undefined, { ip: options.ip ?? freshIp(), cookie: options.cookie }),
    { identifier, password },
    { now: options.now ?? T0, wait: recordWait },
  );
}

async function failTimes(
  count: number,
  identifier: string | ((i: number) => string),
  options: { ip?: string; now?: Date; cookie?: string } = {},
) {
  for (let i = 0; i < count; i += 1) {
    const name = typeof identifier === 'function' ? identifier(i) : identifier;
    const result = await attempt(name, 'wrong password', options);
    expect(result).toEqual({ ok: false, error: 'invalid' });
  }
}

const throttled = { ok: false, error: 'throttled' };

/** Signs in once and returns the device cookie this browser now holds, as it would send it. */
async function knownDevice(identifier: string, now = T0): Promise<string> {
  const result = await attempt(identifier, TEST_PASSWORD, { now });
  if (!result.ok) throw new Error('sign-in failed');
  return cookieFromSetCookie(result.deviceCookie);
}

test('the delays grow from 1 minute after the 5th failure, doubling, to at most 30 minutes', () => {
  expect(FREE_FAILURES).toBe(4);
  expect([4, 5, 6, 7, 8, 9, 10, 20].map(delayAfterFailures)).toEqual([
    0,
    MINUTE,
    2 * MINUTE,
    4 * MINUTE,
    8 * MINUTE,
    16 * MINUTE,
    30 * MINUTE,
    MAX_DELAY_MS,
  ]);
});

describe('per account: growing delays', () => {
  test('4 failures are forgiven: the right password then signs in', async () => {
    const user = await createUser();
    await failTimes(4, user.email!);
    expect(await attempt(user.email!, TEST_PASSWORD)).toMatchObject({ ok: true });
  });

  test('after the 5th failure the account waits 1 minute, even for the right password', async () => {
    const user = await createUser();
    await failTimes(5, user.email!);
    expect(await attempt(user.email!, TEST_PASSWORD, { now: at(30 * SECOND) })).toEqual({
      ...throttled,
      retryAfterMs: 30 * SECOND,
    });
    expect(await attempt(user.email!, TEST_PASSWORD, { now: at(MINUTE) })).toMatchObject({
      ok: true,
    });
  });

  test('each further failure doubles the wait', async () => {
    const user = await createUser();
    await failTimes(5, user.email!);
    await failTimes(1, user.email!, { now: at(MINUTE) }); // 6th: 2 minutes from here
    expect(await attempt(user.email!, TEST_PASSWORD, { now: at(2 * MINUTE) })).toMatchObject(
      throttled,
    );
    await failTimes(1, user.email!, { now: at(3 * MINUTE) }); // 7th: 4 minutes
    expect(await attempt(user.email!, TEST_PASSWORD, { now: at(6 * MINUTE) })).toMatchObject(
      throttled,
    );
    expect(await attempt(user.email!, TEST_PASSWORD, { now: at(7 * MINUTE) })).toMatchObject({
      ok: true,
    });
  });

  test('attempts refused during a wait are not counted and do not extend it', async () => {
    const user = await createUser();
    await failTimes(5, user.email!);
    for (let s = 1; s < 60; s += 10) {
      expect(await attempt(user.email!, 'wrong password', { now: at(s * SECOND) })).toMatchObject(
        throttled,
      );
    }
    expect(await attempt(user.email!, TEST_PASSWORD, { now: at(MINUTE) })).toMatchObject({
      ok: true,
    });
  });

  test('other accounts are not affected', async () => {
    const [victim, other] = [await createUser(), await createUser()];
    await failTimes(5, victim.email!);
    expect(await attempt(other.email!, TEST_PASSWORD)).toMatchObject({ ok: true });
  });

  test('a phone number counts as one account however it is typed', async () => {
    await createUser({ email: null, phone: '+996555123456' });
    const spellings = ['0555 123 456', '+996 555 123 456', '0555123456', '+996555123456'];
    await failTimes(5, (i) => spellings[i % spellings.length]!);
    expect(await attempt('0555-123-456', TEST_PASSWORD)).toMatchObject(throttled);
  });

  test('an e-mail address counts as one account in any letter case', async () => {
    const user = await createUser();
    await failTimes(5, (i) => (i % 2 ? user.email!.toUpperCase() : ` ${user.email!} `));
    expect(await attempt(user.email!, TEST_PASSWORD)).toMatchObject(throttled);
  });

  test('an account that does not exist is throttled the same way (nothing is revealed)', async () => {
    await failTimes(5, 'nobody@test.example');
    expect(await attempt('nobody@test.example', 'anything')).toMatchObject(throttled);
  });

  test('a successful sign-in clears the account’s failures', async () => {
    const user = await createUser();
    await failTimes(4, user.email!);
    expect(await attempt(user.email!, TEST_PASSWORD)).toMatchObject({ ok: true });
    await failTimes(4, user.email!);
    // Without the clearing, 8 failures would be counted and this would wait 8 minutes.
    expect(await attempt(user.email!, TEST_PASSWORD)).toMatchObject({ ok: true });
  });

  test('failures are forgotten after a day', async () => {
    const user = await createUser();
    await failTimes(5, user.email!, { now: T0 });
    const nextDay = at(24 * 60 * MINUTE + SECOND);
    // Counted with yesterday's, this would be the 6th failure and lock the account for 2 minutes.
    await failTimes(1, user.email!, { now: nextDay });
    expect(await attempt(user.email!, TEST_PASSWORD, { now: nextDay })).toMatchObject({
      ok: true,
    });
  });
});

describe('a known device (device cookie)', () => {
  test('signs in with the right password while the account is locked for unknown devices', async () => {
    const user = await createUser();
    const cookie = await knownDevice(user.email!);
    // Someone else guesses her password from elsewhere until the account waits 30 minutes.
    for (let i = 0; i < 10; i += 1) {
      await attempt(user.email!, 'guess', { now: at(i * 40 * MINUTE) });
    }
    const now = at(9 * 40 * MINUTE + MINUTE);
    expect(await attempt(user.email!, TEST_PASSWORD, { now })).toMatchObject(throttled);
    expect(await attempt(user.email!, TEST_PASSWORD, { now, cookie })).toMatchObject({
      ok: true,
    });
    // And the account stays locked for unknown devices: her sign-in forgave only her device.
    expect(await attempt(user.email!, TEST_PASSWORD, { now })).toMatchObject(throttled);
  });

  test('counts its own failures apart: her typos do not lock the account for her other phone', async () => {
    const user = await createUser();
    const cookie = await knownDevice(user.email!);
    await failTimes(5, user.email!, { cookie });
    expect(await attempt(user.email!, TEST_PASSWORD, { cookie })).toMatchObject(throttled);
    expect(await attempt(user.email!, TEST_PASSWORD)).toMatchObject({ ok: true });
  });

  test('is for its account only', async () => {
    const [mine, hers] = [await createUser(), await createUser()];
    const cookie = await knownDevice(mine.email!);
    await failTimes(5, hers.email!);
    expect(await attempt(hers.email!, TEST_PASSWORD, { cookie })).toMatchObject(throttled);
  });

  test('a forged or edited cookie is no device', async () => {
    const user = await createUser();
    await failTimes(5, user.email!);
    const unsigned = `${deviceCookie.name}=${Buffer.from(JSON.stringify([{ a: 'x', n: 'y' }])).toString('base64')}`;
    expect(await attempt(user.email!, TEST_PASSWORD, { cookie: unsigned })).toMatchObject(
      throttled,
    );
    const real = await knownDevice((await createUser()).email!);
    expect(
      await attempt(user.email!, TEST_PASSWORD, { cookie: `${real.slice(0, -3)}abc` }),
    ).toMatchObject(throttled);
  });

  test('one browser can be a known device of several accounts (a shared family phone)', async () => {
    const [first, second] = [await createUser(), await createUser()];
    const one = await attempt(first.email!, TEST_PASSWORD);
    if (!one.ok) throw new Error('sign-in failed');
    const two = await signIn(
      browserRequest(undefined, { cookie: cookieFromSetCookie(one.deviceCookie) }),
      { identifier: second.email!, password: TEST_PASSWORD },
      { now: T0 },
    );
    if (!two.ok) throw new Error('sign-in failed');
    const cookie = cookieFromSetCookie(two.deviceCookie);
    await failTimes(5, first.email!);
    await failTimes(5, second.email!);
    expect(await attempt(first.email!, TEST_PASSWORD, { cookie })).toMatchObject({ ok: true });
    expect(await attempt(second.email!, TEST_PASSWORD, { cookie })).toMatchObject({ ok: true });
  });
});

describe('per address: slowed, never refused', () => {
  /** Failures from one address across many accounts, as a busy office or carrier address sees. */
  function addressFailures(ip: string, count: number, now = T0) {
    writeTransaction((tx) => {
      for (let i = 0; i < count; i += 1) recordFailure(tx, `guess-${i}@test.example`, ip, now);
    });
  }

  test(`below ${ADDRESS_SLOW_AFTER} failures in 15 minutes, answers are not slowed`, async () => {
    const ip = '203.0.113.50';
    addressFailures(ip, ADDRESS_SLOW_AFTER - 1);
    const user = await createUser();
    expect(await attempt(user.email!, TEST_PASSWORD, { ip })).toMatchObject({ ok: true });
    expect(waits).toEqual([]);
  });

  test('the right password of an account that never failed works from a busy address', async () => {
    const ip = '203.0.113.60';
    addressFailures(ip, 5 * ADDRESS_SLOW_AFTER);
    const user = await createUser();
    expect(await attempt(user.email!, TEST_PASSWORD, { ip })).toMatchObject({ ok: true });
    // It was slowed (asynchronously: other requests go on meanwhile), not refused.
    expect(waits).toEqual([5 * SECOND]);
  });

  test('the slowing grows with the failures, to at most 10 seconds', async () => {
    const ip = '203.0.113.70';
    const user = await createUser();
    addressFailures(ip, ADDRESS_SLOW_AFTER);
    await attempt(user.email!, TEST_PASSWORD, { ip });
    addressFailures(ip, 20 * ADDRESS_SLOW_AFTER);
    await attempt(user.email!, TEST_PASSWORD, { ip });
    expect(waits).toEqual([1 * SECOND, 10 * SECOND]);
  });

  test('the address is counted over 15 minutes only', async () => {
    const ip = '203.0.113.80';
    addressFailures(ip, 3 * ADDRESS_SLOW_AFTER);
    const user = await createUser();
    await attempt(user.email!, TEST_PASSWORD, { ip, now: at(ADDRESS_WINDOW_MS + SECOND) });
    expect(waits).toEqual([]);
  });

  test('a dozen families failing behind one address do not lock each other out', async () => {
    const ip = '203.0.113.90';
    const families = await Promise.all(Array.from({ length: 12 }, () => createUser()));
    for (const family of families) await failTimes(1, family.email!, { ip });
    for (const family of families) {
      expect(await attempt(family.email!, TEST_PASSWORD, { ip })).toMatchObject({ ok: true });
    }
  });
});
