/**
 * The whole API's OpenAPI document from its route declarations alone — no store, no keys, no clock:
 * what the `api` Lambda bundle carries as `openapi.json` (bundles.ts) and serves, made once at build
 * time instead of loading every route module and the generator in a function at run time.
 */
import { composeApp } from './compose.js';
import type { Deps } from './deps.js';
import { DOCUMENT } from './document-info.js';
import { ALL_GROUPS } from './groups/index.js';
import { type OpenApiDocument, openApiDocument } from './openapi-document.js';

/**
 * Deps for declaring routes only: declaring reads none but `evidence` (to know whether the app serves
 * evidence bytes itself, as it does locally); anything else read is a route that would do work while
 * being declared, and fails the build.
 */
const DECLARING = new Proxy({ evidence: {} } as unknown as Deps, {
  get(target, key) {
    if (key in target) return target[key as keyof Deps];
    throw new Error(`deps.${String(key)} was read while declaring the routes`);
  },
});

export const apiDocument = (): OpenApiDocument =>
  openApiDocument(composeApp(DECLARING, ALL_GROUPS).declared, DOCUMENT);
