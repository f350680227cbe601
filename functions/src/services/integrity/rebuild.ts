/**
 * Rebuild (DESIGN §5): the per-unit-per-quarter aggregates recomputed from the stored records alone, with
 * the core's `rebuild` over the facts of every finding, petition, signal, rectification and indicator,
 * compared with the stored AGG items; `fix` writes the rebuilt values (as deltas, so a write racing the
 * fix still adds up).
 */

import {
  type AggregateDelta,
  type AggregateMap,
  aggregateKey,
  COUNTERS,
  canonicalJson,
  type Finding,
  findingFacts,
  type Indicator,
  indicatorFacts,
  isEmptyAggregate,
  type Petition,
  petitionFacts,
  type RecordFacts,
  type Rectification,
  readCounter,
  rebuild,
  rectificationFacts,
  type Signal,
  signalFacts,
  type UnitQuarterAggregate,
} from '@jiandu/shared';
import type { Deps } from '../../app/deps.js';
import { addAggregateUpdate, aggregateFromItem } from '../../store/aggregate-codec.js';
import { keys, type RecordType, STATE_SK } from '../../store/keys.js';
import { reindexOf } from '../../store/list-index.js';
import { RecordStore, type StoredRecord } from '../../store/record-store.js';
import { scanTable, updateAtVersion } from '../../store/table-ops.js';
import { Tx } from '../../store/tx.js';

/** The record types whose facts feed the aggregates. */
export const FACT_TYPES: readonly RecordType[] = [
  'finding',
  'petition',
  'signal',
  'rectification',
  'indicator',
];

/**
 * The aggregate facts of a stored record (null for types that do not score). A rectification's facts
 * need its horizon, kept on the state item next to the record (pass the item's `horizon`).
 */
export function factsOf(
  rec: Pick<StoredRecord<unknown>, 'type' | 'data'> & { horizon?: string | null },
): RecordFacts | null {
  switch (rec.type) {
    case 'finding':
      return findingFacts(rec.data as Finding);
    case 'petition':
      return petitionFacts(rec.data as Petition);
    case 'signal':
      return signalFacts(rec.data as Signal);
    case 'indicator':
      return indicatorFacts(rec.data as Indicator);
    case 'rectification': {
      if (!rec.horizon) throw new Error(`rectification ${(rec.data as Rectification).id} has no horizon`);
      return rectificationFacts(rec.data as Rectification, rec.horizon);
    }
    default:
      return null;
  }
}

/** The facts of a raw state item of the table (null for anything that is not a scoring record). */
export function factsOfItem(item: Record<string, unknown>): RecordFacts | null {
  if (item.sk !== STATE_SK || !FACT_TYPES.includes(item.type as RecordType)) return null;
  const rec = RecordStore.fromItem<unknown>(item);
  return factsOf({ ...rec, horizon: (item.horizon as string | undefined) ?? null });
}

export interface AggregateDifference {
  unitId: string;
  quarter: string;
  stored: UnitQuarterAggregate | null;
  rebuilt: UnitQuarterAggregate | null;
}

export interface RebuildReport {
  records: number;
  aggregates: { stored: number; rebuilt: number };
  differences: AggregateDifference[];
  fixed: number;
}

const same = (a: UnitQuarterAggregate | null, b: UnitQuarterAggregate | null): boolean =>
  canonicalJson(a) === canonicalJson(b);

/** The delta that turns `from` into `to` (counters added, task lines set or removed). */
function deltaBetween(
  unitId: string,
  quarter: string,
  from: UnitQuarterAggregate | null,
  to: UnitQuarterAggregate | null,
): AggregateDelta {
  const d: AggregateDelta = { unitId, quarter, counters: {}, tasks: {} };
  for (const c of COUNTERS) {
    const v = (to ? readCounter(to, c) : 0) - (from ? readCounter(from, c) : 0);
    if (v !== 0) d.counters[c] = v;
  }
  for (const id of Object.keys(from?.tasks ?? {})) if (!to?.tasks[id]) d.tasks[id] = null;
  for (const [id, line] of Object.entries(to?.tasks ?? {})) d.tasks[id] = line;
  return d;
}

/**
 * The stored aggregates (by aggregateKey, empty ones left out) and the core's rebuild over the facts of
 * every stored scoring record, from one scan of the table.
 */
export async function storedAndRebuiltMaps(
  deps: Deps,
  scan: { segments?: number; consistent?: boolean } = {},
): Promise<{ records: number; stored: AggregateMap; rebuilt: AggregateMap }> {
  const facts: RecordFacts[] = [];
  const stored: AggregateMap = new Map();
  const onItem = (item: Record<string, unknown>) => {
    if (String(item.pk).startsWith(keys.aggregatePrefix)) {
      const a = aggregateFromItem(item);
      if (!isEmptyAggregate(a)) stored.set(aggregateKey(a.unitId, a.quarter), a);
      return;
    }
    const f = factsOfItem(item);
    if (f) facts.push(f);
  };
  await scanTable(deps, onItem, scan.segments, scan.consistent);
  const rebuilt = rebuild(facts, { tree: await deps.units.tree(), scheme: await deps.scheme() });
  return { records: facts.length, stored, rebuilt };
}

/** Rebuilds every aggregate from the records, compares with the stored ones, and fixes them if asked. */
export async function rebuildAggregates(deps: Deps, opts: { fix?: boolean } = {}): Promise<RebuildReport> {
  const { records, stored, rebuilt } = await storedAndRebuiltMaps(deps);
  const differences: AggregateDifference[] = [];
  for (const k of new Set([...stored.keys(), ...rebuilt.keys()])) {
    const s = stored.get(k) ?? null;
    const r = rebuilt.get(k) ?? null;
    if (!same(s, r)) {
      const [unitId, quarter] = k.split('|') as [string, string];
      differences.push({ unitId, quarter, stored: s, rebuilt: r });
    }
  }
  differences.sort((a, b) =>
    a.quarter < b.quarter ? -1 : a.quarter > b.quarter ? 1 : a.unitId < b.unitId ? -1 : 1,
  );
  let fixed = 0;
  if (opts.fix) {
    for (let i = 0; i < differences.length; i += 50) {
      const tx = new Tx(deps.tableName);
      for (const d of differences.slice(i, i + 50))
        addAggregateUpdate(tx, deltaBetween(d.unitId, d.quarter, d.stored, d.rebuilt));
      await tx.commit(deps.doc);
      fixed += Math.min(50, differences.length - i);
    }
  }
  return {
    records,
    aggregates: { stored: stored.size, rebuilt: rebuilt.size },
    differences,
    fixed,
  };
}

export interface ReindexReport {
  /** Record state items read. */
  records: number;
  /** Of which carried list index attributes other than their record's (`reindexOf`). */
  stale: number;
  /** Of which rewritten (with `fix`; a record written meanwhile re-indexed itself and is not counted). */
  fixed: number;
}

/**
 * The list index attributes of every record re-derived from its type, data, list sort value and unit
 * path (`indexAttributes`): the items written under older keys (the type-wide gsi1 list before the
 * jurisdiction lists) are counted and, with `fix`, rewritten — conditioned on their version, so a write
 * racing the rebuild keeps its own.
 */
export async function reindexRecords(deps: Deps, opts: { fix?: boolean } = {}): Promise<ReindexReport> {
  const pending: {
    key: { pk: string; sk: string };
    version: number;
    set: Record<string, unknown>;
    remove: string[];
  }[] = [];
  let records = 0;
  await scanTable(deps, (item) => {
    if (item.sk !== STATE_SK || typeof item.type !== 'string') return;
    records++;
    const r = reindexOf(item);
    if (r) pending.push({ key: { pk: String(item.pk), sk: STATE_SK }, version: Number(item.version), ...r });
  });
  let fixed = 0;
  if (opts.fix) {
    for (let i = 0; i < pending.length; i += 25) {
      const done = await Promise.all(
        pending.slice(i, i + 25).map((p) => updateAtVersion(deps, p.key, p.version, p.set, p.remove)),
      );
      fixed += done.filter(Boolean).length;
    }
  }
  return { records, stale: pending.length, fixed };
}
