/**
 * The route table, read from the OpenAPI document the app serves (made from its declared routes): every proof that must cover "every route"
 * iterates this list, so a new route is covered the day it is added.
 */
import type { ApiApp } from '@jiandu/functions/app';

export interface RouteInfo {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path, e.g. /api/v1/rectifications/{id}/actions */
  path: string;
  public: boolean;
  pathParams: string[];
  queryParams: string[];
  /** Top-level properties of the JSON body schema, with their types/enums when known. */
  bodyProps: Record<string, { type?: string; enum?: unknown[] }>;
  hasBody: boolean;
}

export async function routeTable(app: ApiApp): Promise<RouteInfo[]> {
  const doc = (await (await app.request('/api/openapi.json')).json()) as { paths?: Record<string, unknown> };
  const out: RouteInfo[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const op = (item as Record<string, unknown>)[method] as
        | {
            security?: unknown[];
            parameters?: { in: string; name: string }[];
            requestBody?: { content?: Record<string, { schema?: unknown }> };
          }
        | undefined;
      if (!op) continue;
      const schema = op.requestBody?.content?.['application/json']?.schema as
        | { properties?: Record<string, { type?: string; enum?: unknown[] }> }
        | undefined;
      out.push({
        method,
        path,
        public: !op.security || op.security.length === 0,
        pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        bodyProps: schema?.properties ?? {},
        hasBody: op.requestBody !== undefined,
      });
    }
  }
  return out;
}

/** A concrete URL for a route, with its path parameters filled in. */
export const fillPath = (path: string, value: (name: string) => string): string =>
  path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(value(name)));
