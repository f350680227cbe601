/**
 * Row 3 — quarterly ranking: computeDrafts (the rankings service: ONE paginated Query of the quarter's
 * aggregate partition, then scoreUnit/rankGroup over every peer group of the unit tree) against reading
 * the aggregates alone (the same Query, readAggregates). Two quarters of the same store and units hold
 * two record counts (this quarter the smaller, the previous quarter the larger), and the four operations
 * are measured interleaved in one loop, so drift of a busy machine hits both counts alike.
 *
 * Records beyond those the run really ingested are represented by their aggregates only: the findings
 * (each with the rectification it opens) are generated, their contributions computed with the core's own
 * `contributions` and folded, and the folded deltas ADDed through the store's aggregate codec in
 * transactions of 100 updates. Ranking reads aggregates, never records, so that is what it sees.
 */
import {
  type AggregateDelta,
  computeDeadline,
  contributions,
  findingFacts,
  foldDeltas,
  initialHorizon,
  minDate,
  type Quarter,
  quarterBounds,
  quarterKey,
  type RecordFacts,
} from '@jiandu/shared';
import { computeDrafts, readAggregates } from '../../functions/src/services/rankings/rankings.js';
import { addAggregateUpdate } from '../../functions/src/store/aggregate-codec.js';
import { MAX_TX_ITEMS, Tx } from '../../functions/src/store/tx.js';
import { findingInput } from './fixtures.js';
import { median, roundOrder } from './stats.js';
import type { World } from './world.js';

export interface RankingPoint {
  units: number;
  quarter: string;
  /** Findings the quarter's aggregates stand for (each with its rectification: twice as many records). */
  findings: number;
  /** Of which ingested for real through the service (records, events and aggregates). */
  realFindings: number;
  aggregates: number;
  groups: number;
  readMs: number;
  rankMs: number;
  /** rankMs / readMs */
  ratio: number;
}

const FOLD_CHUNK = 50_000;

/** Generated findings [from, from + count) of a quarter as folded aggregate deltas (counters only). */
async function bulkDeltas(
  w: World,
  quarter: Quarter,
  from: number,
  count: number,
): Promise<AggregateDelta[]> {
  const scheme = await w.deps.scheme();
  const ctx = { tree: await w.deps.units.tree(), scheme };
  const last = quarterBounds(quarter).last;
  const ictx = { unitIds: w.unitIds, quarter, lastDay: minDate(last, w.today) };
  let acc: AggregateDelta[] = [];
  for (let start = from; start < from + count; start += FOLD_CHUNK) {
    const chunk: AggregateDelta[] = [];
    for (let i = start; i < Math.min(from + count, start + FOLD_CHUNK); i++) {
      const f = findingInput(i, ictx);
      const deadline = computeDeadline(f.discoveredOn, scheme.rectification.defaultDeadline, scheme.calendar);
      const facts: RecordFacts[] = [
        findingFacts({ id: `g${i}`, unitId: f.unitId, severity: f.severity, discoveredOn: f.discoveredOn }),
        {
          kind: 'rectification',
          id: `gr${i}`,
          unitId: f.unitId,
          deadline,
          closedAt: null,
          horizon: initialHorizon(w.today, deadline),
        },
      ];
      for (const r of facts) chunk.push(...contributions(r, ctx));
    }
    acc = foldDeltas([...acc, ...foldDeltas(chunk)]);
  }
  return acc;
}

/** ADDs generated findings' contributions to the stored aggregates through the aggregate codec. */
export async function addBulkFindings(
  w: World,
  quarter: Quarter,
  from: number,
  count: number,
): Promise<void> {
  if (count <= 0) return;
  const deltas = await bulkDeltas(w, quarter, from, count);
  const txs: Tx[] = [];
  for (let i = 0; i < deltas.length; i += MAX_TX_ITEMS) {
    const tx = new Tx(w.deps.tableName);
    for (const d of deltas.slice(i, i + MAX_TX_ITEMS)) addAggregateUpdate(tx, d);
    txs.push(tx);
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < txs.length) await txs[next++]!.commit(w.deps.doc);
    }),
  );
}

/** Findings of a quarter as its aggregates count them. */
export async function findingsIn(w: World, quarter: string): Promise<number> {
  let n = 0;
  for (const a of (await readAggregates(w.deps, quarter)).values())
    n += a.findings.general + a.findings.serious + a.findings.grave;
  return n;
}

export interface QuarterLoad {
  quarter: Quarter;
  findings: number;
  realFindings: number;
}

/**
 * Median times of reading each quarter's aggregates and of ranking it, all interleaved in every
 * repetition (the quarters' order alternating), after `warmups` rounds that are not timed.
 */
export async function measureRanking(
  w: World,
  loads: readonly QuarterLoad[],
  opts: { reps: number; warmups: number },
): Promise<RankingPoint[]> {
  const keys = loads.map((l) => quarterKey(l.quarter));
  const read = (q: string) => readAggregates(w.deps, q);
  const rank = (q: string) => computeDrafts(w.deps, w.admin, q);
  const sizes = await Promise.all(
    keys.map(async (q) => ({ aggs: (await read(q)).size, groups: (await rank(q)).groups.length })),
  );
  const readMs: number[][] = keys.map(() => []);
  const rankMs: number[][] = keys.map(() => []);
  const indexes = keys.map((_, k) => k);
  for (let r = 0; r < opts.warmups + opts.reps; r++) {
    for (const k of roundOrder(indexes, r)) {
      let t0 = performance.now();
      await read(keys[k]!);
      const readTime = performance.now() - t0;
      t0 = performance.now();
      await rank(keys[k]!);
      const rankTime = performance.now() - t0;
      if (r < opts.warmups) continue;
      readMs[k]!.push(readTime);
      rankMs[k]!.push(rankTime);
    }
  }
  return loads.map((l, k) => {
    const readMedian = median(readMs[k]!);
    const rankMedian = median(rankMs[k]!);
    return {
      units: w.units.length,
      quarter: keys[k]!,
      findings: l.findings,
      realFindings: l.realFindings,
      aggregates: sizes[k]!.aggs,
      groups: sizes[k]!.groups,
      readMs: readMedian,
      rankMs: rankMedian,
      ratio: rankMedian / readMedian,
    };
  });
}
