// Is the audit log what the app wrote? The full check walks every line's keyed MAC and link and
// compares the log with every signed checkpoint outside the database; the quick check (for page
// views) compares the head with the newest checkpoint and reports the last full check.
import type Database from 'better-sqlite3';
import { sqlite, writeTransaction } from '~db/client';
import {
  AUDIT_LOG_COLUMNS,
  CURRENT_MAC_VERSION,
  GENESIS_MAC,
  REDACTED_MAC_VERSION,
  appendAudit,
  auditLogColumns,
  lastStoredLine,
  lineMacIsValid,
  redactedLineMac,
  storedChainHead,
  storedLine,
  storedLinesAfter,
  type StoredAuditLine,
} from '~/models/audit.server';
import {
  checkpointDir,
  readAllCheckpoints,
  readNewestCheckpoint,
  writeCheckpointFile,
  type AuditCheckpoint,
} from '~/utils/audit-checkpoints.server';
import { env } from '~/utils/env.server';

export type AuditProblem =
  /** A line's content differs from what its MAC covers, or its link to the line before. */
  | 'altered'
  /** A line inside the log is gone (its id is skipped). */
  | 'missing-line'
  /** The head row disagrees with the last line (the newest lines were removed). */
  | 'head-mismatch'
  /** A checkpoint counts more lines than the log has: its tail was cut or an older copy restored. */
  | 'missing-tail'
  /** The log is empty but a checkpoint says it had lines. */
  | 'empty-log'
  /** The line a checkpoint names has another MAC: the log was rewritten or replaced. */
  | 'checkpoint-diverged'
  /** A checkpoint file is not signed with the key (written by someone else). */
  | 'checkpoint-forged'
  /** The log records a checkpoint whose file is gone. */
  | 'checkpoint-missing'
  /** The log's last lines are not keyed (the key was never introduced, or lines were downgraded). */
  | 'unkeyed'
  /** audit_log has columns the MAC does not cover. */
  | 'columns-changed';

export type AuditVerdict =
  | { ok: true; lines: number; newestCheckpoint: AuditCheckpoint | null }
  | {
      ok: false;
      /** Lines checked and found good before the problem. */
      lines: number;
      problem: AuditProblem;
      /** The first bad line (or the first missing one), or null when no line is to blame. */
      lineId: number | null;
      /** For checkpoint problems: the file's name. */
      file?: string;
      newestCheckpoint: AuditCheckpoint | null;
    };

export type VerifyOptions = {
  conn?: Database.Database;
  key?: string;
  dir?: string;
};

const CHUNK = 2_000;

/**
 * The full check as steps: each `yield` is a pause between chunks of lines, so a background run
 * lets requests through, and the log is read in keyset chunks (never the whole table at once).
 */
function* verificationSteps(options: VerifyOptions): Generator<void, AuditVerdict> {
  const conn = options.conn ?? sqlite;
  const key = options.key ?? env.AUDIT_KEY;
  const dir = options.dir ?? checkpointDir();

  const files = readAllCheckpoints(dir, key);
  const valid = files.flatMap((f) => (f.ok ? [f.checkpoint] : []));
  const newestCheckpoint = valid.at(-1) ?? null;
  const fail = (
    lines: number,
    problem: AuditProblem,
    lineId: number | null,
    file?: string,
  ): AuditVerdict => ({ ok: false, lines, problem, lineId, file, newestCheckpoint });

  const forged = files.find((f) => !f.ok);
  if (forged) return fail(0, 'checkpoint-forged', null, forged.name);
  const columns = auditLogColumns(conn);
  if (
    columns.length !== AUDIT_LOG_COLUMNS.length ||
    AUDIT_LOG_COLUMNS.some((c) => !columns.includes(c))
  ) {
    return fail(0, 'columns-changed', null);
  }

  const macsAt = new Map<number, string[]>();
  for (const c of valid) macsAt.set(c.count, [...(macsAt.get(c.count) ?? []), c.lastMac]);

  let lines = 0;
  let prevMac = GENESIS_MAC;
  let keyedSeen = false;
  let last: StoredAuditLine | undefined;
  // Redacted lines seen, by id, with the MAC of what they hold now: each must be vouched for by
  // a later keyed audit.lines-redacted line.
  const unvouched = new Map<number, string>();
  for (;;) {
    const chunk = storedLinesAfter(conn, lines, CHUNK);
    for (const line of chunk) {
      const expectedId = lines + 1;
      if (line.id !== expectedId) return fail(lines, 'missing-line', expectedId);
      if (line.mac_version === REDACTED_MAC_VERSION) {
        if (typeof line.created_at !== 'number' || typeof line.hash !== 'string') {
          return fail(lines, 'altered', line.id);
        }
        unvouched.set(line.id, redactedLineMac(line, key));
      } else if (!lineMacIsValid(line, key)) return fail(lines, 'altered', line.id);
      // Its own MAC is right but it does not follow the line before: that one was rewritten.
      if (line.prev_hash !== prevMac) return fail(lines - 1, 'altered', line.id - 1);
      if (line.mac_version === CURRENT_MAC_VERSION) keyedSeen = true;
      else if (keyedSeen && line.mac_version !== REDACTED_MAC_VERSION) {
        return fail(lines, 'altered', line.id);
      }
      if (line.action === 'audit.lines-redacted') {
        const wrong = unvouchedRedaction(line, unvouched);
        if (wrong !== null) return fail(lines, 'altered', wrong);
      }
      const expectedMacs = macsAt.get(line.id);
      if (expectedMacs && expectedMacs.some((mac) => mac !== line.hash)) {
        return fail(lines, 'checkpoint-diverged', line.id);
      }
      if (line.action === 'audit.checkpointed' && !expectedMacs) {
        return fail(lines, 'checkpoint-missing', line.id);
      }
      prevMac = line.hash as string;
      lines += 1;
      last = line;
    }
    if (chunk.length < CHUNK) break;
    yield;
  }

  if (unvouched.size > 0) return fail(lines, 'altered', Math.min(...unvouched.keys()));
  const head = storedChainHead(conn);
  if ((head?.lastId ?? 0) !== lines || (head && head.lastHash !== prevMac)) {
    return fail(lines, 'head-mismatch', lines + 1);
  }
  const furthest = valid.reduce((max, c) => Math.max(max, c.count), 0);
  if (furthest > lines) return fail(lines, lines === 0 ? 'empty-log' : 'missing-tail', lines + 1);
  if (last && last.mac_version !== CURRENT_MAC_VERSION) return fail(lines, 'unkeyed', null);
  return { ok: true, lines, newestCheckpoint };
}

/**
 * Checks a keyed audit.lines-redacted line against the redacted lines seen before it; returns the
 * id of a line whose content differs from what the redaction vouched for, else null.
 */
function unvouchedRedaction(line: StoredAuditLine, unvouched: Map<number, string>): number | null {
  let vouchers: unknown;
  try {
    vouchers = (JSON.parse(String(line.after)) as { lines?: unknown }).lines;
  } catch {
    return line.id;
  }
  if (!Array.isArray(vouchers)) return line.id;
  for (const voucher of vouchers) {
    const [id, mac] = Array.isArray(voucher) ? (voucher as unknown[]) : [];
    if (typeof id !== 'number' || unvouched.get(id) !== mac) {
      return typeof id === 'number' ? id : line.id;
    }
    unvouched.delete(id);
  }
  return null;
}

/** The full check, at once (npm run audit:verify, tests). */
export function verifyAuditLog(options: VerifyOptions = {}): AuditVerdict {
  const steps = verificationSteps(options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The full check in the background: it pauses between chunks so requests are served. */
export async function verifyAuditLogPatiently(options: VerifyOptions = {}): Promise<AuditVerdict> {
  const steps = verificationSteps(options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

// ---------------------------------------------------------------------------------------------
// Quick verdict for page views: the head, the newest checkpoint and the last full check.

export type FullCheck = { at: string; verdict: AuditVerdict };

const state = globalThis as unknown as { __ishenimAuditFullCheck?: FullCheck };

export function lastFullCheck(): FullCheck | null {
  return state.__ishenimAuditFullCheck ?? null;
}

export function rememberFullCheck(check: FullCheck | null) {
  state.__ishenimAuditFullCheck = check ?? undefined;
}

export type QuickVerdict = {
  ok: boolean;
  lines: number;
  problem: AuditProblem | null;
  lineId: number | null;
  newestCheckpoint: AuditCheckpoint | null;
  fullCheck: FullCheck | null;
};

/** A handful of reads and one HMAC, whatever the size of the log. */
export function quickAuditVerdict(options: VerifyOptions = {}): QuickVerdict {
  const conn = options.conn ?? sqlite;
  const key = options.key ?? env.AUDIT_KEY;
  const dir = options.dir ?? checkpointDir();
  const fullCheck = lastFullCheck();
  const head = storedChainHead(conn);
  const last = lastStoredLine(conn);
  const lines = last?.id ?? 0;
  const newest = readNewestCheckpoint(dir, key);
  const newestCheckpoint = newest?.ok ? newest.checkpoint : null;
  const verdict = (problem: AuditProblem | null, lineId: number | null = null): QuickVerdict => {
    if (!problem && fullCheck && !fullCheck.verdict.ok) {
      return {
        ok: false,
        lines,
        problem: fullCheck.verdict.problem,
        lineId: fullCheck.verdict.lineId,
        newestCheckpoint,
        fullCheck,
      };
    }
    return { ok: !problem, lines, problem, lineId, newestCheckpoint, fullCheck };
  };
  if (newest && !newest.ok) return verdict('checkpoint-forged');
  if ((head?.lastId ?? 0) !== lines || (head && last && head.lastHash !== last.hash)) {
    return verdict('head-mismatch', lines + 1);
  }
  if (last && !lineMacIsValid(last, key)) return verdict('altered', last.id);
  if (last && last.mac_version !== CURRENT_MAC_VERSION) return verdict('unkeyed');
  if (newestCheckpoint) {
    if (newestCheckpoint.count > lines) {
      return verdict(lines === 0 ? 'empty-log' : 'missing-tail', lines + 1);
    }
    const named = storedLine(conn, newestCheckpoint.count);
    if (!named || named.hash !== newestCheckpoint.lastMac) {
      return verdict('checkpoint-diverged', newestCheckpoint.count);
    }
  }
  return verdict(null);
}

// ---------------------------------------------------------------------------------------------
// Writing checkpoints, and keying a log that was written before AUDIT_KEY.

/**
 * Appends a line recording the checkpoint and writes the signed file before the transaction
 * commits: a committed checkpoint line always has its file.
 */
export function writeAuditCheckpoint(
  reason: 'start' | 'hourly' | 'manual',
  options: { now?: Date; dir?: string } = {},
): AuditCheckpoint {
  const now = options.now ?? new Date();
  const dir = options.dir ?? checkpointDir();
  return writeTransaction((tx) => {
    const line = appendAudit(
      tx,
      { actorUserId: null, action: 'audit.checkpointed', entityType: 'audit', after: { reason } },
      { now },
    );
    const checkpoint = { count: line.id, lastMac: line.hash, at: now.toISOString() };
    writeCheckpointFile(dir, checkpoint);
    return checkpoint;
  });
}

/**
 * Migration of a log written before the key (scheme 1, plain SHA-256): its lines are not
 * rewritten — the table is append-only, and re-keying would also launder a line altered before
 * — but checked once and anchored by a keyed line that records how many there were and whether
 * they were intact. From then on, rewriting any old line breaks the keyed line's link.
 */
export function introduceAuditKey(options: VerifyOptions = {}): boolean {
  const conn = options.conn ?? sqlite;
  const unkeyed = conn
    .prepare<[], { id: number }>(
      'select id from audit_log where mac_version = 1 order by id desc limit 1',
    )
    .get();
  const introduced = conn
    .prepare("select 1 from audit_log where action = 'audit.key-introduced' limit 1")
    .get();
  if (!unkeyed || introduced) return false;
  const before = verifyAuditLog(options);
  const intact = before.ok || before.problem === 'unkeyed';
  writeTransaction((tx) =>
    appendAudit(tx, {
      actorUserId: null,
      action: 'audit.key-introduced',
      entityType: 'audit',
      after: {
        unkeyedLines: unkeyed.id,
        unkeyedLinesIntact: intact,
        ...(intact || before.ok ? {} : { problem: before.problem, lineId: before.lineId }),
      },
    }),
  );
  return true;
}

/** Whether the newest line is already a checkpoint (nothing happened since: no new one needed). */
function headIsCheckpoint(): boolean {
  return lastStoredLine(sqlite)?.action === 'audit.checkpointed';
}

/**
 * One round of the watch: at start, key an old log and always write a checkpoint; hourly, write
 * one only if the log moved. Then check the whole log, pausing between chunks, and remember it.
 */
export async function auditWatchRound(reason: 'start' | 'hourly', options: { dir?: string } = {}) {
  if (reason === 'start') introduceAuditKey();
  if (reason === 'start' || !headIsCheckpoint()) writeAuditCheckpoint(reason, options);
  const verdict = await verifyAuditLogPatiently(options);
  rememberFullCheck({ at: new Date().toISOString(), verdict });
  if (!verdict.ok) {
    console.warn(
      `Audit log check: ${verdict.problem} at line ${verdict.lineId ?? '-'} (npm run audit:verify).`,
    );
  }
  return verdict;
}

/** At start and then hourly, in the server process (not in tests). Returns a stop function. */
export function startAuditWatch(intervalMs = 60 * 60_000): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const round = (reason: 'start' | 'hourly') => {
    if (running) return;
    running = auditWatchRound(reason)
      .catch((error: unknown) => console.warn('Audit log check failed:', error))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(() => round('hourly'), intervalMs);
  timer.unref();
  round('start');
  return async () => {
    clearInterval(timer);
    await running;
  };
}
