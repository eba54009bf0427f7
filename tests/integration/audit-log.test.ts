import { beforeEach, describe, expect, test } from 'vitest';
import { sqlite, writeTransaction } from '~db/client';
import { appendAudit } from '~/models/audit.server';
import { verifyAuditLog } from '~/services/audit-integrity.server';
import { resetDatabase } from '../support/reset-database';

beforeEach(resetDatabase);

function appendSome(count: number) {
  for (let i = 0; i < count; i += 1) {
    writeTransaction((tx) =>
      appendAudit(tx, {
        actorUserId: null,
        action: 'application.screened',
        entityType: 'application',
        entityId: i,
        before: { n: i },
        after: { n: i + 1 },
      }),
    );
  }
}

describe('audit log', () => {
  test('an untouched log verifies, row by row', () => {
    appendSome(5);
    expect(verifyAuditLog()).toMatchObject({ ok: true, lines: 5 });
  });

  test('the database refuses to edit or delete a line', () => {
    appendSome(2);
    expect(() => sqlite.prepare("update audit_log set action = 'x' where id = 1").run()).toThrow(
      /append-only/,
    );
    expect(() => sqlite.prepare('delete from audit_log where id = 1').run()).toThrow(/append-only/);
  });

  test('a line edited behind the triggers is found', () => {
    appendSome(5);
    sqlite.exec('drop trigger audit_log_no_update');
    sqlite.prepare(`update audit_log set after = '{"n":99}' where id = 3`).run();
    expect(verifyAuditLog()).toMatchObject({ ok: false, lineId: 3, problem: 'altered' });
  });

  test('a line rewritten together with its hash is found by the next line', () => {
    appendSome(5);
    sqlite.exec('drop trigger audit_log_no_update');
    sqlite
      .prepare(`update audit_log set action = 'forged', hash = '${'f'.repeat(64)}' where id = 2`)
      .run();
    expect(verifyAuditLog()).toMatchObject({ ok: false, lineId: 2, problem: 'altered' });
  });

  test('a deleted line is found, also the newest one', () => {
    appendSome(5);
    sqlite.exec('drop trigger audit_log_no_delete');
    sqlite.prepare('delete from audit_log where id = 4').run();
    expect(verifyAuditLog()).toMatchObject({ ok: false, lineId: 4, problem: 'missing-line' });
    sqlite.prepare('delete from audit_log where id = 5').run();
    expect(verifyAuditLog()).toMatchObject({ ok: false, lineId: 4 });
  });

  test('deleting only the newest line is found through the chain head', () => {
    appendSome(3);
    sqlite.exec('drop trigger audit_log_no_delete');
    sqlite.prepare('delete from audit_log where id = 3').run();
    expect(verifyAuditLog()).toMatchObject({
      ok: false,
      lineId: 3,
      problem: 'head-mismatch',
    });
  });
});
