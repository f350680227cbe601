/**
 * Every route needs a valid token except the public ones: a bearer header (API clients) or the SPA's
 * HttpOnly session cookie (session-cookie.ts); the header wins when both are sent. Tokens of the
 * built-in issuer are checked against the stored user on every request (services/users.ts
 * currentSession): a disabled user, a reset or changed password, or changed roles end the session at
 * once. Roles and home unit come from the token (or, for the built-in issuer, the stored user).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { decodeJwt } from 'jose';
import type { Principal } from '../auth/principal.js';
import { currentSession } from '../services/users.js';
import type { Deps } from './deps.js';
import { EdgeError } from './edge-error.js';
import { sessionCookieOf } from './session-cookie.js';

export type AppEnv = { Variables: { principal: Principal } };

const TOKEN = /^[A-Za-z0-9_\-.]{10,4096}$/;

/** The caller of a request (bearer header, else session cookie), or 401. */
export async function authenticate(deps: Deps, c: Context): Promise<Principal> {
  const header = c.req.header('authorization');
  const bearer = header === undefined ? undefined : /^Bearer\s+(\S+)$/.exec(header)?.[1];
  const token = header === undefined ? sessionCookieOf(c) : bearer;
  if (!token || !TOKEN.test(token))
    throw new EdgeError('auth.unauthenticated', 'a bearer token or a session is required');
  const claimed = await deps.verify(token);
  // The built-in issuer's tokens are checked against the stored user; an OpenID provider's (single
  // sign-on, beside or instead of it) carry their roles and unit in their claims.
  const builtIn = deps.issuer !== undefined && decodeJwt(token).iss === deps.issuer.cfg.issuer;
  return builtIn ? currentSession(deps, claimed) : claimed;
}

export function requireAuth(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('principal', await authenticate(deps, c));
    await next();
  };
}
