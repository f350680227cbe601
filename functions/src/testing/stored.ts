/**
 * For tests: the raw table (to search it, e.g. for a clear identity) and the stored per-unit-per-quarter
 * aggregates next to the shared `rebuild` over the stored records' facts (services/integrity/rebuild.ts), as plain
 * objects in key order, so a test can assert they agree. Full, strongly consistent scans: only for a
 * test's own small table.
 */
import { type AggregateMap, isEmptyAggregate, type UnitQuarterAggregate } from '@jiandu/shared';
import type { Deps } from '../app/deps.js';
import { storedAndRebuiltMaps } from '../services/integrity/rebuild.js';
import { STATE_SK } from '../store/keys.js';
import { scanTable } from '../store/table-ops.js';

/** Every item of the table. */
export async function scanAll(deps: Deps): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  await scanTable(deps, (item) => out.push(item), 1, true);
  return out;
}

/** State items of one record type, as stored. */
export const recordsOf = <T>(items: Record<string, unknown>[], type: string): T[] =>
  items.filter((i) => i.sk === STATE_SK && i.type === type).map((i) => i.data as T);

const inKeyOrder = (m: AggregateMap): Record<string, UnitQuarterAggregate> =>
  Object.fromEntries(
    [...m.entries()].filter(([, a]) => !isEmptyAggregate(a)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );

/** Stored and rebuilt aggregates by aggregateKey ("unit|quarter"). */
export async function storedAndRebuiltAggregates(deps: Deps) {
  const { stored, rebuilt } = await storedAndRebuiltMaps(deps, { segments: 1, consistent: true });
  return { stored: inKeyOrder(stored), rebuilt: inKeyOrder(rebuilt) };
}

/** Stored and rebuilt aggregates as lists in key order. */
export async function storedAndRebuilt(deps: Deps) {
  const { stored, rebuilt } = await storedAndRebuiltAggregates(deps);
  return { stored: Object.values(stored), rebuilt: Object.values(rebuilt) };
}
