/**
 * The incremental daily verify (issue 18): instead of reading the whole table every day, read the records
 * the change feed (change-feed.ts) marked since the last run, recompute only their chains, and carry every
 * other head — and every chain still broken — from the last run's checkpoint. The digest is the same
 * digest of all heads a full verify computes, so the two agree by construction on an untouched ledger.
 *
 * A full verify still runs when there is no checkpoint, and every FULL_EVERY_DAYS days: it re-reads what
 * the feed would not show (a marker lost to a stream outage beyond its 24 hours, a checkpoint tampered
 * with). Each run leaves a new checkpoint generation (chunks, then the pointer: a run that dies midway
 * leaves the last complete one in force); old generations expire by TTL.
 */
import { type ChainHead, digestOfHeads } from '@jiandu/shared';
import { CHANGE_SHARDS, keys, partitions } from '../../store/keys.js';
import { getItem, putAll, putItem, readPartition, type TableRef } from '../../store/table-ops.js';
import { utcDay } from './change-feed.js';
import {
  type BrokenLink,
  ChainItems,
  sortBroken,
  type VerifyReport,
  verifyLedger,
  verifyRecords,
} from './verify.js';

type Store = TableRef;

export const FULL_EVERY_DAYS = 7;
const DAY_MS = 86_400_000;
/** Characters of heads per checkpoint item (DynamoDB's item limit is 400 KB). */
const CHUNK_CHARS = 300_000;
const CHECKPOINT_TTL_DAYS = 40;
const POINTER = keys.meta('verify-checkpoint');

export interface Checkpoint {
  /** The run the checkpoint is of, and the last full run (ms). */
  at: number;
  fullAt: number;
  heads: ChainHead[];
  /** Chains found broken: they stay broken until a run reads them verified. */
  broken: BrokenLink[];
}

export type VerifyMode = 'full' | 'incremental';

export interface DigestRun {
  mode: VerifyMode;
  report: VerifyReport;
  /** Records read and recomputed (all of them on a full run). */
  changed: number;
}

const lines = (cp: Checkpoint): string[] => [
  ...cp.heads.map((h) => `H\t${h.recordKey}\t${h.seq}\t${h.hash}`),
  ...cp.broken.map((b) => `B\t${b.recordKey}\t${b.seq}\t${b.reason}`),
];

export async function saveCheckpoint(deps: Store, cp: Checkpoint): Promise<void> {
  const generation = String(cp.at);
  const ttl = Math.floor(cp.at / 1000) + CHECKPOINT_TTL_DAYS * 86_400;
  const chunks: string[] = [];
  let current = '';
  for (const line of lines(cp)) {
    if (current.length + line.length + 1 > CHUNK_CHARS && current) {
      chunks.push(current);
      current = '';
    }
    current += `${line}\n`;
  }
  if (current) chunks.push(current);
  const items = chunks.map((data, n) => ({ ...keys.verifiedHeads(generation, n), data, ttl }));
  await putAll(deps, items);
  await putItem(deps, { ...POINTER, generation, at: cp.at, fullAt: cp.fullAt, chunks: chunks.length });
}

export async function loadCheckpoint(deps: Store): Promise<Checkpoint | null> {
  const pointer = await getItem(deps, POINTER);
  if (!pointer) return null;
  const data: string[] = [];
  for (const item of await readPartition(deps, partitions.verifiedHeads(String(pointer.generation))))
    data.push(String(item.data));
  if (data.length !== Number(pointer.chunks)) return null; // expired or incomplete: run full
  const cp: Checkpoint = { at: Number(pointer.at), fullAt: Number(pointer.fullAt), heads: [], broken: [] };
  for (const line of data.join('').split('\n')) {
    const [kind, recordKey = '', seq = '0', rest = ''] = line.split('\t');
    if (kind === 'H') cp.heads.push({ recordKey, seq: Number(seq), hash: rest });
    else if (kind === 'B') cp.broken.push({ recordKey, seq: Number(seq), reason: rest });
  }
  return cp;
}

/** The records the change feed marked from the day before the checkpoint's up to `now`'s day (UTC). */
export async function changedSince(deps: Store, sinceMs: number, now: number): Promise<Set<string>> {
  const out = new Set<string>();
  for (let day = Date.parse(`${utcDay(sinceMs - DAY_MS)}T00:00:00Z`); day <= now; day += DAY_MS) {
    for (let shard = 0; shard < CHANGE_SHARDS; shard++) {
      for (const item of await readPartition(deps, partitions.changed(utcDay(day), shard)))
        out.add(String(item.sk));
    }
  }
  return out;
}

/** Reads and recomputes the changed records only; the other heads and broken chains come from `cp`. */
export async function verifyIncremental(
  deps: Store,
  cp: Checkpoint,
  now: number,
): Promise<{ report: VerifyReport; changed: number }> {
  const changed = await changedSince(deps, cp.at, now);
  const items = new ChainItems();
  const queue = [...changed];
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let k = queue.pop(); k !== undefined; k = queue.pop())
        for (const item of await readPartition(deps, partitions.table(k))) items.add(item);
    }),
  );
  const fresh = verifyRecords(
    items,
    [...changed].filter((k) => items.recordKeys.has(k)),
  );
  const heads = new Map(cp.heads.map((h) => [h.recordKey, h]));
  const broken = new Map(cp.broken.map((b) => [b.recordKey, b]));
  for (const k of changed) {
    heads.delete(k);
    broken.delete(k);
  }
  for (const h of fresh.heads) heads.set(h.recordKey, h);
  for (const b of fresh.broken) broken.set(b.recordKey, b);
  const all = [...heads.values()];
  return {
    report: {
      records: heads.size + broken.size,
      events: items.eventCount,
      broken: sortBroken([...broken.values()]),
      heads: all,
      digest: digestOfHeads(all),
    },
    changed: changed.size,
  };
}

/**
 * The verify of the daily digest: incremental from the last checkpoint when there is one and the last
 * full run is less than FULL_EVERY_DAYS old, full otherwise (or when `mode` says so); leaves a checkpoint.
 */
export async function verifyForDigest(
  deps: Store,
  now: number,
  opts: { mode?: VerifyMode | 'auto'; fullEveryDays?: number } = {},
): Promise<DigestRun> {
  const cp = opts.mode === 'full' ? null : await loadCheckpoint(deps);
  const due = cp !== null && now - cp.fullAt >= (opts.fullEveryDays ?? FULL_EVERY_DAYS) * DAY_MS;
  let run: DigestRun;
  if (cp && !due && opts.mode !== 'full') {
    const { report, changed } = await verifyIncremental(deps, cp, now);
    run = { mode: 'incremental', report, changed };
  } else {
    const report = await verifyLedger(deps);
    run = { mode: 'full', report, changed: report.heads.length + report.broken.length };
  }
  await saveCheckpoint(deps, {
    at: now,
    fullAt: run.mode === 'full' ? now : (cp?.fullAt ?? now),
    heads: run.report.heads,
    broken: run.report.broken,
  });
  return run;
}
