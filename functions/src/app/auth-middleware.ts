/** Every route needs a valid bearer token except the public ones; roles and home unit come from it. */
import type { MiddlewareHandler } from 'hono';
import type { Principal } from '../auth/principal.js';
import type { Deps } from './deps.js';
import { EdgeError } from './edge-error.js';

export type AppEnv = { Variables: { principal: Principal } };

export function requireAuth(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+([A-Za-z0-9_\-.]{10,4096})$/.exec(header);
    if (!m?.[1]) throw new EdgeError('auth.unauthenticated', 'a bearer token is required');
    c.set('principal', await deps.verify(m[1]));
    await next();
  };
}
