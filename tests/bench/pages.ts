// npm run bench:pages — the page benchmark of issue 9. Builds a national-scale programme on a
// throw-away database (10,000 households with members and submitted applications, a closed blind
// round of 30 jurors × 3 per application × 6 criteria, 100,000 audit lines), starts the production
// server on it, and measures every page below with autocannon on loopback. Prints figures only.
//
//   BENCH_FAMILIES=10000  size of the programme          BENCH_DURATION=10  seconds per page
//   BENCH_CONNECTIONS=50  concurrent connections          BENCH_PORT=3301    the server's port
//   BENCH_ONLY=decision   measure only pages whose name contains this text (or one of these,
//                         comma-separated: BENCH_ONLY=decision,ranking)
//   BENCH_KEEP=/tmp/x     keep the built database there and reuse it on the next run
//   BENCH_ROUNDS=10       load every page this many times against the one server (or
//                         `--rounds 10`), printing the server's RSS after each round: it must
//                         level off. The table shows the last round.
//
// Run `npx remix build` first (the npm script does).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import autocannon from 'autocannon';

const FAMILIES = Number(process.env.BENCH_FAMILIES ?? 10_000);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PORT = Number(process.env.BENCH_PORT ?? 3301);
const ONLY = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
const roundsFlag = process.argv.indexOf('--rounds');
const ROUNDS = Math.max(
  1,
  Number(roundsFlag >= 0 ? process.argv[roundsFlag + 1] : (process.env.BENCH_ROUNDS ?? 1)) || 1,
);
const ORIGIN = `http://127.0.0.1:${PORT}`;
/** A page that does not answer within this many seconds is reported as such, not waited for. */
const TIMEOUT = Number(process.env.BENCH_TIMEOUT ?? 30);

const KEEP = process.env.BENCH_KEEP ?? '';
const dir = KEEP || fs.mkdtempSync(path.join(os.tmpdir(), 'ishenim-pages-'));
fs.mkdirSync(dir, { recursive: true });
const reuse = Boolean(KEEP) && fs.existsSync(path.join(dir, 'world.json'));
process.env.DATABASE_PATH = path.join(dir, 'bench.db');
process.env.SESSION_SECRET = 'bench-session-secret-0123456789abcdef';
// A production server refuses to start without an audit key and a real sender.
process.env.AUDIT_KEY = 'bench-audit-key-0123456789abcdef';
process.env.AUDIT_CHECKPOINT_DIR = path.join(dir, 'audit');
process.env.MAIL_FROM = 'Ishenim bench <no-reply@bench.example>';
process.env.APP_URL = ORIGIN;
process.env.NODE_ENV = 'production';
delete process.env.SMTP_URL;

const { sqlite } = await import('../../db/client');
const { buildLargeProgramme } = await import('../support/large-programme');
const { createUser, browserRequest } = await import('../support/factories');
const { sessionCookieFor } = await import('../support/jury-factories');
const { sessionUserOf } = await import('../support/session-user');
const { createApplication, createCompetition } = await import('../support/programme-factories');
const { findHousehold, membersOf } = await import('../../app/models/household.server');
const { findUserById } = await import('../../app/models/user.server');
const { announce, decide } = await import('../../app/services/decisions.server');
const { decisionWorld } = await import('../support/decision-world');
type FamilyKey = import('../support/decision-world').FamilyKey;
const { boardRows } = await import('../../app/models/decision.server');

type Who = 'anonymous' | 'staff' | 'admin' | 'juror' | 'family';

/**
 * The pages measured. To add one: give it a name, who asks (a session of that role is made for
 * the run), its path (the ids of the built programme are in `ids`), and `family: true` to also
 * count the JavaScript it loads; `kind: 'export'` for a download (timed once, with RSS growth).
 */
type Ids = World['ids'];
type PageSpec = {
  name: string;
  who: Who;
  path: (ids: Ids) => string;
  family?: boolean;
  kind?: 'page' | 'export';
};

const PAGES: PageSpec[] = [
  { name: 'login', who: 'anonymous', path: () => '/login', family: true },
  // Staff
  {
    name: 'decision board, first page',
    who: 'staff',
    path: (ids) => `/staff/competitions/${ids.competitionId}/decisions`,
  },
  {
    name: 'decision board, page 100',
    who: 'staff',
    path: (ids) => `/staff/competitions/${ids.competitionId}/decisions?page=100`,
  },
  {
    name: 'decision board, one village, places 2000-4000',
    who: 'staff',
    path: (ids) =>
      `/staff/competitions/${ids.competitionId}/decisions?village=${ids.villageId}&rankFrom=2000&rankTo=4000`,
  },
  { name: 'ranking page', who: 'staff', path: (ids) => `/staff/rounds/${ids.roundId}/ranking` },
  { name: 'staff applications list', who: 'staff', path: () => '/staff/applications' },
  {
    name: 'staff applications list, page 150',
    who: 'staff',
    path: () => '/staff/applications?page=150',
  },
  {
    name: 'staff competition',
    who: 'staff',
    path: (ids) => `/staff/competitions/${ids.competitionId}`,
  },
  { name: 'staff round', who: 'staff', path: (ids) => `/staff/rounds/${ids.roundId}` },
  // The programme dashboard (issue 15): every figure is an aggregate query; < 500 ms at 10,000.
  { name: 'programme dashboard, all', who: 'staff', path: () => '/staff/dashboard' },
  {
    name: 'programme dashboard, one competition and village',
    who: 'staff',
    path: (ids) => `/staff/dashboard?competition=${ids.competitionId}&village=${ids.villageId}`,
  },
  {
    name: 'programme dashboard CSV (funnel)',
    who: 'staff',
    path: (ids) => `/staff/dashboard/funnel/csv?competition=${ids.competitionId}`,
    kind: 'export',
  },
  {
    name: 'programme dashboard, one competition, a period',
    who: 'staff',
    path: (ids) =>
      `/staff/dashboard?competition=${ids.competitionId}&from=2020-01-01&to=2099-12-31`,
  },
  {
    name: 'programme dashboard CSV (jurors)',
    who: 'staff',
    path: (ids) => `/staff/dashboard/jurors/csv?competition=${ids.competitionId}`,
    kind: 'export',
  },
  // The staff home counts the households in SQL (it read them all with their members: 1.2 s).
  { name: 'staff home (households counted)', who: 'staff', path: () => '/' },
  // The households list (/households): filtered, sorted by the stored name key and paged in SQL.
  { name: 'households list, first page', who: 'staff', path: () => '/households' },
  { name: 'households list, page 150', who: 'staff', path: () => '/households?page=150' },
  {
    name: 'households list, one village',
    who: 'staff',
    path: (ids) => `/households?locality=${ids.villageId}`,
  },
  {
    name: 'households list, search',
    who: 'staff',
    path: () => `/households?q=${encodeURIComponent('АЙНУРА токтогулова77')}`,
  },
  { name: 'admin audit log', who: 'admin', path: () => '/admin/audit' },
  { name: 'juror queue (1,000 assignments)', who: 'juror', path: () => '/jury' },
  // Families
  { name: 'family home', who: 'family', path: () => '/', family: true },
  { name: 'family applications', who: 'family', path: () => '/applications', family: true },
  {
    name: 'application page',
    who: 'family',
    path: (ids) => `/applications/${ids.applicationId}`,
    family: true,
  },
  ...['beneficiary', 'idea', 'budget', 'plan', 'documents', 'review'].map((step): PageSpec => ({
    name: `edit step: ${step}`,
    who: 'family',
    path: (ids) => `/applications/${ids.draftId}/edit/${step}`,
    family: true,
  })),
  // Public
  { name: 'public competitions', who: 'anonymous', path: () => '/competitions', family: true },
  {
    name: 'public competition',
    who: 'anonymous',
    path: (ids) => `/competitions/${ids.competitionId}`,
    family: true,
  },
  {
    name: 'public results',
    who: 'anonymous',
    path: (ids) => `/competitions/${ids.announcedId}/results`,
    family: true,
  },
  // Measured again last: the ratios use the mean of both /login runs, as load drifts.
  { name: 'login (again)', who: 'anonymous', path: () => '/login' },
  // Exports
  {
    name: 'ranking CSV',
    who: 'staff',
    path: (ids) => `/staff/rounds/${ids.roundId}/ranking.csv`,
    kind: 'export',
  },
  {
    name: 'ranking XLSX',
    who: 'staff',
    path: (ids) => `/staff/rounds/${ids.roundId}/ranking.xlsx`,
    kind: 'export',
  },
  {
    name: 'screening CSV',
    who: 'staff',
    path: (ids) => `/staff/applications/export.csv?competition=${ids.competitionId}`,
    kind: 'export',
  },
  {
    name: 'screening XLSX',
    who: 'staff',
    path: (ids) => `/staff/applications/export.xlsx?competition=${ids.competitionId}`,
    kind: 'export',
  },
  { name: 'households CSV', who: 'staff', path: () => '/households.csv', kind: 'export' },
  { name: 'households XLSX', who: 'staff', path: () => '/households.xlsx', kind: 'export' },
  {
    name: 'decision board CSV',
    who: 'staff',
    path: (ids) => `/staff/competitions/${ids.competitionId}/decisions.csv`,
    kind: 'export',
  },
  {
    name: 'decision board XLSX',
    who: 'staff',
    path: (ids) => `/staff/competitions/${ids.competitionId}/decisions.xlsx`,
    kind: 'export',
  },
  {
    name: 'round assignments CSV',
    who: 'staff',
    path: (ids) => `/staff/rounds/${ids.roundId}/assignments.csv`,
    kind: 'export',
  },
  {
    name: 'round assignments XLSX',
    who: 'staff',
    path: (ids) => `/staff/rounds/${ids.roundId}/assignments.xlsx`,
    kind: 'export',
  },
];

const log = (text: string) => console.log(text);
const ms = (value: number) => `${value.toFixed(1)} ms`;

type World = {
  programme: { staffId: number; jurorId: number };
  cookies: Record<Who, string | null>;
  /** Who each session is for, to sign in again when the database is reused. */
  userIds: Record<Who, number | null>;
  ids: {
    competitionId: number;
    roundId: number;
    villageId: number;
    applicationId: number;
    draftId: number;
    announcedId: number;
  };
};

async function buildWorld(): Promise<World> {
  log(`Ishenim page benchmark — node ${process.version}, ${os.cpus().length} CPUs`);
  if (reuse) {
    log(`reusing the database in ${dir}`);
    const world = JSON.parse(fs.readFileSync(path.join(dir, 'world.json'), 'utf8')) as World;
    // Sessions end (an admin's sooner than others'): sign everyone in afresh.
    for (const who of Object.keys(world.userIds ?? {}) as Who[]) {
      const id = world.userIds[who];
      if (id !== null) world.cookies[who] = await sessionCookieFor({ id });
    }
    return world;
  }
  log(`building ${FAMILIES} families in ${dir}`);
  const start = performance.now();
  const programme = await buildLargeProgramme({
    families: FAMILIES,
    auditLines: 100_000,
    onStep: (step, took) => log(`  ${step.padEnd(52)} ${ms(took).padStart(12)}`),
  });
  // A second family's draft in an open competition, for the edit steps; and a small announced
  // competition for the public results page.
  const open = createCompetition({ localityIds: [programme.villageIds[0]!], status: 'open' });
  const family = programme.family;
  const familyUser = { id: family.userId };
  const draft = createApplication({
    competition: open,
    household: findHousehold(family.householdId)!,
    members: membersOf(family.householdId),
    enteredBy: familyUser,
  });
  // A small competition decided and announced through the services, for the public results.
  const small = await decisionWorld();
  const smallStaff = sessionUserOf(small.staff);
  const decisions: [FamilyKey, 'awarded' | 'waitlisted' | 'not-selected'][] = [
    ['N1', 'awarded'],
    ['S1', 'awarded'],
    ['N2', 'waitlisted'],
    ['S2', 'waitlisted'],
    ['N3', 'not-selected'],
    ['S3', 'not-selected'],
  ];
  for (const [key, decision] of decisions)
    decide(browserRequest(), smallStaff, small.families[key].applicationId, { decision });
  const announced = announce(browserRequest(), smallStaff, small.competition.id);
  if (!announced.ok) log(`  the small competition was not announced: ${announced.error}`);
  const staff = programme.staff;
  const admin = await createUser({ roles: ['admin'], name: 'Bench Admin' });
  const took = performance.now() - start;
  log(`  ${'built in'.padEnd(52)} ${ms(took).padStart(12)}`);
  const size = fs.statSync(process.env.DATABASE_PATH!).size;
  log(`  database: ${(size / 1024 / 1024).toFixed(1)} MiB`);
  const cookies: Record<Who, string | null> = {
    anonymous: null,
    staff: await sessionCookieFor(staff),
    admin: await sessionCookieFor(admin),
    juror: await sessionCookieFor(programme.jurors[0]!),
    family: await sessionCookieFor(familyUser),
  };
  const world: World = {
    programme: { staffId: staff.id, jurorId: programme.jurors[0]!.id },
    cookies,
    userIds: {
      anonymous: null,
      staff: staff.id,
      admin: admin.id,
      juror: programme.jurors[0]!.id,
      family: familyUser.id,
    },
    ids: {
      competitionId: programme.competition.id,
      roundId: programme.roundId,
      villageId: programme.villageIds[0]!,
      applicationId: family.applicationId,
      draftId: draft.id,
      announcedId: small.competition.id,
    },
  };
  if (KEEP) fs.writeFileSync(path.join(dir, 'world.json'), JSON.stringify(world));
  return world;
}

/** Decisions timed in this process, on the built database, as staff would make them. */
function timeDecisions(world: World) {
  const staff = sessionUserOf(findUserById(world.programme.staffId)!);
  const rows = boardRows(world.ids.roundId, {}, { limit: 40, offset: 0 });
  const times: number[] = [];
  for (const [index, row] of rows.entries()) {
    const start = performance.now();
    const result = decide(browserRequest(), staff, row.applicationId, {
      decision: index % 4 === 3 ? 'waitlisted' : 'awarded',
      reason: 'Bench',
    });
    times.push(performance.now() - start);
    if (!result.ok && !['over-quota', 'over-budget'].includes(result.error))
      log(`  decide refused: ${result.error}`);
  }
  times.sort((a, b) => a - b);
  log(
    `decide (${times.length} decisions at 10k): median ${ms(times[times.length >> 1]!)}, worst ${ms(times.at(-1)!)}`,
  );
}

function rssKiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

async function startServer(): Promise<ChildProcess> {
  const busy = await fetch(`${ORIGIN}/healthz`).then(
    () => true,
    () => false,
  );
  if (busy) throw new Error(`port ${PORT} is taken: stop what listens there, or set BENCH_PORT`);
  const server = spawn(process.execPath, ['server.js'], {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let attempt = 0; attempt < 200; attempt += 1) {
    try {
      const response = await fetch(`${ORIGIN}/healthz`);
      if (response.ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the server did not start');
}

/** The CPU time the process has used so far, in clock ticks. */
function cpuTicks(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime
}

/**
 * Waits until the server is idle: at start it checks the whole audit chain in the background
 * (100,000 lines here), which would otherwise be billed to the first pages measured.
 */
async function settled(pid: number) {
  const until = Date.now() + 180_000;
  let before = cpuTicks(pid);
  while (Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = cpuTicks(pid);
    if (now - before < 5) return; // under 5 % of one core over a second (100 ticks/s)
    before = now;
  }
}

/**
 * Waits until the server answers /healthz promptly again: a slow page leaves a backlog of its
 * requests that would otherwise be billed to the next page. False: still busy after the wait.
 */
async function drained(): Promise<boolean> {
  const until = Date.now() + TIMEOUT * 2 * 1000;
  while (Date.now() < until) {
    const start = performance.now();
    try {
      const response = await fetch(`${ORIGIN}/healthz`, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.ok && performance.now() - start < 200) return true;
    } catch {
      // still busy
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

function headersFor(cookie: string | null): Record<string, string> {
  return cookie ? { cookie } : {};
}

/**
 * The JavaScript a page loads: the modules it preloads and its inline script imports, gzipped as
 * a phone would fetch them. Not every /build file the page names: its route manifest also lists
 * the home route's modules and the manifest file, which the browser fetches only on navigating
 * there (lazy route discovery).
 */
function javascriptOf(html: string): { files: number; gzipKiB: number; rawKiB: number } {
  const preloaded = [...html.matchAll(/<link rel="modulepreload" href="(\/build\/[^"]+\.js)"/g)];
  const imported = [...html.matchAll(/\bimport\b[^;"]*"(\/build\/[^"]+\.js)"/g)];
  const files = new Set([...preloaded, ...imported].map((match) => match[1]!));
  let gzip = 0;
  let raw = 0;
  for (const file of files) {
    const local = path.join('public', file);
    if (!fs.existsSync(local)) continue;
    const content = fs.readFileSync(local);
    raw += content.length;
    gzip += zlib.gzipSync(content, { level: 9 }).length;
  }
  return { files: files.size, gzipKiB: gzip / 1024, rawKiB: raw / 1024 };
}

async function once(url: string, cookie: string | null) {
  const start = performance.now();
  const response = await fetch(url, {
    headers: headersFor(cookie),
    redirect: 'manual',
    signal: AbortSignal.timeout(TIMEOUT * 1000),
  });
  const body = Buffer.from(await response.arrayBuffer());
  return { status: response.status, took: performance.now() - start, body };
}

type Row = {
  name: string;
  status: number;
  rps: number;
  p50: number;
  /** autocannon's percentiles stop at 90 and 97.5: the nearest to a p95. */
  p975: number;
  p99: number;
  one: number;
  bytes: number;
  js?: string;
};

async function measurePage(page: PageSpec, url: string, cookie: string | null): Promise<Row> {
  await once(url, cookie); // warm up: the first request compiles and fills caches
  const single = await once(url, cookie);
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    headers: headersFor(cookie),
    timeout: TIMEOUT,
  });
  const js = page.family ? javascriptOf(single.body.toString('utf8')) : null;
  return {
    name: page.name,
    status: single.status,
    rps: result.requests.average,
    p50: result.latency.p50,
    p975: result.latency.p97_5,
    p99: result.latency.p99,
    one: single.took,
    bytes: single.body.length,
    js: js
      ? `${js.gzipKiB.toFixed(1)} KiB gz (${js.rawKiB.toFixed(0)} KiB, ${js.files} files)`
      : undefined,
  };
}

async function main() {
  const world = await buildWorld();
  timeDecisions(world);
  let server = await startServer();
  let pid = server.pid!;
  await settled(pid);
  log(`server pid ${pid}, RSS ${(rssKiB(pid) / 1024).toFixed(0)} MiB at start (settled)`);
  let rows: Row[] = [];
  let exports: string[] = [];
  const rssByRound: number[] = [];
  try {
    for (let round = 1; round <= ROUNDS; round += 1) {
      rows = [];
      exports = [];
      for (const page of PAGES) {
        if (
          ONLY.length > 0 &&
          !ONLY.some((text) => page.name.includes(text)) &&
          !page.name.startsWith('login')
        )
          continue;
        const url = ORIGIN + page.path(world.ids);
        const cookie = world.cookies[page.who];
        if (page.kind === 'export') {
          const before = rssKiB(pid);
          const single = await once(url, cookie).catch((error: Error) => {
            exports.push(`${page.name.padEnd(28)} no answer in ${TIMEOUT} s (${error.message})`);
            return null;
          });
          const after = rssKiB(pid);
          await drained();
          if (!single) continue;
          exports.push(
            `${page.name.padEnd(28)} ${String(single.status).padStart(4)} ${ms(single.took).padStart(12)}  ${(single.body.length / 1024).toFixed(0).padStart(7)} KiB  RSS +${((after - before) / 1024).toFixed(1)} MiB (now ${(after / 1024).toFixed(0)} MiB)`,
          );
          continue;
        }
        let row: Row | null = null;
        try {
          row = await measurePage(page, url, cookie);
        } catch (error) {
          log(`  ${page.name}: no answer in ${TIMEOUT} s (${(error as Error).message})`);
        }
        if (!(await drained())) {
          // Stuck in that page's backlog: start a fresh server for the rest.
          log(`  (restarting the server after ${page.name})`);
          server.kill('SIGKILL');
          await new Promise((resolve) => server.once('exit', resolve));
          server = await startServer();
          pid = server.pid!;
          await settled(pid);
        }
        if (!row) continue;
        rows.push(row);
        log(
          `  measured ${row.name} (${row.status}): ${row.rps.toFixed(0)} req/s, RSS ${(rssKiB(pid) / 1024).toFixed(0)} MiB`,
        );
      }
      rssByRound.push(rssKiB(pid));
      if (ROUNDS > 1)
        log(
          `round ${round} of ${ROUNDS}: server RSS ${(rssByRound.at(-1)! / 1024).toFixed(0)} MiB`,
        );
    }
  } finally {
    const rss = rssKiB(pid);
    server.kill('SIGKILL');
    log(`server RSS at the end: ${(rss / 1024).toFixed(0)} MiB`);
  }
  const logins = rows.filter((r) => r.name.startsWith('login')).map((r) => r.rps);
  const login = logins.reduce((sum, rps) => sum + rps, 0) / logins.length;
  log('');
  log(
    `${'page'.padEnd(46)} ${'status'.padStart(6)} ${'req/s'.padStart(8)} ${'p50'.padStart(7)} ${'p97.5'.padStart(7)} ${'p99'.padStart(7)} ${'one req'.padStart(10)} ${'HTML'.padStart(9)} ${'÷login'.padStart(7)}  JS`,
  );
  for (const row of rows) {
    log(
      `${row.name.padEnd(46)} ${String(row.status).padStart(6)} ${row.rps.toFixed(0).padStart(8)} ${`${row.p50}`.padStart(5)}ms ${`${row.p975}`.padStart(5)}ms ${`${row.p99}`.padStart(5)}ms ${ms(row.one).padStart(10)} ${`${(row.bytes / 1024).toFixed(1)}K`.padStart(9)} ${`${((row.rps / login) * 100).toFixed(0)}%`.padStart(7)}  ${row.js ?? ''}`,
    );
  }
  if (exports.length) {
    log('');
    log('exports (one request each)');
    for (const line of exports) log(line);
  }
  if (rssByRound.length > 1) {
    log('');
    log(
      `server RSS after each of ${rssByRound.length} rounds (MiB): ${rssByRound.map((kib) => (kib / 1024).toFixed(0)).join(', ')}`,
    );
  }
}

try {
  await main();
} finally {
  sqlite.close();
  if (!KEEP) fs.rmSync(dir, { recursive: true, force: true });
}
