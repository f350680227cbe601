import type { Ranking } from '@jiandu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAggregates } from '../services/rankings/rankings.js';
import { type Harness, startHarness } from '../testing/harness.js';

let h: Harness;
let supervisor: string;
let officer: string;
let id: string;

type Body = {
  id: string;
  version: number;
  actuals: (number | null)[];
  code?: string;
  field?: string;
  current?: { version: number };
};

const taskOf = async (quarter: string) => {
  const res = await h.call('POST', '/api/v1/rankings/compute', {
    token: supervisor,
    body: { quarter, groupKey: 'county-townships@ds' },
  });
  const ranking = ((await res.json()) as { groups: { ranking: Ranking }[] }).groups[0]!.ranking;
  return ranking.rows.find((r) => r.unitId === 'ds-a')!.score.task;
};

beforeAll(async () => {
  h = await startHarness();
  supervisor = await h.token('supervisor');
  officer = await h.token('unit_officer', 'ds-a');
});
afterAll(() => h.close());

describe('indicators through the API', () => {
  it('lets a supervisor set a target with actuals, and moves the township’s quarterly aggregates', async () => {
    const res = await h.call('POST', '/api/v1/indicators', {
      token: supervisor,
      body: {
        unitId: 'ds-a-1',
        year: 2025,
        name: '脱贫户危房改造',
        measure: '户',
        target: 100,
        actuals: [10, null, null, null],
      },
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as Body;
    id = body.id;
    expect(body.version).toBe(1);
    const aggs = await readAggregates(h.deps, '2025Q1');
    expect(aggs.get('ds-a')?.tasks[id]).toEqual({ plan: 25, actual: 10 });
    const task = await taskOf('2025Q1');
    expect([task.points, task.noTargets]).toEqual([1600, false]);
    expect((await readAggregates(h.deps, '2025Q4')).get('ds-a')?.tasks[id]).toEqual({
      plan: 100,
      actual: null,
    });
  });

  it('lets the unit’s officer report actuals, and only actuals', async () => {
    const ok = await h.call('PUT', `/api/v1/indicators/${id}`, {
      token: officer,
      body: { expectedVersion: 1, actuals: [30, 45, null, null] },
    });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as Body).version).toBe(2);
    expect((await taskOf('2025Q1')).points).toBe(4000);
    expect((await readAggregates(h.deps, '2025Q2')).get('ds-a')?.tasks[id]).toEqual({ plan: 50, actual: 45 });
    const target = await h.call('PUT', `/api/v1/indicators/${id}`, {
      token: officer,
      body: { expectedVersion: 2, target: 50 },
    });
    const refused = (await target.json()) as Body;
    expect([target.status, refused.field]).toEqual([403, 'target']);
    const created = await h.call('POST', '/api/v1/indicators', {
      token: officer,
      body: { unitId: 'ds-a', year: 2025, name: '自定目标', target: 1, actuals: [null, null, null, null] },
    });
    expect(created.status).toBe(403);
  });

  it('answers a stale version with 409 and the current indicator, and keeps other units out', async () => {
    const stale = await h.call('PUT', `/api/v1/indicators/${id}`, {
      token: supervisor,
      body: { expectedVersion: 1, target: 120 },
    });
    const body = (await stale.json()) as Body;
    expect([stale.status, body.code, body.current?.version]).toEqual([409, 'conflict.version', 2]);
    const stranger = await h.call('PUT', `/api/v1/indicators/${id}`, {
      token: await h.token('unit_officer', 'ds-b'),
      body: { expectedVersion: 2, actuals: [100, 100, 100, 100] },
    });
    expect(stranger.status).toBe(404);
    const removed = await h.call('PUT', `/api/v1/indicators/${id}`, {
      token: supervisor,
      body: { expectedVersion: 2, target: null },
    });
    expect(removed.status).toBe(200);
    expect((await readAggregates(h.deps, '2025Q1')).get('ds-a')?.tasks).toEqual({});
    expect((await taskOf('2025Q1')).noTargets).toBe(true);
  });

  it('refuses bad values naming the field, and stores nothing', async () => {
    const res = await h.call('POST', '/api/v1/indicators', {
      token: supervisor,
      body: { unitId: 'ds-a', year: 2025, name: 'x', target: -1, actuals: [null, null, null, null] },
    });
    expect([res.status, ((await res.json()) as Body).field]).toEqual([400, 'target']);
    const list = await h.call('GET', '/api/v1/indicators?year=2025', { token: supervisor });
    expect(((await list.json()) as { items: Body[] }).items.map((i) => i.id)).toEqual([id]);
    const none = await h.call('GET', '/api/v1/indicators?year=2024', { token: supervisor });
    expect(((await none.json()) as { items: Body[] }).items).toEqual([]);
  });
});
