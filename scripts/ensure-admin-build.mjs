#!/usr/bin/env node
/**
 * `npm start` serves the built admin SPA (admin/dist). This builds it first when it is missing or older
 * than its sources (admin/ or the shared core), so a fresh clone needs no separate build step.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'admin', 'dist', 'index.html');

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const e of readdirSync(path)) {
    if (e === 'node_modules' || e === 'dist' || e.endsWith('.test.ts') || e.endsWith('.test.tsx')) continue;
    max = Math.max(max, newest(join(path, e)));
  }
  return max;
}

const sources = ['admin/src', 'admin/index.html', 'admin/public', 'admin/vite.config.ts', 'shared/src'].map(
  (p) => newest(join(root, p)),
);
const stale = !existsSync(built) || Math.max(...sources) > statSync(built).mtimeMs;
if (stale) {
  process.stdout.write('Jiandu: building the admin SPA (admin/dist) …\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', 'build', '-w', '@jiandu/admin'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write('Jiandu: the admin SPA did not build; the API still starts without it.\n');
  }
}
