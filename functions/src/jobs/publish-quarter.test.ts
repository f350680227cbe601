import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKDATING_SCHEME, type Harness, startHarness } from '../testing/harness.js';
import { runJob } from './index.js';

let h: Harness;
const day = (d: string) => Date.parse(`${d}T01:00:00+08:00`);

beforeAll(async () => {
  h = await startHarness({ now: day('2025-04-05') });
  const inspector = await h.token('inspector');
  await h.call('POST', '/api/v1/findings', {
    token: inspector,
    body: {
      unitId: 'ds-c',
      category: 'bureaucratism',
      severity: 'grave',
      source: 'unannounced',
      description: '群众反映问题推诿扯皮',
      amountFen: 0,
      discoveredOn: '2025-03-03',
      deadline: '2025-12-31',
    },
  });
});
afterAll(() => h.close());

describe('the publish-quarter job', () => {
  it('publishes every group of a quarter 10 days after it ends, once, skipping groups already published', async () => {
    // 5 April: 2024Q4 is due (since 10 January); 2025Q1 is not yet (10 April).
    const early = await runJob(h.deps, 'publish-quarter', day('2025-04-05'));
    expect(early.counts).toMatchObject({ quarters: 1, published: 3, cards: 0 });
    // A supervisor publishes one group of 2025Q1 before the schedule does.
    h.setNow(day('2025-04-08'));
    const manual = await h.call('POST', '/api/v1/rankings/publish', {
      token: await h.token('supervisor'),
      body: { quarter: '2025Q1', groupKey: 'county-departments@ds' },
    });
    expect(manual.status).toBe(201);
    const due = await runJob(h.deps, 'publish-quarter', day('2025-04-10'));
    expect(due.counts).toEqual({
      quarters: 2,
      published: 2,
      alreadyPublished: 4,
      cards: 1,
      proposals: 0,
      withheld: 0,
      noticed: 0,
      waiting: 0,
    });
    const again = await runJob(h.deps, 'publish-quarter', day('2025-04-11'));
    expect(again.counts).toMatchObject({ published: 0, alreadyPublished: 6 });
    const list = await h.call('GET', '/api/v1/rankings/snapshots?quarter=2025Q1', {
      token: await h.token('viewer', 'city'),
    });
    const items = ((await list.json()) as { items: { groupKey: string; publishedBy: string }[] }).items;
    expect(items.map((s) => [s.groupKey, s.publishedBy])).toEqual([
      ['county-departments@ds', expect.not.stringMatching(/^system$/)],
      ['county-townships@ds', 'system'],
      ['county-townships@xs', 'system'],
    ]);
  });
});

describe('the publish-quarter job with a notice period (公示)', () => {
  let n: Harness;
  const GROUP = 'county-townships@ds';
  const snapshotsOf = async (quarter: string) => {
    const list = await n.call('GET', `/api/v1/rankings/snapshots?quarter=${quarter}`, {
      token: await n.freshToken('viewer', 'city'),
    });
    return ((await list.json()) as { items: { groupKey: string }[] }).items.map((s) => s.groupKey);
  };
  beforeAll(async () => {
    n = await startHarness({
      scheme: {
        ...BACKDATING_SCHEME,
        publishing: { autoPublishDelayDays: 10, noticePeriod: { workingDays: 3, required: true } },
      },
      now: day('2025-04-10'),
    });
    const res = await n.call('POST', '/api/v1/findings', {
      token: await n.freshToken('inspector', 'city'),
      body: {
        unitId: 'ds-b',
        category: 'formalism',
        severity: 'grave',
        source: 'inspection',
        description: '台账造假',
        amountFen: 0,
        discoveredOn: '2025-03-03',
        deadline: '2025-12-31',
      },
    });
    expect(res.status).toBe(201);
  });
  afterAll(() => n.close());

  it('puts a due quarter on notice, then waits for the period and for an undecided objection', async () => {
    // 10 April (Thu): 2025Q1 is due; the scheme requires a notice, so the schedule puts it on notice
    // (to the end of Tue 15 April: Fri 11, Mon 14, Tue 15).
    const first = await runJob(n.deps, 'publish-quarter', day('2025-04-10'));
    expect(first.counts).toMatchObject({ published: 0 });
    expect(first.counts.noticed).toBeGreaterThanOrEqual(3);
    expect(await snapshotsOf('2025Q1')).toEqual([]);
    const notices = await n.call('GET', `/api/v1/rankings/notices?quarter=2025Q1&groupKey=${GROUP}`, {
      token: await n.freshToken('unit_officer', 'ds-b'),
    });
    const [head] = ((await notices.json()) as { items: { id: string; endsOn: string }[] }).items;
    expect(head?.endsOn).toBe('2025-04-15');

    n.setNow(day('2025-04-11'));
    const filed = await n.call('POST', `/api/v1/rankings/notices/${head?.id}/objections`, {
      token: await n.freshToken('unit_officer', 'ds-b'),
      body: {
        unitId: 'ds-b',
        dimension: 'findings',
        input: 'findings.grave',
        claimedValue: 0,
        reason: '已核实不属实',
      },
    });
    expect(filed.status).toBe(201);
    const objectionId = ((await filed.json()) as { id: string }).id;

    // Still on notice on its last day: nothing of 2025Q1 is published.
    const during = await runJob(n.deps, 'publish-quarter', day('2025-04-15'));
    expect(during.counts).toMatchObject({ published: 0, noticed: 0 });
    // The period is over; the groups without objections are published, 东山县's townships wait.
    const after = await runJob(n.deps, 'publish-quarter', day('2025-04-16'));
    expect(after.counts).toMatchObject({ waiting: 1, noticed: 0 });
    expect(after.counts.published).toBeGreaterThanOrEqual(2);
    expect(await snapshotsOf('2025Q1')).not.toContain(GROUP);

    n.setNow(day('2025-04-16'));
    const decided = await n.call('POST', `/api/v1/objections/${objectionId}/decision`, {
      token: await n.freshToken('reviewer', 'ds'),
      body: { outcome: 'rejected', reason: '整改台账显示问题属实' },
    });
    expect(decided.status).toBe(200);
    const last = await runJob(n.deps, 'publish-quarter', day('2025-04-17'));
    expect(last.counts).toMatchObject({ published: 1, waiting: 0, cards: 1 });
    expect(await snapshotsOf('2025Q1')).toContain(GROUP);
  });
});
