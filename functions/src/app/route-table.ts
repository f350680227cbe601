/**
 * The app's routes as its modules declare them (app/route-manifest.ts), matched against a request: the
 * single source for the query-parameter guard, so no route can be forgotten by it.
 */
import type { ManifestRoute } from './route-manifest.js';

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

  constructor(private readonly routes: readonly ManifestRoute[]) {}

  all(): RouteEntry[] {
    if (this.entries) return this.entries;
    const out: RouteEntry[] = [];
    for (const route of this.routes) {
      const template = route.path;
      const paramNames = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
      const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '([^/]+)')}$`);
      out.push({
        method: route.method.toUpperCase(),
        template,
        pattern,
        paramNames,
        queryNames: new Set(route.query),
      });
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
