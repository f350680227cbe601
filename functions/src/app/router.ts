/**
 * The router every route module registers on: a Hono app whose `openapi(route, handler)` mounts a
 * declared route (its middleware, then a validator per request part, then the handler) and keeps the
 * declaration, so the app knows its own routes without building its OpenAPI document. Validation
 * failures answer RFC 9457 problems naming the field. Its own module, so route modules import it
 * without importing the app that mounts them (no cycle).
 *
 * Why not @hono/zod-openapi's OpenAPIHono, whose route declarations and handler types these are: it
 * loads the document generator (@asteasolutions/zod-to-openapi) and patches zod at import, in every
 * Lambda function at every cold start, for a document one route serves. Here the declarations are
 * data; the generator loads only where the document is made (app/openapi-document.ts). The request
 * side is the same as OpenAPIHono's: @hono/zod-validator per part, the route's middleware first.
 */
import type { OpenAPIHono, RouteConfig } from '@hono/zod-openapi';
import { zValidator } from '@hono/zod-validator';
import { Hono, type MiddlewareHandler } from 'hono';
import { getPath } from 'hono/utils/url';
import type { ZodError } from 'zod';
import type { AppEnv } from './auth-middleware.js';
import { problemResponse, zodProblem } from './errors.js';

/** A declared route with its path as mounted (OpenAPI template, e.g. /api/v1/cases/{id}). */
export type DeclaredRoute = Omit<RouteConfig, 'middleware' | 'hide'>;

/**
 * The handler and hook types are @hono/zod-openapi's (type-only: nothing of it loads at run time), so a
 * route module's `c.req.valid('json')` and `c.json(body, status)` are checked against its declaration.
 */
type Openapi = OpenAPIHono<AppEnv>['openapi'];

type ValidationResult = { success: boolean; error?: ZodError; target: string };

const problemHook = (result: ValidationResult, c: Parameters<MiddlewareHandler<AppEnv>>[0]) => {
  if (!result.success && result.error) {
    return problemResponse(
      c,
      zodProblem(result.error, result.target === 'json' ? 'body' : (result.target as 'query')),
    );
  }
  return undefined;
};

const JSON_TYPE = /^application\/([a-z-.]+\+)?json(\s*;|$)/i;

export class ApiRouter extends Hono<AppEnv> {
  /** Every route declared on this router or included into it (`include`), in order. */
  readonly declared: DeclaredRoute[] = [];

  openapi: Openapi = ((config: RouteConfig, handler: MiddlewareHandler<AppEnv>) => {
    const { middleware, hide, ...route } = config;
    if (!hide) this.declared.push(route);
    const hook = problemHook as unknown as Parameters<typeof zValidator>[2];
    const validators: MiddlewareHandler<AppEnv>[] = [];
    const req = route.request;
    if (req?.query) validators.push(zValidator('query', req.query as never, hook) as never);
    if (req?.params) validators.push(zValidator('param', req.params as never, hook) as never);
    if (req?.headers)
      validators.push(
        zValidator('header', req.headers as never, hook) as unknown as MiddlewareHandler<AppEnv>,
      );
    const media = req?.body?.content?.['application/json'];
    const schema = media && 'schema' in media ? media.schema : undefined;
    if (schema) {
      const json = zValidator('json', schema as never, hook) as unknown as MiddlewareHandler<AppEnv>;
      // As OpenAPIHono: an optional JSON body may be absent (an empty object is validated then).
      validators.push(
        req?.body?.required
          ? json
          : async (c, next) => {
              if (JSON_TYPE.test(c.req.header('content-type') ?? '')) return json(c, next);
              c.req.addValidatedData('json', {});
              await next();
            },
      );
    }
    const own = middleware ? (Array.isArray(middleware) ? middleware : [middleware]) : [];
    this.on(
      [route.method],
      [route.path.replaceAll(/\/{(.+?)}/g, '/:$1')],
      ...(own as MiddlewareHandler<AppEnv>[]),
      ...validators,
      handler,
    );
    return this;
  }) as unknown as Openapi;

  /** Routes a route module's router at the root, its declarations with it. */
  include(sub: Hono<AppEnv> | ApiRouter): this {
    this.route('/', sub);
    if (sub instanceof ApiRouter) this.declared.push(...sub.declared);
    return this;
  }
}

export type ApiApp = ApiRouter;

/**
 * The path the router matches: Hono's own decoding (percent-encoded letters are the same path), with
 * doubled slashes collapsed and a trailing slash dropped, so every spelling of a route reaches the same
 * route — and its declared access rule — or none (dot segments are resolved by the URL parser before).
 */
export const canonicalPath = (request: Request): string => {
  const path = getPath(request).replace(/\/{2,}/g, '/');
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
};

export const newRouter = (opts: { getPath?: (request: Request) => string } = {}): ApiApp =>
  new ApiRouter(opts);
