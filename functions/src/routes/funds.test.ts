import { type Alert, alertSchema } from '@jiandu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idleFundsSweep } from '../jobs/idle-funds.js';
import { type Harness, startHarness } from '../testing/harness.js';

/** 万元 → fen: 1 万元 = 1,000,000 fen; the default idle threshold is 10 万元. */
const WAN = 1_000_000;

let h: Harness;
let sup: string;
let ids: Record<string, string> = {};

const project = (over: Record<string, unknown> = {}) => ({
  unitId: 'ds-a',
  name: '青松镇产业路项目',
  plannedCompletion: '2025-03-31',
  allocatedFen: 30 * WAN,
  ...over,
});

async function open(body: Record<string, unknown>, token = sup): Promise<string> {
  const res = await h.call('POST', '/api/v1/fund-projects', { token, body });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function entry(body: Record<string, unknown>, token = sup) {
  return h.call('POST', '/api/v1/fund-entries', { token, body: { date: '2025-02-10', ...body } });
}

const json = async <T>(res: Response) => (await res.json()) as T;

beforeAll(async () => {
  // 2025-05-15 10:00 in Asia/Shanghai.
  h = await startHarness({ now: Date.parse('2025-05-15T02:00:00Z') });
  sup = await h.token('supervisor');
  ids = {
    road: await open(project()),
    water: await open(
      project({
        unitId: 'ds-a-1',
        name: '柳溪村饮水项目',
        plannedCompletion: '2025-04-30',
        allocatedFen: 8 * WAN,
      }),
    ),
    housing: await open(
      project({
        unitId: 'ds-b',
        name: '白石乡危房改造',
        plannedCompletion: '2025-12-31',
        allocatedFen: 20 * WAN,
      }),
    ),
    west: await open(
      project({
        unitId: 'xs-a',
        name: '龙门镇光伏项目',
        plannedCompletion: '2025-01-31',
        allocatedFen: 50 * WAN,
      }),
      await h.token('supervisor', 'xs'),
    ),
  };
  expect(
    (await entry({ projectId: ids.road, kind: 'disbursement', amountFen: 12 * WAN, note: '首期工程款' }))
      .status,
  ).toBe(201);
});
afterAll(() => h.close());

interface ProjectView {
  id: string;
  allocatedFen: number;
  disbursedFen: number;
  entries: number;
  version: number;
  ledger: { kind: string; amountFen: number; date: string }[];
}

describe('the project fund ledger', () => {
  it('opens a project once per Idempotency-Key and moves its totals with each entry, every change an event', async () => {
    const headers = { 'idempotency-key': 'fund-project-0001' };
    const body = project({ name: '青松镇茶园项目', allocatedFen: 5 * WAN });
    const a = await h.call('POST', '/api/v1/fund-projects', { token: sup, body, headers });
    const b = await h.call('POST', '/api/v1/fund-projects', { token: sup, body, headers });
    expect([a.status, b.status]).toEqual([201, 201]);
    const id = (await json<{ id: string }>(a)).id;
    expect((await json<{ id: string }>(b)).id).toBe(id);
    expect(
      (await entry({ projectId: id, kind: 'allocation', amountFen: 2 * WAN, date: '2025-03-01' })).status,
    ).toBe(201);
    expect(
      (await entry({ projectId: id, kind: 'disbursement', amountFen: 4 * WAN + 50, date: '2025-04-01' }))
        .status,
    ).toBe(201);
    const p = await json<ProjectView>(await h.call('GET', `/api/v1/fund-projects/${id}`, { token: sup }));
    expect([p.allocatedFen, p.disbursedFen, p.entries, p.version]).toEqual([7 * WAN, 4 * WAN + 50, 2, 3]);
    expect(p.ledger.map((e) => [e.kind, e.amountFen, e.date])).toEqual([
      ['allocation', 2 * WAN, '2025-03-01'],
      ['disbursement', 4 * WAN + 50, '2025-04-01'],
    ]);
    const events = await json<{ items: { action: string }[] }>(
      await h.call('GET', `/api/v1/fund-projects/${id}/events`, { token: sup }),
    );
    expect(events.items.map((e) => e.action)).toEqual(['fund.open', 'fund.allocation', 'fund.disbursement']);
  });

  it('records concurrent entries of one project without losing any', async () => {
    const id = await open(project({ name: '并发测试项目', allocatedFen: 10 * WAN }));
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => entry({ projectId: id, kind: 'disbursement', amountFen: n * 100 })),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const p = await json<ProjectView>(await h.call('GET', `/api/v1/fund-projects/${id}`, { token: sup }));
    expect([p.disbursedFen, p.entries, p.ledger.length]).toEqual([1500, 5, 5]);
  });

  it('refuses bad input naming the field, and stores nothing', async () => {
    const before = await json<ProjectView>(
      await h.call('GET', `/api/v1/fund-projects/${ids.road}`, { token: sup }),
    );
    const cases: [Record<string, unknown>, number, string][] = [
      [{ projectId: ids.road, kind: 'disbursement', amountFen: 0 }, 400, 'amountFen'],
      [{ projectId: ids.road, kind: 'disbursement', amountFen: 1.5 }, 400, 'amountFen'],
      [{ projectId: ids.road, kind: 'refund', amountFen: 100 }, 400, 'kind'],
      [{ projectId: ids.road, kind: 'allocation', amountFen: 100, date: '2025-02-30' }, 400, 'date'],
      [{ projectId: 'no-such-project', kind: 'allocation', amountFen: 100 }, 404, 'projectId'],
      [{ projectId: ids.west!, kind: 'allocation', amountFen: 100 }, 404, 'projectId'],
    ];
    for (const [body, status, field] of cases) {
      const res = await entry(body);
      expect([res.status, (await json<{ field: string }>(res)).field]).toEqual([status, field]);
    }
    const badProject = await h.call('POST', '/api/v1/fund-projects', {
      token: sup,
      body: project({ plannedCompletion: '2025/03/31' }),
    });
    expect([badProject.status, (await json<{ field: string }>(badProject)).field]).toEqual([
      400,
      'plannedCompletion',
    ]);
    const outside = await h.call('POST', '/api/v1/fund-projects', {
      token: sup,
      body: project({ unitId: 'xs-a' }),
    });
    expect([outside.status, (await json<{ code: string }>(outside)).code]).toEqual([404, 'unit.notFound']);
    const after = await json<ProjectView>(
      await h.call('GET', `/api/v1/fund-projects/${ids.road}`, { token: sup }),
    );
    expect(after.version).toBe(before.version);
  });

  it('keeps every caller inside their jurisdiction, and writes to the roles that may', async () => {
    const west = await h.token('supervisor', 'xs');
    expect((await h.call('GET', `/api/v1/fund-projects/${ids.road}`, { token: west })).status).toBe(404);
    expect((await h.call('GET', '/api/v1/fund-projects/no-such-project', { token: sup })).status).toBe(404);
    const officer = await h.token('unit_officer', 'ds-a');
    const own = await entry({ projectId: ids.water, kind: 'disbursement', amountFen: WAN }, officer);
    expect(own.status).toBe(201);
    const other = await entry({ projectId: ids.housing, kind: 'disbursement', amountFen: WAN }, officer);
    expect([other.status, (await json<{ field: string }>(other)).field]).toEqual([404, 'projectId']);
    const mine = await json<{ items: { unitId: string }[] }>(
      await h.call('GET', '/api/v1/fund-projects?limit=100', { token: officer }),
    );
    expect(new Set(mine.items.map((p) => p.unitId))).toEqual(new Set(['ds-a', 'ds-a-1']));
    const viewer = await h.token('viewer');
    expect((await h.call('POST', '/api/v1/fund-projects', { token: viewer, body: project() })).status).toBe(
      403,
    );
    expect((await h.call('POST', '/api/v1/fund-projects', { token: officer, body: project() })).status).toBe(
      403,
    );
    // Undo the officer's disbursement for the view below: an allocation of the same amount.
    expect((await entry({ projectId: ids.water, kind: 'allocation', amountFen: WAN })).status).toBe(201);
  });

  it('ingests batches item by item, with natural keys making a second run a no-op', async () => {
    const items = [
      project({
        name: '批量一',
        source: 'finance',
        externalId: 'F-001',
        unitId: 'ds-c',
        plannedCompletion: '2026-06-30',
      }),
      project({
        name: '批量二',
        source: 'finance',
        externalId: 'F-002',
        unitId: 'ds-c',
        plannedCompletion: '2026-06-30',
      }),
      project({
        name: '批量一又',
        source: 'finance',
        externalId: 'F-001',
        unitId: 'ds-c',
        plannedCompletion: '2026-06-30',
      }),
      project({ unitId: 'xs-a' }),
      { name: '缺单位' },
    ];
    const first = await json<{ items: { status: string; id?: string; field?: string }[] }>(
      await h.call('POST', '/api/v1/fund-projects/batch', { token: sup, body: { items } }),
    );
    expect(first.items.map((i) => i.status)).toEqual([
      'accepted',
      'accepted',
      'duplicate',
      'rejected',
      'rejected',
    ]);
    expect(first.items[2]!.id).toBe(first.items[0]!.id);
    expect(first.items.slice(3).map((i) => i.field)).toEqual(['unitId', 'unitId']);
    const again = await json<{ items: { status: string; id?: string }[] }>(
      await h.call('POST', '/api/v1/fund-projects/batch', { token: sup, body: { items: items.slice(0, 2) } }),
    );
    expect(again.items.map((i) => [i.status, i.id])).toEqual([
      ['duplicate', first.items[0]!.id],
      ['duplicate', first.items[1]!.id],
    ]);
    const pid = first.items[0]!.id!;
    const entries = [
      {
        projectId: pid,
        kind: 'disbursement',
        amountFen: 3 * WAN,
        date: '2025-04-01',
        source: 'finance',
        externalId: 'P-9',
      },
      {
        projectId: pid,
        kind: 'disbursement',
        amountFen: 3 * WAN,
        date: '2025-04-01',
        source: 'finance',
        externalId: 'P-9',
      },
      { projectId: pid, kind: 'disbursement', amountFen: -5, date: '2025-04-01' },
    ];
    const e = await json<{ items: { status: string; field?: string }[] }>(
      await h.call('POST', '/api/v1/fund-entries/batch', { token: sup, body: { items: entries } }),
    );
    expect(e.items.map((i) => i.status)).toEqual(['accepted', 'duplicate', 'rejected']);
    expect(e.items[2]!.field).toBe('amountFen');
    const p = await json<ProjectView>(await h.call('GET', `/api/v1/fund-projects/${pid}`, { token: sup }));
    expect([p.disbursedFen, p.entries]).toEqual([3 * WAN, 1]);
  });
});

interface FundsView {
  totals: {
    projects: number;
    allocatedFen: number;
    disbursedFen: number;
    unspentFen: number;
    idleProjects: number;
    idleFen: number;
  };
  rows: { unitId: string; own: boolean; totals: FundsView['totals'] }[];
  projects: { id: string; unspentFen: number; idle: boolean }[];
}

describe('the funds view and the idle-funds alert', () => {
  it('shows a unit its projects, balances and idle money, per sub-unit and for the subtree', async () => {
    const officer = await h.token('unit_officer', 'ds-a');
    const v = await json<FundsView>(await h.call('GET', '/api/v1/funds', { token: officer }));
    // 青松镇 (ds-a) itself: the road 30 − 12 = 18 万元 unspent past 2025-03-31 (idle); the tea garden
    // 7 − 4.00005 = 2.99995 万元 and the concurrency project 10 万元 − 1,500 fen, both not above 10 万元.
    // Its village 柳溪村: the water project 9 − 1 = 8 万元, under the threshold.
    expect(v.rows.map((r) => [r.unitId, r.own, r.totals.projects])).toEqual([
      ['ds-a', true, 3],
      ['ds-a-1', false, 1],
    ]);
    expect(v.totals).toEqual({
      projects: 4,
      allocatedFen: 30 * WAN + 7 * WAN + 10 * WAN + 9 * WAN,
      disbursedFen: 12 * WAN + 4 * WAN + 50 + 1500 + WAN,
      unspentFen: 18 * WAN + (3 * WAN - 50) + (10 * WAN - 1500) + 8 * WAN,
      idleProjects: 1,
      idleFen: 18 * WAN,
    });
    expect(v.projects[0]).toMatchObject({ id: ids.road, unspentFen: 18 * WAN, idle: true });
    const county = await json<FundsView>(await h.call('GET', '/api/v1/funds?unitId=ds', { token: sup }));
    expect(
      county.rows.map((r) => [r.unitId, r.totals.projects, r.totals.unspentFen, r.totals.idleProjects]),
    ).toEqual([
      ['ds-a', 4, v.totals.unspentFen, 1],
      ['ds-b', 1, 20 * WAN, 0],
      ['ds-c', 2, 57 * WAN, 0],
      ['ds-fpb', 0, 0, 0],
    ]);
    expect(county.totals.projects).toBe(7);
    const outside = await h.call('GET', '/api/v1/funds?unitId=xs', { token: sup });
    expect([outside.status, (await json<{ field: string }>(outside)).field]).toEqual([404, 'unitId']);
  });

  it('raises one alert per idle project, and a second run raises nothing', async () => {
    const first = await idleFundsSweep(h.deps, { now: h.deps.clock() });
    // Past planned completion: the road, the tea garden, the concurrency project, the water project and the
    // western one; idle (above 10 万元): the road (18 万元) and the western one (50 万元).
    expect(first.counts).toEqual({ scanned: 5, idle: 2, alertsRaised: 2, alreadyRaised: 0 });
    const second = await idleFundsSweep(h.deps, { now: h.deps.clock() + 86_400_000 });
    expect(second.counts).toEqual({ scanned: 5, idle: 2, alertsRaised: 0, alreadyRaised: 2 });
    const alerts = await json<{ items: Alert[] }>(
      await h.call('GET', '/api/v1/alerts?limit=50', { token: sup }),
    );
    const idle = alerts.items.filter((a) => a.rule === 'funds.idle');
    expect(idle.map((a) => [a.subject.id, a.unitId, a.state])).toEqual([[ids.road, 'ds-a', 'open']]);
    expect(alertSchema.safeParse(idle[0]).success).toBe(true);
    const west = await json<{ items: Alert[] }>(
      await h.call('GET', '/api/v1/alerts?limit=50', { token: await h.token('supervisor', 'xs') }),
    );
    expect(west.items.filter((a) => a.rule === 'funds.idle').map((a) => a.subject.id)).toEqual([ids.west]);
  });
});
