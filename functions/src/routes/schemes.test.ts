import { DEFAULT_SCHEME, type Ranking } from '@jiandu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../testing/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const v2 = { ...DEFAULT_SCHEME, version: 2, cards: { ...DEFAULT_SCHEME.cards, minGroupSize: 4 } };

describe('schemes through the API', () => {
  it('answers the built-in scheme until a version is stored, then the newest stored version', async () => {
    const viewer = await h.token('viewer');
    const before = await h.call('GET', '/api/v1/schemes/current', { token: viewer });
    expect(((await before.json()) as { version: number }).version).toBe(1);
    const admin = await h.token('admin', 'city');
    const stored = await h.call('POST', '/api/v1/schemes', { token: admin, body: v2 });
    expect(stored.status).toBe(201);
    const after = await h.call('GET', '/api/v1/schemes/current', { token: viewer });
    expect(((await after.json()) as { version: number }).version).toBe(2);
    expect((await h.deps.scheme()).cards.minGroupSize).toBe(4);
    // The new version is in force: a group of 3 townships is now too small for a card.
    const res = await h.call('POST', '/api/v1/rankings/compute', {
      token: await h.token('supervisor'),
      body: { quarter: '2025Q1', groupKey: 'county-townships@ds' },
    });
    const ranking = ((await res.json()) as { groups: { ranking: Ranking }[] }).groups[0]!.ranking;
    expect([ranking.schemeVersion, ranking.noCardReason]).toEqual([2, 'groupTooSmall']);
    const versions = await h.call('GET', '/api/v1/schemes', { token: viewer });
    expect(((await versions.json()) as { items: { version: number }[] }).items.map((v) => v.version)).toEqual(
      [2, 1],
    );
    const one = await h.call('GET', '/api/v1/schemes/2', { token: viewer });
    expect(((await one.json()) as { cards: { minGroupSize: number } }).cards.minGroupSize).toBe(4);
    // The built-in version stays readable once superseded: it is the history of what was in force.
    const first = await h.call('GET', '/api/v1/schemes/1', { token: viewer });
    expect([first.status, await first.json()]).toEqual([200, DEFAULT_SCHEME]);
    expect((await h.call('GET', '/api/v1/schemes/3', { token: viewer })).status).toBe(404);
  });

  it('refuses an old version (409), an invalid scheme (400 naming the field) and a non-admin (403)', async () => {
    const admin = await h.token('admin', 'city');
    const again = await h.call('POST', '/api/v1/schemes', { token: admin, body: v2 });
    expect(again.status).toBe(409);
    const bad = await h.call('POST', '/api/v1/schemes', {
      token: admin,
      body: { ...v2, version: 3, weights: { ...v2.weights, task: 5000 } },
    });
    expect([bad.status, ((await bad.json()) as { field: string }).field]).toEqual([400, 'weights']);
    const sup = await h.call('POST', '/api/v1/schemes', {
      token: await h.token('supervisor'),
      body: { ...v2, version: 3 },
    });
    expect(sup.status).toBe(403);
    expect((await h.deps.scheme()).version).toBe(2);
  });
});
