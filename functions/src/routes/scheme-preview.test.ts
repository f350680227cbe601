import type { SchemePreview } from '@jiandu/shared/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKDATING_SCHEME, type Harness, logFinding, startHarness } from '../testing/harness.js';

let h: Harness;
let admin: string;

// The harness's now is 2025-05-15 (2025Q2). 2025Q1: 青松镇 (ds-a) three grave findings (−15 on findings,
// its whole 15-point maximum), 白石乡 (ds-b) two (−10), 红岭镇 (ds-c) none.
beforeAll(async () => {
  h = await startHarness({ scheme: BACKDATING_SCHEME });
  const inspector = await h.token('inspector', 'city');
  for (const [unitId, discoveredOn] of [
    ['ds-a', '2025-01-10'],
    ['ds-a', '2025-02-10'],
    ['ds-a', '2025-03-10'],
    ['ds-b', '2025-01-11'],
    ['ds-b', '2025-02-11'],
  ] as const)
    await logFinding(h, inspector, { unitId, severity: 'grave', discoveredOn });
  // An open rectification due in 5 days: yellow under the 7-day warning window, green under a 3-day one.
  await logFinding(h, inspector, {
    unitId: 'ds-c',
    severity: 'general',
    discoveredOn: '2025-05-10',
    deadline: '2025-05-20',
  });
  admin = await h.token('admin', 'city');
});
afterAll(() => h.close());

/** Findings weigh 5 points instead of 15 (task 50 instead of 40), and the warning window is 3 days. */
const proposed = {
  ...BACKDATING_SCHEME,
  version: 2,
  weights: { ...BACKDATING_SCHEME.weights, task: 5000, findings: 500 },
  lights: { ...BACKDATING_SCHEME.lights!, rectificationWarnDays: 3 },
};

const preview = (body: unknown, query = '', token = admin) =>
  h.call('POST', `/api/v1/schemes/preview${query}`, { token, body });

describe('POST /api/v1/schemes/preview', () => {
  it('answers the ranks a weight change moves and the lights it turns, and stores nothing', async () => {
    const res = await preview(proposed, '?quarter=2025Q1');
    expect(res.status).toBe(200);
    const p = (await res.json()) as SchemePreview;
    expect([p.currentVersion, p.proposedVersion]).toEqual([1, 2]);
    expect([p.scores.quarter, p.scores.source]).toEqual(['2025Q1', 'draft']);
    const g = p.scores.groups.find((x) => x.groupKey === 'county-townships@ds')!;
    expect([g.label, g.parentUnitName, g.units]).toEqual(['县内乡镇', '东山县', 3]);
    const byUnit = Object.fromEntries(g.changed.map((c) => [c.unitId, c]));
    // 青松镇 8500 (3rd, carded) → 9500, tied 2nd with 白石乡 (9000 → 9500); both tied last: both carded.
    expect(byUnit['ds-a']).toMatchObject({
      unitName: '青松镇',
      totalBefore: 8500,
      totalAfter: 9500,
      rankBefore: 3,
      rankAfter: 2,
      cardedBefore: true,
      cardedAfter: true,
    });
    expect(byUnit['ds-b']).toMatchObject({
      totalBefore: 9000,
      totalAfter: 9500,
      rankBefore: 2,
      rankAfter: 2,
    });
    expect(byUnit['ds-b']).toMatchObject({ cardedBefore: false, cardedAfter: true });
    expect(byUnit['ds-c']).toBeUndefined(); // 100 points and first either way
    expect(p.rectifications.changed).toBe(1);
    expect(p.rectifications.sample).toEqual([
      expect.objectContaining({
        unitId: 'ds-c',
        deadline: '2025-05-20',
        lightBefore: 'yellow',
        lightAfter: 'green',
        overdueLevelBefore: null,
        overdueLevelAfter: null,
      }),
    ]);
    // Nothing stored: the scheme in force and its versions are as before.
    expect((await h.deps.scheme()).version).toBe(1);
    const versions = await h.call('GET', '/api/v1/schemes', { token: admin });
    expect(((await versions.json()) as { items: { version: number }[] }).items.map((v) => v.version)).toEqual(
      [1],
    );
  });

  it('the same scheme changes nothing', async () => {
    const p = (await (
      await preview({ ...BACKDATING_SCHEME, version: 2 }, '?quarter=2025Q1')
    ).json()) as SchemePreview;
    expect(p.rectifications.changed).toBe(0);
    expect(p.scores.groups.flatMap((g) => g.changed)).toEqual([]);
  });

  it('recomputes the newest published quarter by default, else the running quarter as a draft', async () => {
    const before = (await (await preview(proposed)).json()) as SchemePreview;
    expect([before.scores.quarter, before.scores.source]).toEqual(['2025Q2', 'draft']);
    const pub = await h.call('POST', '/api/v1/rankings/publish', {
      token: await h.token('supervisor', 'ds'),
      body: { quarter: '2025Q1', groupKey: 'county-townships@ds' },
    });
    expect(pub.status).toBe(201);
    const after = (await (await preview(proposed)).json()) as SchemePreview;
    expect([after.scores.quarter, after.scores.source]).toEqual(['2025Q1', 'published']);
  });

  it('a bad field answers 400 problem+json naming it; a non-admin 403; neither stores anything', async () => {
    const bad = await preview({ ...proposed, weights: { ...proposed.weights, task: 6000 } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(((await bad.json()) as { field: string }).field).toBe('weights');
    const badQuarter = await preview(proposed, '?quarter=2025Q9');
    expect([badQuarter.status, ((await badQuarter.json()) as { field: string }).field]).toEqual([
      400,
      'quarter',
    ]);
    const sup = await preview(proposed, '', await h.token('supervisor', 'ds'));
    expect(sup.status).toBe(403);
    expect((await h.deps.scheme()).version).toBe(1);
  });

  it('the save after the preview keeps its reason with the new version', async () => {
    const reason = encodeURIComponent('降低问题发现权重');
    const saved = await h.call('POST', `/api/v1/schemes?reason=${reason}`, { token: admin, body: proposed });
    expect(saved.status).toBe(201);
    const versions = await h.call('GET', '/api/v1/schemes', { token: admin });
    const items = ((await versions.json()) as { items: { version: number; reason: string | null }[] }).items;
    expect(items[0]).toMatchObject({ version: 2, reason: '降低问题发现权重' });
  });
});
