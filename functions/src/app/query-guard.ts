/**
 * Unknown query parameters are refused (DESIGN §6: unknown fields rejected), for every route at once:
 * the allowed names come from the app's own OpenAPI document, so a route cannot forget it.
 */
import type { MiddlewareHandler } from 'hono';
import { problemResponse } from './errors.js';
import { problem } from './problem.js';
import type { RouteTable } from './route-table.js';

export function queryGuard(routes: RouteTable): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    if (url.search) {
      const hit = routes.match(c.req.method, c.req.path);
      if (hit) {
        for (const name of url.searchParams.keys()) {
          if (!hit.route.queryNames.has(name)) {
            return problemResponse(
              c,
              problem('request.invalid', `unknown query parameter ${name}`, { field: name }),
            );
          }
        }
      }
    }
    await next();
  };
}
