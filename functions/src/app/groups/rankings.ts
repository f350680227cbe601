/** The `api-rankings` group (route-groups.ts): rankings, notices and objections, bulletins, funds. */
import { bulletinRoutes } from '../../routes/bulletins.js';
import { fundRoutes } from '../../routes/funds.js';
import { noticeRoutes } from '../../routes/notices.js';
import { rankingRoutes } from '../../routes/rankings.js';
import type { RouteGroup } from './group.js';

export const rankingsGroup: RouteGroup = {
  name: 'api-rankings',
  routes: (deps) => [rankingRoutes(deps), noticeRoutes(deps), bulletinRoutes(deps), fundRoutes(deps)],
};
