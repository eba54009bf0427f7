// Prints the JavaScript each page loads, gzipped, from the Remix build's manifest (run
// `npx remix build` first): the entry, the root and the route modules with all their imports.
//   node scripts/page-js-size.mjs [route id …]
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
];

function chain(routeId) {
  const ids = [];
  for (let id = routeId; id; id = manifest.routes[id]?.parentId) ids.unshift(id);
  return ids;
}

const gzipped = new Map();
function gzipSize(url) {
  if (!gzipped.has(url)) {
    const file = path.join('public', url);
    gzipped.set(url, zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length);
  }
  return gzipped.get(url);
}

const routes = process.argv.slice(2).length ? process.argv.slice(2) : FAMILY_PAGES;
for (const routeId of routes) {
  if (!manifest.routes[routeId]) {
    console.log(`${routeId.padEnd(48)} (no such route)`);
    continue;
  }
  const files = new Set([manifest.entry.module, ...manifest.entry.imports]);
  for (const id of chain(routeId)) {
    const route = manifest.routes[id];
    files.add(route.module);
    for (const f of route.imports ?? []) files.add(f);
  }
  const total = [...files].reduce((sum, f) => sum + gzipSize(f), 0);
  console.log(
    `${routeId.padEnd(48)} ${(total / 1024).toFixed(1).padStart(7)} KB gzipped  (${files.size} files)`,
  );
}
