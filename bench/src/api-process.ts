/** Starts and drives the bench's API child process (api-server.ts) through its IPC channel. */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Principal } from '../../functions/src/auth/principal.js';
import type { FromApi, ToApi } from './api-server.js';

export interface ApiProcess {
  pid: number;
  url: string;
  /** Computes a quarter's draft ranking inside the API process; resolves with its time. */
  rank(quarter: string, principal: Principal): Promise<{ ms: number; groups: number }>;
  /** process.memoryUsage() of the API process (V8 heap, external, array buffers, RSS). */
  memory(): Promise<NodeJS.MemoryUsage>;
  stop(): Promise<void>;
}

function nextMessage(child: ChildProcess, want: FromApi['type'], timeoutMs: number): Promise<FromApi> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => done(new Error(`the API process did not answer '${want}' in time`)),
      timeoutMs,
    );
    const onMessage = (m: FromApi) => {
      if (m.type === want) done(null, m);
      else if (m.type === 'failed') done(new Error(`the API process failed: ${m.message}`));
    };
    const onExit = (code: number | null) =>
      done(new Error(`the API process exited (${code}) before '${want}'`));
    const done = (err: Error | null, m?: FromApi) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (err) reject(err);
      else resolve(m!);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

export async function startApiProcess(
  endpoint: string,
  dataDir: string,
  tableName: string,
): Promise<ApiProcess> {
  const entry = fileURLToPath(new URL('./api-server.ts', import.meta.url));
  const child = fork(entry, [endpoint, dataDir, tableName], {
    // The API's heap cap, as `npm start` runs it (DESIGN §8: the local stack ≤ 600 MB): 137 MB of V8 heap
    // was in use after the 100,000-record load and a ranking, so 192 MB old space leaves room; 8 MB
    // semi-spaces (default 16) halve the young generation.
    execArgv: ['--max-old-space-size=192', '--max-semi-space-size=8', '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const listening = await nextMessage(child, 'listening', 60_000);
  const port = listening.type === 'listening' ? listening.port : 0;
  const send = (m: ToApi) => child.send(m);
  return {
    pid: child.pid!,
    url: `http://127.0.0.1:${port}`,
    async rank(quarter, principal) {
      const answer = nextMessage(child, 'ranked', 120_000);
      send({ type: 'rank', quarter, principal });
      const m = await answer;
      return m.type === 'ranked' ? { ms: m.ms, groups: m.groups } : { ms: Number.NaN, groups: 0 };
    },
    async memory() {
      const answer = nextMessage(child, 'memory', 10_000);
      send({ type: 'memory' });
      const m = await answer;
      if (m.type !== 'memory') throw new Error('the API process did not report its memory');
      return m.usage;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      send({ type: 'stop' });
      const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(kill);
    },
  };
}
