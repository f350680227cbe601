/**
 * Test support for the petition and signal suites: the raw table (to search it for clear identity) and
 * the stored aggregates next to the shared `rebuild` over the facts of the stored records.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import {
  aggregateKey,
  type Finding,
  findingFacts,
  type Indicator,
  indicatorFacts,
  isEmptyAggregate,
  type Petition,
  petitionFacts,
  type RecordFacts,
  type Rectification,
  rebuild,
  rectificationFacts,
  type Signal,
  signalFacts,
  type UnitQuarterAggregate,
} from '@jiandu/shared';
import type { Deps } from '../app/deps.js';
import { aggregateFromItem } from '../store/aggregate-codec.js';
import { keys, STATE_SK } from '../store/keys.js';

export async function scanAll(deps: Deps): Promise<Record<string, unknown>[]> {
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

/** State items of one record type, as stored. */
export const recordsOf = <T>(items: Record<string, unknown>[], type: string): T[] =>
  items.filter((i) => i.sk === STATE_SK && i.type === type).map((i) => i.data as T);

function factsOf(item: Record<string, unknown>): RecordFacts | null {
  if (item.sk !== STATE_SK) return null;
  switch (item.type) {
    case 'finding':
      return findingFacts(item.data as Finding);
    case 'petition':
      return petitionFacts(item.data as Petition);
    case 'signal':
      return signalFacts(item.data as Signal);
    case 'rectification':
      return rectificationFacts(item.data as Rectification, String(item.horizon));
    case 'indicator':
      return indicatorFacts(item.data as Indicator);
    default:
      return null;
  }
}

const sorted = (aggs: Iterable<UnitQuarterAggregate>) =>
  [...aggs]
    .filter((a) => !isEmptyAggregate(a))
    .sort((a, b) => (aggregateKey(a.unitId, a.quarter) < aggregateKey(b.unitId, b.quarter) ? -1 : 1));

/** The AGG items read through the codec, and the shared rebuild over the stored records' facts. */
export async function storedAndRebuilt(deps: Deps) {
  const items = await scanAll(deps);
  const facts = items.map(factsOf).filter((f): f is RecordFacts => f !== null);
  const rebuilt = rebuild(facts, { tree: await deps.units.tree(), scheme: await deps.scheme() });
  const stored = items
    .filter((i) => String(i.pk).startsWith(keys.aggregatePartition('')))
    .map(aggregateFromItem);
  return { stored: sorted(stored), rebuilt: sorted(rebuilt.values()) };
}
