// Test data, written through the same models the app uses. Each call makes a unique person.
import crypto from 'node:crypto';
import { writeTransaction } from '~db/client';
import type { Locale, Role, User } from '~db/schema/people';
import { localities } from '~db/schema/people';
import { insertUser, replaceFacilitatorLocalities, replaceUserRoles } from '~/models/user.server';
import { hashPassword } from '~/utils/password.server';

export const TEST_PASSWORD = 'correct horse battery';

let cachedHash: string | null = null;
async function testPasswordHash() {
  cachedHash ??= await hashPassword(TEST_PASSWORD);
  return cachedHash;
}

export function uniqueSuffix(): string {
  return crypto.randomBytes(4).toString('hex');
}

export function createLocality(code = `village-${uniqueSuffix()}`) {
  return writeTransaction((tx) =>
    tx
      .insert(localities)
      .values({
        code,
        kind: 'village',
        nameKy: `${code} ky`,
        nameRu: `${code} ru`,
        nameEn: `${code} en`,
      })
      .returning()
      .get(),
  );
}

export async function createUser(
  options: {
    roles?: Role[];
    name?: string;
    email?: string | null;
    phone?: string | null;
    locale?: Locale;
    localityId?: number | null;
    worksIn?: number[];
    password?: string | null;
    contactByEmail?: boolean;
    contactOnlyViaFacilitator?: boolean;
    disabled?: boolean;
  } = {},
): Promise<User> {
  const suffix = uniqueSuffix();
  const passwordHash =
    options.password === null
      ? null
      : options.password
        ? await hashPassword(options.password)
        : await testPasswordHash();
  return writeTransaction((tx) => {
    const user = insertUser(tx, {
      name: options.name ?? `Test Person ${suffix}`,
      email: options.email === undefined ? `person-${suffix}@test.example` : options.email,
      phone: options.phone ?? null,
      locale: options.locale ?? 'en',
      localityId: options.localityId ?? null,
      passwordHash,
      contactByEmail: options.contactByEmail ?? true,
      contactOnlyViaFacilitator: options.contactOnlyViaFacilitator ?? false,
      disabledAt: options.disabled ? new Date() : null,
    });
    replaceUserRoles(tx, user.id, options.roles ?? ['applicant'], null);
    if (options.worksIn) replaceFacilitatorLocalities(tx, user.id, options.worksIn);
    return user;
  });
}

/** A request as a browser would send it, from a given address and with the given cookie. */
export function browserRequest(
  url = 'http://localhost:3999/',
  options: { cookie?: string | null; ip?: string; method?: string; body?: BodyInit } = {},
): Request {
  const headers = new Headers({
    'User-Agent': 'vitest',
    'x-ishenim-client-ip': options.ip ?? '203.0.113.7',
  });
  if (options.cookie) headers.set('Cookie', options.cookie);
  return new Request(url, { method: options.method ?? 'GET', headers, body: options.body });
}

/** "name=value; Path=/; …" → "name=value", as the browser sends it back. */
export function cookieFromSetCookie(setCookie: string): string {
  return setCookie.split(';')[0]!;
}
