/** The `api-records` group (route-groups.ts): the records of supervision, their workflows, evidence. */
import type { RouteGroup } from './group.js';

export const recordsGroup: RouteGroup = {
  name: 'api-records',
  routes: [
    { id: 'findings', load: async () => (await import('../../routes/findings.js')).findingRoutes },
    {
      id: 'rectifications',
      load: async () => (await import('../../routes/rectifications.js')).rectificationRoutes,
    },
    { id: 'petitions', load: async () => (await import('../../routes/petitions.js')).petitionRoutes },
    { id: 'signals', load: async () => (await import('../../routes/signals.js')).signalRoutes },
    { id: 'indicators', load: async () => (await import('../../routes/indicators.js')).indicatorRoutes },
    { id: 'cases', load: async () => (await import('../../routes/cases.js')).caseRoutes },
    { id: 'alerts', load: async () => (await import('../../routes/alerts.js')).alertRoutes },
    { id: 'reminders', load: async () => (await import('../../routes/reminders.js')).reminderRoutes },
    // Uploads of evidence (/evidence/uploads) and its reads (/rectifications/{id}/evidence/{evidenceId}).
    { id: 'evidence', load: async () => (await import('../../routes/evidence.js')).evidenceRoutes },
  ],
};
