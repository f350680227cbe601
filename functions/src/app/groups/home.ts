/** The `api-home` group (route-groups.ts): every role's home page (工作台) in one request. */
import { homeRoutes } from '../../routes/home.js';
import type { RouteGroup } from './group.js';

export const homeGroup: RouteGroup = {
  name: 'api-home',
  routes: (deps) => [homeRoutes(deps)],
};
