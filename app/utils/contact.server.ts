import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** Programmes run in Kyrgyzstan and Kazakhstan; a number typed without +code is Kyrgyz. */
const DEFAULT_COUNTRY = 'KG';

/** "0555 123 456" → "+996555123456"; null when it is not a valid phone number. */
export function normalizePhone(raw: string): string | null {
  const parsed = parsePhoneNumberFromString(raw.trim(), DEFAULT_COUNTRY);
  return parsed?.isValid() ? parsed.number : null;
}

export function normalizeEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

/** A sign-in name is an e-mail address or a phone number. */
export function normalizeIdentifier(raw: string): { email: string } | { phone: string } | null {
  const value = raw.trim();
  if (value.includes('@')) return { email: normalizeEmail(value) };
  const phone = normalizePhone(value);
  return phone ? { phone } : null;
}

/** The identifier as one string, for throttling counts. */
export function identifierKey(raw: string): string {
  const normalized = normalizeIdentifier(raw);
  if (!normalized) return raw.trim().toLowerCase();
  return 'email' in normalized ? normalized.email : normalized.phone;
}
