/**
 * Go-live (DESIGN §4.7): 东山县 (ds) moved onto Jiandu on 2025-05-01; 西川县 (xs) has been live from the
 * start and is the control — the same conditions there fire as they always did.
 */
import { type AccountabilityCase, type Alert, DEFAULT_SCHEME } from '@jiandu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenure } from '../services/org/org.js';
import { BACKDATING_SCHEME, type Harness, startHarness } from '../testing/harness.js';
import { runJob } from './index.js';

let h: Harness;
const at = (iso: string) => Date.parse(iso);
const GO_LIVE = '2025-05-01';

beforeAll(async () => {
  h = await startHarness({
    now: at('2025-04-20T02:00:00Z'),
    scheme: {
      ...DEFAULT_SCHEME,
      // Records of before go-live are registered live here to test go-live, not the live look-back.
      migration: {
        ...BACKDATING_SCHEME.migration,
        goLive: [{ unitId: 'ds', date: GO_LIVE }],
      },
    },
  });
  await createTenure(
    h.deps,
    null,
    { id: 't1', personId: 'p-a', unitId: 'ds-a', post: 'principal', from: '2020-01-01', to: null },
    'p-a',
  );
});
afterAll(() => h.close());

/** A token signed at the harness's current time (tokens last 8 h; these tests move the clock). */
async function fresh(role: 'supervisor' | 'inspector' | 'unit_officer', unitId = 'city'): Promise<string> {
  await h.token(role, unitId);
  const res = await h.call('POST', '/api/v1/auth/sign-in', {
    body: { username: `${role}-${unitId}`, password: 'pass-word-1' },
  });
  return ((await res.json()) as { token: string }).token;
}

async function all<T>(type: 'alert' | 'case'): Promise<T[]> {
  const page = await h.deps.store.list<T>(type, { limit: 500, caller: 'test' });
  return page.items.map((s) => s.data);
}
const alertsOf = async (subjectId: string) =>
  (await all<Alert>('alert')).filter((a) => a.subject.id === subjectId).map((a) => a.rule);
const casesOf = async (rectId: string) =>
  (await all<AccountabilityCase>('case')).filter(
    (c) => c.trigger.kind === 'rectification_overdue' && c.trigger.rectificationId === rectId,
  );

async function rectification(unitId: string, deadline: string): Promise<string> {
  const res = await h.call('POST', '/api/v1/rectifications', {
    token: await fresh('supervisor'),
    body: { source: { kind: 'import', id: null }, unitId, title: `迁移前到期 ${unitId}`, deadline },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

let seq = 0;
async function petition(unitId: string, receivedAt: string): Promise<string> {
  const res = await h.call('POST', '/api/v1/petitions', {
    token: await fresh('supervisor'),
    body: {
      petitioner: { name: `李${++seq}`, phone: `1370000${String(seq).padStart(4, '0')}` },
      channel: 'letter',
      levelReceived: 'county',
      unitId,
      category: 'embezzling',
      matter: `反映补助发放问题${seq}`,
      receivedAt,
    },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describe('go-live in the overdue sweep', () => {
  it('counts days overdue from go-live for a rectification due before it: nothing before go-live, the day-1 alert after it, escalation and 慢作为 only 15 and 30 days after go-live', async () => {
    const moved = await rectification('ds-a', '2025-03-01');
    const live = await rectification('xs-a', '2025-03-01');

    // Before go-live nothing of 东山县 is counted; 西川县's rectification is 50 days overdue.
    await runJob(h.deps, 'overdue-sweep');
    expect(await alertsOf(moved)).toEqual([]);
    expect((await alertsOf(live)).sort()).toEqual([
      'rectification.overdue.alert',
      'rectification.overdue.escalate',
    ]);
    expect(await casesOf(live)).toHaveLength(1);

    // The day after go-live: overdue day 1 as Jiandu counts it — the alert, nothing more.
    h.setNow(at('2025-05-02T02:00:00Z'));
    await runJob(h.deps, 'overdue-sweep');
    expect(await alertsOf(moved)).toEqual(['rectification.overdue.alert']);
    expect(await casesOf(moved)).toEqual([]);

    // Day 14 after go-live: still no escalation; day 15: escalated; day 29: no case; day 30: the case.
    h.setNow(at('2025-05-15T02:00:00Z'));
    await runJob(h.deps, 'overdue-sweep');
    expect(await alertsOf(moved)).toHaveLength(1);
    h.setNow(at('2025-05-16T02:00:00Z'));
    await runJob(h.deps, 'overdue-sweep');
    expect((await alertsOf(moved)).sort()).toEqual([
      'rectification.overdue.alert',
      'rectification.overdue.escalate',
    ]);
    h.setNow(at('2025-05-30T02:00:00Z'));
    await runJob(h.deps, 'overdue-sweep');
    expect(await casesOf(moved)).toEqual([]);
    h.setNow(at('2025-05-31T02:00:00Z'));
    await runJob(h.deps, 'overdue-sweep');
    const [c] = await casesOf(moved);
    // The leaders named are those in post while it was overdue on Jiandu: from the day after go-live.
    expect(c).toMatchObject({
      trigger: { daysOverdue: 30 },
      subjects: [{ personId: 'p-a', daysInPost: { '2025Q2': 30 } }],
    });
  });

  it('counts a rectification due after go-live from its own deadline', async () => {
    h.setNow(at('2025-05-31T02:00:00Z'));
    const after = await rectification('ds-b', '2025-05-20');
    await runJob(h.deps, 'overdue-sweep');
    expect(await alertsOf(after)).toEqual(['rectification.overdue.alert']);
  });
});

describe('go-live in the petition SLA rules', () => {
  it('starts the acceptance clock of a petition received before go-live at go-live, and alerts once it runs out', async () => {
    h.setNow(at('2025-04-20T02:00:00Z'));
    const moved = await petition('ds-b', '2025-03-03T09:00:00+08:00');
    const live = await petition('xs-a', '2025-03-03T09:00:00+08:00');
    h.setNow(at('2025-05-10T02:00:00Z'));
    await runJob(h.deps, 'petition-sla-sweep');
    expect(await alertsOf(moved)).toEqual([]);
    expect(await alertsOf(live)).toEqual(['petition.acceptOverdue']);
    // 15 days from go-live (2025-05-16) have run out on the 17th.
    h.setNow(at('2025-05-17T02:00:00Z'));
    await runJob(h.deps, 'petition-sla-sweep');
    expect(await alertsOf(moved)).toEqual(['petition.acceptOverdue']);
  });
});

describe('go-live in the proposals a repeated petition reveals', () => {
  it('proposes nothing when the earlier petition’s clock, counted from go-live, had not run out when the repeat came; it does once it has', async () => {
    const same = async (name: string, receivedAt: string) => {
      const res = await h.call('POST', '/api/v1/petitions', {
        token: await fresh('supervisor'),
        body: {
          petitioner: { name, phone: name === '赵重复' ? '13900009999' : '13900008888' },
          channel: 'visit',
          levelReceived: 'county',
          unitId: 'ds-b',
          category: 'embezzling',
          matter: '反映低保资金被截留',
          receivedAt,
        },
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: string }).id;
    };
    const slaCases = async (earlierId: string) =>
      (await all<AccountabilityCase>('case')).filter(
        (c) => c.trigger.kind === 'petition_sla_missed' && c.trigger.earlierPetitionId === earlierId,
      );
    h.setNow(at('2025-05-05T02:00:00Z'));
    // Received before go-live and never decided: by their own clocks they missed 15 days long ago.
    const first = await same('赵重复', '2025-03-03T09:00:00+08:00');
    const second = await same('钱再访', '2025-03-03T09:00:00+08:00');
    // A repeat on 5 May: counted from go-live (1 May), the first's 15 days have not run out.
    await same('赵重复', '2025-05-05T09:00:00+08:00');
    expect(await alertsOf(first)).not.toContain('petition.slaMissed');
    expect(await slaCases(first)).toEqual([]);
    // A repeat on 20 May: the second's 15 days from go-live ran out on 16 May — alert and proposal.
    h.setNow(at('2025-05-20T02:00:00Z'));
    await same('钱再访', '2025-05-20T09:00:00+08:00');
    expect(await alertsOf(second)).toContain('petition.slaMissed');
    expect(await slaCases(second)).toHaveLength(1);
  });
});

describe('go-live in the first response to major negative opinion', () => {
  const signal = async (unitId: string, n: number) => {
    const res = await h.call('POST', '/api/v1/signals', {
      token: await fresh('supervisor'),
      body: {
        platform: '微博',
        url: `https://weibo.com/u/old-major-${n}`,
        title: `旧舆情${n}`,
        excerpt: '网友反映',
        publishedAt: '2025-03-02T08:00:00+08:00',
        reach: { reads: 90000, reposts: 800, comments: 300 },
        polarity: 'negative',
        severity: 'major',
        unitId,
      },
    });
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string; rectificationId: string | null };
  };

  it('raises no alert and opens no handling task for a major negative signal published before go-live', async () => {
    h.setNow(at('2025-06-01T02:00:00Z'));
    const moved = await signal('ds-c', 1);
    const live = await signal('xs-a', 2);
    expect(moved.rectificationId).toBeNull();
    expect(await alertsOf(moved.id)).toEqual([]);
    expect(live.rectificationId).not.toBeNull();
    expect(await alertsOf(live.id)).toEqual(['signal.majorNegative']);
  });
});

describe('go-live in publishing', () => {
  const supervisor = () => fresh('supervisor', 'city');
  const snapshotOf = async (quarter: string, groupKey: string) => {
    const res = await h.call('GET', `/api/v1/rankings/snapshots?quarter=${quarter}&groupKey=${groupKey}`, {
      token: await supervisor(),
    });
    return ((await res.json()) as { items: { id: string; effective: boolean }[] }).items.find(
      (s) => s.effective,
    )!;
  };
  const cardsOf = async (quarter: string) => {
    const res = await h.call('GET', `/api/v1/cards?quarter=${quarter}&limit=50`, {
      token: await supervisor(),
    });
    return ((await res.json()) as { items: { unitId: string; withdrawn: unknown }[] }).items;
  };

  it('publishes a quarter that ended before go-live as history: the schedule issues no card, a supervisor may say sanctions for it', async () => {
    h.setNow(at('2025-06-01T02:00:00Z'));
    const run = await runJob(h.deps, 'publish-quarter');
    // 2025Q1: 青松镇 (ds-a) ranks last of 东山县's townships — its card is withheld, not issued.
    expect(run.counts).toMatchObject({ cards: 0, proposals: 0, withheld: 1 });
    expect(await cardsOf('2025Q1')).toEqual([]);

    const snap = await snapshotOf('2025Q1', 'county-townships@ds');
    const res = await h.call('POST', '/api/v1/rankings/amend', {
      token: await supervisor(),
      body: { snapshotId: snap.id, reason: '县委决定对迁移前季度追溯亮牌', sanctions: true },
    });
    expect(res.status).toBe(201);
    const pub = (await res.json()) as { cards: { unitId: string }[]; withheldCardUnitIds: string[] };
    expect(pub.cards.map((c) => c.unitId)).toEqual(['ds-a']);
    expect(pub.withheldCardUnitIds).toEqual([]);
    expect((await cardsOf('2025Q1')).map((c) => c.unitId)).toEqual(['ds-a']);
  });

  it('refuses sanctions for a quarter live for every unit of the group, so it never withholds a live card', async () => {
    const live = await snapshotOf('2025Q1', 'county-townships@xs');
    const amend = await h.call('POST', '/api/v1/rankings/amend', {
      token: await supervisor(),
      body: { snapshotId: live.id, reason: '更正', sanctions: true },
    });
    expect(amend.status).toBe(422);
    expect(await amend.json()).toMatchObject({ code: 'ranking.sanctionsOnLiveQuarter', field: 'sanctions' });
    h.setNow(at('2025-07-02T02:00:00Z'));
    const publish = await h.call('POST', '/api/v1/rankings/publish', {
      token: await supervisor(),
      body: { quarter: '2025Q2', groupKey: 'county-townships@ds', sanctions: false },
    });
    expect(publish.status).toBe(422);
    expect(await publish.json()).toMatchObject({ code: 'ranking.sanctionsOnLiveQuarter' });
  });
});

describe('go-live in the idle-funds sweep', () => {
  it('counts a planned completion before go-live from go-live: idle money is alerted the day after go-live, not on it', async () => {
    h.setNow(at('2025-05-01T02:00:00Z'));
    const open = async (unitId: string, name: string) => {
      const res = await h.call('POST', '/api/v1/fund-projects', {
        token: await fresh('supervisor'),
        body: { unitId, name, plannedCompletion: '2025-03-31', allocatedFen: 30_000_000 },
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: string }).id;
    };
    const moved = await open('ds-a', '青松镇产业路项目');
    const live = await open('xs-a', '龙门镇光伏项目');
    await runJob(h.deps, 'idle-funds');
    expect(await alertsOf(moved)).toEqual([]);
    expect(await alertsOf(live)).toEqual(['funds.idle']);
    h.setNow(at('2025-05-02T02:00:00Z'));
    await runJob(h.deps, 'idle-funds');
    expect(await alertsOf(moved)).toEqual(['funds.idle']);
  });
});
