// Times the list pages' data and the exports on the database lists-scale-data.ts built:
//   IDS='{"roundId":1,...}' DATABASE_PATH=/tmp/x.db npx tsx tests/bench/lists-scale-measure.ts
// Figures only; one process, the functions the loaders call (no HTTP).
import { PassThrough, Writable } from 'node:stream';

const ids = JSON.parse(process.env.IDS ?? '{}') as {
  roundId: number;
  competitionId: number;
  jurorId: number;
};
const { rankingPage, rankingExport, rankingCsvChunks, writeRankingXlsx } =
  await import('../../app/services/round-ranking.server');
const { screeningPage, screeningRowsInOrder } = await import('../../app/services/screening.server');
const { screeningCsvChunks, writeScreeningXlsx } =
  await import('../../app/services/screening-export.server');
const { screeningQueryFrom } = await import('../../app/schemas/screening');
const juror = await import('../../app/models/juror-view.server');

function time(label: string, work: () => unknown, runs = 5) {
  const first = performance.now();
  work();
  const once = performance.now() - first;
  const start = performance.now();
  for (let i = 0; i < runs; i += 1) work();
  console.log(
    `${label.padEnd(46)} first ${once.toFixed(1).padStart(8)} ms   then ${((performance.now() - start) / runs).toFixed(1).padStart(7)} ms`,
  );
}

async function exportRun(label: string, write: (sink: Writable) => Promise<void>) {
  global.gc?.();
  const rss = process.memoryUsage().rss;
  let peak = rss;
  let bytes = 0;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const start = performance.now();
  const sink = new Writable({
    write(chunk: Buffer, _e, done) {
      bytes += chunk.length;
      peak = Math.max(peak, process.memoryUsage().rss);
      done();
    },
  });
  await write(sink);
  clearInterval(timer);
  console.log(
    `${label.padEnd(46)} ${(performance.now() - start).toFixed(0).padStart(6)} ms   ${(bytes / 1024).toFixed(0)} KB   RSS growth ${((peak - rss) / 2 ** 20).toFixed(1)} MB`,
  );
}

function pipeCsv(chunks: Iterable<string>) {
  return async (sink: Writable) => {
    for (const chunk of chunks) {
      if (!sink.write(Buffer.from(chunk, 'utf8')))
        await new Promise((resolve) => sink.once('drain', resolve));
    }
    sink.end();
  };
}

function pipeXlsx(run: (out: Writable) => Promise<void>) {
  return async (sink: Writable) => {
    const out = new PassThrough();
    out.pipe(sink);
    const finished = new Promise((resolve) => sink.on('finish', resolve));
    await run(out);
    await finished;
  };
}

const all = { page: 1, q: '', show: 'all' as const };
time('ranking page 1 (cold, then cached)', () => rankingPage(ids.roundId, 'ru', all));
time('ranking page 150', () => rankingPage(ids.roundId, 'ru', { ...all, page: 150 }));
time('ranking flagged', () => rankingPage(ids.roundId, 'ru', { ...all, show: 'flagged' }));
time('ranking q=00123', () => rankingPage(ids.roundId, 'ru', { ...all, q: '00123' }));
const q = (s: string) => screeningQueryFrom(new URLSearchParams(s));
time('applications list page 1, by name (ky)', () => screeningPage(q(''), 'ky', 1, 50));
time('applications list page 200, by name (ky)', () => screeningPage(q(''), 'ky', 200, 50));
time('applications list page 100, by name desc (ru)', () =>
  screeningPage(q('dir=desc'), 'ru', 100, 50),
);
time('applications list page 150, by reference', () =>
  screeningPage(q('sort=reference'), 'ru', 150, 50),
);
time('applications list page 150, by submitted', () =>
  screeningPage(q('sort=submitted&dir=desc'), 'ru', 150, 50),
);
time('applications list q=айгүл page 10', () => screeningPage(q('q=айгүл'), 'ky', 10, 50));
time('juror queue, first 50 of 1,000', () => juror.jurorQueue(ids.jurorId, 'ru'));
time('juror queue, drafts', () =>
  juror.jurorQueue(ids.jurorId, 'ru', new Date(), { filter: 'draft' }),
);

await exportRun('ranking CSV', pipeCsv(rankingCsvChunks(rankingExport(ids.roundId, 'ru')!, 'ru')));
await exportRun(
  'ranking XLSX',
  pipeXlsx((out) => writeRankingXlsx(rankingExport(ids.roundId, 'ru')!, 'ru', out)),
);
await exportRun(
  'screening CSV',
  pipeCsv(screeningCsvChunks(screeningRowsInOrder(q(''), 'ru'), 'ru')),
);
await exportRun(
  'screening XLSX',
  pipeXlsx((out) => writeScreeningXlsx(screeningRowsInOrder(q(''), 'ru'), 'ru', out)),
);
