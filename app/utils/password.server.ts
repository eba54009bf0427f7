import { randomInt } from 'node:crypto';
import argon2 from 'argon2';

// Argon2id with OWASP's recommended minimum (19 MiB, 2 passes): ~25 ms here, so a family's
// cheap phone never waits, and a stolen hash is still slow to guess.
const ARGON2_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  // Without a hash still spend the time of a verification, so timing does not reveal accounts.
  if (!hash) {
    await argon2.hash(password, ARGON2_OPTIONS);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Generates a password a facilitator can read out or write down: three groups of four letters and
 * digits, without the look-alikes (0/o, 1/l/i). */
export function generateReadablePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const chars = Array.from({ length: 12 }, () => alphabet[randomInt(alphabet.length)]);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8, 12)]
    .map((g) => g.join(''))
    .join('-');
}
