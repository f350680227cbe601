/**
 * Units that move and merge, through the API on DynamoDB Local: lists and jurisdiction follow from the
 * move, a later quarter is ranked on the new tree while a past one keeps its ranking, aggregates equal a
 * rebuild, every chain verifies, and the same request again changes nothing.
 */
import type { Ranking, Unit } from '@jiandu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildAggregates } from '../services/integrity/rebuild.js';
import { verifyLedger } from '../services/integrity/verify.js';
import { createUnit } from '../services/org/org.js';
import { BACKDATING_SCHEME, type Harness, logFinding, startHarness } from '../testing/harness.js';

let h: Harness;
let admin: string;
let inspector: string;
let citySupervisor: string;

const log = (unitId: string, severity: string, discoveredOn: string): Promise<string> =>
  logFinding(h, inspector, { unitId, severity, discoveredOn });

const draft = async (quarter: string, groupKey: string): Promise<Ranking> => {
  const res = await h.call('POST', '/api/v1/rankings/compute', {
    token: citySupervisor,
    body: { quarter, groupKey },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { groups: { ranking: Ranking }[] }).groups[0]!.ranking;
};
const rows = (r: Ranking) => r.rows.map((x) => [x.unitId, x.score.total, x.rank]);

const findingIds = async (token: string): Promise<string[]> => {
  const res = await h.call('GET', '/api/v1/findings?limit=100', { token });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: { id: string }[] }).items.map((i) => i.id);
};

const unitOf = async (id: string): Promise<Unit> => (await h.deps.store.get<Unit>('unit', id))!.data;

async function integrity(): Promise<void> {
  expect((await rebuildAggregates(h.deps)).differences).toEqual([]);
  expect((await verifyLedger(h.deps)).broken).toEqual([]);
}

beforeAll(async () => {
  h = await startHarness({ scheme: BACKDATING_SCHEME });
  admin = await h.token('admin', 'city');
  inspector = await h.token('inspector', 'city');
  citySupervisor = await h.token('supervisor', 'city');
});
afterAll(() => h.close());

describe('a unit that moves (撤县设区: 青松镇 from 东山县 to 西川县 from 2025-04-01)', () => {
  let q1: string;
  let q2: string;
  let village: string;
  let before: { q1: Ranking };

  beforeAll(async () => {
    q1 = await log('ds-a', 'grave', '2025-02-10');
    q2 = await log('ds-a', 'serious', '2025-04-20');
    village = await log('ds-a-1', 'general', '2025-04-21');
    await log('ds-b', 'grave', '2025-03-01');
    before = { q1: await draft('2025Q1', 'county-townships@ds') };
    expect(before.q1.rows.map((r) => r.unitId)).toContain('ds-a');
  });

  it('refuses a cycle, a day before the unit was established, a non-admin, and stores nothing', async () => {
    const cycle = await h.call('POST', '/api/v1/units/ds/move', {
      token: admin,
      body: { parentId: 'ds-a', effectiveOn: '2025-04-01', reason: '调整' },
    });
    expect(cycle.status).toBe(422);
    expect(await cycle.json()).toMatchObject({ code: 'unit.moveIntoSubtree', field: 'parentId' });
    const supervisor = await h.call('POST', '/api/v1/units/ds-a/move', {
      token: citySupervisor,
      body: { parentId: 'xs', effectiveOn: '2025-04-01', reason: '调整' },
    });
    expect(supervisor.status).toBe(403);
    const unknown = await h.call('POST', '/api/v1/units/ds-a/move', {
      token: admin,
      body: { parentId: 'nowhere', effectiveOn: '2025-04-01', reason: '调整' },
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'unit.notFound', field: 'parentId' });
    const badDate = await h.call('POST', '/api/v1/units/ds-a/move', {
      token: admin,
      body: { parentId: 'xs', effectiveOn: '2025-02-30', reason: '调整' },
    });
    expect(badDate.status).toBe(400);
    await createUnit(h.deps, null, {
      id: 'xs-n',
      name: '新设街道',
      kind: 'township',
      parentId: 'xs',
      code: 'XS-N',
      aliases: [],
      establishedOn: '2025-06-01',
    });
    const beforeEstablished = await h.call('POST', '/api/v1/units/ds-a-1/move', {
      token: admin,
      body: { parentId: 'xs-n', effectiveOn: '2025-04-01', reason: '调整' },
    });
    expect(beforeEstablished.status).toBe(422);
    expect(await beforeEstablished.json()).toMatchObject({
      code: 'unit.moveBeforeEstablished',
      field: 'effectiveOn',
    });
    expect((await unitOf('ds-a')).parentId).toBe('ds');
    expect((await unitOf('ds-a')).history).toBeUndefined();
  });

  it('moves it: records, lists and jurisdiction follow; history keeps where it stood', async () => {
    const res = await h.call('POST', '/api/v1/units/ds-a/move', {
      token: admin,
      body: { parentId: 'xs', effectiveOn: '2025-04-01', reason: '撤县设区，青松镇划归西川县' },
    });
    expect(res.status).toBe(200);
    const move = (await res.json()) as { id: string; state: string; reindexed: number; unitIds: string[] };
    expect(move).toMatchObject({ state: 'done', unitIds: ['ds-a'] });
    // 3 findings, their 3 rectifications, the village unit below it.
    expect(move.reindexed).toBeGreaterThanOrEqual(7);
    expect(await unitOf('ds-a')).toMatchObject({
      parentId: 'xs',
      history: [{ parentId: 'ds', from: null, to: '2025-04-01' }],
    });

    const ds = await h.token('supervisor', 'ds');
    const xs = await h.token('supervisor', 'xs');
    expect(await findingIds(ds)).not.toContain(q1);
    expect(await findingIds(xs)).toEqual(expect.arrayContaining([q1, q2, village]));
    expect((await h.call('GET', `/api/v1/findings/${q1}`, { token: ds })).status).toBe(404);
    expect((await h.call('GET', `/api/v1/findings/${village}`, { token: xs })).status).toBe(200);
    const stored = await h.deps.store.get('finding', village);
    expect(stored?.unitPath).toBe('/city/xs/ds-a/ds-a-1/');

    const events = await h.deps.store.history('unit', 'ds-a');
    expect(events.at(-1)).toMatchObject({ action: 'unit.move' });
    const log = await h.call('GET', '/api/v1/operation-log?action=unit-move', {
      token: await h.token('audit_admin', 'city'),
    });
    expect(log.status).toBe(200);
    expect(((await log.json()) as { items: unknown[] }).items).toHaveLength(1);
  });

  it('ranks the past quarter as it was and the next quarter with the new peer group', async () => {
    expect(rows(await draft('2025Q1', 'county-townships@ds'))).toEqual(rows(before.q1));
    const q2xs = await draft('2025Q2', 'county-townships@xs');
    expect(q2xs.rows.map((r) => r.unitId)).toContain('ds-a');
    const q2ds = await draft('2025Q2', 'county-townships@ds');
    expect(q2ds.rows.map((r) => r.unitId)).not.toContain('ds-a');
  });

  it('leaves aggregates equal to a rebuild and every chain verified', integrity);

  it('is idempotent: the same request again answers the same move and changes nothing', async () => {
    const events = (await h.deps.store.history('unit', 'ds-a')).length;
    const again = await h.call('POST', '/api/v1/units/ds-a/move', {
      token: admin,
      body: { parentId: 'xs', effectiveOn: '2025-04-01', reason: '撤县设区，青松镇划归西川县' },
    });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ state: 'done', unitIds: ['ds-a'] });
    expect((await h.deps.store.history('unit', 'ds-a')).length).toBe(events);
    expect((await unitOf('ds-a')).history).toHaveLength(1);
    await integrity();
  });
});

describe('units that merge (撤乡并镇: 白石乡 into 红岭镇 from 2025-04-01)', () => {
  let q1: string;
  let open: string;
  let before: Ranking;
  let beforeQ2: Ranking;

  beforeAll(async () => {
    q1 = await log('ds-b', 'serious', '2025-02-11');
    open = await log('ds-b', 'grave', '2025-04-22');
    before = await draft('2025Q1', 'county-townships@ds');
    beforeQ2 = await draft('2025Q2', 'county-townships@ds');
    expect(before.rows.map((r) => r.unitId)).toContain('ds-b');
  });

  it('refuses merging a unit into its own descendant', async () => {
    const res = await h.call('POST', '/api/v1/units/merge', {
      token: admin,
      body: { sourceIds: ['ds'], targetId: 'ds-c', effectiveOn: '2025-04-01', reason: '合并' },
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: 'unit.moveIntoSubtree', field: 'sourceIds/0' });
  });

  it('merges: the source ends, its records pass to the survivor, the past quarter is unchanged', async () => {
    const res = await h.call('POST', '/api/v1/units/merge', {
      token: admin,
      body: { sourceIds: ['ds-b'], targetId: 'ds-c', effectiveOn: '2025-04-01', reason: '撤乡并镇' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ kind: 'merge', state: 'done' });
    expect(await unitOf('ds-b')).toMatchObject({
      parentId: 'ds-c',
      mergedInto: { unitId: 'ds-c', on: '2025-04-01' },
    });

    const dsc = await h.token('supervisor', 'ds-c');
    expect(await findingIds(dsc)).toEqual(expect.arrayContaining([q1, open]));
    expect((await h.call('GET', `/api/v1/findings/${open}`, { token: dsc })).status).toBe(200);
    // The record keeps its own unit; its jurisdiction is the survivor's.
    const stored = await h.deps.store.get<{ unitId: string }>('finding', open);
    expect(stored?.data.unitId).toBe('ds-b');
    expect(stored?.unitPath).toBe('/city/ds/ds-c/ds-b/');

    expect(rows(await draft('2025Q1', 'county-townships@ds'))).toEqual(rows(before));
    const q2 = await draft('2025Q2', 'county-townships@ds');
    expect(q2.rows.map((r) => r.unitId)).not.toContain('ds-b');
    // 白石乡's Q2 finding (grave) counts for 红岭镇 from the merge on.
    const total = (r: Ranking) => r.rows.find((x) => x.unitId === 'ds-c')!.score.total;
    expect(total(q2)).toBeLessThan(total(beforeQ2));
  });

  it('leaves aggregates equal to a rebuild and every chain verified', integrity);

  it('is idempotent, and a merged unit cannot move again', async () => {
    const again = await h.call('POST', '/api/v1/units/merge', {
      token: admin,
      body: { sourceIds: ['ds-b'], targetId: 'ds-c', effectiveOn: '2025-04-01', reason: '撤乡并镇' },
    });
    expect(again.status).toBe(200);
    expect((await unitOf('ds-b')).history).toHaveLength(1);
    const moved = await h.call('POST', '/api/v1/units/ds-b/move', {
      token: admin,
      body: { parentId: 'xs', effectiveOn: '2025-05-01', reason: '调整' },
    });
    expect(moved.status).toBe(422);
    expect(await moved.json()).toMatchObject({ code: 'unit.merged' });
    await integrity();
  });
});
