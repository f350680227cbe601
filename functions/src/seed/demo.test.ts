/**
 * What the demo promises a first-time user (README, issue 16): seeded as `npm start` seeds it — the whole
 * year and a half through the HTTP app, then the day it is seeded — the screens open on lights of every
 * colour (三色预警) and on a quarter on notice (公示) with one objection pending. Seeded on a fixed day here
 * so the test is the same every day; the demo itself uses the day it is seeded (demo-today.ts).
 */
import type { Light } from '@jiandu/shared';
import type { NoticeList, Page, RectificationRow } from '@jiandu/shared/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../testing/harness.js';
import { seedDemo } from './demo.js';
import { TODAY_UNIT } from './demo-today.js';

// 10:00 in the scheme's zone on 2026-12-03, two weeks after the replayed year ends (DEMO_END).
const SEEDED_ON = Date.parse('2026-12-03T02:00:00Z');

let h: Harness;
const tokens = new Map<string, string>();
async function as(username: string): Promise<string> {
  const hit = tokens.get(username);
  if (hit) return hit;
  const res = await h.call('POST', '/api/v1/auth/sign-in', { body: { username, password: 'demo1234' } });
  expect(res.status).toBe(200);
  const { token } = (await res.json()) as { token: string };
  tokens.set(username, token);
  return token;
}

beforeAll(async () => {
  h = await startHarness({ units: [], now: SEEDED_ON });
  await seedDemo(h.deps, h.app, { set: (ms) => h.setNow(ms ?? SEEDED_ON) }, () => {});
}, 600_000);
afterAll(() => h?.close());

/** Open rectifications of a light that `username` sees (every page, as the list's 继续查找 would). */
async function withLight(username: string, light: Light, unitId?: string): Promise<RectificationRow[]> {
  const token = await as(username);
  const out: RectificationRow[] = [];
  let cursor: string | null = null;
  do {
    const q = new URLSearchParams({ state: 'open', light, limit: '100' });
    if (unitId) q.set('unitId', unitId);
    if (cursor) q.set('cursor', cursor);
    const res = await h.call('GET', `/api/v1/rectifications?${q}`, { token });
    expect(res.status).toBe(200);
    const page = (await res.json()) as Page<RectificationRow>;
    out.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return out;
}

describe('the demo, as seeded', () => {
  it('shows open rectifications of all three lights to the county supervisor and the officer', async () => {
    for (const light of ['red', 'yellow', 'green'] as const) {
      const rows = await withLight('supervisor', light);
      expect(rows.length, `${light} in 东山县`).toBeGreaterThan(0);
      expect(rows.every((r) => r.light === light)).toBe(true);
    }
    // The officer's own township has the day's yellow and green beside its overdue work.
    const own = await Promise.all(
      (['red', 'yellow', 'green'] as const).map((l) => withLight('officer', l, TODAY_UNIT)),
    );
    expect(own.map((rows) => rows.length > 0)).toEqual([true, true, true]);
  });

  it('counts every light on the officer’s home page', async () => {
    const res = await h.call('GET', '/api/v1/home', { token: await as('officer') });
    expect(res.status).toBe(200);
    const home = (await res.json()) as { open?: { lights: Record<Light, number> } };
    expect(home.open?.lights.red).toBeGreaterThan(0);
    expect(home.open?.lights.yellow).toBeGreaterThan(0);
    expect(home.open?.lights.green).toBeGreaterThan(0);
  });

  it('has 2026Q3 of 东山县’s townships on notice with one objection pending', async () => {
    const res = await h.call('GET', '/api/v1/rankings/notices?quarter=2026Q3', {
      token: await as('city-supervisor'),
    });
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as NoticeList;
    const open = items.filter((n) => n.state === 'on_notice');
    expect(open.map((n) => [n.groupKey, n.pending])).toEqual([['county-townships@dongshan', 1]]);
  });
});
