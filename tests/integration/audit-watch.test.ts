// The server's watch over the audit log: a signed checkpoint at start and when the log moved, a
// full check in the background, and the page's quick verdict built from both.
import fs from 'node:fs';
import { beforeEach, describe, expect, test } from 'vitest';
import { sqlite, writeTransaction } from '~db/client';
import { appendAudit } from '~/models/audit.server';
import {
  auditWatchRound,
  quickAuditVerdict,
  rememberFullCheck,
} from '~/services/audit-integrity.server';
import { readAllCheckpoints } from '~/utils/audit-checkpoints.server';
import { resetDatabase } from '../support/reset-database';

const dir = process.env.AUDIT_CHECKPOINT_DIR!;

beforeEach(() => {
  resetDatabase();
  rememberFullCheck(null);
});

function appendSome(count: number) {
  for (let i = 0; i < count; i += 1) {
    writeTransaction((tx) =>
      appendAudit(tx, {
        actorUserId: 1,
        action: 'user.signed-in',
        entityType: 'user',
        entityId: 1,
      }),
    );
  }
}

const actions = () =>
  sqlite
    .prepare<[], { action: string }>('select action from audit_log order by id')
    .all()
    .map((r) => r.action);

describe('the audit watch', () => {
  test('at start it writes a signed checkpoint of the head and checks the whole log', async () => {
    appendSome(3);
    const verdict = await auditWatchRound('start');
    expect(verdict).toMatchObject({ ok: true, lines: 4 });
    expect(actions().at(-1)).toBe('audit.checkpointed');
    const files = readAllCheckpoints(dir);
    expect(files).toEqual([expect.objectContaining({ ok: true })]);
    expect(files[0]).toMatchObject({ checkpoint: { count: 4 } });
    expect(fs.readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(quickAuditVerdict()).toMatchObject({
      ok: true,
      lines: 4,
      newestCheckpoint: { count: 4 },
      fullCheck: { verdict: { ok: true } },
    });
  });

  test('every hour it writes a checkpoint only if the log moved', async () => {
    appendSome(2);
    await auditWatchRound('start');
    await auditWatchRound('hourly');
    expect(readAllCheckpoints(dir)).toHaveLength(1);
    appendSome(1);
    await auditWatchRound('hourly');
    expect(readAllCheckpoints(dir).map((f) => f.ok && f.checkpoint.count)).toEqual([3, 5]);
  });

  test('the page shows what the last full check found, even where the quick check cannot see', async () => {
    appendSome(5);
    await auditWatchRound('start');
    sqlite.exec('drop trigger audit_log_no_update');
    sqlite.prepare(`update audit_log set entity_id = '2' where id = 2`).run();
    // The head and the newest checkpoint still agree…
    expect(quickAuditVerdict()).toMatchObject({ ok: true });
    // …but the next full check finds the line, and the page says so until it is mended.
    await auditWatchRound('hourly');
    expect(quickAuditVerdict()).toMatchObject({ ok: false, problem: 'altered', lineId: 2 });
  });
});
