import type { RectificationAction } from '@jiandu/shared';
import type { DraftResponse, HomeResponse } from '@jiandu/shared/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionQueue, HOME_QUEUE } from '../services/home/home.js';
import { type Harness, startHarness } from '../testing/harness.js';

interface View {
  id: string;
  state: string;
  version: number;
}

let h: Harness;
let supervisor: string;
let otherSupervisor: string;
let officer: string;
let otherOfficer: string;
let reviewerA: string;
let reviewerB: string;
let otherReviewer: string;
let leader: string;

beforeAll(async () => {
  h = await startHarness({ now: Date.parse('2025-05-20T10:00:00+08:00') });
  [supervisor, otherSupervisor, officer, otherOfficer, reviewerA, reviewerB, otherReviewer, leader] =
    await Promise.all([
      h.token('supervisor'),
      h.token('supervisor', 'xs'),
      h.token('unit_officer', 'ds-a'),
      h.token('unit_officer', 'xs-a'),
      h.token('reviewer'),
      h.token('reviewer', 'city'),
      h.token('reviewer', 'xs'),
      h.token('viewer', 'city'),
    ]);
});
afterAll(() => h.close());

async function create(unitId: string, title: string, deadline = '2025-06-30', token = supervisor) {
  const res = await h.call('POST', '/api/v1/rectifications', {
    token,
    body: { source: { kind: 'import', id: null }, unitId, title, deadline },
  });
  expect(res.status).toBe(201);
  return (await res.json()) as View;
}

async function ok(r: View, token: string, action: RectificationAction): Promise<View> {
  const res = await h.call('POST', `/api/v1/rectifications/${r.id}/actions`, {
    token,
    body: { action, expectedVersion: r.version },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as View;
}

async function submitted(title: string, by = officer, unitId = 'ds-a'): Promise<View> {
  let r = await create(unitId, title, '2025-06-30', unitId.startsWith('xs') ? otherSupervisor : supervisor);
  r = await ok(r, by, { type: 'start' });
  r = await ok(r, by, { type: 'addMeasure', text: '逐户核实' });
  return ok(r, by, { type: 'submit' });
}

async function home(token: string): Promise<HomeResponse> {
  const res = await h.call('GET', '/api/v1/home', { token });
  expect(res.status).toBe(200);
  return (await res.json()) as HomeResponse;
}

async function list(token: string, query: string): Promise<string[]> {
  const res = await h.call('GET', `/api/v1/rectifications?${query}`, { token });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: View[] }).items.map((r) => r.id);
}

describe('GET /api/v1/home: each role’s first question in one request', () => {
  it('says an all-tied group has no last unit (本组全部并列) instead of listing every unit as 末位', async () => {
    const l = await home(leader);
    const townships = l.behind!.groups.find((g) => g.groupKey === 'county-townships@ds');
    expect(townships).toMatchObject({ size: 3, noCardReason: 'allTied', last: [] });
    expect(l.behind!.groups.find((g) => g.groupKey === 'county-townships@xs')?.noCardReason).toBe(
      'groupTooSmall',
    );
    expect(l.behind!.units.map((u) => u.open)).toEqual([0, 0]);
  });

  it('gives the reviewer both steps, never a second step they took the first of, nothing of another county', async () => {
    const first = await submitted('低保资格复核不到位');
    let second = await submitted('易地搬迁后续帮扶台账缺失');
    second = await ok(second, reviewerA, { type: 'approve' });
    expect(second.state).toBe('first_approved');
    const elsewhere = await submitted('西川县饮水工程验收滞后', otherOfficer, 'xs-a');

    const a = await home(reviewerA);
    const aIds = a.review!.items.map((r) => r.id);
    expect(aIds).toContain(first.id);
    expect(aIds).not.toContain(second.id); // A approved its first step: the second needs another reviewer
    expect(aIds).not.toContain(elsewhere.id);

    const b = await home(reviewerB); // the city's reviewer: both counties
    const steps = Object.fromEntries(b.review!.items.map((r) => [r.id, r.step]));
    expect(steps[first.id]).toBe('first');
    expect(steps[second.id]).toBe('second');
    expect(steps[elsewhere.id]).toBe('first');
    expect(b.unitNames['ds-a']).toBe('青松镇');

    const x = await home(otherReviewer);
    expect(x.review!.items.map((r) => r.id)).toEqual([elsewhere.id]);
    expect(x.objections).toEqual({ items: [], more: false });

    // 查看全部 lists the same queue, and `state` narrows it to one step.
    expect(await list(reviewerB, 'review=mine&state=first_approved')).toEqual([second.id]);
    expect(await list(reviewerA, 'review=mine&state=first_approved')).toEqual([]);
    expect(await list(reviewerB, 'review=mine')).toEqual(expect.arrayContaining([first.id, second.id]));
    // A reviewer who is not a reviewer of it never sees it in their queue: a supervisor's home has none.
    expect((await home(supervisor)).review).toBeUndefined();
  });

  it('gives the supervisor the pending extension requests of their jurisdiction, gone once decided', async () => {
    let r = await create('ds-b', '产业扶贫项目资产未确权');
    r = await ok(r, await h.token('unit_officer', 'ds-b'), { type: 'start' });
    r = await ok(r, await h.token('unit_officer', 'ds-b'), {
      type: 'requestExtension',
      deadline: '2025-08-31',
      reason: '汛期道路中断',
    });
    const s = await home(supervisor);
    const mine = s.extensions!.items.find((x) => x.rectification.id === r.id);
    expect(mine?.request).toMatchObject({ requestedDeadline: '2025-08-31', decision: 'pending' });
    expect(s.triage).toEqual({ n: 0, more: false });
    expect(s.petitions).toEqual({ overdue: { n: 0, more: false }, pending: { n: 0, more: false } });
    expect((await home(otherSupervisor)).extensions!.items.map((x) => x.rectification.id)).not.toContain(
      r.id,
    );
    expect(await list(supervisor, 'extension=pending')).toEqual([r.id]);

    await ok(r, supervisor, { type: 'decideExtension', approve: true });
    expect((await home(supervisor)).extensions!.items).toEqual([]);
    expect((await home(officer)).extensions).toBeUndefined();
  });

  it('gives the unit officer their open work overdue first with its light, nothing of another unit', async () => {
    const late = await create('ds-a-1', '村级公益岗补贴未按月发放', '2025-05-10');
    const later = await create('ds-a', '危房改造补助资金滞留', '2025-12-31');
    const xs = await create('xs-a', '西川县项目', '2025-05-01', otherSupervisor);
    const o = await home(officer);
    const ids = o.toAct!.items.map((r) => r.id);
    expect(ids[0]).toBe(late.id);
    expect(o.toAct!.items[0]).toMatchObject({ daysOverdue: 10, light: 'red' });
    expect(ids).toContain(later.id);
    expect(ids).not.toContain(xs.id);
    expect(o.open!.overdue).toBe(1);
    expect(o.open!.lights.red).toBe(1);
    expect(o.open!.count).toEqual({ n: ids.length, more: false });
    expect(o.behind!.units.map((u) => u.unitId)).toEqual(['ds-a-1']);
    expect(o.review).toBeUndefined();
    expect(o.petitions).toBeUndefined(); // petitions name whistleblowers: not the unit's officer
    expect(o.signals?.major).toEqual({ n: 0, more: false });
    expect(o.rank).toMatchObject({ unitId: 'ds-a', groupKey: 'county-townships@ds', size: 3 });
    expect((await home(otherOfficer)).toAct!.items.map((r) => r.id)).not.toContain(late.id);
  });

  it('compares the leader’s counties and names the last units of each group as the draft ranks them', async () => {
    const l = await home(leader);
    const res = await h.call('GET', `/api/v1/rankings/draft?quarter=${l.quarter}`, { token: leader });
    const draft = (await res.json()) as DraftResponse;
    for (const g of l.behind!.groups) {
      const ranking = draft.groups.find((d) => d.groupKey === g.groupKey)!.ranking;
      expect(g.noCardReason).toBe(ranking.noCardReason);
      expect(g.last.map((x) => x.unitId)).toEqual(ranking.rows.filter((r) => r.carded).map((r) => r.unitId));
    }
    // 青松镇 has rectifications due this quarter and one overdue: it is behind its tied neighbours.
    expect(
      l.behind!.groups.find((g) => g.groupKey === 'county-townships@ds')?.last.map((x) => x.unitId),
    ).toEqual(['ds-a']);
    const units = Object.fromEntries(l.behind!.units.map((u) => [u.unitId, u]));
    expect(Object.keys(units).sort()).toEqual(['ds', 'xs']);
    expect(units.ds!.overdue).toBe(1);
    expect(units.xs!.overdue).toBe(1);
    expect(units.ds!.lights.red).toBe(1);
    expect(units.ds!.open).toBeGreaterThan(units.xs!.open);
    expect(l.unitNames.xs).toBe('西川县');
    expect(l.toAct).toBeUndefined();
    expect(l.extensions).toBeUndefined();
  });

  it('refuses the security and audit administrators (they read no programme records)', async () => {
    for (const role of ['security_admin', 'audit_admin'] as const) {
      const res = await h.call('GET', '/api/v1/home', { token: await h.token(role) });
      expect(res.status).toBe(403);
    }
  });

  it('counts petitions by SLA state and signals by severity as their lists count them, for a county and the city', async () => {
    const NOW = Date.parse('2025-05-20T10:00:00+08:00');
    const cityToken = await h.token('supervisor', 'city');
    let n = 0;
    // Received on a past day with the clock of that day (live intake stamps the server's now).
    const petition = async (receivedAt: string) => {
      h.setNow(Date.parse(receivedAt));
      try {
        const res = await h.call('POST', '/api/v1/petitions', {
          token: supervisor,
          body: {
            petitioner: { name: `群众${++n}`, phone: `1390000000${n}` },
            channel: 'visit',
            levelReceived: 'county',
            unitId: 'ds-a',
            category: 'embezzling',
            matter: `首页计数信访 ${n}`,
            receivedAt,
          },
        });
        expect(res.status).toBe(201);
      } finally {
        h.setNow(NOW);
      }
    };
    await petition('2025-04-01T09:00:00+08:00'); // its days to accept ran out in April: overdue
    await petition('2025-04-02T09:00:00+08:00');
    await petition('2025-05-20T09:00:00+08:00'); // today: pending
    for (const [i, severity] of (['major', 'major', 'ordinary', 'notable'] as const).entries()) {
      const res = await h.call('POST', '/api/v1/signals', {
        token: supervisor,
        body: {
          platform: '微博',
          url: `https://weibo.com/u/home-count-${i}`,
          title: `首页计数舆情 ${i}`,
          excerpt: '东山县',
          publishedAt: '2025-05-19T08:00:00+08:00',
          reach: { reads: 100, reposts: 0, comments: 0 },
          polarity: 'negative',
          severity,
          unitId: 'ds-a',
        },
      });
      expect(res.status).toBe(201);
    }
    const count = async (token: string, path: string) => {
      const res = await h.call('GET', `${path}&limit=100`, { token });
      return ((await res.json()) as { items: unknown[] }).items.length;
    };
    for (const token of [supervisor, cityToken]) {
      const got = await home(token);
      const want = {
        petitions: {
          overdue: { n: await count(token, '/api/v1/petitions?sla=overdue'), more: false },
          pending: { n: await count(token, '/api/v1/petitions?sla=pending'), more: false },
        },
        signals: Object.fromEntries(
          await Promise.all(
            (['major', 'notable', 'ordinary'] as const).map(async (s) => [
              s,
              { n: await count(token, `/api/v1/signals?severity=${s}`), more: false },
            ]),
          ),
        ),
      };
      expect({ petitions: got.petitions, signals: got.signals }).toEqual(want);
      expect(got.petitions?.overdue.n).toBeGreaterThanOrEqual(2);
      expect(got.signals?.major.n).toBeGreaterThanOrEqual(2);
    }
  });

  it('queues the pending extension requests longest waiting first, as the list of 延期申请 holds them', async () => {
    const NOW = Date.parse('2025-05-20T10:00:00+08:00');
    const ask = async (unitId: string, title: string, at: number, token = supervisor) => {
      h.setNow(at);
      const unitOfficer = await h.freshToken('unit_officer', unitId);
      let r = await create(unitId, title, '2025-06-30', token);
      r = await ok(r, unitOfficer, { type: 'start' });
      await ok(r, unitOfficer, { type: 'requestExtension', deadline: '2025-09-30', reason: '资金未到位' });
      return r.id;
    };
    try {
      const later = await ask('ds-a', '光伏扶贫电站收益分配不规范', NOW + 60_000);
      const earlier = await ask('ds-b', '小额信贷贴息拨付滞后', NOW);
      const xs = await ask('xs-a', '西川县扶贫车间闲置', NOW + 30_000, otherSupervisor);
      h.setNow(NOW + 120_000);
      const queue = (x: HomeResponse) =>
        x.extensions!.items.map((i) => i.rectification.id).filter((id) => [earlier, later, xs].includes(id));
      const county = await home(await h.freshToken('supervisor'));
      expect(queue(county)).toEqual([earlier, later]);
      expect(county.unitNames['ds-b']).toBe('白石乡');
      const city = await home(await h.freshToken('supervisor', 'city'));
      expect(queue(city)).toEqual([earlier, xs, later]);
      // The same records the 查看全部 list holds, whichever read the home page took them from.
      const listed = await list(await h.freshToken('supervisor', 'city'), 'extension=pending&limit=100');
      expect(new Set(city.extensions!.items.map((i) => i.rectification.id))).toEqual(new Set(listed));
    } finally {
      h.setNow(NOW);
    }
  });

  it('takes the extension queue from the open work it read, or from the list when that read stopped short', async () => {
    const p = { id: 'u-home-test', name: '测试', roles: ['supervisor' as const], unitId: 'ds' };
    const unitOfficer = await h.token('unit_officer', 'ds-b');
    let r = await create('ds-b', '村集体经济项目停工', '2025-07-31');
    r = await ok(r, unitOfficer, { type: 'start' });
    await ok(r, unitOfficer, { type: 'requestExtension', deadline: '2025-10-31', reason: '设计变更' });
    // Complete open work with no pending request: an empty queue, without another read.
    expect(await extensionQueue(h.deps, p, { rows: [], more: false })).toEqual({ items: [], more: false });
    // Open work cut short (a jurisdiction larger than the home page reads): the list answers.
    const fromList = await extensionQueue(h.deps, p, { rows: [], more: true });
    const listed = await list(supervisor, 'extension=pending&limit=10');
    expect(fromList.items.map((i) => i.rectification.id).sort()).toEqual([...listed].sort());
    expect(fromList.items.map((i) => i.rectification.id)).toContain(r.id);
    expect(fromList.items.every((i) => i.request.decision === 'pending')).toBe(true);

    // Eleven waiting in open work read whole: the ten longest waiting, in that order, and 查看全部 has more.
    const base = fromList.items.find((i) => i.rectification.id === r.id)!.rectification;
    const waiting = Array.from({ length: HOME_QUEUE + 1 }, (_, k) => {
      const request = {
        ...base.extensions.at(-1)!,
        requestedAt: `2025-05-${String(10 + k).padStart(2, '0')}T09:00:00+08:00`,
      };
      return { ...base, id: `${base.id}-${k}`, extensions: [request] };
    });
    const rows = [...waiting].reverse().map((row) => ({ row, unitPath: '/city/ds/ds-b/' }));
    const queue = await extensionQueue(h.deps, p, { rows, more: false });
    expect(queue.more).toBe(true);
    expect(queue.items.map((i) => i.rectification.id)).toEqual(waiting.slice(0, HOME_QUEUE).map((w) => w.id));
  });
});
