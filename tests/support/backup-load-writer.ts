// A writer in a process of its own, as the server is beside `npm run backup`: it appends audit
// lines to DATABASE_PATH one committed transaction after another and reports each id only after
// its commit ({ ack }). Told 'hold', it opens a write transaction, appends a line and a signed
// checkpoint naming it (the file is written before the commit, as the app does), reports
// { holding } and waits for 'release' to commit. 'stop' ends it. Run with `node --import tsx`.
import { db, sqlite, writeTransaction, type Tx } from '~db/client';
import { appendAudit } from '~/models/audit.server';
import { checkpointDir, writeCheckpointFile } from '~/utils/audit-checkpoints.server';

type Command = 'hold' | 'release' | 'stop';

let command: Command | null = null;
let onRelease: (() => void) | null = null;
process.on('message', (message: Command) => {
  if (message === 'release') onRelease?.();
  else command = message;
});
// Should the test process die, this one ends too (rolling back a held transaction).
process.on('disconnect', () => {
  command = 'stop';
  onRelease?.();
});

function append(seq: number, tx: Tx) {
  return appendAudit(tx, {
    actorUserId: null,
    action: 'user.settings-changed',
    entityType: 'user',
    entityId: seq,
    after: { writer: process.pid, seq },
  });
}

async function holdOpenTransaction(seq: number) {
  sqlite.exec('BEGIN IMMEDIATE');
  // Drizzle's db runs on the same connection, inside the transaction just begun.
  const line = append(seq, db as unknown as Tx);
  const checkpoint = appendAudit(db as unknown as Tx, {
    actorUserId: null,
    action: 'audit.checkpointed',
    entityType: 'audit',
    after: { reason: 'manual' },
  });
  writeCheckpointFile(checkpointDir(), {
    count: checkpoint.id,
    lastMac: checkpoint.hash,
    at: new Date().toISOString(),
  });
  const released = new Promise<void>((resolve) => (onRelease = resolve));
  process.send!({ holding: [line.id, checkpoint.id] });
  await released;
  if (!process.connected) {
    sqlite.exec('ROLLBACK');
    return;
  }
  sqlite.exec('COMMIT');
  process.send!({ ack: line.id });
  process.send!({ ack: checkpoint.id });
}

let seq = 0;
for (;;) {
  if (command === 'stop') break;
  seq += 1;
  if (command === 'hold') {
    command = null;
    await holdOpenTransaction(seq);
  } else {
    const line = writeTransaction((tx) => append(seq, tx));
    process.send!({ ack: line.id });
  }
  // Lets the parent's messages in between writes.
  await new Promise((resolve) => setImmediate(resolve));
}
sqlite.close();
if (process.connected) process.disconnect();
