/** Lambda entry of the HTTP API's `api-records` group (app/route-groups.ts). */
import { recordsGroup } from '../app/groups/records.js';
import { apiGroupHandler } from './api-group.js';
import { ROUTE_MANIFEST_FILE } from './registry.js';

// Beside index.mjs, where this entry's own code is bundled (bundles.test.ts checks it is).
export const handler = apiGroupHandler(recordsGroup, {
  manifest: new URL(`./${ROUTE_MANIFEST_FILE}`, import.meta.url),
});
