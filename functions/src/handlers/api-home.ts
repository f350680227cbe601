/** Lambda entry of the HTTP API's `api-home` group (app/route-groups.ts): the home page. */
import { homeGroup } from '../app/groups/home.js';
import { apiGroupHandler } from './api-group.js';
import { ROUTE_MANIFEST_FILE } from './registry.js';

// Beside index.mjs, where this entry's own code is bundled (bundles.test.ts checks it is).
export const handler = apiGroupHandler(homeGroup, {
  manifest: new URL(`./${ROUTE_MANIFEST_FILE}`, import.meta.url),
});
