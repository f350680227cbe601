/**
 * The one Hono app with every route group (app/compose.ts): what the local runner and the tests serve,
 * and what the OpenAPI document describes. In AWS each group has a function of its own.
 */
import { type ComposedApp, type ComposeOptions, composeApp } from './compose.js';
import type { Deps } from './deps.js';
import { ALL_GROUPS } from './groups/index.js';
import { type ApiApp, newRouter } from './router.js';

export type { ApiApp, ComposedApp };
export { newRouter };

export function createApp(deps: Deps, opts: Pick<ComposeOptions, 'log'> = {}): Promise<ComposedApp> {
  return composeApp(deps, ALL_GROUPS, opts);
}
