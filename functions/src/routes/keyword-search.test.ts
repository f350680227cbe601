/**
 * Keyword search (issue 17) on the lists of titled records other than findings (lists.test.ts covers
 * those): rectifications (title, description), signals (title, excerpt) and petitions (matter), through
 * the API against DynamoDB Local. Each list with `q` pages exactly the records of the caller's scope whose
 * normalized text (NFKC, lower case) holds the normalized keyword — no loss, no duplicate, nothing from
 * outside the scope — however small the page.
 */
import { searchKey } from '@jiandu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKDATING_SCHEME, type Harness, startHarness } from '../testing/harness.js';

let h: Harness;

interface Made {
  id: string;
  unitId: string;
  /** The texts the keyword is matched against. */
  texts: string[];
}
const made: Record<'rectifications' | 'signals' | 'petitions', Made[]> = {
  rectifications: [],
  signals: [],
  petitions: [],
};

/** Units the records name: two townships of 东山县, the county itself, and 西川县's township (outside). */
const UNITS = ['ds-a', 'ds-b', 'ds', 'xs-a'];
/** Texts with the keyword in Chinese, in full-width and in half-width Latin letters, in either field. */
const TEXTS: [string, string][] = [
  ['危房改造补助资金滞留', '东山县青松镇'],
  ['饮水工程验收不实', '涉及危房改造户３户'],
  ['ＡＢＣ合作社分红未兑现', '产业帮扶'],
  ['abc 合作社账目不清', '台账缺失'],
  ['教育资助发放延迟', '白石乡'],
];

beforeAll(async () => {
  h = await startHarness({ scheme: BACKDATING_SCHEME });
  const token = await h.token('supervisor', 'city');
  let n = 0;
  for (const unitId of UNITS)
    for (const [text, more] of TEXTS) {
      n++;
      // A number of its own: the signal intake takes the same title twice as one signal reposted.
      const title = `${text}（${unitId}第${n}号）`;
      const r = await h.call('POST', '/api/v1/rectifications', {
        token,
        body: {
          source: { kind: 'import', id: null },
          unitId,
          title,
          description: more,
          deadline: '2025-06-30',
        },
      });
      expect(r.status).toBe(201);
      made.rectifications.push({ id: ((await r.json()) as { id: string }).id, unitId, texts: [title, more] });
      const s = await h.call('POST', '/api/v1/signals', {
        token,
        body: {
          platform: '微博',
          url: `https://weibo.com/u/kw${n}`,
          title,
          excerpt: more,
          publishedAt: '2025-05-12T08:00:00+08:00',
          reach: { reads: 100, reposts: 0, comments: 0 },
          polarity: 'negative',
          severity: 'notable',
          unitId,
        },
      });
      expect(s.status).toBe(201);
      made.signals.push({ id: ((await s.json()) as { id: string }).id, unitId, texts: [title, more] });
      const p = await h.call('POST', '/api/v1/petitions', {
        token,
        body: {
          petitioner: { name: `群众${n}`, phone: `138000000${String(n).padStart(2, '0')}` },
          channel: 'visit',
          levelReceived: 'county',
          unitId,
          category: 'embezzling',
          matter: `${title}，${more}`,
          receivedAt: '2025-05-10T09:00:00+08:00',
          externalId: `KW-${n}`,
        },
      });
      expect(p.status).toBe(201);
      made.petitions.push({
        id: ((await p.json()) as { id: string }).id,
        unitId,
        texts: [`${title}，${more}`],
      });
    }
}, 120_000);
afterAll(() => h.close());

const PATHS: Record<string, string[]> = {
  'ds-a': ['ds-a'],
  ds: ['ds', 'ds-a', 'ds-b'],
  city: ['ds', 'ds-a', 'ds-b', 'xs-a'],
};

/** Every page of a list with `q` for a viewer at `scope`, `limit` items a page. */
async function search(list: keyof typeof made, scope: string, q: string, limit: number): Promise<string[]> {
  // A supervisor: petitions are read by supervisors and inspectors only (viewers may not).
  const token = await h.token('supervisor', scope);
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const params = new URLSearchParams({ q, limit: String(limit), ...(cursor ? { cursor } : {}) });
    const res = await h.call('GET', `/api/v1/${list}?${params}`, { token });
    expect(res.status).toBe(200);
    const page = (await res.json()) as { items: { id: string }[]; cursor: string | null };
    ids.push(...page.items.map((i) => i.id));
    cursor = page.cursor;
    expect(++pages).toBeLessThan(100);
  } while (cursor);
  return ids;
}

describe('keyword search on every titled list', () => {
  for (const list of ['rectifications', 'signals', 'petitions'] as const)
    it(`${list}: exactly the records of the scope whose text holds the keyword, normalized`, async () => {
      // Every keyword in one page; paging (one and three a page, cursors across index shards) on the
      // keywords with the most matches — a page boundary does not depend on which keyword it is.
      for (const scope of ['ds-a', 'ds', 'city'])
        for (const q of ['危房改造', 'abc', 'ＡＢＣ合作', 'ABC 合作社', '３户', '不存在的词'])
          for (const limit of q === '危房改造' || q === 'abc' ? [1, 3, 50] : [50]) {
            const ids = await search(list, scope, q, limit);
            const want = made[list]
              .filter(
                (m) =>
                  (PATHS[scope] as string[]).includes(m.unitId) &&
                  m.texts.some((t) => searchKey(t).includes(searchKey(q))),
              )
              .map((m) => m.id)
              .sort();
            expect({ list, scope, q, limit, ids: [...ids].sort() }).toEqual({
              list,
              scope,
              q,
              limit,
              ids: want,
            });
            expect(new Set(ids).size).toBe(ids.length);
          }
    }, 120_000);

  it('matches full-width and half-width, upper and lower case alike, and nothing outside the scope', async () => {
    const wide = await search('signals', 'ds-a', 'ＡＢＣ', 50);
    const narrow = await search('signals', 'ds-a', 'abc', 50);
    expect(wide.length).toBe(2);
    expect([...wide].sort()).toEqual([...narrow].sort());
    const outside = new Set(made.signals.filter((m) => m.unitId === 'xs-a').map((m) => m.id));
    expect(wide.some((id) => outside.has(id))).toBe(false);
    expect((await search('signals', 'city', 'abc', 50)).filter((id) => outside.has(id))).toHaveLength(2);
  });
});
