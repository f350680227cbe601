/**
 * Route modules loaded on first use (compose.ts): an app mounted from a manifest, as a Lambda function
 * is, loads a module only when a request reaches one of its routes — after the authentication and the
 * query guard, which need none — once, and by the manifest's rules only.
 */
import * as z from '@jiandu/shared/zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../testing/harness.js';
import { defineRoute } from './authorize.js';
import { composeApp } from './compose.js';
import type { Deps } from './deps.js';
import { modulesOf, type RouteGroup, type RouteModule } from './groups/group.js';
import { type RouteManifest, routeManifest } from './route-manifest.js';
import { newRouter } from './router.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const itemRoute = defineRoute('unit.read', {
  method: 'get',
  path: '/api/v1/lazy-items/{id}',
  request: {
    params: z.object({ id: z.string().check(z.regex(/^i\d+$/)) }),
    query: z.object({ full: z.optional(z.enum(['true', 'false'])) }),
  },
  responses: { 200: { description: 'An item' } },
});
const adminRoute = defineRoute('unit.manage', {
  method: 'post',
  path: '/api/v1/lazy-items',
  responses: { 200: { description: 'Made' } },
});
const otherRoute = defineRoute('unit.read', {
  method: 'get',
  path: '/api/v1/lazy-others',
  responses: { 200: { description: 'Others' } },
});

/** Modules that count their loads; `failNext(n)`: the next n loads of `items` fail (a throttled cold start). */
function fixture() {
  const loads = { items: 0, others: 0 };
  let failing = 0;
  const items: RouteModule = {
    id: 'lazy-items',
    load: async () => {
      loads.items++;
      if (failing-- > 0) throw new Error('the chunk could not be read');
      return (deps: Deps) => {
        const r = newRouter();
        r.openapi(itemRoute, (c) =>
          c.json({ id: c.req.valid('param').id, full: c.req.valid('query').full ?? 'false' }, 200),
        );
        r.openapi(adminRoute, (c) => c.json({ made: typeof deps.clock }, 200));
        return r;
      };
    },
  };
  const others: RouteModule = {
    id: 'lazy-others',
    load: async () => {
      loads.others++;
      return () => newRouter().openapi(otherRoute, (c) => c.json([], 200));
    },
  };
  const group: RouteGroup = { name: 'api-home', routes: [items, others] };
  return {
    loads,
    group,
    failNext: (n: number) => {
      failing = n;
    },
  };
}

/** The manifest as the build makes it, then the counts reset: what a Lambda function starts with. */
async function built() {
  const f = fixture();
  const manifest = await routeManifest(modulesOf([f.group]));
  f.loads.items = 0;
  f.loads.others = 0;
  return { ...f, manifest };
}

const get = async (
  app: { request: (p: string, i?: RequestInit) => Response | Promise<Response> },
  path: string,
  token?: string,
  init: RequestInit = {},
) =>
  app.request(path, {
    ...init,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...init.headers },
  });

describe('route modules loaded on first use', () => {
  it('loads none at start, none for a refused request, and only the one a request reaches, once', async () => {
    const { loads, group, manifest } = await built();
    const app = await composeApp(h.deps, [group], { manifest });
    expect(loads).toEqual({ items: 0, others: 0 });
    const token = await h.token('inspector');
    // Refused before any module: no token; a query parameter the route does not take; no such route.
    expect((await get(app, '/api/v1/lazy-items/i1')).status).toBe(401);
    const stray = await get(app, '/api/v1/lazy-items/i1?fulll=true', token);
    expect([stray.status, ((await stray.json()) as { field: string }).field]).toEqual([400, 'fulll']);
    expect((await get(app, '/api/v1/lazy-nothing', token)).status).toBe(404);
    expect(loads).toEqual({ items: 0, others: 0 });
    // The route's validators and handler, as the module declares them.
    const ok = await get(app, '/api/v1/lazy-items/i7?full=true', token);
    expect([ok.status, await ok.json()]).toEqual([200, { id: 'i7', full: 'true' }]);
    const bad = await get(app, '/api/v1/lazy-items/x7', token);
    expect([bad.status, ((await bad.json()) as { field: string }).field]).toEqual([400, 'id']);
    expect(loads).toEqual({ items: 1, others: 0 });
    // Its access rule, checked in the module's chain.
    const made = await get(app, '/api/v1/lazy-items', token, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(made.status).toBe(403);
    const admin = await h.token('admin', 'city');
    expect(
      (
        await get(app, '/api/v1/lazy-items', admin, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        })
      ).status,
    ).toBe(200);
    expect((await get(app, '/api/v1/lazy-others', token)).status).toBe(200);
    expect(loads).toEqual({ items: 1, others: 1 });
  });

  it('tries a failed load again on the next request', async () => {
    const { loads, group, manifest, failNext } = await built();
    failNext(1);
    const app = await composeApp(h.deps, [group], { manifest, log: () => {} });
    const token = await h.token('inspector');
    const first = await get(app, '/api/v1/lazy-items/i1', token);
    expect(first.status).toBe(500);
    expect(await first.text()).not.toContain('could not be read');
    expect((await get(app, '/api/v1/lazy-items/i1', token)).status).toBe(200);
    expect(loads.items).toBe(2);
  });

  it('refuses to serve a module by another manifest’s rules', async () => {
    const { group, manifest } = await built();
    const loose: RouteManifest = {
      ...manifest,
      'lazy-items': manifest['lazy-items']!.map((r) => ({ ...r, capability: 'public' })),
    };
    const app = await composeApp(h.deps, [group], { manifest: loose, log: () => {} });
    const res = await get(app, '/api/v1/lazy-items/i1', await h.token('inspector'));
    expect(res.status).toBe(500);
    await expect(
      composeApp(h.deps, [group], { manifest: { 'lazy-items': manifest['lazy-items']! } }),
    ).rejects.toThrow('lists no module lazy-others');
  });

  it('declares every module once at start without a manifest (locally), and serves the same', async () => {
    const { loads, group } = fixture();
    const app = await composeApp(h.deps, [group]);
    expect(loads).toEqual({ items: 1, others: 1 });
    const mounted = app.mounted.map((r) => `${r.method} ${r.path} ${r.capability} ${r.query.join(',')}`);
    // The generic record routes last, in every app.
    expect(mounted.slice(3).every((r) => r.includes('{collection}'))).toBe(true);
    expect(mounted.slice(0, 3)).toEqual([
      'get /api/v1/lazy-items/{id} unit.read full',
      'post /api/v1/lazy-items unit.manage ',
      'get /api/v1/lazy-others unit.read ',
    ]);
    const ok = await get(app, '/api/v1/lazy-items/i2', await h.token('inspector'));
    expect(ok.status).toBe(200);
  });
});
