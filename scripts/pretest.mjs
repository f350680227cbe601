#!/usr/bin/env node
/**
 * `npm test` first makes sure the browser tests can run on a fresh Debian machine: Debian's Chromium at
 * /usr/bin/chromium (installed with apt when missing — the tests never download a browser), and the
 * admin SPA built (admin/dist, rebuilt when older than its sources).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = '/usr/bin/chromium';

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write(`pretest: ${cmd} ${args.join(' ')} failed (${r.status ?? r.signal})\n`);
    process.exit(1);
  }
}

if (!existsSync(CHROMIUM)) {
  if (process.platform !== 'linux' || typeof process.getuid !== 'function') {
    process.stderr.write(`pretest: the browser tests need Chromium at ${CHROMIUM}.\n`);
    process.exit(1);
  }
  process.stdout.write('pretest: installing Debian Chromium for the browser tests (apt) …\n');
  const sudo = process.getuid() === 0 ? [] : ['sudo'];
  const apt = (...args) => (sudo.length ? run('sudo', ['apt-get', ...args]) : run('apt-get', args));
  apt('update');
  process.env.DEBIAN_FRONTEND = 'noninteractive';
  apt('install', '-y', '--no-install-recommends', 'chromium');
}

run(process.execPath, [join(root, 'scripts', 'ensure-admin-build.mjs')]);
if (!existsSync(join(root, 'admin', 'dist', 'index.html'))) {
  process.stderr.write('pretest: the admin SPA did not build; the browser tests need admin/dist.\n');
  process.exit(1);
}
