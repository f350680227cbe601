/**
 * 按时限排序 (issue 16: lists sort by light and deadline): `sort=deadline` lists the open records of the
 * caller's scope by the due day of the clock running now, the most overdue first — red, then yellow by its
 * window, then green — read from the due lists (jd1–jd4), so a page costs what it returns in any scope.
 * Checked against a sort of every record, on random deadlines, scopes and page sizes; a petition moves
 * from its acceptance day to its handling day when accepted and leaves the list when its clock stops.
 */
import { type Light, type Rectification, rectificationLight } from '@jiandu/shared';
import type { Page, PetitionView, RectificationRow } from '@jiandu/shared/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKDATING_SCHEME, type Harness, startHarness } from '../testing/harness.js';

let h: Harness;
let sup: string;
let citySup: string;
const rects: { id: string; unitId: string; deadline: string; createdAt: string }[] = [];

/** A small seeded generator, so a failing case is the same on every run. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const UNITS = ['ds-a', 'ds-a-1', 'ds-b', 'ds-c', 'ds-fpb', 'xs-a'];
const PATH: Record<string, string> = {
  'ds-a': '/city/ds/ds-a/',
  'ds-a-1': '/city/ds/ds-a/ds-a-1/',
  'ds-b': '/city/ds/ds-b/',
  'ds-c': '/city/ds/ds-c/',
  'ds-fpb': '/city/ds/ds-fpb/',
  'xs-a': '/city/xs/xs-a/',
};

beforeAll(async () => {
  h = await startHarness({ scheme: BACKDATING_SCHEME, now: Date.parse('2025-05-15T02:00:00Z') });
  sup = await h.token('supervisor', 'city');
  citySup = sup;
  const r = rng(16);
  for (let i = 0; i < 36; i++) {
    const unitId = UNITS[Math.floor(r() * UNITS.length)] as string;
    // Deadlines from 20 days ago to 40 days ahead, several on the same day (ties are ordered by id).
    const day = new Date(Date.parse('2025-04-25') + Math.floor(r() * 60) * 86_400_000);
    const deadline = day.toISOString().slice(0, 10);
    const res = await h.call('POST', '/api/v1/rectifications', {
      token: sup,
      body: { source: { kind: 'import', id: null }, unitId, title: `时限排序 ${i}`, deadline },
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as Rectification;
    rects.push({ id: body.id, unitId, deadline: body.deadline, createdAt: body.createdAt });
  }
}, 120_000);
afterAll(() => h.close());

async function sorted(token: string, query: Record<string, string>, limit: number) {
  const ids: string[] = [];
  const rows: RectificationRow[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const q = new URLSearchParams({ ...query, sort: 'deadline', limit: String(limit) });
    if (cursor) q.set('cursor', cursor);
    const res = await h.call('GET', `/api/v1/rectifications?${q}`, { token });
    expect(res.status).toBe(200);
    const page = (await res.json()) as Page<RectificationRow>;
    rows.push(...page.items);
    ids.push(...page.items.map((x) => x.id));
    cursor = page.cursor;
    pages++;
  } while (cursor && pages < 100);
  return { ids, rows };
}

/** A page of the city supervisor's, and the items the store read for it (ScannedCount of its Queries). */
async function pageAndReads(path: string): Promise<{ page: Page<RectificationRow>; read: number }> {
  let read = 0;
  h.deps.doc.middlewareStack.add(
    (next, context) => async (args) => {
      const out = await next(args);
      if (context.commandName === 'QueryCommand')
        read += (out.output as { ScannedCount?: number }).ScannedCount ?? 0;
      return out;
    },
    { step: 'initialize', name: 'pageReads' },
  );
  try {
    const res = await h.call('GET', path, { token: citySup });
    return { page: (await res.json()) as Page<RectificationRow>, read };
  } finally {
    h.deps.doc.middlewareStack.remove('pageReads');
  }
}

const byDue = (a: (typeof rects)[number], b: (typeof rects)[number]) =>
  a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

describe('sort=deadline', () => {
  it('pages the scope’s open rectifications by deadline, ties by id, for every scope and page size', async () => {
    for (const [scope, prefix] of [
      [undefined, '/city/'],
      ['ds', '/city/ds/'],
      ['ds-a', '/city/ds/ds-a/'],
      ['xs', '/city/xs/'],
      ['ds-a-1', '/city/ds/ds-a/ds-a-1/'],
    ] as const) {
      const want = rects.filter((r) => (PATH[r.unitId] as string).startsWith(prefix)).sort(byDue);
      for (const limit of [1, 4, 50]) {
        const got = await sorted(citySup, scope ? { unitId: scope } : {}, limit);
        expect(got.ids, `${scope ?? 'city'} by ${limit}`).toEqual(want.map((r) => r.id));
      }
    }
  });

  it('puts red first, then yellow, then green, and keeps to one light with the light filter', async () => {
    const { rows } = await sorted(citySup, {}, 50);
    const rank: Record<Light, number> = { red: 0, yellow: 1, green: 2 };
    const lights = rows.map((r) => rank[r.light as Light]);
    expect(lights).toEqual([...lights].sort((a, b) => a - b));
    expect(new Set(rows.map((r) => r.light))).toEqual(new Set(['red', 'yellow', 'green']));
    const at = '2025-05-15T10:00:00+08:00';
    const scheme = await h.deps.scheme();
    for (const light of ['red', 'yellow', 'green'] as const) {
      const only = await sorted(citySup, { light }, 3);
      const want = rects
        .filter(
          (r) =>
            rectificationLight(
              { state: 'assigned', deadline: r.deadline, createdAt: r.createdAt, unitId: r.unitId } as never,
              at,
              scheme,
            ) === light,
        )
        .sort(byDue);
      expect(only.ids, light).toEqual(want.map((r) => r.id));
    }
  });

  it('reads about what it returns: a township’s first page of a county-wide table', async () => {
    const { page, read } = await pageAndReads('/api/v1/rectifications?unitId=ds-b&sort=deadline&limit=2');
    const inScope = rects.filter((r) => r.unitId === 'ds-b').length;
    expect(page.items.length).toBe(Math.min(2, inScope));
    expect(read).toBeLessThanOrEqual(2);
  });

  it('lists overdue (and red) from the due lists without being asked: most overdue first, reading what it returns', async () => {
    const want = rects.filter((r) => r.deadline < '2025-05-15').sort(byDue);
    expect(want.length).toBeGreaterThan(3);
    for (const query of ['overdue=true', 'light=red', 'overdue=true&state=open']) {
      const res = await h.call('GET', `/api/v1/rectifications?${query}&limit=100`, { token: citySup });
      const page = (await res.json()) as Page<RectificationRow>;
      expect(
        page.items.map((x) => x.id),
        query,
      ).toEqual(want.map((r) => r.id));
    }
    const inDs = want.filter((r) => (PATH[r.unitId] as string).startsWith('/city/ds/'));
    const { page, read } = await pageAndReads('/api/v1/rectifications?unitId=ds&overdue=true&limit=2');
    expect(page.items.map((x) => x.id)).toEqual(inDs.slice(0, 2).map((r) => r.id));
    // The county's due list, read from its most overdue: the two returned (and one to see if more follow).
    expect(read).toBeLessThanOrEqual(3);
    const none = await h.call('GET', '/api/v1/rectifications?overdue=true&to=2025-04-01', { token: citySup });
    expect(((await none.json()) as Page<RectificationRow>).items).toEqual([]);
  });

  it('orders petitions by the clock running now and drops one whose clock stopped', async () => {
    const mk = async (i: number, receivedAt: string, name = '王示范') => {
      const res = await h.call('POST', '/api/v1/petitions', {
        token: sup,
        body: {
          petitioner:
            name === '王示范'
              ? { name, phone: '13900000000', idNumber: '11010519491231002X' }
              : { name, phone: `1370000000${i}` },
          channel: 'visit',
          levelReceived: 'county',
          unitId: 'ds-b',
          category: 'embezzling',
          matter: `时限排序信访 ${i}`,
          receivedAt,
          externalId: `DUE-${i}`,
        },
      });
      expect(res.status).toBe(201);
      return (await res.json()) as PetitionView;
    };
    const a = await mk(1, '2025-05-14T09:00:00+08:00');
    const b = await mk(2, '2025-05-02T09:00:00+08:00');
    const c = await mk(3, '2025-05-08T09:00:00+08:00');
    const old = await mk(4, '2025-03-03T09:00:00+08:00', '李另案'); // its 15 days to decide ran out in March
    // The SLA state, read as a key range of the due list (sorted by deadline, and overdue always) or as a
    // filter: the same petitions as the lights of the whole list say (red: overdue; yellow, green: pending).
    const all = (await (
      await h.call('GET', '/api/v1/petitions?unitId=ds-b&limit=50', { token: sup })
    ).json()) as Page<PetitionView>;
    for (const [sla, lights] of [
      ['overdue', ['red']],
      ['pending', ['yellow', 'green']],
    ] as const) {
      const ids = async (extra: string) => {
        const res = await h.call('GET', `/api/v1/petitions?unitId=ds-b&sla=${sla}&limit=50${extra}`, {
          token: sup,
        });
        return ((await res.json()) as Page<PetitionView>).items.map((p) => p.id).sort();
      };
      const want = all.items
        .filter((p) => (lights as readonly string[]).includes(p.light ?? ''))
        .map((p) => p.id)
        .sort();
      expect(want.length, sla).toBeGreaterThan(0);
      expect(await ids('&sort=deadline'), sla).toEqual(want);
      expect(await ids(''), sla).toEqual(want);
    }
    expect(
      (
        (await (
          await h.call('GET', '/api/v1/petitions?unitId=ds-b&sla=overdue&sort=deadline', { token: sup })
        ).json()) as Page<PetitionView>
      ).items.map((p) => p.id),
    ).toEqual([old.id]);
    await h.call('POST', `/api/v1/petitions/${old.id}/not-accept`, {
      token: sup,
      body: { expectedVersion: old.version, reason: '不属于本机关职责范围' },
    });
    const list = async () => {
      const res = await h.call('GET', '/api/v1/petitions?unitId=ds-b&sort=deadline&limit=50', { token: sup });
      expect(res.status).toBe(200);
      return ((await res.json()) as Page<PetitionView>).items.map((p) => [p.id, p.sla.accept.due]);
    };
    expect((await list()).map(([id]) => id)).toEqual([b.id, c.id, a.id]);
    // b accepted: its clock is now the handling day (weeks away) — it moves behind a and c.
    const acc = await h.call('POST', `/api/v1/petitions/${b.id}/accept`, {
      token: sup,
      body: { expectedVersion: b.version },
    });
    expect(acc.status).toBe(200);
    expect((await list()).map(([id]) => id)).toEqual([c.id, a.id, b.id]);
    // c not accepted (不予受理): no clock runs — it leaves the list.
    const na = await h.call('POST', `/api/v1/petitions/${c.id}/not-accept`, {
      token: sup,
      body: { expectedVersion: c.version, reason: '不属于本机关职责范围' },
    });
    expect(na.status).toBe(200);
    expect((await list()).map(([id]) => id)).toEqual([a.id, b.id]);
  });

  it('refuses an unknown sort, naming the field', async () => {
    const res = await h.call('GET', '/api/v1/rectifications?sort=title', { token: sup });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('sort');
  });
});
