/** Lambda entry of the HTTP API's `api-sheets` group (app/route-groups.ts). */
import { sheetsGroup } from '../app/groups/sheets.js';
import { apiGroupHandler } from './api-group.js';
import { ROUTE_MANIFEST_FILE } from './registry.js';

// Beside index.mjs, where this entry's own code is bundled (bundles.test.ts checks it is).
export const handler = apiGroupHandler(sheetsGroup, {
  manifest: new URL(`./${ROUTE_MANIFEST_FILE}`, import.meta.url),
});
