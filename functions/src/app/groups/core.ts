/** The `api` group (route-groups.ts): sign-in, accounts, organisation, schemes, inbox, operations. */
import type { RouteGroup } from './group.js';

export const coreGroup: RouteGroup = {
  name: 'api',
  public: [{ id: 'auth', load: async () => (await import('../../routes/auth.js')).authRoutes }],
  routes: [
    { id: 'accounts', load: async () => (await import('../../routes/accounts.js')).accountRoutes },
    { id: 'units', load: async () => (await import('../../routes/units.js')).unitRoutes },
    { id: 'org', load: async () => (await import('../../routes/org.js')).orgRoutes },
    { id: 'schemes', load: async () => (await import('../../routes/schemes.js')).schemeRoutes },
    {
      id: 'operation-log',
      load: async () => (await import('../../routes/operation-log.js')).operationLogRoutes,
    },
    { id: 'migrations', load: async () => (await import('../../routes/migrations.js')).migrationRoutes },
    { id: 'job-runs', load: async () => (await import('../../routes/job-runs.js')).jobRunRoutes },
    { id: 'inbox', load: async () => (await import('../../routes/inbox.js')).inboxRoutes },
    {
      id: 'notifications',
      load: async () => (await import('../../routes/notifications.js')).notificationRoutes,
    },
  ],
};
