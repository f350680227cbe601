/** The `api-home` group (route-groups.ts): every role's home page (工作台) in one request. */
import type { RouteGroup } from './group.js';

export const homeGroup: RouteGroup = {
  name: 'api-home',
  routes: [{ id: 'home', load: async () => (await import('../../routes/home.js')).homeRoutes }],
};
