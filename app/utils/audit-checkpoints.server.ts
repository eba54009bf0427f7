// Checkpoints of the audit log's head, kept as files outside the database (AUDIT_CHECKPOINT_DIR):
// someone who can write the database cannot cut the tail, empty the table or put back an older
// copy without the newest checkpoint telling. Each is signed with AUDIT_KEY.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env } from './env.server';

export type AuditCheckpoint = {
  /** Lines in the log (ids run 1..count), the last one's MAC, and when. */
  count: number;
  lastMac: string;
  at: string;
};

const FILE_PATTERN = /^checkpoint-(\d{12})-(\d{8}T\d{9}Z)\.json$/;

function signature(checkpoint: AuditCheckpoint, key: string): string {
  return crypto
    .createHmac('sha256', key)
    .update(
      JSON.stringify([
        'ishenim-audit-checkpoint',
        1,
        checkpoint.count,
        checkpoint.lastMac,
        checkpoint.at,
      ]),
    )
    .digest('hex');
}

export function checkpointFileName(checkpoint: AuditCheckpoint): string {
  const stamp = checkpoint.at.replace(/[-:.]/g, '');
  return `checkpoint-${String(checkpoint.count).padStart(12, '0')}-${stamp}.json`;
}

export function checkpointDir(): string {
  return path.resolve(env.AUDIT_CHECKPOINT_DIR);
}

/** Written whole and synced before it is renamed into place, so a crash leaves no half file. */
export function writeCheckpointFile(
  dir: string,
  checkpoint: AuditCheckpoint,
  key: string = env.AUDIT_KEY,
): string {
  fs.mkdirSync(dir, { recursive: true });
  const name = checkpointFileName(checkpoint);
  const body = JSON.stringify({ ...checkpoint, sig: signature(checkpoint, key) }, null, 2) + '\n';
  const temporary = path.join(dir, `.${name}.tmp`);
  const fd = fs.openSync(temporary, 'w');
  try {
    fs.writeSync(fd, body);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, path.join(dir, name));
  return name;
}

export type CheckpointFile =
  { name: string; ok: true; checkpoint: AuditCheckpoint } | { name: string; ok: false };

/** One file read and checked: a bad signature, a name that disagrees with it, or junk is forged. */
export function readCheckpointFile(dir: string, name: string, key: string): CheckpointFile {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as Record<
      string,
      unknown
    >;
    const checkpoint: AuditCheckpoint = {
      count: parsed.count as number,
      lastMac: parsed.lastMac as string,
      at: parsed.at as string,
    };
    const valid =
      Number.isSafeInteger(checkpoint.count) &&
      typeof checkpoint.lastMac === 'string' &&
      typeof checkpoint.at === 'string' &&
      typeof parsed.sig === 'string' &&
      parsed.sig.length === 64 &&
      crypto.timingSafeEqual(Buffer.from(parsed.sig), Buffer.from(signature(checkpoint, key))) &&
      checkpointFileName(checkpoint) === name;
    return valid ? { name, ok: true, checkpoint } : { name, ok: false };
  } catch {
    return { name, ok: false };
  }
}

/** The names of the checkpoint files, oldest first (by line count, then time). */
export function checkpointFileNames(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => FILE_PATTERN.test(name))
    .sort();
}

export function readAllCheckpoints(dir: string, key: string = env.AUDIT_KEY): CheckpointFile[] {
  return checkpointFileNames(dir).map((name) => readCheckpointFile(dir, name, key));
}

/** The newest checkpoint only: what a page view compares the head with. */
export function readNewestCheckpoint(
  dir: string,
  key: string = env.AUDIT_KEY,
): CheckpointFile | null {
  const name = checkpointFileNames(dir).at(-1);
  return name ? readCheckpointFile(dir, name, key) : null;
}
