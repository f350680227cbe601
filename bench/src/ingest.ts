/**
 * Row 1 — batch ingestion: 1000-finding batches POSTed to /api/v1/findings/batch by several concurrent
 * clients, against the same transactional writes sent directly with the SDK by as many workers (each
 * batch's transactions one after the other, as the service sends them). Halves in the order
 * direct, API, API, direct, so a store that slows as it fills does not favour either side.
 */
import { ingestFindings } from '../../functions/src/services/findings/findings.js';
import { keys } from '../../functions/src/store/keys.js';
import { capturingDeps, type RecordedTx, sendTx } from './capture.js';
import { findingInput } from './fixtures.js';
import { httpLoad, type LoadResult, workerLoad } from './load.js';
import { perSecond } from './stats.js';
import type { World } from './world.js';

export const BATCH = 1000;

export interface Throughput {
  items: number;
  ms: number;
  perSecond: number;
}

export interface IngestionRow {
  store: World['label'];
  clients: number;
  batches: number;
  api: Throughput;
  direct: Throughput;
  ratio: number;
}

export type Cursor = { next: number };

/** A batch of findings; with a prefix they carry natural keys (source + externalId), as a system sends them. */
function batchOf(w: World, cursor: Cursor, prefix: string | null) {
  const items = [];
  for (let k = 0; k < BATCH; k++) {
    items.push(
      findingInput(cursor.next++, {
        unitIds: w.unitIds,
        quarter: w.quarter,
        lastDay: w.today,
        ...(prefix ? { externalPrefix: prefix } : {}),
      }),
    );
  }
  return items;
}

/** Findings ingested through the API; every item must be accepted. */
export async function apiBatches(
  w: World,
  cursor: Cursor,
  batches: number,
  clients: number,
  prefix: string | null = 'api',
): Promise<Throughput> {
  if (batches === 0) return { items: 0, ms: 0, perSecond: Number.NaN };
  const bodies = Array.from({ length: batches }, () => JSON.stringify({ items: batchOf(w, cursor, prefix) }));
  let accepted = 0;
  const r = await httpLoad({
    url: `${w.api.url}/api/v1/findings/batch`,
    token: w.token,
    connections: clients,
    bodies,
    timeoutS: 600,
    onBody: (status, body) => {
      if (status !== 200) return;
      for (const item of (JSON.parse(body) as { items: { status: string }[] }).items) {
        if (item.status === 'accepted') accepted++;
      }
    },
  });
  assertClean('API batch ingestion', r, accepted, batches * BATCH);
  return { items: accepted, ms: r.elapsedMs, perSecond: perSecond(accepted, r.elapsedMs) };
}

/** The service's own transactions for `batches` batches, recorded (not sent). */
async function recordBatches(w: World, cursor: Cursor, batches: number): Promise<RecordedTx[][]> {
  const out: RecordedTx[][] = [];
  for (let b = 0; b < batches; b++) {
    const items = batchOf(w, cursor, 'sdk');
    const fresh = new Set(items.map((f) => keys.natural('finding', f.source, f.externalId!).pk));
    const cap = capturingDeps(w.deps, fresh);
    const results = await ingestFindings(cap.deps, w.inspector, items);
    if (results.some((r) => r.status !== 'accepted'))
      throw new Error('a recorded batch item was not accepted');
    out.push(cap.take());
  }
  return out;
}

async function directBatches(w: World, recorded: RecordedTx[][], clients: number): Promise<Throughput> {
  const r = await workerLoad(recorded, clients, async (txs) => {
    for (const tx of txs) await sendTx(w.deps.doc, tx);
  });
  const items = (recorded.length - r.errors) * BATCH;
  assertClean('direct batch ingestion', r, items, recorded.length * BATCH);
  return { items, ms: r.elapsedMs, perSecond: perSecond(items, r.elapsedMs) };
}

function assertClean(what: string, r: LoadResult, got: number, want: number) {
  if (r.errors > 0 || r.non2xx > 0 || got !== want) {
    throw new Error(
      `${what}: ${got} of ${want} items accepted, ${r.non2xx} non-2xx, ${r.errors} errors ${r.firstError ?? ''}`,
    );
  }
}

const sum = (a: Throughput, b: Throughput): Throughput => ({
  items: a.items + b.items,
  ms: a.ms + b.ms,
  perSecond: perSecond(a.items + b.items, a.ms + b.ms),
});

export async function benchIngestion(
  w: World,
  opts: { batchesPerSide: number; clients: number; log: (s: string) => void },
): Promise<IngestionRow> {
  const half = Math.max(1, Math.floor(opts.batchesPerSide / 2));
  const cursor = { next: 0 };
  opts.log(`recording the service's transactions for ${2 * half + 1} direct batches …`);
  const [warm, ...recorded] = await recordBatches(w, cursor, 2 * half + 1);
  // Warm both paths (the JVM's JIT above all) before anything is timed.
  await directBatches(w, [warm!], 1);
  await apiBatches(w, cursor, 1, 1, 'warm');
  const d1 = await directBatches(w, recorded.slice(0, half), opts.clients);
  opts.log(`direct ${Math.round(d1.perSecond)} items/s`);
  const a1 = await apiBatches(w, cursor, half, opts.clients);
  opts.log(`API ${Math.round(a1.perSecond)} items/s`);
  const a2 = await apiBatches(w, cursor, half, opts.clients);
  opts.log(`API ${Math.round(a2.perSecond)} items/s`);
  const d2 = await directBatches(w, recorded.slice(half), opts.clients);
  opts.log(`direct ${Math.round(d2.perSecond)} items/s`);
  const api = sum(a1, a2);
  const direct = sum(d1, d2);
  return {
    store: w.label,
    clients: opts.clients,
    batches: 4 * half,
    api,
    direct,
    ratio: api.perSecond / direct.perSecond,
  };
}
