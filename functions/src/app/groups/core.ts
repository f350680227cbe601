/** The `api` group (route-groups.ts): sign-in, accounts, organisation, schemes, inbox, operations. */
import { accountRoutes } from '../../routes/accounts.js';
import { authRoutes } from '../../routes/auth.js';
import { inboxRoutes } from '../../routes/inbox.js';
import { jobRunRoutes } from '../../routes/job-runs.js';
import { migrationRoutes } from '../../routes/migrations.js';
import { notificationRoutes } from '../../routes/notifications.js';
import { operationLogRoutes } from '../../routes/operation-log.js';
import { orgRoutes } from '../../routes/org.js';
import { schemeRoutes } from '../../routes/schemes.js';
import { unitRoutes } from '../../routes/units.js';
import type { RouteGroup } from './group.js';

export const coreGroup: RouteGroup = {
  name: 'api',
  public: (deps) => [authRoutes(deps)],
  routes: (deps) => [
    accountRoutes(deps),
    unitRoutes(deps),
    orgRoutes(deps),
    schemeRoutes(deps),
    operationLogRoutes(deps),
    migrationRoutes(deps),
    jobRunRoutes(deps),
    inboxRoutes(deps),
    notificationRoutes(deps),
  ],
};
