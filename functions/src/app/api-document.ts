/**
 * The whole API's OpenAPI document from its route declarations alone — no store, no keys, no clock:
 * what the `api` Lambda bundle carries as `openapi.json` (bundles.ts) and serves, made once at build
 * time instead of loading every route module and the generator in a function at run time.
 */
import { modulesOf } from './groups/group.js';
import { ALL_GROUPS } from './groups/index.js';
import type { OpenApiDocument } from './openapi-document.js';
import { documentOf } from './route-manifest.js';

export const apiDocument = (): Promise<OpenApiDocument> => documentOf(modulesOf(ALL_GROUPS));
