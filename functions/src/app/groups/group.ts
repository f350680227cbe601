/**
 * One route group of the API (route-groups.ts): the route modules its function mounts. A module is
 * loaded on the first request for one of its routes, not at a cold start: the app mounts each route
 * from the manifest (app/route-manifest.ts: method, path, access rule, query names), and loads the
 * module — its schemas, handlers and services — only when a request matches one of them.
 */
import type { Deps } from '../deps.js';
import type { ApiGroupName } from '../route-groups.js';
import type { ApiApp } from '../router.js';

/** A route module (functions/src/routes/<id>.ts): its router, made from the app's deps. */
export interface RouteModule {
  /** Unique in the app: the manifest lists each module's routes under it. */
  id: string;
  /** A dynamic import, so a bundle puts the module in a chunk of its own, loaded on first use. */
  load: () => Promise<(deps: Deps) => ApiApp>;
}

export interface RouteGroup {
  name: ApiGroupName;
  /** Routes answered without a token (mounted before the authentication middleware). */
  public?: readonly RouteModule[];
  /** Everything else: behind the authentication middleware, each route checking its capability. */
  routes: readonly RouteModule[];
}

/**
 * The generic record routes (`/api/v1/{collection}/{id}` …), in every app: mounted last, so they do not
 * shadow a group's own `/api/v1/<prefix>/{id}`.
 */
export const RECORD_ROUTES: RouteModule = {
  id: 'records',
  load: async () => (await import('../../routes/records.js')).recordRoutes,
};

/** The modules an app of these groups mounts, in order: the public ones, then the rest, records last. */
export const modulesOf = (groups: readonly RouteGroup[]): RouteModule[] => [
  ...groups.flatMap((g) => g.public ?? []),
  ...groups.flatMap((g) => g.routes),
  RECORD_ROUTES,
];
