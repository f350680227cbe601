import type { Petition, Signal } from '@jiandu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Tx } from '../store/tx.js';
import { type Harness, startHarness } from '../testing/harness.js';

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
  h = await startHarness();
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
    expect(other.status).toBe(422);
    const bad = await h.call('GET', '/api/v1/bulletins/2025-13', { token: officer });
    expect([bad.status, ((await bad.json()) as { field: string }).field]).toEqual([400, 'month']);
  });
});
