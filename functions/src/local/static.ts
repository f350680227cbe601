/**
 * Static files of the local server: the built admin SPA (admin/dist) with history fallback, and the
 * API docs page from swagger-ui-dist's own files — no CDN, so it works on an isolated network.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import type { Env, Hono } from 'hono';

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

function serveFile(file: string, cache: string): Response {
  return new Response(readFileSync(file), {
    headers: { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': cache },
  });
}

const DOCS_HTML = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Jiandu API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;

const DOCS_INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', persistAuthorization: true });`;

export function mountStatic<E extends Env>(app: Hono<E>, adminDist: string): void {
  const require = createRequire(import.meta.url);
  const swaggerDir = dirname(require.resolve('swagger-ui-dist/package.json'));
  app.get('/api/docs', (c) => c.html(DOCS_HTML));
  app.get('/api/docs/init.js', (c) =>
    c.body(DOCS_INIT, 200, { 'content-type': 'text/javascript; charset=utf-8' }),
  );
  app.get('/api/docs/:file{[a-z0-9.-]+\\.(js|css|png)}', (c) => {
    const file = join(swaggerDir, c.req.param('file'));
    return existsSync(file) ? serveFile(file, 'public, max-age=86400') : c.notFound();
  });
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
