/**
 * Lambda entry of the HTTP API's `api` group (app/route-groups.ts): sign-in, accounts, the organisation,
 * schemes, inbox, notifications, operations — every path no other group claims — and the public
 * routes: health and the OpenAPI document of the whole API, which the bundle carries as `openapi.json`
 * (made at build time by bundles.ts from app/api-document.ts) and which is read on its first request.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { coreGroup } from '../app/groups/core.js';
import { apiGroupHandler } from './api-group.js';
import { API_DOCUMENT_FILE } from './registry.js';

// Beside index.mjs: in the function's folder (LAMBDA_TASK_ROOT), or this module's wherever it is run.
export const handler = apiGroupHandler(coreGroup, async () => {
  const root = process.env.LAMBDA_TASK_ROOT ?? dirname(fileURLToPath(import.meta.url));
  return JSON.parse(await readFile(join(root, API_DOCUMENT_FILE), 'utf8')) as unknown;
});
