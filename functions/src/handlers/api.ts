/**
 * Lambda entry of the HTTP API's `api` group (app/route-groups.ts): sign-in, accounts, the organisation,
 * schemes, inbox, notifications, operations — every path no other group claims — and
 * the public routes: health and the OpenAPI document of the whole app, whose other route modules load
 * (a chunk of their own) on the document's first request, not at a cold start.
 */
import { coreGroup } from '../app/groups/core.js';
import { apiGroupHandler } from './api-group.js';

export const handler = apiGroupHandler(coreGroup, async (deps) => {
  const { createApp } = await import('../app/app.js');
  return createApp(deps);
});
