import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../store/keys.js';
import { type Harness, startHarness } from '../../testing/harness.js';
import { runVerify, verifyLedger } from './verify.js';

let h: Harness;
let findingId: string;
let indicatorId: string;
const digests = join(mkdtempSync(join(tmpdir(), 'jiandu-verify-')), 'digests.log');

beforeAll(async () => {
  h = await startHarness();
  const inspector = await h.token('inspector');
  const supervisor = await h.token('supervisor');
  const f = await h.call('POST', '/api/v1/findings', {
    token: inspector,
    body: {
      unitId: 'ds-a',
      category: 'inaction',
      severity: 'general',
      source: 'inspection',
      description: '村级公示栏未更新',
      amountFen: 0,
      discoveredOn: '2025-04-02',
    },
  });
  findingId = ((await f.json()) as { id: string }).id;
  const i = await h.call('POST', '/api/v1/indicators', {
    token: supervisor,
    body: { unitId: 'ds-b', year: 2025, name: '产业项目', target: 10, actuals: [1, null, null, null] },
  });
  indicatorId = ((await i.json()) as { id: string }).id;
  for (const [version, q2] of [
    [1, 4],
    [2, 6],
  ])
    await h.call('PUT', `/api/v1/indicators/${indicatorId}`, {
      token: supervisor,
      body: { expectedVersion: version, actuals: [1, q2, null, null] },
    });
});
afterAll(() => h.close());

const tamper = (type: 'finding' | 'indicator', id: string, seq: number, path: string, value: unknown) =>
  h.deps.doc.send(
    new UpdateCommand({
      TableName: h.deps.tableName,
      Key: keys.event(type, id, seq),
      UpdateExpression: `SET ${path
        .split('.')
        .map((_, i) => `#n${i}`)
        .join('.')} = :v`,
      ExpressionAttributeNames: Object.fromEntries(path.split('.').map((n, i) => [`#n${i}`, n])),
      ExpressionAttributeValues: { ':v': value },
    }),
  );

describe('npm run verify', () => {
  it('verifies every chain of an untouched ledger and appends a digest line', async () => {
    const lines: string[] = [];
    expect(await runVerify(h.deps, digests, (l) => lines.push(l))).toBe(0);
    expect(lines.at(-1)).toBe('every chain verifies');
    const report = await verifyLedger(h.deps);
    expect(report.broken).toEqual([]);
    expect(report.heads.find((x) => x.recordKey === `indicator#${indicatorId}`)?.seq).toBe(3);
    const log = readFileSync(digests, 'utf8').trim().split('\n');
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(/^2025-05-15T10:00:00\+08:00\tsha256:[0-9a-f]{64}\theads:\d+\tverified$/);
    expect(log[0]).toContain(report.digest);
  });

  it('names the first broken link after an event item is altered in the table, and exits 1', async () => {
    await tamper('indicator', indicatorId, 3, 'after.name', '产业项目（改）');
    await tamper('indicator', indicatorId, 2, 'reason', 'backdated');
    const lines: string[] = [];
    expect(await runVerify(h.deps, digests, (l) => lines.push(l))).toBe(1);
    expect(lines).toContain(`BROKEN: indicator#${indicatorId} at seq 2 (hash)`);
    await tamper('finding', findingId, 1, 'actorId', 'someone-else');
    const report = await verifyLedger(h.deps);
    expect(report.broken.map((b) => [b.recordKey, b.seq, b.reason]).sort()).toEqual(
      [
        [`finding#${findingId}`, 1, 'hash'],
        [`indicator#${indicatorId}`, 2, 'hash'],
      ].sort(),
    );
    const log = readFileSync(digests, 'utf8').trim().split('\n');
    expect(log).toHaveLength(2);
    expect(log[1]).toMatch(/\tbroken:1$/);
  });

  it('finds a deleted last event from the head its state item names', async () => {
    const supervisor = await h.token('supervisor');
    const res = await h.call('POST', '/api/v1/indicators', {
      token: supervisor,
      body: { unitId: 'ds-c', year: 2025, name: '培训人次', target: 300, actuals: [null, null, null, null] },
    });
    const { id } = (await res.json()) as { id: string };
    await h.call('PUT', `/api/v1/indicators/${id}`, {
      token: supervisor,
      body: { expectedVersion: 1, actuals: [80, null, null, null] },
    });
    await h.deps.doc.send(
      new DeleteCommand({ TableName: h.deps.tableName, Key: keys.event('indicator', id, 2) }),
    );
    const report = await verifyLedger(h.deps);
    expect(report.broken.find((b) => b.recordKey === `indicator#${id}`)).toEqual({
      recordKey: `indicator#${id}`,
      seq: 2,
      reason: 'head',
    });
  });
});
