/**
 * The split of the API into functions (route-groups.ts): every route of the one app is served by
 * exactly one function — the one its path's prefix reaches — and that function's app has the route, with
 * the same template; no route is lost or added by the split, and the document stays whole everywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HISTORY_TYPES } from '../routes/records.js';
import { type Harness, startHarness } from '../testing/harness.js';
import { apiDocument } from './api-document.js';
import { createApp } from './app.js';
import { composeApp } from './compose.js';
import { ALL_GROUPS } from './groups/index.js';
import { API_GROUP_NAMES, API_GROUPS, type ApiGroupName, groupOfPath } from './route-groups.js';
import { RouteTable } from './route-table.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const RECORD_TEMPLATES = ['/api/v1/{collection}/{id}', '/api/v1/{collection}/{id}/events'];
const keyOf = (r: { method: string; template: string }) => `${r.method} ${r.template}`;

/** Concrete paths of a template: `{collection}` as each collection, every other parameter a value. */
const concrete = (template: string): string[] =>
  template.includes('{collection}')
    ? Object.keys(HISTORY_TYPES).map((c) => template.replace('{collection}', c).replace(/\{[^}]+\}/g, 'x1'))
    : [template.replace(/\{[^}]+\}/g, 'x1')];

describe('the API split into functions by route group', () => {
  it('names each group once, with prefixes no other group claims', () => {
    expect(ALL_GROUPS.map((g) => g.name).sort()).toEqual([...API_GROUP_NAMES].sort());
    const prefixes = API_GROUP_NAMES.flatMap((n) => [...API_GROUPS[n].prefixes]);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    expect(groupOfPath('/api/v1/findings')).toBe('api-records');
    expect(groupOfPath('/api/v1/findings/F1/events')).toBe('api-records');
    expect(groupOfPath('/api/v1/findingsx')).toBe('api');
    expect(groupOfPath('/api/health')).toBe('api');
  });

  it('serves every route of the app from exactly one function, whose app has it', async () => {
    const whole = new RouteTable((await createApp(h.deps)).mounted);
    const tables = Object.fromEntries(
      await Promise.all(
        ALL_GROUPS.map(async (g) => [g.name, new RouteTable((await composeApp(h.deps, [g])).mounted)]),
      ),
    ) as Record<ApiGroupName, RouteTable>;
    expect(whole.all().length).toBeGreaterThan(50);
    const servedBy = new Map<string, Set<ApiGroupName>>();
    for (const route of whole.all()) {
      for (const path of concrete(route.template)) {
        const expected = whole.match(route.method, path);
        // A path another route of the app takes first (e.g. /api/v1/units/x1 is units' own) is that route's.
        if (expected?.route.template !== route.template) continue;
        const owner = groupOfPath(path);
        const got = tables[owner].match(route.method, path);
        expect(got?.route.template, `${route.method} ${path} in ${owner}`).toBe(route.template);
        const by = servedBy.get(keyOf(route)) ?? new Set();
        by.add(owner);
        servedBy.set(keyOf(route), by);
      }
    }
    // Every route reached (the record routes from every group, each collection's path from one) …
    expect([...servedBy.keys()].sort()).toEqual(whole.all().map(keyOf).sort());
    for (const [key, by] of servedBy) {
      if (RECORD_TEMPLATES.some((t) => key.endsWith(` ${t}`))) continue;
      expect([...by], key).toHaveLength(1);
    }
  });

  it('loses and adds no route: the groups together are the app, each group only under its prefixes', async () => {
    const whole = new RouteTable((await createApp(h.deps)).mounted).all().map(keyOf).sort();
    const apps = await Promise.all(ALL_GROUPS.map((g) => composeApp(h.deps, [g])));
    const own = ALL_GROUPS.flatMap((g, i) =>
      new RouteTable(apps[i]!.mounted)
        .all()
        .filter((r) => !RECORD_TEMPLATES.includes(r.template))
        .map((r) => {
          const owner = groupOfPath(r.template.replace(/\{[^}]+\}/g, 'x1'));
          expect(owner, `${keyOf(r)} mounted in ${g.name}`).toBe(g.name);
          return keyOf(r);
        }),
    );
    const records = whole.filter((k) => RECORD_TEMPLATES.some((t) => k.endsWith(` ${t}`)));
    expect([...own, ...records].sort()).toEqual(whole);
  });

  it('serves the whole OpenAPI document, made from the declarations alone, from a group given it', async () => {
    const full = await createApp(h.deps);
    const core = await composeApp(h.deps, [ALL_GROUPS[0]!], { document: apiDocument });
    const res = await core.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { paths: object };
    const expected = (await (await full.request('/api/openapi.json')).json()) as { paths: object };
    expect(doc).toEqual(expected);
    const own = await composeApp(h.deps, [ALL_GROUPS[0]!]);
    const ownDoc = (await (await own.request('/api/openapi.json')).json()) as { paths: object };
    expect(Object.keys(doc.paths).length).toBeGreaterThan(Object.keys(ownDoc.paths).length);
    expect(Object.keys(ownDoc.paths).length).toBeGreaterThan(10);
  });
});
