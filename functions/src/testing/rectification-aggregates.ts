/**
 * For tests: the stored per-unit-per-quarter aggregates next to a rebuild from the stored rectifications
 * (their facts with their stored horizon) and findings, both as plain sorted objects, so a test can assert they agree.
 * A table scan: only for a test's own small table.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import {
  aggregateKey,
  type Finding,
  findingFacts,
  isEmptyAggregate,
  type RecordFacts,
  type Rectification,
  rebuild,
  rectificationFacts,
  type UnitQuarterAggregate,
} from '@jiandu/shared';
import type { Deps } from '../app/deps.js';
import { aggregateFromItem } from '../store/aggregate-codec.js';
import { STATE_SK } from '../store/keys.js';

async function scanAll(deps: Deps): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const r = await deps.doc.send(
      new ScanCommand({ TableName: deps.tableName, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    out.push(...(r.Items ?? []));
    start = r.LastEvaluatedKey;
  } while (start);
  return out;
}

const sorted = (entries: [string, UnitQuarterAggregate][]) =>
  Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

export async function storedAndRebuiltAggregates(deps: Deps) {
  const items = await scanAll(deps);
  const stored: [string, UnitQuarterAggregate][] = [];
  const facts: RecordFacts[] = [];
  for (const item of items) {
    if (String(item.pk).startsWith('AGG#')) {
      const a = aggregateFromItem(item);
      if (!isEmptyAggregate(a)) stored.push([aggregateKey(a.unitId, a.quarter), a]);
    } else if (item.type === 'rectification' && item.sk === STATE_SK) {
      facts.push(rectificationFacts(item.data as Rectification, String(item.horizon)));
    } else if (item.type === 'finding' && item.sk === STATE_SK) {
      facts.push(findingFacts(item.data as Finding));
    }
  }
  const rebuilt = rebuild(facts, { tree: await deps.units.tree(), scheme: await deps.scheme() });
  return { stored: sorted(stored), rebuilt: sorted([...rebuilt.entries()]) };
}
