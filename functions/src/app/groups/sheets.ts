/** The `api-sheets` group (route-groups.ts): spreadsheet imports and exports. */
import type { RouteGroup } from './group.js';

export const sheetsGroup: RouteGroup = {
  name: 'api-sheets',
  routes: [
    { id: 'imports', load: async () => (await import('../../routes/imports.js')).importRoutes },
    { id: 'org-import', load: async () => (await import('../../routes/org-import.js')).orgImportRoutes },
    {
      id: 'records-import',
      load: async () => (await import('../../routes/records-import.js')).recordsImportRoutes,
    },
    { id: 'exports', load: async () => (await import('../../routes/exports.js')).exportRoutes },
  ],
};
