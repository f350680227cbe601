import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DynamoClients, dynamoClient } from '../local/client.js';
import { type DynamoLocal, startDynamoLocal } from '../local/dynamodb-local.js';
import { localTable, TABLE, tableNamed } from './table.js';
import { deleteTable, ensureTable } from './table-bootstrap.js';

describe('ensureTable against DynamoDB Local', () => {
  let store: DynamoLocal;
  let db: DynamoClients;
  beforeAll(async () => {
    store = await startDynamoLocal();
    db = dynamoClient(store.endpoint);
  });
  afterAll(async () => {
    db?.destroy();
    await store?.stop();
  });

  it('creates the table once, and a second call is a no-op', async () => {
    expect(await ensureTable(db.client, TABLE)).toBe('created');
    expect(await ensureTable(db.client, TABLE)).toBe('exists');
  });

  it('creates the indexes, stream, on-demand billing and TTL of the definition', async () => {
    const { Table } = await db.client.send(new DescribeTableCommand({ TableName: TABLE.name }));
    expect(Table?.TableStatus).toBe('ACTIVE');
    expect(Table?.GlobalSecondaryIndexes?.map((g) => g.IndexName).sort()).toEqual([
      'gsi1',
      'gsi2',
      'gsi3',
      'jd1',
      'jd2',
      'jd3',
      'jd4',
      'jl1',
      'jl2',
      'jl3',
      'jl4',
      'wake',
    ]);
    expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    const ttl = await db.client.send(new DescribeTimeToLiveCommand({ TableName: TABLE.name }));
    expect(ttl.TimeToLiveDescription).toMatchObject({ AttributeName: 'ttl', TimeToLiveStatus: 'ENABLED' });
  });

  it('stores an item and reads it back by key and through gsi1', async () => {
    const item = { pk: 'unit#1', sk: 'profile', gsi1pk: 'county#东山县', gsi1sk: 'unit#1', name: '示范单位' };
    await db.doc.send(new PutCommand({ TableName: TABLE.name, Item: { ...item, note: undefined } }));
    const got = await db.doc.send(
      new GetCommand({ TableName: TABLE.name, Key: { pk: 'unit#1', sk: 'profile' } }),
    );
    expect(got.Item).toEqual(item);
    const byCounty = await db.doc.send(
      new QueryCommand({
        TableName: TABLE.name,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': 'county#东山县' },
      }),
    );
    expect(byCounty.Items).toEqual([item]);
  });

  it('fails a transaction that writes with a stale version, as a conditional-check failure', async () => {
    const key = { pk: 'rectification#1', sk: 'state' };
    await db.doc.send(new PutCommand({ TableName: TABLE.name, Item: { ...key, state: 'open', version: 1 } }));
    const transition = (state: string) =>
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: TABLE.name,
              Key: key,
              UpdateExpression: 'SET #state = :state, version = :next',
              ConditionExpression: 'version = :seen',
              ExpressionAttributeNames: { '#state': 'state' },
              ExpressionAttributeValues: { ':state': state, ':seen': 1, ':next': 2 },
            },
          },
          { Put: { TableName: TABLE.name, Item: { pk: 'rectification#1', sk: `event#${state}` } } },
        ],
      });

    await db.doc.send(transition('submitted'));
    const stale = await db.doc.send(transition('rejected')).catch((error: unknown) => error);
    expect(stale).toBeInstanceOf(TransactionCanceledException);
    expect((stale as TransactionCanceledException).CancellationReasons?.map((r) => r.Code)).toEqual([
      'ConditionalCheckFailed',
      'None',
    ]);
    const after = await db.doc.send(new GetCommand({ TableName: TABLE.name, Key: key }));
    expect(after.Item).toMatchObject({ state: 'submitted', version: 2 });
    const lostEvent = await db.doc.send(
      new GetCommand({ TableName: TABLE.name, Key: { pk: 'rectification#1', sk: 'event#rejected' } }),
    );
    expect(lostEvent.Item).toBeUndefined();
  });

  it('refuses an existing table that does not match its definition', async () => {
    const name = 'hand-made';
    await db.client.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      }),
    );
    await expect(ensureTable(db.client, tableNamed(name))).rejects.toMatchObject({
      code: 'store.tableMismatch',
    });
  });

  it('adds the indexes a newer definition declares to a table an older version made', async () => {
    const older = { ...tableNamed('older'), indexes: TABLE.indexes.filter((i) => !i.name.startsWith('jd')) };
    expect(await ensureTable(db.client, older)).toBe('created');
    expect(await ensureTable(db.client, tableNamed('older'))).toBe('exists');
    const { Table } = await db.client.send(new DescribeTableCommand({ TableName: 'older' }));
    expect(Table?.GlobalSecondaryIndexes?.map((g) => [g.IndexName, g.IndexStatus]).sort()).toEqual(
      TABLE.indexes.map((i) => [i.name, 'ACTIVE']).sort(),
    );
  });

  it('creates a local table without a stream, the same keys, indexes and TTL', async () => {
    expect(await ensureTable(db.client, localTable('local'))).toBe('created');
    const { Table } = await db.client.send(new DescribeTableCommand({ TableName: 'local' }));
    expect(Table?.StreamSpecification?.StreamEnabled ?? false).toBe(false);
    expect(Table?.GlobalSecondaryIndexes?.map((g) => g.IndexName).sort()).toEqual(
      TABLE.indexes.map((i) => i.name).sort(),
    );
    const ttl = await db.client.send(new DescribeTimeToLiveCommand({ TableName: 'local' }));
    expect(ttl.TimeToLiveDescription).toMatchObject({ AttributeName: 'ttl', TimeToLiveStatus: 'ENABLED' });
  });

  it('turns the stream off (and adds missing indexes) on a local table an older version made with one', async () => {
    const older = { ...tableNamed('older-local'), indexes: TABLE.indexes.filter((i) => i.name !== 'wake') };
    expect(await ensureTable(db.client, older)).toBe('created');
    await db.doc.send(new PutCommand({ TableName: 'older-local', Item: { pk: 'unit#1', sk: 'kept' } }));
    expect(await ensureTable(db.client, localTable('older-local'))).toBe('exists');
    const { Table } = await db.client.send(new DescribeTableCommand({ TableName: 'older-local' }));
    expect(Table?.StreamSpecification?.StreamEnabled ?? false).toBe(false);
    expect(Table?.GlobalSecondaryIndexes?.map((g) => g.IndexName).sort()).toEqual(
      TABLE.indexes.map((i) => i.name).sort(),
    );
    const kept = await db.doc.send(
      new GetCommand({ TableName: 'older-local', Key: { pk: 'unit#1', sk: 'kept' } }),
    );
    expect(kept.Item).toEqual({ pk: 'unit#1', sk: 'kept' });
  });

  it('never turns a stream on: a table without one is refused where the definition wants it', async () => {
    await ensureTable(db.client, localTable('no-stream'));
    await expect(ensureTable(db.client, tableNamed('no-stream'))).rejects.toMatchObject({
      code: 'store.tableMismatch',
      message: expect.stringContaining('stream is disabled, expected NEW_AND_OLD_IMAGES'),
    });
  });

  it('deletes a table and reports false when there is none to delete', async () => {
    const scratch = tableNamed('scratch');
    await ensureTable(db.client, scratch);
    expect(await deleteTable(db.client, scratch.name)).toBe(true);
    expect(await deleteTable(db.client, scratch.name)).toBe(false);
  });
});
