import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../store/keys.js';
import { BACKDATING_SCHEME, type Harness, startHarness } from '../../testing/harness.js';
import { rebuildAggregates } from './rebuild.js';

let h: Harness;

beforeAll(async () => {
  // Fixtures build quarters of history through live intake, to test ranking, not the look-back.
  h = await startHarness({ scheme: BACKDATING_SCHEME });
  const inspector = await h.token('inspector', 'city');
  const supervisor = await h.token('supervisor', 'city');
  const officer = await h.token('unit_officer', 'ds-b');
  // A small workload: findings of every severity (each opens a rectification), in several quarters and
  // units (villages count for their township), and indicators created and then changed.
  const units = ['ds-a', 'ds-a-1', 'ds-b', 'ds-c', 'ds-fpb', 'xs-a'];
  const severities = ['general', 'serious', 'grave'];
  const days = ['2024-11-03', '2025-01-15', '2025-02-28', '2025-03-31', '2025-04-20', '2025-05-14'];
  const items = Array.from({ length: 24 }, (_, i) => ({
    unitId: units[i % units.length],
    category: 'slow_action',
    severity: severities[i % 3],
    source: i % 2 ? 'audit' : 'inspection',
    description: `问题 ${i}`,
    amountFen: i * 100,
    discoveredOn: days[(i * 5) % days.length],
    ...(i % 4 === 0 ? { deadline: '2025-03-15' } : {}),
  }));
  const batch = await h.call('POST', '/api/v1/findings/batch', { token: inspector, body: { items } });
  expect(batch.status).toBe(200);
  for (const [unitId, target] of [
    ['ds-b', 40],
    ['ds-a-1', 12],
    ['xs-a', 8],
  ] as const) {
    const res = await h.call('POST', '/api/v1/indicators', {
      token: supervisor,
      body: { unitId, year: 2025, name: `指标 ${unitId}`, target, actuals: [1, null, null, null] },
    });
    const { id } = (await res.json()) as { id: string };
    if (unitId === 'ds-b') {
      const put = await h.call('PUT', `/api/v1/indicators/${id}`, {
        token: officer,
        body: { expectedVersion: 1, actuals: [9, 21, null, null] },
      });
      expect(put.status).toBe(200);
    }
  }
});
afterAll(() => h.close());

describe('npm run rebuild', () => {
  it('finds no difference between the stored aggregates and a rebuild from the records', async () => {
    const r = await rebuildAggregates(h.deps);
    expect(r.records).toBe(24 * 2 + 3); // findings, their rectifications, indicators
    expect(r.aggregates.rebuilt).toBeGreaterThan(10);
    expect(r.differences).toEqual([]);
  });

  it('reports one difference after an AGG item is corrupted, and --fix writes the rebuilt value', async () => {
    await h.deps.doc.send(
      new UpdateCommand({
        TableName: h.deps.tableName,
        Key: keys.aggregate('2025Q1', 'ds-a'),
        UpdateExpression: 'ADD #c :one',
        ExpressionAttributeNames: { '#c': 'c_findings_grave' },
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
    const r = await rebuildAggregates(h.deps);
    expect(r.differences.map((d) => [d.unitId, d.quarter])).toEqual([['ds-a', '2025Q1']]);
    const [d] = r.differences;
    expect(d!.stored!.findings.grave - d!.rebuilt!.findings.grave).toBe(1);
    const fixed = await rebuildAggregates(h.deps, { fix: true });
    expect(fixed.fixed).toBe(1);
    expect((await rebuildAggregates(h.deps)).differences).toEqual([]);
  });
});
