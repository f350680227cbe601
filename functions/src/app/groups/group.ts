/** One route group of the API (route-groups.ts): the route modules its function mounts. */
import type { Deps } from '../deps.js';
import type { ApiGroupName } from '../route-groups.js';
import type { ApiApp } from '../router.js';

export interface RouteGroup {
  name: ApiGroupName;
  /** Routes answered without a token (mounted before the authentication middleware). */
  public?: (deps: Deps) => ApiApp[];
  /** Everything else: behind the authentication middleware, each route checking its capability. */
  routes: (deps: Deps) => ApiApp[];
}
