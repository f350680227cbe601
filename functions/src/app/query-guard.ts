/**
 * Unknown query parameters are refused (DESIGN §6: unknown fields rejected), for every route at once:
 * the allowed names come from the app's own OpenAPI document, so a route cannot forget it.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { problemResponse } from './errors.js';
import { problem } from './problem.js';

interface RouteQuery {
  method: string;
  pattern: RegExp;
  allowed: Set<string>;
}

export function queryGuard(app: Pick<OpenAPIHono, 'getOpenAPI31Document'>): MiddlewareHandler {
  let table: RouteQuery[] | null = null;
  const build = (): RouteQuery[] => {
    const doc = app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: '', version: '' } });
    const out: RouteQuery[] = [];
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      const pattern = new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
      for (const [method, op] of Object.entries(
        item as Record<string, { parameters?: { in: string; name: string }[] }>,
      )) {
        const allowed = new Set((op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name));
        out.push({ method: method.toUpperCase(), pattern, allowed });
      }
    }
    return out;
  };
  return async (c, next) => {
    table ??= build();
    const url = new URL(c.req.url);
    if (url.search) {
      const route = table.find((r) => r.method === c.req.method && r.pattern.test(url.pathname));
      if (route) {
        for (const name of url.searchParams.keys()) {
          if (!route.allowed.has(name)) {
            return problemResponse(
              c,
              problem(400, 'request.invalid', `unknown query parameter ${name}`, { field: name }),
            );
          }
        }
      }
    }
    await next();
  };
}
