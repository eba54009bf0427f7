import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env } from '~/utils/env.server';
import { withoutImageMetadata } from '~/utils/image-metadata.server';

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_APPLICATION = 10;

export type AttachmentMime = 'image/jpeg' | 'image/png' | 'application/pdf';

/** The file's type from its first bytes — a name or a browser's claim can lie. */
export function detectAttachmentType(bytes: Uint8Array): AttachmentMime | null {
  const starts = (signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  return null;
}

function uploadsDir(): string {
  const dir = path.resolve(env.UPLOADS_PATH);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Files live outside public/ under random names; only the download route serves them. Photos are
 * stored without their location and other metadata (every upload of the portal comes here).
 */
export function storeAttachmentFile(bytes: Uint8Array): string {
  const key = crypto.randomBytes(18).toString('base64url');
  fs.writeFileSync(path.join(uploadsDir(), key), withoutImageMetadata(bytes), { flag: 'wx' });
  return key;
}

export function readAttachmentFile(storageKey: string): Buffer {
  if (!/^[\w-]+$/.test(storageKey)) throw new Error('bad storage key');
  return fs.readFileSync(path.join(uploadsDir(), storageKey));
}

export function deleteAttachmentFile(storageKey: string) {
  if (!/^[\w-]+$/.test(storageKey)) return;
  fs.rmSync(path.join(uploadsDir(), storageKey), { force: true });
}
