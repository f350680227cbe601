/**
 * Proof (DESIGN §8, issue 5): DynamoDB Local killed with SIGKILL in the middle of a signal ingest by a
 * client that retries, then restarted on the same data → 0 signals lost, 0 duplicated, aggregates equal
 * to a rebuild, every hash chain verifies.
 *
 * The client's protocol: every item carries a natural key (platform + externalId); a failed batch is
 * re-sent with backoff until it is answered; after the crash the client re-sends everything it sent
 * before the crash once more, because DynamoDB Local can lose a transaction it had already acknowledged
 * when it is SIGKILLed (measured: whole transactions vanish, never half of one) — re-sending is safe,
 * since a stored item answers "duplicate" and nothing is counted twice.
 * `npm test` ingests KILL_SIGNALS (default 2,000); the bench runs 50,000.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { type DynamoLocal, startDynamoLocal } from '@jiandu/functions/local';
import { rebuildAggregates } from '@jiandu/functions/services/rebuild';
import { verifyLedger } from '@jiandu/functions/services/verify';
import { type Harness, startHarness } from '@jiandu/functions/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const TOTAL = Number(process.env.KILL_SIGNALS ?? 2000);
const BATCH = 200;
const KILL_AT = 0.4;
/** DynamoDB Local keeps its indexes in the JVM heap: 50,000 signals (with events, keys and aggregates) need more than the default. */
const HEAP_MB = TOTAL > 10_000 ? 1536 : 256;

let dir: string;
let store: DynamoLocal;
let h: Harness;
let port: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jiandu-kill-'));
  store = await startDynamoLocal({ dataDir: dir, heapMb: HEAP_MB });
  port = store.port;
  h = await startHarness({ endpoint: store.endpoint, tableName: 'jiandu', maxAttempts: 1 });
});

afterAll(async () => {
  h?.close();
  await store?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const signal = (i: number) => ({
  platform: '本地论坛',
  url: `https://bbs.shifan.example/thread/${i}`,
  title: `群众反映第${i}号问题：扶贫项目进度`,
  publishedAt: '2025-05-10T09:00:00+08:00',
  polarity: i % 3 === 0 ? 'negative' : 'neutral',
  severity: i % 7 === 0 ? 'notable' : 'ordinary',
  unitId: i % 2 === 0 ? 'ds-a' : 'ds-b',
  externalId: `kill-${i}`,
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('killing the store in the middle of an ingest', () => {
  it('loses nothing and counts nothing twice, and the aggregates and chains hold', async () => {
    const token = await h.token('supervisor');
    const batches: number[][] = [];
    for (let i = 0; i < TOTAL; i += BATCH)
      batches.push(Array.from({ length: Math.min(BATCH, TOTAL - i) }, (_, k) => i + k));
    let answered = 0;
    let killed = false;
    let restarted: Promise<void> | null = null;
    let statuses503 = 0;
    const sentBeforeCrash = new Set<number>();

    const send = async (items: number[]): Promise<void> => {
      for (let attempt = 0; ; attempt++) {
        if (!killed) for (const i of items) sentBeforeCrash.add(i);
        let res: Response | null = null;
        try {
          res = await h.call('POST', '/api/v1/signals/batch', { token, body: { items: items.map(signal) } });
        } catch {
          res = null;
        }
        if (res && res.status === 200) {
          const body = (await res.json()) as { items: { status: string }[] };
          expect(body.items.every((x) => x.status === 'accepted' || x.status === 'duplicate')).toBe(true);
          return;
        }
        if (res) {
          expect(res.status).toBe(503);
          statuses503++;
        }
        if (attempt > 200) throw new Error('the store never came back');
        await sleep(Math.min(2000, 100 * 2 ** Math.min(attempt, 4)));
      }
    };

    const worker = async (queue: number[][]) => {
      while (queue.length) {
        const b = queue.shift()!;
        await send(b);
        answered += b.length;
        if (!killed && answered >= TOTAL * KILL_AT) {
          killed = true;
          await store.kill();
          restarted = (async () => {
            await sleep(500);
            store = await startDynamoLocal({ dataDir: dir, port, heapMb: HEAP_MB });
          })();
        }
      }
    };
    const queue = [...batches];
    await Promise.all([worker(queue), worker(queue)]);
    expect(killed).toBe(true);
    await restarted;
    // Reconciliation: re-send what was sent before the crash (acknowledged writes may have been lost).
    const before = [...sentBeforeCrash].sort((a, b) => a - b);
    for (let i = 0; i < before.length; i += BATCH) await send(before.slice(i, i + BATCH));

    // Count what is stored: one signal per item, none twice, none missing.
    const seen = new Map<string, number>();
    let start: Record<string, unknown> | undefined;
    do {
      const r = await h.deps.doc.send(
        new ScanCommand({
          TableName: h.deps.tableName,
          FilterExpression: '#t = :t AND sk = :a',
          ExpressionAttributeNames: { '#t': 'type' },
          ExpressionAttributeValues: { ':t': 'signal', ':a': 'A' },
          ExclusiveStartKey: start,
          Limit: 2000,
        }),
      );
      for (const item of r.Items ?? []) {
        const ext = (item.data as { externalId: string }).externalId;
        seen.set(ext, (seen.get(ext) ?? 0) + 1);
      }
      start = r.LastEvaluatedKey;
    } while (start);
    const duplicated = [...seen.values()].filter((n) => n > 1).length;
    const lost = TOTAL - seen.size;
    expect({ lost, duplicated, stored: seen.size }).toEqual({ lost: 0, duplicated: 0, stored: TOTAL });

    const rebuilt = await rebuildAggregates(h.deps);
    expect(rebuilt.differences).toEqual([]);
    const ledger = await verifyLedger(h.deps);
    expect(ledger.broken).toEqual([]);
    expect(ledger.records).toBeGreaterThanOrEqual(TOTAL);
    console.info(
      `kill-store: ${TOTAL} signals, ${statuses503} answers 503 while the store was down, lost ${lost}, duplicated ${duplicated}`,
    );
  });
});
