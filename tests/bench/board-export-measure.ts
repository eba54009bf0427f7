// Times the decision board's CSV and XLSX at the scale lists-scale-data.ts builds (its round
// closed here, so the board has a final ranking of 10,000):
//   IDS='{"competitionId":1,"roundId":1,"staffId":1}' DATABASE_PATH=/tmp/x.db npx tsx tests/bench/board-export-measure.ts
import { PassThrough, Writable } from 'node:stream';

const ids = JSON.parse(process.env.IDS ?? '{}') as {
  roundId: number;
  competitionId: number;
  staffId: number;
};
const { sqlite } = await import('../../db/client');
const { exportDecisionBoard } = await import('../../app/services/decision-board-export.server');
const { decisionBoard } = await import('../../app/services/decisions.server');
const { tableCsvChunks, writeTableXlsx } = await import('../../app/services/ledger-export.server');
const { findUserById } = await import('../../app/models/user.server');

sqlite.prepare("update rounds set status = 'closed' where id = ?").run(ids.roundId);
let start = performance.now();
decisionBoard(ids.competitionId, { pageSize: 1 });
console.log(`final ranking stored in ${(performance.now() - start).toFixed(0)} ms`);

const user = findUserById(ids.staffId)!;
const actor = { user: { ...user, locale: 'ru' as const } } as never;
const request = (format: string) =>
  new Request(`http://localhost/staff/competitions/${ids.competitionId}/decisions.${format}`);

async function run(label: string, write: (sink: Writable) => Promise<void>) {
  global.gc?.();
  const rss = process.memoryUsage().rss;
  let peak = rss;
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _e, done) {
      bytes += chunk.length;
      peak = Math.max(peak, process.memoryUsage().rss);
      done();
    },
  });
  start = performance.now();
  await write(sink);
  console.log(
    `${label.padEnd(24)} ${(performance.now() - start).toFixed(0).padStart(6)} ms   ${(bytes / 1024).toFixed(0)} KB   RSS growth ${((peak - rss) / 2 ** 20).toFixed(1)} MB`,
  );
}

await run('decision board CSV', async (sink) => {
  for (const chunk of tableCsvChunks(
    exportDecisionBoard(request('csv'), actor, ids.competitionId, 'csv')!,
  ))
    if (!sink.write(Buffer.from(chunk, 'utf8'))) await new Promise((r) => sink.once('drain', r));
  sink.end();
});
await run('decision board XLSX', async (sink) => {
  const out = new PassThrough();
  out.pipe(sink);
  const finished = new Promise((resolve) => sink.on('finish', resolve));
  await writeTableXlsx(
    exportDecisionBoard(request('xlsx'), actor, ids.competitionId, 'xlsx')!,
    out,
  );
  await finished;
});
