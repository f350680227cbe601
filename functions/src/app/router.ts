/**
 * The router every route module registers on: an OpenAPIHono whose validation failures answer RFC 9457
 * problems naming the field. Its own module, so route modules import it without importing the app that
 * mounts them (no cycle).
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { getPath } from 'hono/utils/url';
import type { AppEnv } from './auth-middleware.js';
import { problemResponse, zodProblem } from './errors.js';

export type ApiApp = OpenAPIHono<AppEnv>;

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
  new OpenAPIHono<AppEnv>({
    ...opts,
    defaultHook: (result, c) => {
      if (!result.success) {
        return problemResponse(
          c,
          zodProblem(result.error, result.target === 'json' ? 'body' : (result.target as 'query')),
        );
      }
    },
  });
