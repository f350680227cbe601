/**
 * Lambda entry of the HTTP API's `api` group (app/route-groups.ts): sign-in, accounts, the organisation,
 * schemes, inbox, notifications, operations — every path no other group claims — and the public
 * routes: health and the OpenAPI document of the whole API, which the bundle carries as `openapi.json`
 * (made at build time by bundles.ts from app/api-document.ts) and which is read on its first request.
 */
import { coreGroup } from '../app/groups/core.js';
import { apiGroupHandler } from './api-group.js';
import { API_DOCUMENT_FILE, ROUTE_MANIFEST_FILE } from './registry.js';

// Beside index.mjs, where this entry's own code is bundled (bundles.test.ts checks it is).
export const handler = apiGroupHandler(coreGroup, {
  manifest: new URL(`./${ROUTE_MANIFEST_FILE}`, import.meta.url),
  document: new URL(`./${API_DOCUMENT_FILE}`, import.meta.url),
});
