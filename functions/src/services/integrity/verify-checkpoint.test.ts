import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANGE_SHARDS, keys } from '../../store/keys.js';
import { type Harness, startHarness } from '../../testing/harness.js';
import { CHANGE_TTL_DAYS, itemsOfStream, markChanges, markersOf, shardOf } from './change-feed.js';
import { verifyLedger } from './verify.js';
import { FULL_EVERY_DAYS, loadCheckpoint, verifyForDigest } from './verify-checkpoint.js';

const DAY = 86_400_000;
const T0 = Date.parse('2025-05-15T19:00:00Z');
let h: Harness;
let findingId: string;
let otherFindingId: string;
/** The commands the verify sent, by name: to show what it read. */
const sent: string[] = [];
let store: { doc: DynamoDBDocumentClient; tableName: string };

const finding = (description: string) => ({
  unitId: 'ds-a',
  category: 'inaction',
  severity: 'general',
  source: 'inspection',
  description,
  amountFen: 0,
  discoveredOn: '2025-04-02',
});

beforeAll(async () => {
  h = await startHarness({ now: T0 - DAY });
  const token = await h.token('inspector');
  for (const [i, d] of ['村级公示栏未更新', '台账填报流于形式'].entries()) {
    const res = await h.call('POST', '/api/v1/findings', { token, body: finding(d) });
    const id = ((await res.json()) as { id: string }).id;
    if (i === 0) findingId = id;
    else otherFindingId = id;
  }
  const doc = h.deps.doc;
  store = {
    tableName: h.deps.tableName,
    doc: {
      send: (c: { constructor: { name: string } }) => {
        sent.push(c.constructor.name);
        return doc.send(c as never);
      },
    } as unknown as DynamoDBDocumentClient,
  };
});
afterAll(() => h.close());

/** What the table's stream would deliver for a write to a record (its state item), at `atMs`. */
const streamed = (recordKey: string, atMs: number) => markChanges(h.deps, [{ pk: recordKey, sk: 'A', atMs }]);

const tamperEvent = (id: string, description: string) =>
  h.deps.doc.send(
    new UpdateCommand({
      TableName: h.deps.tableName,
      Key: keys.event('finding', id, 1),
      UpdateExpression: 'SET #a.#d = :v',
      ExpressionAttributeNames: { '#a': 'after', '#d': 'description' },
      ExpressionAttributeValues: { ':v': description },
    }),
  );

describe('the change feed', () => {
  it('takes each written item of a stream batch with its write time (inserts, updates and removals)', () => {
    const record = (eventName: 'INSERT' | 'MODIFY' | 'REMOVE', pk: string, sk: string) => ({
      eventName,
      dynamodb: { Keys: { pk: { S: pk }, sk: { S: sk } }, ApproximateCreationDateTime: 1747335600 },
    });
    expect(
      itemsOfStream({
        Records: [
          record('INSERT', 'finding#1', 'A'),
          record('REMOVE', 'finding#1', 'E#0000000002'),
          { eventName: 'MODIFY' },
        ],
      } as never),
    ).toEqual([
      { pk: 'finding#1', sk: 'A', atMs: 1747335600000 },
      { pk: 'finding#1', sk: 'E#0000000002', atMs: 1747335600000 },
    ]);
  });

  it('marks each record once a day, on one of the shards by its key, and expires the marker', () => {
    const at = Date.parse('2025-05-15T23:59:59Z');
    const markers = markersOf([
      { pk: 'finding#1', sk: 'A', atMs: at },
      { pk: 'finding#1', sk: 'E#0000000002', atMs: at },
      { pk: 'finding#1', sk: 'A', atMs: at + 2000 },
      { pk: 'IDEM#x#y', sk: 'IDEM', atMs: at },
      { pk: 'AGG#2025-Q2', sk: 'ds-a', atMs: at },
    ]);
    expect(markers).toEqual([
      {
        ...keys.changed('2025-05-15', shardOf('finding#1'), 'finding#1'),
        ttl: Math.floor(at / 1000) + CHANGE_TTL_DAYS * 86_400,
      },
      {
        ...keys.changed('2025-05-16', shardOf('finding#1'), 'finding#1'),
        ttl: Math.floor((at + 2000) / 1000) + CHANGE_TTL_DAYS * 86_400,
      },
    ]);
    const shards = new Set(Array.from({ length: 200 }, (_, i) => shardOf(`finding#${i}`)));
    expect(shards.size).toBe(CHANGE_SHARDS);
  });
});

describe('the incremental daily verify', () => {
  it('runs full without a checkpoint, and leaves one with every head', async () => {
    const run = await verifyForDigest(store, T0);
    const full = await verifyLedger(h.deps);
    expect(run.mode).toBe('full');
    expect(run.report.digest).toBe(full.digest);
    const cp = await loadCheckpoint(h.deps);
    expect(cp).toMatchObject({ at: T0, fullAt: T0, broken: [] });
    expect(cp?.heads).toHaveLength(full.heads.length);
  });

  it('reads only the records changed since, with no scan, and computes the digest a full verify would', async () => {
    const token = await h.token('inspector');
    h.setNow(T0 + DAY / 2);
    const res = await h.call('POST', '/api/v1/findings', { token, body: finding('新发现：资金闲置') });
    const newKey = keys.recordKey('finding', ((await res.json()) as { id: string }).id);
    await streamed(newKey, T0 + DAY / 2);
    sent.length = 0;
    const run = await verifyForDigest(store, T0 + DAY);
    expect(run.mode).toBe('incremental');
    expect(run.changed).toBe(1);
    expect(sent).not.toContain('ScanCommand');
    const full = await verifyLedger(h.deps);
    expect(run.report.digest).toBe(full.digest);
    expect(run.report.heads).toHaveLength(full.heads.length);
    expect(run.report.broken).toEqual([]);
  });

  it('finds a record altered around the API, since the stream marks every write, and keeps it broken', async () => {
    const key = keys.recordKey('finding', findingId);
    await tamperEvent(findingId, '已篡改');
    await streamed(key, T0 + DAY + 1000);
    const run = await verifyForDigest(store, T0 + 2 * DAY);
    expect(run.mode).toBe('incremental');
    expect(run.report.broken).toEqual([{ recordKey: key, seq: 1, reason: expect.any(String) }]);
    expect(run.report.digest).toBe((await verifyLedger(h.deps)).digest);
    // Still broken the next day (its marker read again: each run reads from the day before its checkpoint).
    const next = await verifyForDigest(store, T0 + 3 * DAY);
    expect(next.report.broken.map((b) => b.recordKey)).toEqual([key]);
  });

  it(`runs full again every ${FULL_EVERY_DAYS} days, which finds what no marker named`, async () => {
    const key = keys.recordKey('finding', otherFindingId);
    await tamperEvent(otherFindingId, '未经记录的修改');
    const unmarked = await verifyForDigest(store, T0 + 4 * DAY);
    expect(unmarked.mode).toBe('incremental');
    expect(unmarked.changed).toBe(0);
    // A chain found broken stays reported from the checkpoint when nothing marks it again.
    expect(unmarked.report.broken.map((b) => b.recordKey)).toEqual([keys.recordKey('finding', findingId)]);
    expect(unmarked.report.broken.map((b) => b.recordKey)).not.toContain(key);
    const weekly = await verifyForDigest(store, T0 + (FULL_EVERY_DAYS + 1) * DAY);
    expect(weekly.mode).toBe('full');
    expect(weekly.report.broken.map((b) => b.recordKey)).toContain(key);
    expect((await loadCheckpoint(h.deps))?.fullAt).toBe(T0 + (FULL_EVERY_DAYS + 1) * DAY);
  });

  it('runs full when asked, whatever the checkpoint', async () => {
    expect((await verifyForDigest(store, T0 + (FULL_EVERY_DAYS + 2) * DAY, { mode: 'full' })).mode).toBe(
      'full',
    );
  });
});
