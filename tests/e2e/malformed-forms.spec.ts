// A seeded fuzz of every form of the app: for each route of the build with an action, as a
// visitor and as a signed-in person of each role the route serves, malformed posts (wrong
// content types, repeated, nested and missing fields, huge list indexes, hostile strings,
// unknown intents, ids of rows that do not exist, oversize bodies). None may answer 5xx.
// The rows it posts to are its own (a family, a competition, a round), never the demo's,
// which other tests read.
import { expect, test } from './support/fixtures';
import {
  MISSING_ID,
  buildRoutes,
  fuzzWorld,
  pickWith,
  seededRandom,
  sessions,
  statusSummary,
} from './support/route-fuzz';

const SEED = 20261206;
const MIN_REQUESTS = 1000;
const LARGE_BODY = 64 * 1024;

type Field = [name: string, value: string];

/** The fields and buttons of the forms on a page, as a browser would send them. */
function formFieldsOf(html: string): { fields: Field[]; intents: string[] } {
  const decode = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&#x27;|&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  const fields: Field[] = [];
  const intents = new Set<string>();
  for (const [tag] of html.matchAll(/<(?:input|select|textarea|button)\b[^>]*>/g)) {
    const name = /\sname="([^"]*)"/.exec(tag)?.[1];
    if (!name) continue;
    const value = decode(/\svalue="([^"]*)"/.exec(tag)?.[1] ?? '');
    if (name === 'intent') intents.add(value);
    else if (!fields.some(([n]) => n === name)) fields.push([decode(name), value]);
  }
  return { fields, intents: [...intents] };
}

const HOSTILE = [
  '',
  ' ',
  '\u0000',
  '\r\n',
  '%00',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '../../etc/passwd',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🧕🏽',
  'x'.repeat(5_000),
  '-1',
  '0',
  '0x10',
  '1e309',
  'NaN',
  'Infinity',
  '9007199254740993',
  '2026-02-30T25:61',
  'true',
  '[object Object]',
  '__proto__',
  '//evil.example',
  '/%09/evil.example',
];
const BAD_IDS = [MISSING_ID, '0x10', '0', '-1', '1e3', '1.5', '', 'abc', '99999999999999999999'];
const HUGE_INDEX_FIELDS = [
  'members.99999999.firstName',
  'items.99999999.unitPrice',
  'criteria.99999999.weight',
  'items.4294967295.points',
];

type Sent = { kind: string; body: Buffer | string; contentType?: string };

const urlencoded = (fields: Field[]) => new URLSearchParams(fields).toString();

function multipartOf(fields: Field[], file?: { name: string; bytes: Buffer }): Sent {
  const boundary = `----fuzz${fields.length}`;
  const parts = fields.map(
    ([name, value]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const chunks: Buffer[] = [Buffer.from(parts.join(''))];
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="f.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    kind: 'multipart',
    body: Buffer.concat(chunks),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** The malformed variants of one form; `random` picks values, names and shapes. */
function malformed(random: () => number, fields: Field[], intents: string[]): Sent[] {
  const pick = pickWith(random);
  const withIntent = (): Field[] =>
    intents.length > 0 ? [...fields, ['intent', pick(intents)]] : [...fields];
  const form = (kind: string, sent: Field[]): Sent => ({
    kind,
    body: urlencoded(sent),
    contentType: 'application/x-www-form-urlencoded',
  });
  const idLike = (name: string) => /ids?$/i.test(name);
  const base = withIntent();
  return [
    {
      kind: 'json',
      body: JSON.stringify(Object.fromEntries(base)),
      contentType: 'application/json',
    },
    { kind: 'text', body: urlencoded(base), contentType: 'text/plain' },
    { kind: 'no-type', body: urlencoded(base) },
    { kind: 'multipart-no-boundary', body: urlencoded(base), contentType: 'multipart/form-data' },
    {
      kind: 'garbage',
      body: Buffer.from(Array.from({ length: 200 }, () => Math.floor(random() * 256))),
      contentType: pick([
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/octet-stream',
      ]),
    },
    form(
      'repeated',
      base.flatMap(([name, value]) => [
        [name, value],
        [name, random() < 0.5 ? value : pick(HOSTILE)],
      ]),
    ),
    form(
      'nested',
      base.map(([name, value]) => [
        random() < 0.5 ? `${name}.0` : `${name}.${pick(['a', '0.b', '1'])}`,
        value,
      ]),
    ),
    // A row or a list sent as a single text: "items.0.name" → "items.0", "members.3" → "members".
    form(
      'reshaped',
      base.map(([name, value]): Field => [name.replace(/\.[^.]+$/, ''), value]),
    ),
    form('huge-index', [
      ...base.map(([name, value]): Field => [name.replace(/\.\d+\./g, '.99999999.'), value]),
      [pick(HUGE_INDEX_FIELDS), 'x'],
    ]),
    form(
      'missing',
      base.filter(() => random() < 0.4),
    ),
    form(
      'hostile',
      base.map(([name, value]) => [
        name,
        name === 'intent' || random() < 0.3 ? value : pick(HOSTILE),
      ]),
    ),
    form('unknown-intent', [...fields, ['intent', pick(['', 'x', 'delete-everything', '0'])]]),
    form(
      'bad-ids',
      base.map(([name, value]) => [
        name,
        idLike(name) || /locality/i.test(name) ? pick(BAD_IDS) : value,
      ]),
    ),
    form('oversize', [...base, ['padding', 'x'.repeat(1_100_000)]]),
    {
      kind: 'many-fields',
      body: `${urlencoded(base)}${'&f=1'.repeat(25_000)}`,
      contentType: 'application/x-www-form-urlencoded',
    },
    {
      ...multipartOf(base, {
        name: pick(['file', 'other']),
        bytes: random() < 0.5 ? Buffer.alloc(0) : Buffer.from('not really a png'),
      }),
      kind: 'multipart',
    },
  ];
}

test('no malformed post to any form answers a server error', async ({ playwright, baseURL }) => {
  // Hundreds of requests to every form of the portal: three times a journey's time (more on CI).
  test.slow();

  // The fuzz's own world.
  const { pairsOf } = await fuzzWorld();
  const { contextFor, disposeAll } = sessions(playwright, baseURL);

  const byStatus = new Map<number, number>();
  const serverErrors: string[] = [];
  let requests = 0;
  let resets = 0;
  const kinds = new Set<string>();
  const routes = await buildRoutes('action');
  expect(routes.length).toBeGreaterThan(20);

  // Every (address, person) pair gets a few variants in turn, so that all kinds are sent to
  // every form over the pairs while a run stays short.
  const pairs = pairsOf(routes);
  // The run's budget of posts, shared out evenly over the pairs.
  const budget = Math.max(MIN_REQUESTS + 50, pairs.length * 4);
  const firstOf = (pairIndex: number) => Math.floor((pairIndex * budget) / pairs.length);
  // Four pairs at a time; each pair draws from its own seeded sequence, so the requests sent
  // are the same on every run whatever order the answers come in.
  const fuzzPair = async (
    { route, target, identity }: (typeof pairs)[number],
    pairIndex: number,
  ) => {
    const random = seededRandom(SEED + pairIndex);
    // A fresh session each time: a form may sign her out or change her password.
    const context = await contextFor(identity);
    const page = await context.get(target);
    const { fields, intents } =
      page.status() === 200 ? formFieldsOf(await page.text()) : { fields: [], intents: [] };
    // The sign-in form is sent without a password, so the fuzz never counts as failed
    // sign-ins (the throttle would lock other tests out).
    const sendable = route.id.includes('login')
      ? fields.filter(([name]) => name !== 'password')
      : fields;
    const variants = malformed(random, sendable, intents);
    for (let n = firstOf(pairIndex); n < firstOf(pairIndex + 1); n++) {
      const sent = variants[n % variants.length]!;
      kinds.add(sent.kind);
      const data = typeof sent.body === 'string' ? Buffer.from(sent.body) : sent.body;
      requests++;
      let response;
      try {
        response = await context.post(target, {
          headers: sent.contentType ? { 'Content-Type': sent.contentType } : {},
          data,
          failOnStatusCode: false,
          timeout: 10_000,
        });
      } catch (error) {
        // A large body the server answers before reading (a redirect to sign in, a 413) may
        // be cut off while it is still being sent; a small one never may.
        const reset = /ECONNRESET|EPIPE/.test(String(error));
        if (!reset || data.byteLength < LARGE_BODY) throw error;
        resets++;
        continue;
      }
      const status = response.status();
      byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
      if (status >= 500) {
        const text = (await response.text()).slice(0, 200).replace(/\s+/g, ' ');
        serverErrors.push(
          `${status} ${sent.kind} ${target} as ${identity ? identity.name : 'visitor'}: ${text}`,
        );
      }
    }
    await context.dispose();
  };
  for (let start = 0; start < pairs.length; start += 4) {
    await Promise.all(pairs.slice(start, start + 4).map((pair, i) => fuzzPair(pair, start + i)));
  }
  await disposeAll();

  console.log(
    `malformed-forms fuzz (seed ${SEED}): ${requests} requests to ${routes.length} forms; by status ${statusSummary(byStatus)}; ${resets} large bodies cut off after an early answer`,
  );
  expect(requests).toBeGreaterThanOrEqual(MIN_REQUESTS);
  expect(kinds.size).toBe(malformed(seededRandom(SEED), [], []).length);
  expect(serverErrors).toEqual([]);
});
