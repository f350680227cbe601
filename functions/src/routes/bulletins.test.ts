import type { Petition, Signal } from '@jiandu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Tx } from '../store/tx.js';
import { BACKDATING_SCHEME, type Harness, startHarness } from '../testing/harness.js';

let h: Harness;
const system = { id: 'system', role: 'system' as const };

/** Petitions and signals written straight to the store, with the fields a bulletin reads. */
async function putRecord(type: 'petition' | 'signal', data: Record<string, unknown>, sort: string) {
  const tx = new Tx(h.deps.tableName);
  h.deps.store.write(tx, {
    type,
    id: String(data.id),
    before: null,
    data,
    index: { unitPath: await h.deps.units.pathOf(String(data.unitId)), listSort: sort },
    actor: system,
    at: sort,
    action: `${type}.create`,
  });
  await tx.commit(h.deps.doc);
}

const petition = (id: string, over: Partial<Petition>) =>
  ({
    id,
    unitId: 'ds-a',
    channel: 'hotline_12345',
    levelReceived: 'county',
    category: 'withholding',
    matter: '补助款未到账',
    receivedAt: '2025-04-20T09:00:00+08:00',
    state: 'closed',
    closedAt: '2025-05-06T09:00:00+08:00',
    satisfaction: 'satisfied',
    repeatOf: null,
    escalated: false,
    ...over,
  }) as Record<string, unknown>;

beforeAll(async () => {
  // The month's findings are logged live, some from months before (not the live look-back under test).
  h = await startHarness({ scheme: BACKDATING_SCHEME });
  const inspector = await h.token('inspector');
  const supervisor = await h.token('supervisor');
  const finding = (unitId: string, discoveredOn: string, deadline: string) => ({
    unitId,
    category: 'slow_action',
    severity: 'grave',
    source: 'inspection',
    description: `${unitId} 整改不力`,
    amountFen: 0,
    discoveredOn,
    deadline,
  });
  await h.call('POST', '/api/v1/findings', {
    token: inspector,
    body: finding('ds-a-1', '2025-04-01', '2025-04-30'),
  });
  await h.call('POST', '/api/v1/findings', {
    token: inspector,
    body: finding('ds-b', '2025-02-01', '2025-12-31'),
  });
  await h.call('POST', '/api/v1/indicators', {
    token: supervisor,
    body: {
      unitId: 'ds-a',
      year: 2025,
      name: '易地搬迁',
      measure: '户',
      target: 100,
      actuals: [20, 40, null, null],
    },
  });
  await h.call('POST', '/api/v1/rankings/publish', {
    token: supervisor,
    body: { quarter: '2025Q1', groupKey: 'county-townships@ds' },
  });
  await putRecord('petition', petition('pe-1', {}), '2025-04-20T09:00:00+08:00');
  await putRecord(
    'petition',
    petition('pe-2', { satisfaction: 'dissatisfied', closedAt: '2025-05-10T09:00:00+08:00' }),
    '2025-04-21T09:00:00+08:00',
  );
  await putRecord(
    'petition',
    petition('pe-3', {
      receivedAt: '2025-05-03T10:00:00+08:00',
      state: 'received',
      closedAt: null,
      satisfaction: null,
      repeatOf: 'pe-1',
    }),
    '2025-05-03T10:00:00+08:00',
  );
  await putRecord('petition', petition('pe-x', { unitId: 'xs-a' }), '2025-04-20T09:00:00+08:00');
  const signal: Partial<Signal> = {
    id: 'sg-1',
    unitId: 'ds-a',
    platform: '微博',
    url: 'https://weibo.example/1',
    title: '某村扶贫款被截留',
    publishedAt: '2025-05-04T12:00:00+08:00',
    polarity: 'negative',
    severity: 'major',
  };
  await putRecord('signal', signal as Record<string, unknown>, '2025-05-04T12:00:00+08:00');
});
afterAll(() => h.close());

interface Bulletin {
  unitId: string;
  asOf: string;
  progress: {
    quarter: number;
    indicators: { name: string; plan: number; actual: number; completionBp: number }[];
  };
  overdue: { unitId: string; deadline: string; daysOverdue: number }[];
  cards: { unitId: string; quarter: string }[];
  proposals: unknown[] | null;
  petitions: { received: number; repeated: number; items: Record<string, unknown>[] };
  signals: { published: number; major: number };
  satisfaction: { overall: { closed: number; rateBp: number | null }; byUnit: { unitId: string }[] };
}

describe('monthly bulletins', () => {
  it('reports progress, overdue rectifications, cards, petitions, signals and satisfaction of the month', async () => {
    const res = await h.call('GET', '/api/v1/bulletins/2025-05', { token: await h.token('viewer') });
    expect(res.status).toBe(200);
    const b = (await res.json()) as Bulletin;
    expect(b.unitId).toBe('ds');
    expect(b.asOf).toBe('2025-05-15T10:00:00+08:00');
    expect(b.progress.quarter).toBe(2);
    expect(b.progress.indicators.map((i) => [i.name, i.plan, i.actual, i.completionBp])).toEqual([
      ['易地搬迁', 50, 40, 8000],
    ]);
    expect(b.overdue.map((o) => [o.unitId, o.deadline, o.daysOverdue])).toEqual([
      ['ds-a-1', '2025-04-30', 15],
    ]);
    expect(b.cards.map((c) => [c.unitId, c.quarter])).toEqual([['ds-a', '2025Q1']]); // 20 of 25 planned in Q1
    expect(b.proposals).toEqual([]);
    expect([b.petitions.received, b.petitions.repeated]).toEqual([1, 1]);
    expect(Object.keys(b.petitions.items[0]!)).not.toContain('petitioner');
    expect([b.signals.published, b.signals.major]).toEqual([1, 1]);
    expect(b.satisfaction.overall).toMatchObject({ closed: 2, rateBp: 5000 });
    expect(b.satisfaction.byUnit.map((r) => r.unitId)).toEqual(['ds-a']);
  });

  it('counts the month’s reminders sent, read and ignored (unread 3 days after they were sent)', async () => {
    const supervisor = await h.token('supervisor');
    const rects = await body<{ items: { id: string }[] }>(
      await h.call('GET', '/api/v1/rectifications?unitId=ds-a-1', { token: supervisor }),
    );
    const target = { type: 'rectification', id: rects.items[0]!.id };
    const sent = await h.call('POST', '/api/v1/reminders', {
      token: supervisor,
      headers: { 'idempotency-key': 'bulletin-remind-0001' },
      body: { targets: [target] },
    });
    expect(sent.status).toBe(201);
    const reminderId = (await body<{ items: { id: string }[] }>(sent)).items[0]!.id;
    // A fresh sign-in each time: the test moves the clock past a token's life.
    const counts = async () => {
      const res = await h.call('GET', '/api/v1/bulletins/2025-05', {
        token: await h.freshToken('supervisor'),
      });
      expect(res.status).toBe(200);
      return (await body<{ reminders: unknown }>(res)).reminders;
    };
    // Sent on 05-15: as of 05-15 it is neither read nor ignored yet.
    expect(await counts()).toMatchObject({ sent: 1, read: 0, ignored: 0 });
    const start = h.deps.clock();
    try {
      h.setNow(Date.parse('2025-05-18T02:00:00Z')); // three days on, unread: ignored
      expect(await counts()).toEqual({
        sent: 1,
        read: 0,
        ignored: 1,
        byUnit: [{ unitId: 'ds-a-1', sent: 1, read: 0, ignored: 1 }],
      });
      // Read (late) by the village's officer: read, no longer ignored.
      const officer = await h.freshToken('unit_officer', 'ds-a-1');
      expect(
        (await h.call('POST', `/api/v1/reminders/${reminderId}/read`, { token: officer, body: {} })).status,
      ).toBe(200);
      expect(await counts()).toMatchObject({ sent: 1, read: 1, ignored: 0 });
    } finally {
      h.setNow(start);
    }
  });

  it('shows a past month as of its last day, and a unit officer only their own unit', async () => {
    const officer = await h.token('unit_officer', 'ds-a');
    const april = (await (
      await h.call('GET', '/api/v1/bulletins/2025-04', { token: officer })
    ).json()) as Bulletin;
    expect(april.unitId).toBe('ds-a');
    expect(april.asOf).toBe('2025-04-30T23:59:59+08:00');
    expect(april.overdue).toEqual([]); // due on 30 April: not overdue by the end of that day
    expect(april.proposals).toBeNull();
    expect(april.satisfaction.overall.closed).toBe(0);
    const other = await h.call('GET', '/api/v1/bulletins/2025-05?unitId=ds-b', { token: officer });
    expect(other.status).toBe(404);
    const bad = await h.call('GET', '/api/v1/bulletins/2025-13', { token: officer });
    expect([bad.status, ((await bad.json()) as { field: string }).field]).toEqual([400, 'month']);
  });
});

interface Issued {
  id: string;
  month: string;
  unitId: string;
  issuedBy: { id: string; role: string };
  contentHash: string;
  content: Bulletin & {
    funds: {
      totals: { projects: number; unspentFen: number; idleProjects: number; idleFen: number };
      rows: { unitId: string; projects: number; idleFen: number }[];
    };
  };
  readAt?: string;
}
const body = async <T>(res: Response) => (await res.json()) as T;
const WAN = 1_000_000;

describe('issued bulletins and their read receipts', () => {
  let supervisor: string;
  let issued: Issued;
  let projectId: string;

  beforeAll(async () => {
    supervisor = await h.token('supervisor');
    const res = await h.call('POST', '/api/v1/fund-projects', {
      token: supervisor,
      body: {
        unitId: 'ds-b',
        name: '白石乡产业项目',
        plannedCompletion: '2025-03-31',
        allocatedFen: 15 * WAN,
      },
    });
    expect(res.status).toBe(201);
    projectId = ((await res.json()) as { id: string }).id;
  });

  it('freezes an ended month once, with its figures as of the month’s last day', async () => {
    const res = await h.call('POST', '/api/v1/bulletins/2025-04/issue', { token: supervisor, body: {} });
    expect(res.status).toBe(201);
    issued = await body<Issued>(res);
    expect([issued.id, issued.month, issued.unitId]).toEqual(['2025-04_ds', '2025-04', 'ds']);
    expect(issued.content.asOf).toBe('2025-04-30T23:59:59+08:00');
    // April: the Q2 plan of 易地搬迁 is 100 × 2/4 = 50, 40 reported → 80 %; the village's rectification is due
    // on 30 April, not overdue by its end; two petitions received in April (pe-1, pe-2), none closed in it.
    expect(issued.content.progress.indicators.map((i) => [i.plan, i.actual, i.completionBp])).toEqual([
      [50, 40, 8000],
    ]);
    expect(issued.content.overdue).toEqual([]);
    expect([issued.content.petitions.received, issued.content.satisfaction.overall.rateBp]).toEqual([
      2,
      null,
    ]);
    // Funds: 白石乡 holds 15 万元 past 31 March, above the 10 万元 threshold.
    expect(issued.content.funds.totals).toMatchObject({
      projects: 1,
      unspentFen: 15 * WAN,
      idleProjects: 1,
      idleFen: 15 * WAN,
    });
    expect(issued.content.funds.rows.map((r) => [r.unitId, r.projects, r.idleFen])).toEqual([
      ['ds-a', 0, 0],
      ['ds-b', 1, 15 * WAN],
      ['ds-c', 0, 0],
      ['ds-fpb', 0, 0],
    ]);
    expect(issued.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const again = await h.call('POST', '/api/v1/bulletins/2025-04/issue', { token: supervisor, body: {} });
    const problem = await body<{ code: string; current: { id: string } }>(again);
    expect([again.status, problem.code, problem.current.id]).toEqual([409, 'conflict.duplicate', issued.id]);
    const running = await h.call('POST', '/api/v1/bulletins/2025-05/issue', { token: supervisor, body: {} });
    expect([running.status, (await body<{ code: string }>(running)).code]).toEqual([
      422,
      'bulletin.monthNotEnded',
    ]);
    const draft = await body<{ issuedId: string | null }>(
      await h.call('GET', '/api/v1/bulletins/2025-04', { token: supervisor }),
    );
    expect(draft.issuedId).toBe(issued.id);
    const events = await body<{ items: { action: string }[] }>(
      await h.call('GET', `/api/v1/bulletins/${issued.id}/events`, { token: supervisor }),
    );
    expect(events.items.map((e) => e.action)).toEqual(['bulletin.issue']);
  });

  it('counts ledger entries by the day the money moved, and keeps an issued bulletin as it was issued', async () => {
    const pay = (amountFen: number, date: string) =>
      h.call('POST', '/api/v1/fund-entries', {
        token: supervisor,
        body: { projectId, kind: 'disbursement', amountFen, date },
      });
    expect((await pay(8 * WAN, '2025-05-02')).status).toBe(201);
    expect((await pay(WAN, '2025-04-20')).status).toBe(201);
    type Draft = { funds: Issued['content']['funds'] };
    const april = await body<Draft>(await h.call('GET', '/api/v1/bulletins/2025-04', { token: supervisor }));
    // April: 15 − 1 (paid on 20 April, recorded in May) = 14 万元, still idle; the May payment does not count.
    expect(april.funds.totals).toMatchObject({ unspentFen: 14 * WAN, idleFen: 14 * WAN });
    const may = await body<Draft>(await h.call('GET', '/api/v1/bulletins/2025-05', { token: supervisor }));
    // May: 15 − 1 − 8 = 6 万元, under the 10 万元 threshold.
    expect(may.funds.totals).toMatchObject({ unspentFen: 6 * WAN, idleProjects: 0, idleFen: 0 });
    const frozen = await body<Issued>(
      await h.call('GET', `/api/v1/issued-bulletins/${issued.id}`, { token: supervisor }),
    );
    expect([frozen.content.funds.totals.unspentFen, frozen.contentHash]).toEqual([
      15 * WAN,
      issued.contentHash,
    ]);
  });

  it('records each reader once, at their first opening, and lists the readers to the issuer only', async () => {
    const viewer = await h.token('viewer');
    const inspector = await h.token('inspector');
    h.setNow(Date.parse('2025-05-15T02:30:00Z'));
    const first = await body<Issued>(
      await h.call('GET', `/api/v1/issued-bulletins/${issued.id}`, { token: viewer }),
    );
    expect(first.readAt).toBe('2025-05-15T10:30:00+08:00');
    expect(first.contentHash).toBe(issued.contentHash);
    h.setNow(Date.parse('2025-05-15T03:00:00Z'));
    const second = await body<Issued>(
      await h.call('GET', `/api/v1/issued-bulletins/${issued.id}`, { token: viewer }),
    );
    expect(second.readAt).toBe(first.readAt);
    await h.call('GET', `/api/v1/issued-bulletins/${issued.id}`, { token: inspector });
    const officer = await h.token('unit_officer', 'ds-a');
    expect((await h.call('GET', `/api/v1/issued-bulletins/${issued.id}`, { token: officer })).status).toBe(
      404,
    );
    const west = await h.token('supervisor', 'xs');
    expect((await h.call('GET', `/api/v1/issued-bulletins/${issued.id}`, { token: west })).status).toBe(404);

    const reads = await body<{ count: number; reads: { name: string; readAt: string }[] }>(
      await h.call('GET', `/api/v1/issued-bulletins/${issued.id}/reads`, { token: supervisor }),
    );
    expect(reads.count).toBe(3);
    expect(reads.reads.map((r) => [r.name, r.readAt])).toEqual([
      ['东山县督查室', '2025-05-15T10:00:00+08:00'], // the issuer, checking the frozen copy above
      ['东山县领导', '2025-05-15T10:30:00+08:00'],
      ['东山县纪检监察员', '2025-05-15T11:00:00+08:00'],
    ]);
    const otherSupervisor = await h.token('supervisor', 'city');
    const refused = await h.call('GET', `/api/v1/issued-bulletins/${issued.id}/reads`, {
      token: otherSupervisor,
    });
    expect([refused.status, (await body<{ code: string }>(refused)).code]).toEqual([403, 'auth.forbidden']);
    expect(
      (await h.call('GET', `/api/v1/issued-bulletins/${issued.id}/reads`, { token: viewer })).status,
    ).toBe(403);

    const listed = await body<{ items: { id: string; readAt: string | null }[] }>(
      await h.call('GET', '/api/v1/bulletins', { token: viewer }),
    );
    expect(listed.items.map((i) => [i.id, i.readAt])).toEqual([[issued.id, first.readAt]]);
    const unread = await body<{ items: { readAt: string | null }[] }>(
      await h.call('GET', '/api/v1/bulletins?month=2025-04', { token: otherSupervisor }),
    );
    expect(unread.items.map((i) => i.readAt)).toEqual([null]);
  });

  it('is issued by the monthly job on the scheme’s day for every city and county, once, catching up', async () => {
    const { monthlyBulletinJob } = await import('../jobs/monthly-bulletin.js');
    // 4 June: only April is due (May's day is 5 June); the county's April bulletin exists already.
    const early = await monthlyBulletinJob(h.deps, { now: Date.parse('2025-06-04T02:00:00Z') });
    expect(early.counts).toEqual({ months: 1, scopes: 3, issued: 2, alreadyIssued: 1 });
    const june5 = Date.parse('2025-06-05T02:00:00Z');
    const due = await monthlyBulletinJob(h.deps, { now: june5 });
    expect(due.counts).toEqual({ months: 2, scopes: 6, issued: 3, alreadyIssued: 3 });
    const again = await monthlyBulletinJob(h.deps, { now: june5 + 3_600_000 });
    expect(again.counts).toEqual({ months: 2, scopes: 6, issued: 0, alreadyIssued: 6 });
    const may = await body<Issued>(
      await h.call('GET', '/api/v1/issued-bulletins/2025-05_ds', { token: supervisor }),
    );
    expect([may.issuedBy.role, may.content.asOf]).toEqual(['system', '2025-05-31T23:59:59+08:00']);
    // The job issued it: the scope's supervisors see who read it.
    const reads = await h.call('GET', '/api/v1/issued-bulletins/2025-05_ds/reads', { token: supervisor });
    expect([reads.status, (await body<{ count: number }>(reads)).count]).toEqual([200, 1]);
  });
});
