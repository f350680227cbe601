/**
 * `npx tsx bench/src/store-stream.ts [sizes]`: why the local tables have no stream (store/table.ts
 * `localTable`). One in-memory DynamoDB Local holds the table twice per size — as AWS has it (stream on)
 * and as `localTable` makes it — and each gets the same items (≈ 0.7 KB, 25 per BatchWriteItem, 8 in
 * flight); then GetItem and an empty Query are timed on each, interleaved. With the stream, DynamoDB Local
 * goes through the table's stream records on every request, so both the writes and every later request
 * slow down as the table is written.
 */
import { pathToFileURL } from 'node:url';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '../../functions/src/local/client.js';
import { startDynamoLocal } from '../../functions/src/local/dynamodb-local.js';
import { localTable, tableNamed } from '../../functions/src/store/table.js';
import { ensureTable } from '../../functions/src/store/table-bootstrap.js';
import { putBatch } from './lists.js';
import { fmt, median, roundOrder } from './stats.js';

/** Timed rounds: a multiple of 2n for 2, 3 or 4 tables (`roundOrder` balances positions over 2n rounds). */
const REPS = 48;

export async function storeStream(sizes: readonly number[], log: (s: string) => void): Promise<void> {
  const store = await startDynamoLocal({ heapMb: 512 });
  const db = dynamoClient(store.endpoint);
  try {
    const body = '监督'.repeat(120);
    const tables: { name: string; size: number; stream: boolean }[] = [];
    for (const size of sizes)
      for (const stream of [true, false]) {
        const name = `${stream ? 'stream' : 'local'}_${size}`;
        await ensureTable(db.client, stream ? tableNamed(name) : localTable(name));
        let next = 0;
        const t0 = performance.now();
        const worker = async () => {
          while (next < size) {
            const from = next;
            next = Math.min(size, next + 25);
            const items = [];
            for (let i = from; i < next; i++)
              items.push({ pk: `R#${i}`, sk: 'state', gsi1pk: `L#${i % 97}`, gsi1sk: `${i}`, body });
            await putBatch(db.doc, name, items);
          }
        };
        await Promise.all(Array.from({ length: 8 }, worker));
        log(`${name}: ${size} items written in ${fmt((performance.now() - t0) / 1000)} s`);
        tables.push({ name, size, stream });
      }
    const gets = new Map<string, number[]>();
    const queries = new Map<string, number[]>();
    for (let r = 0; r < REPS; r++)
      for (const t of roundOrder(tables, r)) {
        let t0 = performance.now();
        await db.doc.send(new GetCommand({ TableName: t.name, Key: { pk: `R#${r}`, sk: 'state' } }));
        gets.set(t.name, [...(gets.get(t.name) ?? []), performance.now() - t0]);
        t0 = performance.now();
        await db.doc.send(
          new QueryCommand({
            TableName: t.name,
            KeyConditionExpression: 'pk = :p',
            ExpressionAttributeValues: { ':p': 'none' },
          }),
        );
        queries.set(t.name, [...(queries.get(t.name) ?? []), performance.now() - t0]);
      }
    for (const t of tables)
      log(
        `${t.stream ? 'stream on ' : 'no stream '} ${t.size} items: GetItem p50 ${fmt(median(gets.get(t.name)!))} ms, empty Query p50 ${fmt(median(queries.get(t.name)!))} ms`,
      );
  } finally {
    db.destroy();
    await store.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sizes = (process.argv[2] ?? '5000,20000').split(',').map(Number);
  await storeStream(sizes, (s) => process.stdout.write(`${s}\n`));
}
