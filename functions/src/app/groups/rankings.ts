/** The `api-rankings` group (route-groups.ts): rankings, notices and objections, bulletins, funds. */
import type { RouteGroup } from './group.js';

export const rankingsGroup: RouteGroup = {
  name: 'api-rankings',
  routes: [
    { id: 'rankings', load: async () => (await import('../../routes/rankings.js')).rankingRoutes },
    { id: 'notices', load: async () => (await import('../../routes/notices.js')).noticeRoutes },
    { id: 'bulletins', load: async () => (await import('../../routes/bulletins.js')).bulletinRoutes },
    { id: 'funds', load: async () => (await import('../../routes/funds.js')).fundRoutes },
  ],
};
