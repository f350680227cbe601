import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../app/content-security-policy.js';
import { type Harness, startHarness } from '../testing/harness.js';
import { mountStatic } from './static.js';

let h: Harness;
const dist = mkdtempSync(join(tmpdir(), 'jiandu-dist-'));
const CSP = contentSecurityPolicy();

beforeAll(async () => {
  mkdirSync(join(dist, 'assets'));
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><script type="module" src="/assets/app-3f9a.js"></script>',
  );
  writeFileSync(join(dist, 'assets', 'app-3f9a.js'), 'console.log(1)');
  h = await startHarness();
  mountStatic(h.app, dist);
});
afterAll(() => {
  h?.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('Cache-Control of the local server', () => {
  it("is not put on the SPA's hashed assets, which stay cacheable forever", async () => {
    const res = await h.app.request('/assets/app-3f9a.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});

describe('the Content-Security-Policy of the local server', () => {
  it('is the one CloudFront sends, with no inline scripts and no eval', () => {
    expect(CSP).toContain("script-src 'self';");
    expect(CSP).not.toMatch(/unsafe-inline'[^;]*;?.*script|script-src[^;]*unsafe/);
    expect(CSP).toContain("connect-src 'self';");
    expect(contentSecurityPolicy(['https://issuer.example'])).toContain(
      "connect-src 'self' https://issuer.example;",
    );
  });

  it.each([
    ['the SPA shell', '/', 'text/html'],
    ['a client-side route', '/rectifications/01J', 'text/html'],
    ['a hashed asset', '/assets/app-3f9a.js', 'text/javascript'],
    ['the API docs page', '/api/docs', 'text/html'],
    ["the docs renderer's script", '/api/docs/openapi-explorer.min.js', 'text/javascript'],
  ])('is sent with %s', async (_what, path, type) => {
    const res = await h.app.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain(type);
    expect(res.headers.get('content-security-policy')).toBe(CSP);
  });
});

describe('the API docs', () => {
  it('are a page with no inline script, rendered by a script served from local files', async () => {
    const page = await (await h.app.request('http://127.0.0.1:3000/api/docs')).text();
    const scripts = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map(([, attrs, body]) => ({ attrs: attrs!.trim(), body }))).toEqual([
      { attrs: 'src="/api/docs/openapi-explorer.min.js"', body: '' },
    ]);
    expect(page).toContain(
      '<openapi-explorer spec-url="/api/openapi.json" server-url="http://127.0.0.1:3000">',
    );
    expect(page).not.toMatch(/https?:\/\/(?!127\.0\.0\.1:3000)/);

    const script = await h.app.request('/api/docs/openapi-explorer.min.js');
    expect(script.status).toBe(200);
    expect(await script.text()).toContain('openapi-explorer');
  });

  it('answer 404 for any other file under /api/docs', async () => {
    expect((await h.app.request('/api/docs/swagger-ui-bundle.js')).status).toBe(404);
    expect((await h.app.request('/api/docs/..%2f..%2fpackage.json')).status).toBe(404);
  });
});

describe('the local server on a real port', () => {
  it('sends the same headers through @hono/node-server', async () => {
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: h.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    try {
      const { port } = server.address() as AddressInfo;
      const api = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(api.headers.get('cache-control')).toBe('no-store');
      expect((await fetch(`http://127.0.0.1:${port}/assets/app-3f9a.js`)).headers.get('cache-control')).toBe(
        'public, max-age=31536000, immutable',
      );
      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect(page.headers.get('content-security-policy')).toBe(CSP);
      const docs = await fetch(`http://127.0.0.1:${port}/api/docs`);
      expect(docs.headers.get('content-security-policy')).toBe(CSP);
      expect(await docs.text()).toContain(`server-url="http://127.0.0.1:${port}"`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
