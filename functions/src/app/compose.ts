/**
 * The one Hono app, of some or all of its route groups (app/route-groups.ts): served whole by
 * @hono/node-server locally (app.ts) and by one Lambda function per group in AWS (handlers/api-group.ts).
 * Public routes are sign-in, JWKS, health and the OpenAPI document; everything under /api/v1 needs a
 * verified token.
 *
 * Each route is mounted from the manifest (route-manifest.ts) and its module loaded on the first request
 * that matches one of its routes — after the middleware, the authentication and the query guard, which
 * need no module — so a cold start of a Lambda function loads no route module, and its first request
 * only the one it needs.
 */
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { isLocalEvidence } from '../evidence/local-evidence.js';
import { requireAuth } from './auth-middleware.js';
import type { Deps } from './deps.js';
import { onError, problemResponse } from './errors.js';
import { modulesOf, type RouteGroup, type RouteModule } from './groups/group.js';
import { MAX_BODY_BYTES, MAX_IMPORT_BYTES, UPLOAD_ENVELOPE_BYTES, UPLOAD_PREFIX } from './limits.js';
import { problem } from './problem.js';
import { queryGuard } from './query-guard.js';
import type { ManifestRoute, RouteManifest } from './route-manifest.js';
import { RouteTable } from './route-table.js';
import {
  type ApiApp,
  type ApiRouter,
  canonicalPath,
  honoPath,
  newRouter,
  routeKey,
  runChain,
} from './router.js';

export type { ApiApp };

/** The app: a Hono app, with the declared routes it mounts (from the manifest). */
export type ComposedApp = ApiApp & { readonly mounted: readonly ManifestRoute[] };

export interface ComposeOptions {
  log?: (e: unknown) => void;
  /**
   * The OpenAPI document this app serves, when not its own: the whole API's, wherever a function of
   * some groups serves it (the `api` function reads the one made at build time: app/api-document.ts).
   * Without it, the document of this app's routes, made on its first request.
   */
  document?: () => Promise<unknown>;
  /**
   * The routes of the groups' modules: a Lambda function's, made at build time (bundles.ts). Without it,
   * the app declares every module once at start to make it.
   */
  manifest?: RouteManifest;
}

/**
 * Mounts a module's routes as the manifest gives them; the module loads on the first request for one of
 * them (a failed load is not kept: the next request tries again) and must declare just those routes —
 * a function built with another manifest refuses, rather than answer by the wrong rules.
 */
function mountModule(app: ApiApp, deps: Deps, module: RouteModule, routes: readonly ManifestRoute[]): void {
  let loaded: Promise<ApiRouter> | undefined;
  const router = (): Promise<ApiRouter> => {
    if (loaded) return loaded;
    loaded = module.load().then((make) => {
      const r = make(deps);
      const declared = JSON.stringify(r.declared.map((d) => [d.method, d.path, d['x-capability']]));
      if (declared !== JSON.stringify(routes.map((d) => [d.method, d.path, d.capability])))
        throw new Error(`route module ${module.id} does not declare the routes of the manifest`);
      return r;
    });
    loaded.catch(() => {
      loaded = undefined;
    });
    return loaded;
  };
  for (const route of routes) {
    const key = routeKey(route.method, route.path);
    app.on([route.method], [honoPath(route.path)], async (c, next) => {
      const chain = (await router()).chains.get(key);
      if (!chain) throw new Error(`route module ${module.id} has no ${key}`);
      return runChain(chain)(c, next);
    });
  }
}

/**
 * The app of the given route groups (app.ts gives all of them): the same middleware, authentication,
 * capability checks and error answers whatever the groups; the record routes always (last, since
 * `/api/v1/{collection}/{id}` must not shadow a group's own `/api/v1/<prefix>/{id}`).
 */
export async function composeApp(
  deps: Deps,
  groups: readonly RouteGroup[],
  opts: ComposeOptions = {},
): Promise<ComposedApp> {
  const log = opts.log ?? ((e: unknown) => console.error(e));
  const modules = modulesOf(groups);
  // Declaring the modules (and the access rules' words) loads only where no manifest was made.
  const manifest = opts.manifest ?? (await (await import('./route-manifest.js')).routeManifest(modules));
  const mounts = modules.map((module) => {
    const routes = manifest[module.id];
    if (!routes) throw new Error(`the route manifest lists no module ${module.id}`);
    // Fail closed: a route without an access rule does not start.
    for (const r of routes)
      if (!r.capability) throw new Error(`route without an access rule: ${r.method.toUpperCase()} ${r.path}`);
    return { module, routes };
  });
  const publicCount = groups.flatMap((g) => g.public ?? []).length;
  const app = Object.assign(newRouter({ getPath: canonicalPath }), {
    mounted: mounts.flatMap((m) => m.routes),
  });
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
  // Spreadsheet uploads (routes/imports.ts …) have their own size cap (the file and its multipart
  // envelope) and content types.
  const uploadLimit = bodyLimit({
    maxSize: MAX_IMPORT_BYTES + UPLOAD_ENVELOPE_BYTES,
    onError: (c) =>
      problemResponse(
        c,
        problem('request.tooLarge', `the file exceeds ${MAX_IMPORT_BYTES} bytes`, { field: 'file' }),
      ),
  });
  app.use('/api/*', (c, next) =>
    c.req.path.startsWith(UPLOAD_PREFIX) ? uploadLimit(c, next) : jsonLimit(c, next),
  );
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
  app.use('/api/v1/*', queryGuard(new RouteTable(app.mounted)));
  app.get('/api/health', (c) => c.json({ ok: true }));
  // Locally the evidence bytes go through the app itself, on URLs it signed (S3 takes them in AWS).
  if (isLocalEvidence(deps.evidence)) app.route('/', deps.evidence.routes(deps.clock));
  // Each route checks its own declared access rule (app/authorize.ts) in its module's chain.
  for (const m of mounts.slice(0, publicCount)) mountModule(app, deps, m.module, m.routes);
  app.use('/api/v1/*', async (c, next) => {
    if (c.req.path.startsWith('/api/v1/auth/')) return next();
    return requireAuth(deps)(c, next);
  });
  for (const m of mounts.slice(publicCount)) mountModule(app, deps, m.module, m.routes);
  // Made (or read) on its first request, by modules that load then: no part of a cold start.
  const document = opts.document ?? (async () => (await import('./route-manifest.js')).documentOf(modules));
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
