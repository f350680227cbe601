/**
 * The app's routes without their modules: for each route module, the method, path, access rule and
 * query names of its routes — all the app needs to mount a route, check its query and refuse a request
 * before the module is loaded (compose.ts loads a module on the first request for one of its routes). A
 * Lambda function reads its group's manifest, made at build time (bundles.ts), so a cold start loads no
 * route module; locally the app makes it at start by declaring every module once. The same declaring
 * gives the modules' OpenAPI document (`documentOf`).
 */
import { assertEveryRouteDeclared } from './authorize.js';
import type { Deps } from './deps.js';
import { DOCUMENT } from './document-info.js';
import type { RouteModule } from './groups/group.js';
import { type OpenApiDocument, openApiDocument } from './openapi-document.js';
import type { DeclaredRoute } from './router.js';

export interface ManifestRoute {
  method: DeclaredRoute['method'];
  /** The OpenAPI path template, e.g. /api/v1/cases/{id} */
  path: string;
  /** Its access rule in words (the document's `x-capability`): every route has one. */
  capability: string;
  /** The query parameters it accepts (the query guard refuses any other). */
  query: string[];
}

/** Module id → its routes, in the order the module declares them. */
export type RouteManifest = Record<string, ManifestRoute[]>;

/**
 * Deps for declaring routes only: a route module reads none while it declares its routes; one that did
 * would do work at declaration, and fails the build (and the app's start) here.
 */
export const DECLARING = new Proxy({} as Deps, {
  get(_target, key) {
    throw new Error(`deps.${String(key)} was read while declaring the routes`);
  },
});

/** The names a query schema accepts: its object shape's keys. */
const queryNamesOf = (query: unknown): string[] =>
  query ? Object.keys((query as { shape?: object }).shape ?? {}) : [];

export const manifestRoutes = (declared: readonly DeclaredRoute[]): ManifestRoute[] =>
  declared.map((r) => ({
    method: r.method,
    path: r.path,
    capability: String(r['x-capability']),
    query: queryNamesOf(r.request?.query),
  }));

/** Each module's declared routes (loading it), in the modules' order; a route without an access rule fails. */
export async function declareModules(
  modules: readonly RouteModule[],
): Promise<{ id: string; declared: DeclaredRoute[] }[]> {
  const out = await Promise.all(
    modules.map(async (m) => ({ id: m.id, declared: (await m.load())(DECLARING).declared })),
  );
  assertEveryRouteDeclared(out.flatMap((m) => m.declared));
  return out;
}

export async function routeManifest(modules: readonly RouteModule[]): Promise<RouteManifest> {
  const manifest: RouteManifest = {};
  for (const m of await declareModules(modules)) {
    if (manifest[m.id]) throw new Error(`two route modules named ${m.id}`);
    manifest[m.id] = manifestRoutes(m.declared);
  }
  return manifest;
}

/**
 * The OpenAPI document of these modules, from their declarations alone. Here, not beside the whole API's
 * (api-document.ts): naming every group there would put every group's route modules in each bundle.
 */
export const documentOf = async (modules: readonly RouteModule[]): Promise<OpenApiDocument> =>
  openApiDocument(
    (await declareModules(modules)).flatMap((m) => m.declared),
    DOCUMENT,
  );
