/**
 * The table's item operations outside the ledger (counters, markers, checkpoints, uploads, deployment
 * keys, queues): the only place besides the record store and transactions that builds DynamoDB commands,
 * so the rest of the code names items and partitions (keys.ts), never expressions or index names.
 */
import {
  BatchWriteCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { IndexName, Partition } from './keys.js';
import { TABLE } from './table.js';

/** The client and the table it talks to. */
export interface TableRef {
  doc: Pick<DynamoDBDocumentClient, 'send'>;
  tableName: string;
}

export type ItemKey = { pk: string; sk: string };
export type Item = Record<string, unknown>;

const isConditionFailure = (e: unknown) =>
  (e as { name?: string }).name === 'ConditionalCheckFailedException';

/** One item by its key (consistent by default), or null. */
export async function getItem(t: TableRef, key: ItemKey, consistent = true): Promise<Item | null> {
  const r = await t.doc.send(
    new GetCommand({ TableName: t.tableName, Key: key, ConsistentRead: consistent }),
  );
  return r.Item ?? null;
}

/**
 * Puts an item. With `ifAbsent`, only where no item has that key: answers false (and writes nothing) when
 * one exists — the way two racing first writers agree on one winner.
 */
export async function putItem(t: TableRef, item: Item, opts: { ifAbsent?: boolean } = {}): Promise<boolean> {
  try {
    await t.doc.send(
      new PutCommand({
        TableName: t.tableName,
        Item: item,
        ...(opts.ifAbsent ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}),
      }),
    );
    return true;
  } catch (e) {
    if (opts.ifAbsent && isConditionFailure(e)) return false;
    throw e;
  }
}

export async function deleteItem(t: TableRef, key: ItemKey): Promise<void> {
  await t.doc.send(new DeleteCommand({ TableName: t.tableName, Key: key }));
}

/**
 * Adds 1 to a counter attribute atomically (created at 1) and sets the item's expiry (epoch seconds);
 * answers the item after the update.
 */
export async function incrementCounter(
  t: TableRef,
  key: ItemKey,
  attribute: string,
  expiresAtSeconds: number,
): Promise<Item> {
  const r = await t.doc.send(
    new UpdateCommand({
      TableName: t.tableName,
      Key: key,
      UpdateExpression: 'ADD #c :one SET #ttl = :ttl',
      ExpressionAttributeNames: { '#c': attribute, '#ttl': TABLE.ttlAttribute },
      ExpressionAttributeValues: { ':one': 1, ':ttl': expiresAtSeconds },
      ReturnValues: 'ALL_NEW',
    }),
  );
  return r.Attributes ?? { [attribute]: 1 };
}

/**
 * Sets attributes only while the number `guard` is absent or at most `atMost` (e.g. set a lock only where
 * no lock is in force); answers whether it was set — exactly one of racing callers sees true.
 */
export async function setUnlessAbove(
  t: TableRef,
  key: ItemKey,
  guard: { attribute: string; atMost: number },
  set: Item,
): Promise<boolean> {
  const names: Record<string, string> = { '#g': guard.attribute };
  const values: Record<string, unknown> = { ':g': guard.atMost };
  const parts = Object.entries(set).map(([k, v], i) => {
    names[`#s${i}`] = k;
    values[`:s${i}`] = v;
    return `#s${i} = :s${i}`;
  });
  try {
    await t.doc.send(
      new UpdateCommand({
        TableName: t.tableName,
        Key: key,
        UpdateExpression: `SET ${parts.join(', ')}`,
        ConditionExpression: 'attribute_not_exists(#g) OR #g <= :g',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

/** Puts many items, 25 a request, putting unprocessed ones again (with back-off) until all are in. */
export async function putAll(t: TableRef, items: readonly Item[]): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    let requests: { PutRequest: { Item: Item } }[] | undefined = items
      .slice(i, i + 25)
      .map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; requests && requests.length > 0; attempt++) {
      if (attempt > 8) throw new Error('batch write: unprocessed items after 8 retries');
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));
      const r = await t.doc.send(new BatchWriteCommand({ RequestItems: { [t.tableName]: requests } }));
      requests = r.UnprocessedItems?.[t.tableName] as typeof requests;
    }
  }
}

/** How to read a partition: a sort-key range, the order, how many, and a unit subtree. */
export interface PartitionRead {
  /** Only items whose sort key starts with this. */
  skPrefix?: string;
  /** Only items whose sort key is ≤ this. */
  skUpTo?: string;
  /** Only items whose sort key is in [from, to]. */
  skBetween?: readonly [string, string];
  /** Only these attributes of each item (dotted paths, e.g. `data.id`). */
  attributes?: readonly string[];
  /** Newest (greatest sort key) first. */
  descending?: boolean;
  /** At most this many items (read on until reached or the partition ends); all when absent. */
  limit?: number;
  /** Only items of this unit subtree (`unitPath` prefix). */
  unitPathPrefix?: string;
  consistent?: boolean;
}

const SORT_KEY: Record<IndexName | 'table', { pk: string; sk: string; index?: string }> = {
  table: { pk: 'pk', sk: 'sk' },
  gsi1: { pk: 'gsi1pk', sk: 'gsi1sk', index: 'gsi1' },
  gsi2: { pk: 'gsi2pk', sk: 'gsi2sk', index: 'gsi2' },
  gsi3: { pk: 'gsi3pk', sk: 'gsi3sk', index: 'gsi3' },
  jl1: { pk: 'jl1pk', sk: 'jl1sk', index: 'jl1' },
  jl2: { pk: 'jl2pk', sk: 'jl2sk', index: 'jl2' },
  jl3: { pk: 'jl3pk', sk: 'jl3sk', index: 'jl3' },
  jl4: { pk: 'jl4pk', sk: 'jl4sk', index: 'jl4' },
  jd1: { pk: 'jd1pk', sk: 'jd1sk', index: 'jd1' },
  jd2: { pk: 'jd2pk', sk: 'jd2sk', index: 'jd2' },
  jd3: { pk: 'jd3pk', sk: 'jd3sk', index: 'jd3' },
  jd4: { pk: 'jd4pk', sk: 'jd4sk', index: 'jd4' },
  wake: { pk: 'jwpk', sk: 'jwsk', index: 'wake' },
};

/**
 * Sets and removes attributes of an item while its `version` is still `version` (a record's state item
 * re-indexed by the rebuild: a write racing it has written the new attributes itself). False when the
 * version moved on or the item is gone.
 */
export async function updateAtVersion(
  t: TableRef,
  key: ItemKey,
  version: number,
  set: Record<string, unknown>,
  remove: readonly string[],
): Promise<boolean> {
  const names: Record<string, string> = { '#v': 'version' };
  const values: Record<string, unknown> = { ':v': version };
  const sets = Object.entries(set).map(([k, v], i) => {
    names[`#s${i}`] = k;
    values[`:s${i}`] = v;
    return `#s${i} = :s${i}`;
  });
  const removes = remove.map((k, i) => {
    names[`#r${i}`] = k;
    return `#r${i}`;
  });
  const parts = [
    sets.length ? `SET ${sets.join(', ')}` : '',
    removes.length ? `REMOVE ${removes.join(', ')}` : '',
  ];
  try {
    await t.doc.send(
      new UpdateCommand({
        TableName: t.tableName,
        Key: key,
        UpdateExpression: parts.filter(Boolean).join(' '),
        ConditionExpression: '#v = :v',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

/** The items of a partition (of the table or an index), as `opts` say, in sort-key order. */
export async function readPartition(t: TableRef, part: Partition, opts: PartitionRead = {}): Promise<Item[]> {
  const out: Item[] = [];
  for await (const page of partitionPages(t, part, opts)) out.push(...page);
  return out;
}

/**
 * The items of several partitions of one index (the shards of a list), one partition after another, a
 * page read when the one before has been taken (partitionPages): a pass over every open record of a type
 * never holds them in memory at once.
 */
export async function* shardItems(
  t: TableRef,
  parts: readonly Partition[],
  opts: PartitionRead = {},
): AsyncGenerator<Item> {
  for (const part of parts) for await (const page of partitionPages(t, part, opts)) yield* page;
}

/**
 * The same items a page (one Query, ≤ 1 MB) at a time, each read when the one before has been taken —
 * for a reader that must not hold a large partition in memory at once (a sweep's full pass).
 */
export async function* partitionPages(
  t: TableRef,
  part: Partition,
  opts: PartitionRead = {},
): AsyncGenerator<Item[]> {
  const attr = SORT_KEY[part.index];
  const names: Record<string, string> = { '#p': attr.pk };
  const values: Record<string, unknown> = { ':p': part.pk };
  let keyCond = '#p = :p';
  if (opts.skPrefix !== undefined) {
    names['#s'] = attr.sk;
    values[':sp'] = opts.skPrefix;
    keyCond += ' AND begins_with(#s, :sp)';
  } else if (opts.skUpTo !== undefined) {
    names['#s'] = attr.sk;
    values[':su'] = opts.skUpTo;
    keyCond += ' AND #s <= :su';
  } else if (opts.skBetween !== undefined) {
    names['#s'] = attr.sk;
    values[':sf'] = opts.skBetween[0];
    values[':st'] = opts.skBetween[1];
    keyCond += ' AND #s BETWEEN :sf AND :st';
  }
  let projection: string | undefined;
  if (opts.attributes !== undefined) {
    const segments = new Map<string, string>();
    const alias = (seg: string) => {
      if (!segments.has(seg)) segments.set(seg, `#a${segments.size}`);
      return segments.get(seg)!;
    };
    projection = opts.attributes.map((path) => path.split('.').map(alias).join('.')).join(', ');
    for (const [seg, a] of segments) names[a] = seg;
  }
  let filter: string | undefined;
  if (opts.unitPathPrefix !== undefined) {
    names['#up'] = 'unitPath';
    values[':up'] = opts.unitPathPrefix;
    filter = 'begins_with(#up, :up)';
  }
  let taken = 0;
  let start: Item | undefined;
  do {
    const r = await t.doc.send(
      new QueryCommand({
        TableName: t.tableName,
        ...(attr.index ? { IndexName: attr.index } : {}),
        KeyConditionExpression: keyCond,
        ...(filter ? { FilterExpression: filter } : {}),
        ...(projection ? { ProjectionExpression: projection } : {}),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ...(opts.descending ? { ScanIndexForward: false } : {}),
        ...(opts.consistent && !attr.index ? { ConsistentRead: true } : {}),
        ...(opts.limit === undefined ? {} : { Limit: opts.limit - taken }),
        ExclusiveStartKey: start,
      }),
    );
    const items = r.Items ?? [];
    taken += items.length;
    start = r.LastEvaluatedKey;
    if (items.length > 0) yield items;
  } while (start && (opts.limit === undefined || taken < opts.limit));
}

/**
 * Every item of the table, read by `segments` parallel scans (rebuild and the full verify only: the
 * one place the whole table is read). Answers how many items were read.
 */
export async function scanTable(
  t: TableRef,
  onItem: (item: Item) => void,
  segments = 4,
  consistent = false,
): Promise<number> {
  let count = 0;
  await Promise.all(
    Array.from({ length: segments }, async (_, segment) => {
      let start: Item | undefined;
      do {
        const r = await t.doc.send(
          new ScanCommand({
            TableName: t.tableName,
            Segment: segment,
            TotalSegments: segments,
            ExclusiveStartKey: start,
            ...(consistent ? { ConsistentRead: true } : {}),
          }),
        );
        for (const item of r.Items ?? []) {
          count++;
          onItem(item);
        }
        start = r.LastEvaluatedKey;
      } while (start);
    }),
  );
  return count;
}

/**
 * One page of a filtered Scan from `start` (a move's re-index: the state items under a unit's old paths),
 * and where the next page starts (null: the table ended). Resumable: keep the key, call again.
 */
export async function scanPage(
  t: TableRef,
  opts: {
    filter: string;
    names: Record<string, string>;
    values: Record<string, unknown>;
    limit: number;
    start: Item | null;
  },
): Promise<{ items: Item[]; next: Item | null }> {
  const r = await t.doc.send(
    new ScanCommand({
      TableName: t.tableName,
      Limit: opts.limit,
      FilterExpression: opts.filter,
      ExpressionAttributeNames: opts.names,
      ExpressionAttributeValues: opts.values,
      ConsistentRead: true,
      ...(opts.start ? { ExclusiveStartKey: opts.start } : {}),
    }),
  );
  return { items: r.Items ?? [], next: (r.LastEvaluatedKey as Item | undefined) ?? null };
}
