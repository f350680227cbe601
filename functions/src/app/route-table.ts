/**
 * The app's routes as its own OpenAPI document lists them, matched against a request: the single
 * source for the query-parameter guard and the role table, so no route can be forgotten by either.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';

export interface RouteEntry {
  method: string;
  /** The OpenAPI path template, e.g. /api/v1/cases/{id}/review */
  template: string;
  pattern: RegExp;
  paramNames: string[];
  queryNames: Set<string>;
}

export class RouteTable {
  private entries: RouteEntry[] | null = null;

  constructor(private readonly app: Pick<OpenAPIHono, 'getOpenAPI31Document'>) {}

  all(): RouteEntry[] {
    if (this.entries) return this.entries;
    const doc = this.app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: '', version: '' } });
    const out: RouteEntry[] = [];
    for (const [template, item] of Object.entries(doc.paths ?? {})) {
      const paramNames = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
      const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '([^/]+)')}$`);
      for (const [method, op] of Object.entries(
        item as Record<string, { parameters?: { in: string; name: string }[] }>,
      )) {
        out.push({
          method: method.toUpperCase(),
          template,
          pattern,
          paramNames,
          queryNames: new Set((op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name)),
        });
      }
    }
    // Literal segments win over parameters (/signals/triage before /signals/{id}).
    out.sort((a, b) => a.paramNames.length - b.paramNames.length);
    this.entries = out;
    return out;
  }

  match(method: string, path: string): { route: RouteEntry; params: Record<string, string> } | null {
    for (const route of this.all()) {
      if (route.method !== method) continue;
      const m = route.pattern.exec(path);
      if (m) {
        const params: Record<string, string> = {};
        route.paramNames.forEach((n, i) => {
          params[n] = decodeURIComponent(m[i + 1] ?? '');
        });
        return { route, params };
      }
    }
    return null;
  }
}
