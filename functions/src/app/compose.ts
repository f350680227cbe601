/**
 * The one Hono app, of some or all of its route groups (app/route-groups.ts): served whole by
 * @hono/node-server locally (app.ts) and by one Lambda function per group in AWS (handlers/api-group.ts).
 * Public routes are sign-in, JWKS, health and the OpenAPI document; everything under /api/v1 needs a
 * verified token.
 */
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { isLocalEvidence } from '../evidence/local-evidence.js';
import { recordRoutes } from '../routes/records.js';
import { requireAuth } from './auth-middleware.js';
import { assertEveryRouteDeclared } from './authorize.js';
import type { Deps } from './deps.js';
import { onError, problemResponse } from './errors.js';
import type { RouteGroup } from './groups/group.js';
import { problem } from './problem.js';
import { queryGuard } from './query-guard.js';
import { RouteTable } from './route-table.js';
import { type ApiApp, canonicalPath, newRouter } from './router.js';

export type { ApiApp };

export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** Where spreadsheet uploads go (routes/imports.ts): their own size cap and content types. */
export const UPLOAD_PREFIX = '/api/v1/imports/';

export interface ComposeOptions {
  log?: (e: unknown) => void;
  /**
   * The OpenAPI document this app serves, when not its own: the whole API's, wherever a function of
   * some groups serves it (the `api` function reads the one made at build time: app/api-document.ts).
   * Without it, the document of this app's routes, made on its first request.
   */
  document?: () => Promise<unknown>;
}

/**
 * The app of the given route groups (app.ts gives all of them): the same middleware, authentication,
 * capability checks and error answers whatever the groups; the record routes always (last, since
 * `/api/v1/{collection}/{id}` must not shadow a group's own `/api/v1/<prefix>/{id}`).
 */
export function composeApp(deps: Deps, groups: readonly RouteGroup[], opts: ComposeOptions = {}): ApiApp {
  const log = opts.log ?? ((e: unknown) => console.error(e));
  const app = newRouter({ getPath: canonicalPath });
  app.use('*', secureHeaders());
  // No API answer is kept by a browser or a proxy (a petitioner's identity, tokens, exports …): no-store,
  // errors included. A route that sets its own Cache-Control keeps it (the docs' renderer script).
  app.use('/api/*', async (c, next) => {
    await next();
    if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'no-store');
  });
  const jsonLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) =>
      problemResponse(c, problem('request.tooLarge', `the body exceeds ${MAX_BODY_BYTES} bytes`)),
  });
  // Spreadsheet uploads (routes/imports.ts) have their own size cap and content types.
  app.use('/api/*', (c, next) => (c.req.path.startsWith(UPLOAD_PREFIX) ? next() : jsonLimit(c, next)));
  // JSON bodies only: a write with another content type is refused before anything is parsed.
  app.use('/api/v1/*', async (c, next) => {
    if (['POST', 'PUT', 'PATCH'].includes(c.req.method) && !c.req.path.startsWith(UPLOAD_PREFIX)) {
      const ct = c.req.header('content-type') ?? '';
      if (!/^application\/json\b/i.test(ct)) {
        return problemResponse(
          c,
          problem('request.unsupportedMediaType', 'send the body as application/json', {
            field: 'content-type',
          }),
        );
      }
    }
    await next();
  });
  const routes = new RouteTable(app);
  app.use('/api/v1/*', queryGuard(routes));
  app.get('/api/health', (c) => c.json({ ok: true }));
  // Locally the evidence bytes go through the app itself, on URLs it signed (S3 takes them in AWS).
  if (isLocalEvidence(deps.evidence)) app.route('/', deps.evidence.routes(deps.clock));
  for (const g of groups) for (const r of g.public?.(deps) ?? []) app.include(r);
  app.use('/api/v1/*', async (c, next) => {
    if (c.req.path.startsWith('/api/v1/auth/')) return next();
    return requireAuth(deps)(c, next);
  });
  for (const g of groups) for (const r of g.routes(deps)) app.include(r);
  app.include(recordRoutes(deps));
  // Each route checks its own declared access rule (app/authorize.ts); none may be missing.
  assertEveryRouteDeclared(app.declared);
  // Made (or read) on its first request, by a module that loads then: no part of a cold start.
  const document =
    opts.document ??
    (async () => {
      const [{ openApiDocument }, { DOCUMENT }] = await Promise.all([
        import('./openapi-document.js'),
        import('./document-info.js'),
      ]);
      return openApiDocument(app.declared, DOCUMENT);
    });
  let served: Promise<unknown> | undefined;
  app.get('/api/openapi.json', async (c) => {
    served ??= document();
    served.catch(() => {
      served = undefined; // a failed attempt is not kept: the next request tries again
    });
    return c.json(await served);
  });
  app.notFound((c) =>
    problemResponse(c, problem('route.notFound', `no route ${c.req.method} ${c.req.path}`)),
  );
  app.onError(onError(log));
  return app;
}
