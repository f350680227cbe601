/**
 * `npx tsx bench/src/store-memory.ts [records] [--old-flags]`: the resident memory of DynamoDB Local alone,
 * on disk, idle after start and 5 s after `records` items (≈ 1 KB each, 25 per BatchWriteItem, 8 in flight)
 * and a full Scan — a quick side-by-side of the store's JVM flags (DYNAMO_LOCAL_JVM_FLAGS vs the JVM's
 * defaults with `--old-flags`) without the 10-minute load of `npm run bench`'s memory rows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, paginateScan } from '@aws-sdk/lib-dynamodb';
import { startDynamoLocal } from '@jiandu/functions/local';
import { rssMiB } from './rss.js';

const args = process.argv.slice(2);
const old = args.includes('--old-flags');
const records = Number(args.find((a) => /^\d+$/.test(a)) ?? 20_000);
const waitFor = async (ms: number) => {
  // The store settles: RSS read after the JVM has had time to run its collections.
  await new Promise((r) => setTimeout(r, ms));
};

const dir = mkdtempSync(join(tmpdir(), 'jiandu-store-memory-'));
if (old) process.env.MALLOC_ARENA_MAX ??= '8';
const load = () => loadavg()[0] ?? Number.NaN;
const load0 = load();
const store = await startDynamoLocal({ dataDir: dir, ...(old ? { jvmFlags: [] } : {}) });
try {
  const raw = new DynamoDBClient({
    endpoint: store.endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const doc = DynamoDBDocumentClient.from(raw);
  await raw.send(
    new CreateTableCommand({
      TableName: 'memory',
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
        { AttributeName: 'g', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'gsi',
          KeySchema: [
            { AttributeName: 'g', KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    }),
  );
  await waitFor(5_000);
  const idle = rssMiB(store.pid);
  const body = '监督'.repeat(300);
  let next = 0;
  const worker = async () => {
    while (next < records) {
      const from = next;
      next += 25;
      const items = Array.from({ length: Math.min(25, records - from) }, (_, i) => ({
        PutRequest: {
          Item: { pk: `R#${from + i}`, sk: 'META', g: `U#${(from + i) % 97}`, body, n: from + i },
        },
      }));
      let request: Record<string, typeof items> | undefined = { memory: items };
      while (request && Object.keys(request).length > 0) {
        const answer = await doc.send(new BatchWriteCommand({ RequestItems: request }));
        request = answer.UnprocessedItems as typeof request;
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  let scanned = 0;
  for await (const page of paginateScan({ client: doc }, { TableName: 'memory' })) scanned += page.Count ?? 0;
  if (scanned !== records) throw new Error(`scanned ${scanned} of ${records}`);
  await waitFor(5_000);
  const after = rssMiB(store.pid);
  process.stdout.write(
    `${old ? 'JVM defaults' : 'DYNAMO_LOCAL_JVM_FLAGS'}: idle ${idle.toFixed(0)} MB, after ${records} items and a scan ${after.toFixed(0)} MB (load average ${load0.toFixed(2)} → ${load().toFixed(2)})\n`,
  );
  raw.destroy();
} finally {
  await store.stop();
  rmSync(dir, { recursive: true, force: true });
}
