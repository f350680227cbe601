import type { Alert, Rectification } from '@jiandu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../testing/harness.js';
import { recordsOf, scanAll, storedAndRebuilt } from '../testing/stored.js';

let h: Harness;
let sup: string;
beforeAll(async () => {
  h = await startHarness();
  sup = await h.token('supervisor');
});
afterAll(() => h.close());

let seq = 0;
const signal = (over: Record<string, unknown> = {}) => {
  const n = ++seq;
  return {
    platform: '微博',
    url: `https://weibo.com/u/${n}`,
    title: `青松镇扶贫款发放问题${n}`,
    excerpt: '网友反映低保名单不公开',
    publishedAt: '2025-05-12T08:00:00+08:00',
    reach: { reads: 1200, reposts: 3, comments: 10 },
    polarity: 'negative',
    severity: 'notable',
    unitId: 'ds-a',
    ...over,
  };
};

interface View {
  id: string;
  version: number;
  unitId: string | null;
  repostCount: number;
  rectificationId: string | null;
}

const post = (body: unknown, token = sup, headers: Record<string, string> = {}) =>
  h.call('POST', '/api/v1/signals', { token, body, headers });
const get = async (id: string, token = sup): Promise<View> => {
  const res = await h.call('GET', `/api/v1/signals/${id}`, { token });
  expect(res.status).toBe(200);
  return (await res.json()) as View;
};
const events = async (id: string) =>
  (
    (await (await h.call('GET', `/api/v1/signals/${id}/events`, { token: sup })).json()) as {
      items: { action: string }[];
    }
  ).items.map((e) => e.action);

describe('opinion signals through the API', () => {
  it('records a duplicate once and counts the repost on the original', async () => {
    const first = await post(
      signal({ url: 'https://weibo.com/u/abc?utm_source=share&id=7', title: '某村低保金被截留' }),
    );
    expect(first.status).toBe(201);
    const original = (await first.json()) as View;
    expect(original.repostCount).toBe(0);
    const sameUrl = await post(
      signal({ url: 'https://WEIBO.com/u/abc/?id=7&from=timeline#c', title: '另一个标题' }),
    );
    expect(sameUrl.status).toBe(200);
    expect(await sameUrl.json()).toEqual({ duplicateOf: original.id });
    const sameText = await post(
      signal({ url: 'https://mp.weixin.qq.com/s/xyz', title: '某村 低保金 被截留！' }),
    );
    expect(await sameText.json()).toEqual({ duplicateOf: original.id });
    // A repost of the repost: its URL was registered for the original.
    const again = await post(signal({ url: 'https://mp.weixin.qq.com/s/xyz?scene=1', title: '转发' }));
    expect(await again.json()).toEqual({ duplicateOf: original.id });
    const now = await get(original.id);
    expect([now.repostCount, now.version]).toEqual([3, 4]);
    expect(await events(original.id)).toEqual([
      'signal.create',
      'signal.repost',
      'signal.repost',
      'signal.repost',
    ]);
    const stored = recordsOf<{ canonicalUrl: string }>(await scanAll(h.deps), 'signal');
    expect(stored.filter((s) => s.canonicalUrl.includes('/u/abc'))).toHaveLength(1);
  });

  it('answers a retry with the same Idempotency-Key with the first result and counts nothing twice', async () => {
    const body = signal();
    const headers = { 'idempotency-key': 'signal-key-0001' };
    const a = await post(body, sup, headers);
    const b = await post(body, sup, headers);
    expect([a.status, b.status]).toEqual([201, 201]);
    const view = (await a.json()) as View;
    expect(((await b.json()) as View).id).toBe(view.id);
    const dupHeaders = { 'idempotency-key': 'signal-key-0002' };
    const dup = signal({ url: body.url, title: '转' });
    expect(await (await post(dup, sup, dupHeaders)).json()).toEqual({ duplicateOf: view.id });
    expect(await (await post(dup, sup, dupHeaders)).json()).toEqual({ duplicateOf: view.id });
    expect((await get(view.id)).repostCount).toBe(1);
  });

  it('answers a batch item by item and counts two duplicates of one batch on their original', async () => {
    const a = signal({ externalId: 'S-1', url: 'https://www.douyin.com/video/1', title: '扶贫车间停工' });
    const items = [
      a,
      signal({ externalId: 'S-2', url: 'https://www.douyin.com/video/1?share_token=zz', title: '转发1' }),
      signal({ externalId: 'S-3', url: 'https://tieba.baidu.com/p/9', title: '扶贫车间 停工' }),
      signal({ externalId: 'S-4' }),
      signal({ externalId: 'S-5', url: 'ftp://example.com/x' }),
      signal({ externalId: 'S-6', unitId: 'xs-a' }),
      signal({ externalId: 'S-7', severity: 'huge' }),
      { ...a },
    ];
    const res = await h.call('POST', '/api/v1/signals/batch', { token: sup, body: { items } });
    expect(res.status).toBe(200);
    const out = (
      (await res.json()) as { items: { status: string; id?: string; field?: string; code?: string }[] }
    ).items;
    expect(out.map((o) => o.status)).toEqual([
      'accepted',
      'duplicate',
      'duplicate',
      'accepted',
      'rejected',
      'rejected',
      'rejected',
      'duplicate',
    ]);
    const originalId = out[0]!.id!;
    expect([out[1]!.id, out[2]!.id, out[7]!.id]).toEqual([originalId, originalId, originalId]);
    expect([out[4]!.field, out[5]!.field, out[6]!.field]).toEqual(['url', 'unitId', 'severity']);
    expect(out[4]!.code).toBe('request.invalid');
    expect((await get(originalId)).repostCount).toBe(2);
    // The same batch again: every item is a retry of a stored one; nothing is counted twice.
    const retry = await h.call('POST', '/api/v1/signals/batch', { token: sup, body: { items } });
    const second = ((await retry.json()) as { items: { status: string; id?: string }[] }).items;
    expect(second.map((o) => [o.status, o.id])).toEqual(
      out.map((o) => (o.status === 'rejected' ? ['rejected', undefined] : ['duplicate', o.id])),
    );
    expect((await get(originalId)).repostCount).toBe(2);
  });

  it('lets exactly one of concurrent duplicates win; the others are reposts of it', async () => {
    const base = signal({ title: '同时到达的舆情' });
    const res = await Promise.all(
      [1, 2, 3, 4, 5].map((i) => post({ ...base, url: `${base.url}?utm_medium=${i}` })),
    );
    const statuses = res.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 201]);
    const bodies = await Promise.all(
      res.map((r) => r.json() as Promise<{ id?: string; duplicateOf?: string }>),
    );
    const winner = bodies.find((b) => b.id)!.id!;
    expect(bodies.filter((b) => b.duplicateOf).map((b) => b.duplicateOf)).toEqual([
      winner,
      winner,
      winner,
      winner,
    ]);
    expect((await get(winner)).repostCount).toBe(4);
  });

  it('opens an alert and a rectification with a 1-day first-response deadline for a major negative signal', async () => {
    const res = await post(signal({ severity: 'major', unitId: 'ds-b', title: '重大负面：扶贫资金被挪用' }));
    expect(res.status).toBe(201);
    const s = (await res.json()) as View;
    expect(s.rectificationId).toBeTruthy();
    const rect = await h.deps.store.get<Rectification>('rectification', s.rectificationId!);
    expect(rect?.data).toMatchObject({
      source: { kind: 'signal', id: s.id },
      unitId: 'ds-b',
      state: 'assigned',
      deadline: '2025-05-16',
      externalId: `signal:${s.id}`,
    });
    const alerts = recordsOf<Alert>(await scanAll(h.deps), 'alert').filter((a) => a.subject.id === s.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      rule: 'signal.majorNegative',
      unitId: 'ds-b',
      state: 'open',
      severity: 'critical',
    });
    const notable = (await (await post(signal({ unitId: 'ds-b' }))).json()) as View;
    expect(notable.rectificationId).toBeNull();
  });

  it('queues a signal without a unit for triage until a supervisor assigns it, then applies the actions', async () => {
    const res = await post(signal({ unitId: null, severity: 'major', title: '不明单位的重大负面舆情' }));
    expect(res.status).toBe(201);
    const s = (await res.json()) as View;
    expect([s.unitId, s.rectificationId]).toEqual([null, null]);
    const queue = async (token = sup) =>
      (
        (await (await h.call('GET', '/api/v1/signals/triage', { token })).json()) as {
          items: { id: string }[];
        }
      ).items.map((i) => i.id);
    expect(await queue()).toContain(s.id);
    const other = await h.token('supervisor', 'xs');
    expect(await queue(other)).not.toContain(s.id);
    expect(
      (await h.call('POST', `/api/v1/signals/${s.id}/assign`, { token: other, body: { unitId: 'xs-a' } }))
        .status,
    ).toBe(404);
    const officer = await h.token('unit_officer', 'ds');
    expect(
      (await h.call('POST', `/api/v1/signals/${s.id}/assign`, { token: officer, body: { unitId: 'ds-c' } }))
        .status,
    ).toBe(403);
    const outside = await h.call('POST', `/api/v1/signals/${s.id}/assign`, {
      token: sup,
      body: { unitId: 'xs-a' },
    });
    expect([outside.status, ((await outside.json()) as { field: string }).field]).toEqual([404, 'unitId']);
    const stale = await h.call('POST', `/api/v1/signals/${s.id}/assign`, {
      token: sup,
      body: { unitId: 'ds-c', expectedVersion: 7 },
    });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { current: View }).current.version).toBe(1);
    const assigned = await h.call('POST', `/api/v1/signals/${s.id}/assign`, {
      token: sup,
      body: { unitId: 'ds-c', expectedVersion: 1 },
    });
    expect(assigned.status).toBe(200);
    const after = (await assigned.json()) as View;
    expect([after.unitId, after.version]).toEqual(['ds-c', 2]);
    expect(after.rectificationId).toBeTruthy();
    const rect = await h.deps.store.get<Rectification>('rectification', after.rectificationId!);
    expect(rect?.data).toMatchObject({ unitId: 'ds-c', deadline: '2025-05-16' });
    expect(await queue()).not.toContain(s.id);
    const twice = await h.call('POST', `/api/v1/signals/${s.id}/assign`, {
      token: sup,
      body: { unitId: 'ds-b' },
    });
    expect([twice.status, ((await twice.json()) as { code: string }).code]).toEqual([
      409,
      'signal.alreadyAssigned',
    ]);
    expect(await events(s.id)).toEqual(['signal.create', 'signal.assign']);
    const alerts = recordsOf<Alert>(await scanAll(h.deps), 'alert').filter((a) => a.subject.id === s.id);
    expect(alerts.map((a) => a.unitId)).toEqual(['ds-c']);
  });

  it('refuses bad input with problem+json naming the field, and stores nothing', async () => {
    const viewerToken = await h.token('viewer');
    const before = (await scanAll(h.deps)).length;
    const bad = await post(signal({ url: 'notaurl' }));
    expect([bad.status, ((await bad.json()) as { field: string }).field]).toEqual([400, 'url']);
    const extra = await post(signal({ surprise: 1 }));
    expect(extra.status).toBe(400);
    const viewer = await post(signal(), viewerToken);
    expect(viewer.status).toBe(403);
    expect((await scanAll(h.deps)).length).toBe(before);
    expect((await h.call('GET', '/api/v1/signals', { token: viewerToken })).status).toBe(200);
  });

  it('keeps the aggregates equal to a rebuild from the stored records', async () => {
    const { stored, rebuilt } = await storedAndRebuilt(h.deps);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored).toEqual(rebuilt);
    const dsB = stored.find((a) => a.unitId === 'ds-b' && a.quarter === '2025Q2');
    expect(dsB?.signals).toEqual({ notable: 1, major: 1 });
  });
});

describe('the triage queue', () => {
  it('spreads its signals over shards and pages through them newest first, each once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await post(
        signal({
          unitId: null,
          title: `待分办舆情${i}`,
          publishedAt: `2025-05-1${i % 3}T0${i % 10}:00:00+08:00`,
        }),
      );
      expect(res.status).toBe(201);
      ids.push(((await res.json()) as View).id);
    }
    const shards = new Set(
      await Promise.all(ids.map(async (id) => String((await h.deps.store.getItem('signal', id))?.gsi2pk))),
    );
    expect(shards.size).toBeGreaterThan(1);
    for (const s of shards) expect(s).toMatch(/^S#signal#triage#\d{2}$/);
    const seen: { id: string; publishedAt: string }[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `limit=5&cursor=${encodeURIComponent(cursor)}` : 'limit=5';
      const res = await h.call('GET', `/api/v1/signals/triage?${query}`, { token: sup });
      expect(res.status).toBe(200);
      const page = (await res.json()) as {
        items: { id: string; publishedAt: string }[];
        cursor: string | null;
      };
      seen.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
    const seenIds = seen.map((s) => s.id);
    expect(new Set(seenIds).size).toBe(seenIds.length);
    for (const id of ids) expect(seenIds).toContain(id);
    const times = seen.map((s) => Date.parse(s.publishedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});
