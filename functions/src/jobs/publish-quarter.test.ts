import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../testing/harness.js';
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
