/** The `api-records` group (route-groups.ts): the records of supervision, their workflows, evidence. */
import { alertRoutes } from '../../routes/alerts.js';
import { caseRoutes } from '../../routes/cases.js';
import { evidenceRoutes } from '../../routes/evidence.js';
import { findingRoutes } from '../../routes/findings.js';
import { indicatorRoutes } from '../../routes/indicators.js';
import { petitionRoutes } from '../../routes/petitions.js';
import { rectificationRoutes } from '../../routes/rectifications.js';
import { reminderRoutes } from '../../routes/reminders.js';
import { signalRoutes } from '../../routes/signals.js';
import type { RouteGroup } from './group.js';

export const recordsGroup: RouteGroup = {
  name: 'api-records',
  routes: (deps) => [
    findingRoutes(deps),
    rectificationRoutes(deps),
    petitionRoutes(deps),
    signalRoutes(deps),
    indicatorRoutes(deps),
    caseRoutes(deps),
    alertRoutes(deps),
    reminderRoutes(deps),
    // Uploads of evidence (/evidence/uploads) and its reads (/rectifications/{id}/evidence/{evidenceId}).
    evidenceRoutes(deps),
  ],
};
