/**
 * `npm start`: DynamoDB Local on disk under .data/, the table, the demo on first run, and the API, the
 * docs and the admin SPA on one port (PORT, default 3000). Ctrl-C stops the server and the store.
 */
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../app/app.js';
import { readEnv } from '../env.js';
import { startScheduler } from '../scheduler/local-scheduler.js';
import { isSeeded, seedDemo } from '../seed/demo.js';
import {
  ensureFirstAdministrators,
  ensureFirstSsoAdministrators,
} from '../services/accounts/first-administrators.js';
import { startLocalStack } from './stack.js';
import { mountStatic } from './static.js';

const say = (s: string) => process.stdout.write(`${s}\n`);

async function main() {
  const env = readEnv();
  let seedNow: number | null = null;
  say('Jiandu: starting DynamoDB Local (official jar, -disableTelemetry, heap 256 MB) …');
  const stack = await startLocalStack(env, { clock: () => seedNow ?? Date.now() });
  const { deps } = stack;
  const app = await createApp(deps);
  mountStatic(app, resolve(import.meta.dirname, '../../../admin/dist'));
  const demo = env.JIANDU_DEMO === '1';
  const seeded = await isSeeded(deps);
  if (demo && !seeded) {
    say('Jiandu: first run — seeding the demo (示范市) …');
    const t0 = Date.now();
    await seedDemo(deps, app, { set: (ms) => (seedNow = ms) }, (s) => say(`  ${s}`));
    say(`Jiandu: demo seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  if (!demo && env.JIANDU_FIRST_ADMINS) {
    // Single sign-on: the first administrators are the identity provider's accounts, with no password.
    const first = await ensureFirstSsoAdministrators(deps, env.JIANDU_FIRST_ADMINS);
    for (const a of first)
      say(`Jiandu: first ${a.name} — ${a.username}, signs in through the identity provider`);
  } else if (!demo) {
    // No demo users (their password is published): the first administrators, with one-time passwords
    // shown here once (they are stored only as hashes) and changed at first sign-in.
    const first = await ensureFirstAdministrators(deps);
    for (const a of first)
      say(`Jiandu: first ${a.name} — username ${a.username}, one-time password ${a.password}`);
    if (first.length > 0) say('         (shown once; each must be changed at first sign-in)');
  }
  // Schedules run in-process (croner, the scheme's zone); at start every missed occurrence is caught up.
  const scheduler = await startScheduler(deps, { log: (s) => say(`Jiandu: ${s}`) });
  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: '127.0.0.1' }, (info) => {
    say('');
    say(`Jiandu is running: http://localhost:${info.port}/`);
    say(`  API docs:  http://localhost:${info.port}/api/docs   (OpenAPI: /api/openapi.json)`);
    say(
      `  Store:     DynamoDB Local at ${stack.store?.endpoint ?? env.DYNAMODB_ENDPOINT}, data in ${resolve(env.DATA_DIR)}`,
    );
    say('             (listening on 127.0.0.1 only; data directory 0700, files 0600; identities encrypted)');
    if (demo || seeded) {
      say('  Demo sign-ins (password demo1234 — a demo only; JIANDU_DEMO=0 with a fresh DATA_DIR has none):');
      say(
        '    admin · security · auditor · leader (viewer) · city-supervisor · supervisor · xichuan-supervisor · inspector · reviewer1 · reviewer2 · officer (unit officer, 青松镇) · yunxi-supervisor (云溪县, moved in from spreadsheets)',
      );
    }
    say('  Ctrl-C stops it; the data stays for the next npm start.');
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    scheduler.stop();
    say('\nJiandu: stopping …');
    await new Promise<void>((r) => server.close(() => r()));
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error('Jiandu could not start:', e instanceof Error ? e.message : e);
  process.exit(1);
});
