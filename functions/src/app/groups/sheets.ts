/** The `api-sheets` group (route-groups.ts): spreadsheet imports and exports. */
import { exportRoutes } from '../../routes/exports.js';
import { importRoutes } from '../../routes/imports.js';
import { orgImportRoutes } from '../../routes/org-import.js';
import { recordsImportRoutes } from '../../routes/records-import.js';
import type { RouteGroup } from './group.js';

export const sheetsGroup: RouteGroup = {
  name: 'api-sheets',
  routes: (deps) => [
    importRoutes(deps),
    orgImportRoutes(deps),
    recordsImportRoutes(deps),
    exportRoutes(deps),
  ],
};
