/**
 * The API process of the bench, run as a child (so its memory and CPU are its own, as under `npm start`):
 * the local stack's deps against an already running DynamoDB Local, createApp, @hono/node-server on a
 * free loopback port. It tells its parent the port over IPC, and on request computes a quarter's draft
 * ranking in this process (the ranking of the memory row).
 */
import { serve } from '@hono/node-server';
import { createApp } from '../../functions/src/app/app.js';
import type { Principal } from '../../functions/src/auth/principal.js';
import { readEnv } from '../../functions/src/env.js';
import { startLocalStack } from '../../functions/src/local/stack.js';
import { computeDrafts } from '../../functions/src/services/rankings/rankings.js';

export type ToApi =
  | { type: 'rank'; quarter: string; principal: Principal }
  | { type: 'memory' }
  | { type: 'stop' };
export type FromApi =
  | { type: 'listening'; port: number }
  | { type: 'ranked'; ms: number; groups: number }
  | { type: 'memory'; usage: NodeJS.MemoryUsage }
  | { type: 'failed'; message: string };

const [endpoint, dataDir, tableName] = process.argv.slice(2);
const send = (m: FromApi) => process.send?.(m);

async function main() {
  if (!endpoint || !dataDir || !tableName) throw new Error('usage: api-server <endpoint> <dataDir> <table>');
  const env = readEnv({ DYNAMODB_ENDPOINT: endpoint, DATA_DIR: dataDir, TABLE_NAME: tableName });
  const stack = await startLocalStack(env);
  let errors = 0;
  const app = await createApp(stack.deps, {
    log: (e) => {
      if (errors++ < 5) console.error('bench api error:', e);
    },
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
    send({ type: 'listening', port: info.port }),
  );
  process.on('message', async (m: ToApi) => {
    if (m.type === 'stop') {
      server.close();
      await stack.stop();
      process.exit(0);
    }
    if (m.type === 'memory') return send({ type: 'memory', usage: process.memoryUsage() });
    try {
      const t0 = performance.now();
      const drafts = await computeDrafts(stack.deps, m.principal, m.quarter);
      send({ type: 'ranked', ms: performance.now() - t0, groups: drafts.groups.length });
    } catch (e) {
      send({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  });
  process.on('disconnect', () => process.exit(0));
}

main().catch((e) => {
  send({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
  process.exit(1);
});
