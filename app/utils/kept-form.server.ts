import crypto from 'node:crypto';
import { deleteKeptForm, findKeptForm, insertKeptForm } from '~/models/kept-form.server';
import { hashToken, randomToken } from './crypto.server';
import { env } from './env.server';
import type { User } from '~db/schema/people';

/** A kept form lasts a day: long enough to sign in again, short enough not to linger. */
export const KEPT_FORM_MS = 24 * 60 * 60_000;
/** Only ordinary text forms are kept, up to this size; uploads must be chosen again. */
const MAX_KEPT_BYTES = 128 * 1024;

export type KeptFormData = {
  /** Where the form was posted (path and query, without Remix's _data). */
  path: string;
  /** Its fields in order, repeated names kept. */
  fields: [string, string][];
};

const key = crypto.hkdfSync('sha256', env.SESSION_SECRET, 'ishenim', 'kept-forms', 32);

function encrypt(data: KeptFormData, userId: number): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', Buffer.from(key), iv);
  // Bound to the account: the same ciphertext cannot be opened as anyone else's.
  cipher.setAAD(Buffer.from(`kept-form:${userId}`));
  const body = Buffer.concat([cipher.update(JSON.stringify(data), 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

function decrypt(payload: string, userId: number): KeptFormData | null {
  try {
    const [iv, tag, body] = payload.split('.').map((part) => Buffer.from(part, 'base64url'));
    const decipher = crypto.createDecipheriv('aes-256-gcm', Buffer.from(key), iv!);
    decipher.setAAD(Buffer.from(`kept-form:${userId}`));
    decipher.setAuthTag(tag!);
    const text = Buffer.concat([decipher.update(body!), decipher.final()]).toString('utf8');
    return JSON.parse(text) as KeptFormData;
  } catch {
    return null;
  }
}

/**
 * Keeps the text form a person sent after her session ended, for her alone, and returns the
 * token of the link that gives it back once she has signed in again (null if nothing is kept).
 */
export async function keepFormOfEndedSession(
  request: Request,
  owner: Pick<User, 'id'>,
): Promise<string | null> {
  if (request.method !== 'POST') return null;
  const type = request.headers.get('Content-Type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded')) return null;
  // Only a body whose size is declared and small is read: a browser's form post always says
  // its length, and a chunked body of unknown size must not be buffered for a stranger.
  const declared = Number(request.headers.get('Content-Length') ?? 'NaN');
  if (!Number.isInteger(declared) || declared <= 0 || declared > MAX_KEPT_BYTES) return null;
  let body: string;
  try {
    body = await request.clone().text();
  } catch {
    return null;
  }
  if (Buffer.byteLength(body) > MAX_KEPT_BYTES) return null;
  const url = new URL(request.url);
  url.searchParams.delete('_data');
  const fields = [...new URLSearchParams(body).entries()];
  if (fields.length === 0) return null;
  const token = randomToken();
  insertKeptForm({
    id: hashToken(token),
    userId: owner.id,
    payload: encrypt({ path: `${url.pathname}${url.search}`, fields }, owner.id),
    expiresAt: new Date(Date.now() + KEPT_FORM_MS),
  });
  return token;
}

/** Her kept form behind this link, or null if it is not hers, has expired or was discarded. */
export function openKeptForm(token: string, userId: number): KeptFormData | null {
  const row = findKeptForm(hashToken(token), userId);
  return row ? decrypt(row.payload, userId) : null;
}

export function discardKeptForm(token: string, userId: number) {
  deleteKeptForm(hashToken(token), userId);
}

/**
 * A form's draft, kept on purpose (a visit written in a yard, finished later): the same sealed,
 * account-bound store as a kept form, under a name derived from the person and what the draft is
 * of, so saving again replaces it. Text fields only; a photo must be chosen again.
 */
export const KEPT_DRAFT_MS = 30 * 24 * 60 * 60_000;

function draftId(userId: number, draftKey: string): string {
  return hashToken(`draft:${userId}:${draftKey}`);
}

/** The row to write (inside the caller's transaction, replaceKeptForm) for her draft. */
export function sealDraft(
  userId: number,
  draftKey: string,
  data: KeptFormData,
  now = new Date(),
): { id: string; userId: number; payload: string; expiresAt: Date } {
  return {
    id: draftId(userId, draftKey),
    userId,
    payload: encrypt(data, userId),
    expiresAt: new Date(now.getTime() + KEPT_DRAFT_MS),
  };
}

/** Her draft of this thing, or null. */
export function openDraft(userId: number, draftKey: string): KeptFormData | null {
  const row = findKeptForm(draftId(userId, draftKey), userId);
  return row ? decrypt(row.payload, userId) : null;
}

export function draftRowId(userId: number, draftKey: string): string {
  return draftId(userId, draftKey);
}
