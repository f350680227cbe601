/**
 * The router every route module registers on: a Hono app whose `openapi(route, handler)` mounts a
 * declared route (its middleware, then a validator per request part, then the handler) and keeps the
 * declaration, so the app knows its own routes without building its OpenAPI document. Validation
 * failures answer RFC 9457 problems naming the field. Its own module, so route modules import it
 * without importing the app that mounts them (no cycle).
 *
 * Why not @hono/zod-openapi's OpenAPIHono, whose route declarations these were: it loads its document
 * generator (@asteasolutions/zod-to-openapi) and patches zod at import, in every Lambda function at
 * every cold start, for a document one route serves, and it takes classic zod schemas only. Here the
 * declarations are data, and the document is made from them where it is needed (app/openapi-document.ts;
 * in AWS at build time). The request side is OpenAPIHono's: @hono/zod-validator per part, the route's
 * middleware first.
 */
import { zValidator } from '@hono/zod-validator';
import { type Context, type Handler, Hono, type MiddlewareHandler } from 'hono';
import { getPath } from 'hono/utils/url';
import type { $ZodError, $ZodType, output } from 'zod/v4/core';
import type { AppEnv } from './auth-middleware.js';
import { problemResponse, zodProblem } from './errors.js';

/** A body or answer of a media type: its zod schema (any zod: classic or mini). */
export interface MediaSchema {
  schema: $ZodType;
}

/**
 * A route's declaration: the request parts it validates, its answers, and the operation's words for
 * the document (OpenAPI's operation fields, `x-…` extensions included): app/openapi-document.ts makes
 * the document from these, with zod's own JSON Schema output.
 */
export interface RouteConfig {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** The OpenAPI path template, e.g. /api/v1/cases/{id} */
  path: string;
  request?: {
    params?: $ZodType;
    query?: $ZodType;
    headers?: $ZodType;
    body?: { required?: boolean; description?: string; content: Record<string, MediaSchema> };
  };
  responses: Record<number, { description: string; content?: Record<string, MediaSchema> }>;
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  deprecated?: boolean;
  /** Run before the validators (the route's access check: app/authorize.ts). */
  middleware?: MiddlewareHandler<AppEnv> | MiddlewareHandler<AppEnv>[];
  [extension: `x-${string}`]: unknown;
}

/** A declared route with its path as mounted. */
export type DeclaredRoute = Omit<RouteConfig, 'middleware'>;

type Part<
  R extends RouteConfig,
  K extends 'params' | 'query' | 'headers',
  As extends string,
> = R['request'] extends { [k in K]: infer S extends $ZodType } ? { [a in As]: output<S> } : unknown;
type JsonPart<R extends RouteConfig> = R['request'] extends {
  body: { content: { 'application/json': { schema: infer S extends $ZodType } } };
}
  ? { json: output<S> }
  : unknown;

/** What `c.req.valid(part)` gives a route's handler: each declared part, parsed by its schema. */
export type ValidInput<R extends RouteConfig> = {
  // Hono's Input: `in` is what a client sends (unused here), `out` what the validators give.
  in: object;
  out: object &
    Part<R, 'params', 'param'> &
    Part<R, 'query', 'query'> &
    Part<R, 'headers', 'header'> &
    JsonPart<R>;
};

/** The handler of a declared route: its validated parts typed from the declaration. */
export type RouteHandler<R extends RouteConfig> = Handler<
  AppEnv,
  string,
  ValidInput<R>,
  Response | Promise<Response>
>;

type ValidationResult = { success: boolean; error?: $ZodError; target: string };

const problemHook = (result: ValidationResult, c: Context<AppEnv>) => {
  if (!result.success && result.error) {
    return problemResponse(
      c,
      zodProblem(result.error, result.target === 'json' ? 'body' : (result.target as 'query')),
    );
  }
  return undefined;
};

/** @hono/zod-validator for one part, answering a problem naming the field when it fails. */
const validate = (part: 'query' | 'param' | 'header' | 'json', schema: $ZodType): MiddlewareHandler<AppEnv> =>
  zValidator(
    part,
    schema as never,
    problemHook as unknown as Parameters<typeof zValidator>[2],
  ) as unknown as MiddlewareHandler<AppEnv>;

const JSON_TYPE = /^application\/([a-z-.]+\+)?json(\s*;|$)/i;

/** The key of a declared route among a router's chains: `GET /api/v1/cases/{id}`. */
export const routeKey = (method: string, path: string): string => `${method.toUpperCase()} ${path}`;

export class ApiRouter extends Hono<AppEnv> {
  /** Every route declared on this router or included into it (`include`), in order. */
  readonly declared: DeclaredRoute[] = [];
  /**
   * What each declared route runs, by its `routeKey`: its middleware, validators and handler — so an app
   * that mounts the route without this router (compose.ts, loading the module on first use) runs the same.
   */
  readonly chains = new Map<string, MiddlewareHandler<AppEnv>[]>();

  /** Mounts a declared route: its middleware, a validator per request part, the handler. */
  openapi<R extends RouteConfig>(config: R, handler: RouteHandler<R>): this {
    const { middleware, ...route } = config;
    // Every route is declared: the access check at start (assertEveryRouteDeclared), the query guard and
    // the role × route proof all read `declared`, so none can be mounted without them seeing it.
    this.declared.push(route);
    const validators: MiddlewareHandler<AppEnv>[] = [];
    const req = route.request;
    if (req?.query) validators.push(validate('query', req.query));
    if (req?.params) validators.push(validate('param', req.params));
    if (req?.headers) validators.push(validate('header', req.headers));
    const schema = req?.body?.content['application/json']?.schema;
    if (schema) {
      const json = validate('json', schema);
      // As OpenAPIHono: an optional JSON body may be absent (the handler then reads `{}`, unvalidated).
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
    const chain = [...own, ...validators, handler as unknown as MiddlewareHandler<AppEnv>];
    this.chains.set(routeKey(route.method, route.path), chain);
    this.on([route.method], [honoPath(route.path)], ...chain);
    return this;
  }

  /** Routes a route module's router at the root, its declarations with it. */
  include(sub: ApiRouter): this {
    this.route('/', sub);
    this.declared.push(...sub.declared);
    for (const [k, chain] of sub.chains) this.chains.set(k, chain);
    return this;
  }
}

/** The OpenAPI path template as Hono's pattern: `/cases/{id}` → `/cases/:id`. */
export const honoPath = (path: string): string => path.replaceAll(/\/{(.+?)}/g, '/:$1');

/**
 * Runs a route's chain (`ApiRouter.chains`) inside another app's handler, as Hono's own composition
 * would: each part may answer (a validator's problem, the handler's response) or call the next; an error
 * propagates to the app's error handler. The path parameters are the app's match of the same pattern.
 */
export function runChain(chain: readonly MiddlewareHandler<AppEnv>[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let at = -1;
    const dispatch = async (i: number): Promise<void> => {
      if (i <= at) throw new Error('next() called more than once');
      at = i;
      const part = chain[i];
      if (!part) return i === chain.length ? next() : undefined;
      const res = await part(c, () => dispatch(i + 1));
      if (res instanceof Response && !c.finalized) c.res = res;
    };
    await dispatch(0);
    return c.finalized ? c.res : undefined;
  };
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
