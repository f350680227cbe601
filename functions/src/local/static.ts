/**
 * Static files of the local server: the built admin SPA (admin/dist) with history fallback, and the
 * API docs page rendered by openapi-explorer from its own npm files — no CDN, so it works on an isolated
 * network, and no install-time telemetry in the tree (swagger-ui-dist pulled in @scarf/scarf). Every
 * response carries the Content-Security-Policy CloudFront sends in AWS; no page has an inline script.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import type { Env, Hono, MiddlewareHandler } from 'hono';
import { contentSecurityPolicy } from '../app/content-security-policy.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

/** Locally the SPA talks to its own origin only: the API, the built-in issuer and the evidence routes. */
export const LOCAL_CSP = contentSecurityPolicy();

function serveFile(file: string, cache: string): Response {
  return new Response(readFileSync(file), {
    headers: { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': cache },
  });
}

/** The renderer's one browser file (a classic script that defines the <openapi-explorer> element). */
const DOCS_SCRIPT = 'openapi-explorer.min.js';

const docsHtml = (origin: string) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Jiandu API</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><openapi-explorer spec-url="/api/openapi.json" server-url="${origin}"></openapi-explorer>
<script src="/api/docs/${DOCS_SCRIPT}"></script></body></html>`;

const withCsp: MiddlewareHandler = async (c, next) => {
  await next();
  c.res.headers.set('content-security-policy', LOCAL_CSP);
};

export function mountStatic<E extends Env>(app: Hono<E>, adminDist: string): void {
  const require = createRequire(import.meta.url);
  const docsScript = join(
    dirname(require.resolve('openapi-explorer/package.json')),
    'dist/browser',
    DOCS_SCRIPT,
  );
  // Registered after the API's routes, it wraps what is mounted here: the docs and the SPA.
  app.use('*', withCsp);
  // The origin is the request's own (always this server): the page sends "try it" calls there.
  app.get('/api/docs', (c) => c.html(docsHtml(new URL(c.req.url).origin)));
  app.get(`/api/docs/${DOCS_SCRIPT}`, () => serveFile(docsScript, 'public, max-age=86400'));
  const root = resolve(adminDist);
  app.get('*', (c) => {
    if (c.req.path.startsWith('/api/')) return c.notFound();
    const rel = normalize(decodeURIComponent(c.req.path)).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, rel);
    if (file.startsWith(root) && existsSync(file) && extname(file)) {
      return serveFile(file, rel.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    }
    const index = join(root, 'index.html');
    if (existsSync(index)) return serveFile(index, 'no-cache');
    return c.html(
      '<!doctype html><meta charset="utf-8"><title>Jiandu</title><p>Jiandu API is running. The admin SPA has not been built yet (<code>npm run build -w @jiandu/admin</code>). API docs: <a href="/api/docs">/api/docs</a></p>',
    );
  });
}
