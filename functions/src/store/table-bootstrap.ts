import {
  type AttributeDefinition,
  CreateTableCommand,
  type CreateTableCommandInput,
  DeleteTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  ResourceInUseException,
  ResourceNotFoundException,
  type TableDescription,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  waitUntilTableNotExists,
} from '@aws-sdk/client-dynamodb';
import { StoreError } from './errors.js';
import type { KeyAttribute, TableDefinition } from './table.js';
import { TABLE } from './table.js';
import { tableDifferences } from './table-diff.js';

export interface WaitOptions {
  /** Give up waiting for ACTIVE / deleted after this many seconds (default 120). */
  maxWaitSeconds?: number;
}

const waiter = (client: DynamoDBClient, options: WaitOptions) => ({
  client,
  maxWaitTime: options.maxWaitSeconds ?? 120,
  minDelay: 1,
  maxDelay: 5,
});

const keySchema = (pk: KeyAttribute, sk: KeyAttribute) => [
  { AttributeName: pk.name, KeyType: 'HASH' as const },
  { AttributeName: sk.name, KeyType: 'RANGE' as const },
];

/** The CreateTable request for a definition (on-demand, stream on, every GSI). */
export function createTableInput(def: TableDefinition): CreateTableCommandInput {
  const keys = [def.partitionKey, def.sortKey, ...def.indexes.flatMap((i) => [i.partitionKey, i.sortKey])];
  const attributes = new Map<string, AttributeDefinition>();
  for (const key of keys) attributes.set(key.name, { AttributeName: key.name, AttributeType: key.type });
  return {
    TableName: def.name,
    BillingMode: def.billing,
    AttributeDefinitions: [...attributes.values()],
    KeySchema: keySchema(def.partitionKey, def.sortKey),
    GlobalSecondaryIndexes: def.indexes.map((index) => ({
      IndexName: index.name,
      KeySchema: keySchema(index.partitionKey, index.sortKey),
      Projection: { ProjectionType: index.projection },
    })),
    ...(def.stream === null
      ? {}
      : { StreamSpecification: { StreamEnabled: true, StreamViewType: def.stream } }),
  };
}

async function describe(client: DynamoDBClient, name: string): Promise<TableDescription | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: name }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

async function ensureTtl(client: DynamoDBClient, def: TableDefinition): Promise<void> {
  const ttl = (await client.send(new DescribeTimeToLiveCommand({ TableName: def.name })))
    .TimeToLiveDescription;
  const status = ttl?.TimeToLiveStatus;
  if (status === 'ENABLED' || status === 'ENABLING') {
    if (ttl?.AttributeName === def.ttlAttribute) return;
    throw new StoreError(
      'store.ttlMismatch',
      `Table ${def.name} expires items by "${ttl?.AttributeName}", expected "${def.ttlAttribute}"`,
    );
  }
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: def.name,
      TimeToLiveSpecification: { AttributeName: def.ttlAttribute, Enabled: true },
    }),
  );
}

/**
 * Adds the indexes a newer definition declares that an existing table lacks (a data directory made by an
 * older version), one at a time as DynamoDB requires, each waited for until ACTIVE. The items already
 * stored get their new index keys from `npm run rebuild -- --fix` (the index is empty for them until
 * then). Returns the indexes added.
 */
async function addMissingIndexes(
  client: DynamoDBClient,
  def: TableDefinition,
  table: TableDescription,
  options: WaitOptions,
): Promise<string[]> {
  const have = new Set((table.GlobalSecondaryIndexes ?? []).map((g) => g.IndexName));
  const added: string[] = [];
  for (const index of def.indexes.filter((i) => !have.has(i.name))) {
    await client.send(
      new UpdateTableCommand({
        TableName: def.name,
        AttributeDefinitions: [index.partitionKey, index.sortKey].map((k) => ({
          AttributeName: k.name,
          AttributeType: k.type,
        })),
        GlobalSecondaryIndexUpdates: [
          {
            Create: {
              IndexName: index.name,
              KeySchema: keySchema(index.partitionKey, index.sortKey),
              Projection: { ProjectionType: index.projection },
            },
          },
        ],
      }),
    );
    // Wait on the condition (the index ACTIVE), with the waiters' backoff, never a fixed sleep.
    const deadline = Date.now() + (options.maxWaitSeconds ?? 120) * 1000;
    for (let delay = 100; ; delay = Math.min(delay * 2, 5000)) {
      const now = await describe(client, def.name);
      const state = now?.GlobalSecondaryIndexes?.find((g) => g.IndexName === index.name)?.IndexStatus;
      if (state === 'ACTIVE' && now?.TableStatus === 'ACTIVE') break;
      if (Date.now() > deadline)
        throw new StoreError('store.tableMismatch', `index ${index.name} did not become ACTIVE`);
      await new Promise((r) => setTimeout(r, delay));
    }
    added.push(index.name);
  }
  return added;
}

/** The differences ensureTable mends on an existing table: an index added later, a stream turned off. */
const INDEX_MISSING = /^index \S+ is missing$/;
const STREAM_OFF = /^stream is \S+, expected none$/;

/**
 * Creates the table from its definition unless it exists, waits until it is ACTIVE and its TTL is on.
 * Idempotent: on an existing, matching table it only reads. Indexes the definition adds are created
 * (addMissingIndexes) and a stream it has not is turned off (localTable); any other difference from the
 * definition (a key, a projection, a stream it has) is an error (StoreError 'store.tableMismatch') rather
 * than something to migrate silently.
 */
export async function ensureTable(
  client: DynamoDBClient,
  def: TableDefinition = TABLE,
  options: WaitOptions = {},
): Promise<'created' | 'exists'> {
  let result: 'created' | 'exists' = 'exists';
  let table = await describe(client, def.name);
  if (table === undefined) {
    try {
      await client.send(new CreateTableCommand(createTableInput(def)));
      result = 'created';
    } catch (error) {
      // Someone else created it between our describe and create: theirs is as good as ours.
      if (!(error instanceof ResourceInUseException)) throw error;
    }
  }
  if (table?.TableStatus !== 'ACTIVE') {
    await waitUntilTableExists(waiter(client, options), { TableName: def.name });
    table = await describe(client, def.name);
  }
  // A table an older version made: indexes missing are added and a stream the definition has not (a
  // local table: localTable) is turned off; any other difference is refused below.
  const before = table === undefined ? [] : tableDifferences(def, table);
  if (
    table !== undefined &&
    before.length > 0 &&
    before.every((d) => INDEX_MISSING.test(d) || STREAM_OFF.test(d))
  ) {
    if (before.some((d) => STREAM_OFF.test(d))) {
      await client.send(
        new UpdateTableCommand({ TableName: def.name, StreamSpecification: { StreamEnabled: false } }),
      );
      await waitUntilTableExists(waiter(client, options), { TableName: def.name });
    }
    if (before.some((d) => INDEX_MISSING.test(d))) await addMissingIndexes(client, def, table, options);
    table = await describe(client, def.name);
  }
  const differences =
    table === undefined ? ['it vanished while being created'] : tableDifferences(def, table);
  if (differences.length > 0) {
    throw new StoreError(
      'store.tableMismatch',
      `Table ${def.name} does not match its definition: ${differences.join('; ')}`,
    );
  }
  await ensureTtl(client, def);
  return result;
}

/** Deletes the table and waits until it is gone; false when there was none. For tests and resets. */
export async function deleteTable(
  client: DynamoDBClient,
  name: string,
  options: WaitOptions = {},
): Promise<boolean> {
  try {
    await client.send(new DeleteTableCommand({ TableName: name }));
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return false;
    throw error;
  }
  await waitUntilTableNotExists(waiter(client, options), { TableName: name });
  return true;
}
