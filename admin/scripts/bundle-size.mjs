#!/usr/bin/env node
/**
 * JavaScript a first visit loads, gzipped, from admin/dist (run `npm run build` first):
 *  - entry: index.html's entry script and its static imports (what the browser fetches before any route);
 *  - each first route: the entry plus that route's lazy chunks and their static imports
 *    (/signin for a new visitor, / — the shell and the home page — for a signed-in one).
 * The bar (DESIGN §8) is 300 KB for the first route; exits 1 above it.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
const BAR = 300 * 1024;

const gz = new Map();
function gzipped(file) {
  if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(join(dist, file)), { level: 9 }).length);
  return gz.get(file);
}

/** Files of a manifest chunk and of its static imports, transitively. */
function closure(key, out = new Set()) {
  const c = manifest[key];
  if (!c || out.has(c.file)) return out;
  out.add(c.file);
  for (const i of c.imports ?? []) closure(i, out);
  return out;
}

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
if (!entryKey) throw new Error('no entry in the manifest');
const routeKey = (name) => Object.keys(manifest).find((k) => k.endsWith(`src/app/${name}.tsx`));

const sets = {
  entry: closure(entryKey),
  'first route /signin': closure(routeKey('routes/signin'), closure(entryKey)),
  'first route / (shell + home)': closure(
    routeKey('routes/home'),
    closure(routeKey('layout/shell'), closure(entryKey)),
  ),
};

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
let worst = 0;
for (const [name, files] of Object.entries(sets)) {
  const js = [...files].filter((f) => f.endsWith('.js'));
  const total = js.reduce((s, f) => s + gzipped(f), 0);
  if (name !== 'entry') worst = Math.max(worst, total);
  console.log(`${name}: ${kb(total)} gzipped JavaScript in ${js.length} files`);
}
console.log(
  `first route, worst case: ${kb(worst)} (bar ${kb(BAR)}) — ${worst <= BAR ? 'within' : 'OVER'} the bar`,
);
process.exit(worst <= BAR ? 0 : 1);
