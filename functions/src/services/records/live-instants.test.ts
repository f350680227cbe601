/**
 * The one time rule of live intake (DESIGN §4.7), through the API, for the three kinds of record that
 * carry their own instant: a future one is refused (422, the field named), one older than the scheme's
 * look-back is refused as history, and one within it is taken.
 */
import { LIVE_LOOKBACK_DEFAULT } from '@jiandu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../testing/harness.js';
import { scanAll } from '../../testing/stored.js';

let h: Harness;
beforeAll(async () => {
  // 2025-05-15T10:00:00+08:00
  h = await startHarness();
});
afterAll(() => h.close());

const days = LIVE_LOOKBACK_DEFAULT;
const dayBack = (n: number) =>
  new Date(Date.parse('2025-05-15T00:00:00Z') - n * 86_400_000).toISOString().slice(0, 10);

const finding = (discoveredOn: string) => ({
  unitId: 'ds-a',
  category: 'formalism',
  severity: 'serious',
  source: 'inspection',
  description: `扶贫台账填报流于形式 ${discoveredOn}`,
  discoveredOn,
});
const petition = (receivedAt: string) => ({
  petitioner: { name: '赵六', phone: '13900000001' },
  channel: 'letter',
  levelReceived: 'county',
  unitId: 'ds-a',
  category: 'embezzling',
  matter: `低保金被截留 ${receivedAt}`,
  receivedAt,
});
const signal = (publishedAt: string) => ({
  platform: '微博',
  url: `https://weibo.example/live/${encodeURIComponent(publishedAt)}`,
  title: `青松镇扶贫款发放问题 ${publishedAt}`,
  publishedAt,
  polarity: 'negative',
  severity: 'notable',
  unitId: 'ds-a',
});

const KINDS = [
  {
    kind: 'finding',
    role: 'inspector' as const,
    path: '/api/v1/findings',
    field: 'discoveredOn',
    body: finding,
    future: '2025-05-16',
    within: dayBack(days.discoveredOn),
    recent: dayBack(1),
    beyond: dayBack(days.discoveredOn + 1),
  },
  {
    kind: 'petition',
    role: 'supervisor' as const,
    path: '/api/v1/petitions',
    field: 'receivedAt',
    body: petition,
    future: '2025-05-15T10:06:00+08:00',
    within: `${dayBack(days.receivedAt)}T09:00:00+08:00`,
    recent: `${dayBack(1)}T09:00:00+08:00`,
    beyond: `${dayBack(days.receivedAt + 1)}T23:00:00+08:00`,
  },
  {
    kind: 'signal',
    role: 'supervisor' as const,
    path: '/api/v1/signals',
    field: 'publishedAt',
    body: signal,
    future: '2026-05-15T10:00:00+08:00',
    within: `${dayBack(days.publishedAt)}T09:00:00+08:00`,
    recent: `${dayBack(1)}T09:00:00+08:00`,
    beyond: `${dayBack(days.publishedAt + 1)}T23:00:00+08:00`,
  },
];

describe('the time of a record received live', () => {
  it.each(KINDS)(
    '$kind: refuses $field in the future and beyond the look-back (422 naming it), takes it within, stores nothing refused',
    async (k) => {
      const token = await h.token(k.role);
      const before = (await scanAll(h.deps)).length;
      for (const [value, code] of [
        [k.future, 'instant.future'],
        [k.beyond, 'instant.notLive'],
      ] as const) {
        const res = await h.call('POST', k.path, { token, body: k.body(value) });
        expect(res.status, value).toBe(422);
        expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
        expect(await res.json()).toMatchObject({ code, field: k.field });
      }
      expect((await scanAll(h.deps)).length).toBe(before);
      const ok = await h.call('POST', k.path, { token, body: k.body(k.within) });
      expect(ok.status).toBe(201);
    },
  );

  it.each(KINDS)('$kind: a batch rejects the future item by its field and takes the others', async (k) => {
    const token = await h.token(k.role);
    const res = await h.call('POST', `${k.path}/batch`, {
      token,
      body: { items: [k.body(k.future), k.body(k.recent)] },
    });
    expect(res.status).toBe(200);
    const out = ((await res.json()) as { items: { status: string; field?: string; code?: string }[] }).items;
    expect(out[0]).toMatchObject({ status: 'rejected', field: k.field, code: 'instant.future' });
    expect(out[1]!.status).toBe('accepted');
  });
});
