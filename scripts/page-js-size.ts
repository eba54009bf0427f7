// Prints the JavaScript each page loads, gzipped, from the Remix build's manifest (run
// `npx remix build` first): the entry, the root and the route modules with all their imports.
//   npx tsx scripts/page-js-size.ts [route id …]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const buildDir = path.resolve('public/build');
const manifestFile = fs.readdirSync(buildDir).find((f) => /^manifest-.*\.js$/.test(f));
if (!manifestFile) throw new Error('No build: run `npx remix build` first');
const source = fs.readFileSync(path.join(buildDir, manifestFile), 'utf8');
const manifest = JSON.parse(source.slice(source.indexOf('{'), source.lastIndexOf('}') + 1));

const FAMILY_PAGES = [
  'routes/login',
  'routes/signup',
  'routes/applications._index',
  'routes/household',
  'routes/applications.$applicationId.edit.$step',
  'routes/applications.$applicationId._index',
  'routes/competitions._index',
  'routes/competitions.$competitionId',
  'routes/grants.$grantId._index',
  'routes/grants.$grantId.report',
];

type Manifest = {
  entry: { module: string; imports: string[] };
  routes: Record<string, { module: string; imports?: string[]; parentId?: string }>;
};
const typed = manifest as Manifest;

function chain(routeId: string) {
  const ids: string[] = [];
  for (let id: string | undefined = routeId; id; id = typed.routes[id]?.parentId) ids.unshift(id);
  return ids;
}

const gzipped = new Map<string, number>();
function gzipSize(url: string): number {
  if (!gzipped.has(url)) {
    const file = path.join('public', url);
    gzipped.set(url, zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length);
  }
  return gzipped.get(url)!;
}

const routes = process.argv.slice(2).length ? process.argv.slice(2) : FAMILY_PAGES;
for (const routeId of routes) {
  if (!typed.routes[routeId]) {
    console.log(`${routeId.padEnd(48)} (no such route)`);
    continue;
  }
  const files = new Set([typed.entry.module, ...typed.entry.imports]);
  for (const id of chain(routeId)) {
    const route = typed.routes[id]!;
    files.add(route.module);
    for (const f of route.imports ?? []) files.add(f);
  }
  const total = [...files].reduce((sum, f) => sum + gzipSize(f), 0);
  console.log(
    `${routeId.padEnd(48)} ${(total / 1024).toFixed(1).padStart(7)} KB gzipped  (${files.size} files)`,
  );
}
