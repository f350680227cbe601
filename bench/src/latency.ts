/**
 * Row 2 — single-record write latency: POST /api/v1/findings at 20 concurrent connections (autocannon)
 * against the same single transaction (finding + event + rectification + event + aggregate updates) sent
 * directly with the SDK by 20 concurrent workers. Both sides send the same count of writes; halves in the
 * order direct, API, API, direct.
 */
import { createFinding } from '../../functions/src/services/findings/findings.js';
import { capturingDeps, type RecordedTx, sendTx } from './capture.js';
import { findingInput } from './fixtures.js';
import { httpLoad, type LoadResult, workerLoad } from './load.js';
import { type LatencySummary, perSecond, summarize } from './stats.js';
import type { World } from './world.js';

export const CONCURRENCY = 20;

export interface LatencyRow {
  store: World['label'];
  writes: number;
  api: LatencySummary & { perSecond: number };
  direct: LatencySummary & { perSecond: number };
  /** API p99 / direct p99. */
  ratio: number;
}

type Cursor = { next: number };

const input = (w: World, cursor: Cursor) =>
  findingInput(cursor.next++, { unitIds: w.unitIds, quarter: w.quarter, lastDay: w.today });

async function record(w: World, cursor: Cursor, n: number): Promise<RecordedTx[]> {
  const cap = capturingDeps(w.deps);
  for (let i = 0; i < n; i++) await createFinding(cap.deps, w.inspector, input(w, cursor) as never, null);
  const txs = cap.take();
  if (txs.length !== n) throw new Error(`recorded ${txs.length} transactions for ${n} findings`);
  return txs;
}

function check(what: string, r: LoadResult, n: number): LoadResult {
  if (r.errors > 0 || r.non2xx > 0 || r.latencies.length !== n) {
    throw new Error(
      `${what}: ${r.latencies.length} of ${n} writes, ${r.non2xx} non-2xx, ${r.errors} errors ${r.firstError ?? ''}`,
    );
  }
  return r;
}

const api = (w: World, cursor: Cursor, n: number) =>
  httpLoad({
    url: `${w.api.url}/api/v1/findings`,
    token: w.token,
    connections: CONCURRENCY,
    bodies: Array.from({ length: n }, () => JSON.stringify(input(w, cursor))),
  }).then((r) => check('API single writes', r, n));

const direct = (w: World, txs: RecordedTx[]) =>
  workerLoad(txs, CONCURRENCY, (tx) => sendTx(w.deps.doc, tx)).then((r) =>
    check('direct single writes', r, txs.length),
  );

function merged(a: LoadResult, b: LoadResult): LatencySummary & { perSecond: number } {
  const all = [...a.latencies, ...b.latencies];
  return { ...summarize(all), perSecond: perSecond(all.length, a.elapsedMs + b.elapsedMs) };
}

export async function benchLatency(
  w: World,
  opts: { writes: number; log: (s: string) => void },
): Promise<LatencyRow> {
  const half = Math.max(CONCURRENCY, Math.floor(opts.writes / 2));
  const cursor = { next: 1_000_000_000 };
  // Warm both paths (JIT, connection pools, the API's unit directory) before anything is measured.
  await api(w, cursor, 2 * CONCURRENCY);
  await direct(w, await record(w, cursor, 2 * CONCURRENCY));
  const recorded = await record(w, cursor, 2 * half);
  const d1 = await direct(w, recorded.slice(0, half));
  const a1 = await api(w, cursor, half);
  const a2 = await api(w, cursor, half);
  const d2 = await direct(w, recorded.slice(half));
  const apiSide = merged(a1, a2);
  const directSide = merged(d1, d2);
  opts.log(
    `API p50 ${apiSide.p50.toFixed(1)} p99 ${apiSide.p99.toFixed(1)} ms; direct p50 ${directSide.p50.toFixed(1)} p99 ${directSide.p99.toFixed(1)} ms`,
  );
  return {
    store: w.label,
    writes: 4 * half,
    api: apiSide,
    direct: directSide,
    ratio: apiSide.p99 / directSide.p99,
  };
}
