/**
 * Lists cost O(page) (issue 15) and keyword search (issue 17), through the API against DynamoDB Local:
 * every list in every scope, with every filter, pages exactly the records a filter over all records
 * gives (in order, no loss, no duplicate); nobody sees outside their scope; an empty list reads nothing;
 * items written under the old type-wide keys are found again after the rebuild re-indexes them.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type Finding, searchKey } from '@jiandu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildAggregates, reindexRecords } from '../services/integrity/rebuild.js';
import { keys } from '../store/keys.js';
import { firstBatch, READ_BUDGET } from '../store/record-store.js';
import { BACKDATING_SCHEME, type Harness, startHarness, TEST_UNITS } from '../testing/harness.js';

let h: Harness;
/** Items DynamoDB evaluated (ScannedCount) and queries sent, since the last reset. */
const reads = { items: 0, queries: 0 };

/** A small deterministic generator (mulberry32): the property cases below are reproducible by seed. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T };
}

const UNITS = ['ds-a', 'ds-a', 'ds-a-1', 'ds-b', 'ds-fpb', 'ds', 'xs-a', 'xs', 'city'];
const CATEGORIES = ['formalism', 'diverting', 'false_claims'];
const SEVERITIES = ['general', 'serious', 'grave'];
const WORDS = ['扶贫台账', '危房改造', '产业项目', 'ＡＢＣ合作社', 'abc 合作社', '饮水工程'];
const SEEDED = 240;

interface Seeded {
  id: string;
  unitId: string;
  category: string;
  severity: string;
  discoveredOn: string;
  description: string;
}
const seeded: Seeded[] = [];
const pathOf = new Map<string, string>();

beforeAll(async () => {
  h = await startHarness({ scheme: BACKDATING_SCHEME });
  for (const u of TEST_UNITS) pathOf.set(u.id, (await h.deps.units.pathOf(u.id)) as string);
  const r = rng(15);
  const items = Array.from({ length: SEEDED }, (_, i) => ({
    unitId: r.pick(UNITS),
    category: r.pick(CATEGORIES),
    severity: r.pick(SEVERITIES),
    source: 'inspection',
    description: `${r.pick(WORDS)}问题 第${i}号`,
    amountFen: 0,
    // Few distinct days, so many records share a date (the id breaks the tie in the sort key).
    discoveredOn: `2025-0${1 + Math.floor(r.next() * 4)}-1${Math.floor(r.next() * 3)}`,
  }));
  const token = await h.token('inspector', 'city');
  const res = await h.call('POST', '/api/v1/findings/batch', { token, body: { items } });
  expect(res.status).toBe(200);
  const out = (await res.json()) as { items: { status: string; id: string }[] };
  out.items.forEach((o, i) => {
    expect(o.status).toBe('accepted');
    seeded.push({ id: o.id, ...(items[i] as Omit<Seeded, 'id'>) });
  });
  const send = h.deps.doc.send.bind(h.deps.doc) as (c: unknown) => Promise<{ ScannedCount?: number }>;
  (h.deps.doc as unknown as { send: (c: unknown) => Promise<unknown> }).send = async (c: unknown) => {
    const out = await send(c);
    if (c instanceof QueryCommand) {
      reads.queries++;
      reads.items += out.ScannedCount ?? 0;
    }
    return out;
  };
}, 120_000);
afterAll(() => h.close());

interface Query {
  scope: string;
  category?: string;
  severity?: string;
  from?: string;
  to?: string;
  q?: string;
  limit: number;
}

/** What the list must answer: a filter over every seeded record, newest first (date, then id). */
function expected(q: Query): string[] {
  const scope = pathOf.get(q.scope) as string;
  return seeded
    .filter(
      (s) =>
        (pathOf.get(s.unitId) as string).startsWith(scope) &&
        (q.category === undefined || s.category === q.category) &&
        (q.severity === undefined || s.severity === q.severity) &&
        (q.from === undefined || s.discoveredOn >= q.from) &&
        (q.to === undefined || s.discoveredOn <= q.to) &&
        (q.q === undefined || searchKey(s.description).includes(searchKey(q.q))),
    )
    .sort((a, b) => {
      const ka = `${a.discoveredOn}#${a.id}`;
      const kb = `${b.discoveredOn}#${b.id}`;
      return ka < kb ? 1 : ka > kb ? -1 : 0;
    })
    .map((s) => s.id);
}

/** Every page of the list for a viewer of `scope`, and the items read per page. */
async function pageAll(q: Query): Promise<{ ids: string[]; pages: { items: number; read: number }[] }> {
  const token = await h.token('viewer', q.scope);
  const params = new URLSearchParams({ limit: String(q.limit) });
  for (const k of ['category', 'severity', 'from', 'to', 'q'] as const) {
    const v = q[k];
    if (v !== undefined) params.set(k, v);
  }
  const ids: string[] = [];
  const pages: { items: number; read: number }[] = [];
  let cursor: string | null = null;
  do {
    if (cursor) params.set('cursor', cursor);
    reads.items = 0;
    const res = await h.call('GET', `/api/v1/findings?${params}`, { token });
    expect(res.status).toBe(200);
    const page = (await res.json()) as { items: Finding[]; cursor: string | null };
    pages.push({ items: page.items.length, read: reads.items });
    ids.push(...page.items.map((f) => f.id));
    cursor = page.cursor;
    expect(pages.length).toBeLessThan(400);
  } while (cursor);
  return { ids, pages };
}

describe('lists in the caller jurisdiction', () => {
  it('page exactly what a filter over all records gives, for every scope and filter (40 random cases)', async () => {
    const r = rng(2025);
    for (let run = 0; run < 40; run++) {
      const d1 = `2025-0${1 + Math.floor(r.next() * 4)}-1${Math.floor(r.next() * 3)}`;
      const d2 = `2025-0${1 + Math.floor(r.next() * 4)}-1${Math.floor(r.next() * 3)}`;
      const q: Query = {
        scope: r.pick(['city', 'ds', 'ds-a', 'ds-a-1', 'xs', 'ds-b', 'ds-c', 'ds-fpb']),
        limit: 1 + Math.floor(r.next() * 40),
        ...(r.next() < 0.3 ? { category: r.pick(CATEGORIES) } : {}),
        ...(r.next() < 0.3 ? { severity: r.pick(SEVERITIES) } : {}),
        // A date range with both ends, or only one (a list with only `to` was a 500: an empty lower key).
        ...(r.next() < 0.3
          ? r.pick([{ from: d1 < d2 ? d1 : d2, to: d1 < d2 ? d2 : d1 }, { from: d1 }, { to: d2 }])
          : {}),
        ...(r.next() < 0.3 ? { q: r.pick(['台账', 'abc', 'ＡＢＣ合作', '工程 ', '第1']) } : {}),
      };
      const { ids, pages } = await pageAll(q);
      expect({ q, ids }).toEqual({ q, ids: expected(q) });
      for (const p of pages) expect(p.read).toBeLessThanOrEqual(READ_BUDGET(q.limit, 16));
    }
  }, 300_000);

  it('never shows a record outside the scope: a township officer sees its own and its villages', async () => {
    const { ids } = await pageAll({ scope: 'ds-a', limit: 500 });
    const mine = new Set(seeded.filter((s) => s.unitId === 'ds-a' || s.unitId === 'ds-a-1').map((s) => s.id));
    expect(ids.length).toBe(mine.size);
    expect(ids.every((id) => mine.has(id))).toBe(true);
  });

  it('reads nothing for an empty list in a big table: a township with no records', async () => {
    expect(seeded.some((s) => s.unitId === 'ds-c')).toBe(false);
    const token = await h.token('viewer', 'ds-c');
    reads.items = 0;
    reads.queries = 0;
    const res = await h.call('GET', '/api/v1/findings?limit=50', { token });
    expect(((await res.json()) as { items: unknown[]; cursor: string | null }).cursor).toBeNull();
    expect(reads).toEqual({ items: 0, queries: 1 });
  });

  it('reads a small constant times the page for a county and for the whole city', async () => {
    for (const scope of ['ds', 'city']) {
      const { pages } = await pageAll({ scope, limit: 50 });
      const full = pages.filter((p) => p.items === 50);
      expect(full.length).toBeGreaterThan(1);
      // One partition (a county) reads the page (and one item to know there is more); the city's 16
      // shards a first batch of ⌈2·50/16⌉ + 1 = 8 each (128) and seldom a second read of one or two
      // shards (16 each): ≤ 128 + 32 = 3.2 × the page.
      expect(firstBatch(50, 16)).toBe(8);
      for (const p of full) expect(p.read / p.items).toBeLessThanOrEqual(scope === 'ds' ? 1.05 : 3.2);
    }
  });

  it('answers a filtered city page from the shards that match: a shard the filter empties does not hold it back', async () => {
    // The newest findings of the city are the only ones holding a new word: each lies in one of the 16
    // shards, the others match nothing. A shard read past the newest match holds nothing ahead of it, so
    // the page answers the matches at once, within the budget (it once waited on every shard to show a
    // match or end, and answered an empty page with a cursor).
    const token = await h.token('inspector', 'city');
    const items = Array.from({ length: 6 }, (_, i) => ({
      unitId: 'city',
      category: 'formalism',
      severity: 'general',
      source: 'inspection',
      description: `稀有新词问题 第${i}号`,
      amountFen: 0,
      discoveredOn: `2025-05-0${1 + i}`,
    }));
    const res = await h.call('POST', '/api/v1/findings/batch', { token, body: { items } });
    const out = (await res.json()) as { items: { status: string; id: string }[] };
    out.items.forEach((o, i) => {
      expect(o.status).toBe('accepted');
      seeded.push({ id: o.id, ...(items[i] as Omit<Seeded, 'id'>) });
    });
    const q: Query = { scope: 'city', q: '稀有新词', limit: 5 };
    const viewer = await h.token('viewer', 'city');
    reads.items = 0;
    const page = await h.call('GET', '/api/v1/findings?q=%E7%A8%80%E6%9C%89%E6%96%B0%E8%AF%8D&limit=5', {
      token: viewer,
    });
    const body = (await page.json()) as { items: Finding[] };
    expect(body.items.map((f) => f.id)).toEqual(expected(q).slice(0, 5));
    expect(reads.items).toBeLessThanOrEqual(READ_BUDGET(5, 16));
    expect((await pageAll(q)).ids).toEqual(expected(q));
  });

  it('refuses a keyword that is empty or too long, naming the field', async () => {
    const token = await h.token('viewer', 'ds');
    for (const q of ['', '   ', 'x'.repeat(101)]) {
      const res = await h.call('GET', `/api/v1/findings?q=${encodeURIComponent(q)}`, { token });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('q');
    }
  });

  it('finds records written under the old type-wide keys after the rebuild re-indexes them', async () => {
    const victim = seeded.find((s) => s.unitId === 'ds-b') as Seeded;
    const item = (await h.deps.store.getItem('finding', victim.id)) as Record<string, unknown>;
    const old: Record<string, unknown> = {
      ...item,
      ...keys.listByType('finding', victim.discoveredOn, victim.id),
    };
    for (const k of Object.keys(old))
      if (/^jl\d(pk|sk)$/.test(k) || k === 'lsort' || k === 'qtext') delete old[k];
    const { PutCommand } = await import('@aws-sdk/lib-dynamodb');
    await h.deps.doc.send(new PutCommand({ TableName: h.deps.tableName, Item: old }));
    expect((await pageAll({ scope: 'ds-b', limit: 100 })).ids).not.toContain(victim.id);

    const check = await reindexRecords(h.deps);
    expect(check.stale).toBe(1);
    expect(check.fixed).toBe(0);
    const fixed = await reindexRecords(h.deps, { fix: true });
    expect(fixed).toMatchObject({ stale: 1, fixed: 1 });
    expect((await reindexRecords(h.deps)).stale).toBe(0);
    const after = (await h.deps.store.getItem('finding', victim.id)) as Record<string, unknown>;
    expect(after.gsi1pk).toBeUndefined();
    expect((await pageAll({ scope: 'ds-b', limit: 100 })).ids).toEqual(
      expected({ scope: 'ds-b', limit: 100 }),
    );
    expect((await rebuildAggregates(h.deps)).differences).toEqual([]);
  });
});
