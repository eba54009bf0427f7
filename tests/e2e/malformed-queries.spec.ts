// A seeded fuzz of every page's query string: for each route of the build with a loader (pages
// and downloads), as a visitor and as a signed-in person of each role the route serves, GETs with
// hostile query strings — the names the app's loaders read and random ones, repeated and
// nested-looking keys, broken percent-encodings, numbers out of range, impossible dates, long
// and unicode text. None may answer 5xx, and none may answer with more than MAX_BODY bytes
// (a hostile query costs no more than a normal one); a hang fails on the request timeout.
import type { APIRequestContext } from '@playwright/test';
import type { User } from '~db/schema/people';
import { expect, test } from './support/fixtures';
import {
  buildRoutes,
  fuzzWorld,
  pickWith,
  seededRandom,
  sessions,
  statusSummary,
} from './support/route-fuzz';

const SEED = 20261207;
const MIN_REQUESTS = 1000;
/** The largest answer any GET may give: the biggest download of the e2e data is far below. */
const MAX_BODY = 5 * 1024 * 1024;

/** The query parameters the app's loaders read (`searchParams.get(`/`.getAll(` in app/). */
const KNOWN_NAMES = [
  'absent',
  'after',
  'applicationId',
  'attendance',
  'booked',
  'cancelled',
  'competition',
  'consent',
  'consultant',
  'count',
  'date',
  'day',
  'decided',
  'declined',
  'dir',
  'done',
  'from',
  'invited',
  'lang',
  'lng',
  'locality',
  'missing',
  'mode',
  'moved',
  'next',
  'notice',
  'page',
  'password',
  'present',
  'promoted',
  'published',
  'q',
  'recused',
  'redirectTo',
  'ref',
  'role',
  'round',
  'rows',
  'saved',
  'sector',
  'session',
  'show',
  'sort',
  'state',
  'status',
  'to',
  'token',
  'told',
  'topic',
  'v',
  'view',
  'village',
  'waiting',
  'welcome',
  'withdrawn',
  // Remix's own: which route's data a client fetch asks for.
  '_data',
];
const ODD_NAMES = [
  'a[b]',
  'a[]',
  'page[]',
  'status[0]',
  'q[$ne]',
  '__proto__',
  'constructor',
  'toString',
  '',
  '%',
  'ё',
];

const HOSTILE = [
  '',
  ' ',
  '-1',
  '0',
  '1',
  '1.5',
  '1e309',
  '-1e309',
  'NaN',
  'Infinity',
  '99999999999999999999',
  '9007199254740993',
  '0x10',
  '2024-13-45',
  '2026-02-30',
  '0000-00-00',
  '9999-12-31T23:59:59Z',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '%00',
  '\u0000',
  '\r\n',
  'x'.repeat(10_000),
  'Кыргызча тили',
  '🧕🏽👨‍👩‍👧‍👦',
  'مرحبا \u202Eevil',
  'true',
  'null',
  'undefined',
  '[object Object]',
  '__proto__',
  '//evil.example',
  '/%09/evil.example',
  'asc',
  'desc',
  'list',
  'calendar',
  'ky',
  'xx',
];
/** Sent in every query name a page uses (and ?page=) at once, so that each of its parsers meets each. */
const EXTREMES = ['99999999999999999999', '1e309', '2024-13-45', "' OR 1=1 --"];
/** Written into the address as they are, not percent-encoded: broken escapes and stray marks. */
const RAW = ['%', '%E0%A4%A', '%zz', '%%%', '&&', '==', '=', '#', '%2', '+%2B+', '%C0%AF'];

/** The query names a page itself uses: in its links' query strings and its forms' fields. */
function namesOnPage(html: string): string[] {
  const names = new Set<string>();
  for (const [, href] of html.matchAll(/\shref="[^"?#]*\?([^"#]*)"/g)) {
    for (const [, name] of href!.replace(/&amp;/g, '&').matchAll(/(?:^|&)([^=&]+)=/g)) {
      names.add(decodeURIComponent(name!));
    }
  }
  for (const [, name] of html.matchAll(/<(?:input|select|textarea)\b[^>]*\sname="([^"]+)"/g)) {
    names.add(name!);
  }
  return [...names];
}

/** One hostile query string, drawn with `random`; `own` are the names its page uses. */
function hostileQuery(random: () => number, own: string[]): string {
  const pick = pickWith(random);
  const name = () => {
    const draw = random();
    if (own.length > 0 && draw < 0.6) return pick(own);
    return draw < 0.85 ? pick(KNOWN_NAMES) : pick(ODD_NAMES);
  };
  const parts: string[] = [];
  let long = false;
  const count = 1 + Math.floor(random() * 4);
  for (let i = 0; i < count; i++) {
    const key = name();
    let value = pick(HOSTILE);
    // One long text per request: two would pass Node's header limit, a 431 not worth sending.
    if (value.length > 1000) {
      if (long) value = '1';
      long = true;
    }
    const encoded = `${encodeURIComponent(key)}=${encodeURIComponent(value)}`;
    const shape = random();
    if (shape < 0.1) parts.push(`${encodeURIComponent(key)}=${pick(RAW)}`);
    else if (shape < 0.2) parts.push(encodeURIComponent(key));
    else parts.push(encoded);
    // The same key again, with another value.
    if (random() < 0.2)
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(pick(HOSTILE))}`);
  }
  return parts.join('&');
}

test('no hostile query string on any page answers a server error', async ({
  playwright,
  baseURL,
}) => {
  // Over a thousand GETs over every page of the portal: three times a journey's time.
  test.slow();

  const { pairsOf } = await fuzzWorld();
  const { contextFor, disposeAll } = sessions(playwright, baseURL);
  const routes = await buildRoutes('loader');
  expect(routes.length).toBeGreaterThan(40);

  const pairs = pairsOf(routes);
  // The run's budget of requests, shared out evenly over the (address, person) pairs.
  const budget = Math.max(MIN_REQUESTS - 200, Math.ceil(pairs.length * 1.25));
  const firstOf = (pairIndex: number) => Math.floor((pairIndex * budget) / pairs.length);

  const byStatus = new Map<number, number>();
  const failures: string[] = [];
  let requests = 0;
  let largest = 0;
  let ownNames = 0;
  // Reported, never asserted: where the time went.
  const slowest: [number, string][] = [];
  // Each pair draws from its own seeded sequence: the same requests on every run whatever
  // order the answers come in.
  // A page that uses query names of its own, as the first person it answered.
  const sweeps = new Map<string, { target: string; identity: User | null; own: string[] }>();
  const send = async (context: APIRequestContext, address: string, identity: User | null) => {
    requests++;
    const started = Date.now();
    const response = await context.get(address, { failOnStatusCode: false, timeout: 10_000 });
    const status = response.status();
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    const body = await response.body();
    slowest.push([Date.now() - started, address.slice(0, 160)]);
    slowest.sort(([a], [b]) => b - a).splice(5);
    largest = Math.max(largest, body.byteLength);
    const who = identity ? identity.name : 'visitor';
    if (status >= 500) {
      const text = body.toString('utf8', 0, 300).replace(/\s+/g, ' ');
      failures.push(`${status} GET ${address.slice(0, 300)} as ${who}: ${text}`);
    } else if (body.byteLength > MAX_BODY) {
      failures.push(`${body.byteLength} bytes GET ${address.slice(0, 300)} as ${who}`);
    }
  };
  const fuzzPair = async (
    { route, target, identity }: (typeof pairs)[number],
    pairIndex: number,
  ) => {
    const random = seededRandom(SEED + pairIndex);
    const context = await contextFor(identity);
    // The page as it is first, to learn the query names it uses itself.
    const plain = await context.get(target, { failOnStatusCode: false });
    const own = plain.status() === 200 ? namesOnPage(await plain.text()) : [];
    ownNames += own.length;
    // Every list reads ?page=, though a short one shows no link to another page.
    if (plain.status() === 200 && !sweeps.has(route.id)) {
      sweeps.set(route.id, { target, identity, own: [...new Set(['page', ...own])] });
    }
    for (let n = firstOf(pairIndex); n < firstOf(pairIndex + 1); n++) {
      await send(context, `${target}?${hostileQuery(random, own)}`, identity);
    }
    await context.dispose();
  };
  for (let start = 0; start < pairs.length; start += 4) {
    await Promise.all(pairs.slice(start, start + 4).map((pair, i) => fuzzPair(pair, start + i)));
  }
  for (const { target, identity, own } of sweeps.values()) {
    const context = await contextFor(identity);
    for (const value of EXTREMES) {
      const query = own.map((name) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
      await send(context, `${target}?${query.join('&')}`, identity);
    }
    await context.dispose();
  }
  await disposeAll();

  console.log(
    `malformed-queries fuzz (seed ${SEED}): ${requests} requests to ${routes.length} routes (${pairs.length} address-person pairs); by status ${statusSummary(byStatus)}; ${ownNames} query names read off the pages; largest answer ${largest} bytes`,
  );
  console.log(`slowest answers: ${slowest.map(([ms, a]) => `${ms} ms ${a}`).join(' | ')}`);
  expect(requests).toBeGreaterThanOrEqual(MIN_REQUESTS);
  expect(failures).toEqual([]);
});
