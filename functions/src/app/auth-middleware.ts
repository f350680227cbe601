/**
 * Every route needs a valid token except the public ones: a bearer header (API clients) or the SPA's
 * HttpOnly session cookie (session-cookie.ts); the header wins when both are sent. Tokens of the
 * built-in issuer are checked against the stored user on every request (services/accounts/users.ts
 * currentSession): a disabled user, a reset or changed password, or changed roles end the session at
 * once. An OpenID provider's tokens (single sign-on) are checked the same way against the account their
 * username claim names (services/accounts/sso-accounts.ts ssoSession): the provider authenticates, Jiandu decides
 * who is in — an unknown account is refused (403 auth.accountUnknown), a disabled one too (403
 * auth.accountDisabled), on its next request. Roles and home unit come from the provider's claims (or,
 * for the built-in issuer, from the stored user). Either check is one strongly consistent GetItem.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { Principal } from '../auth/principal.js';
import { ssoSession } from '../services/accounts/sso-accounts.js';
import { currentSession } from '../services/accounts/users.js';
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
  // sign-on, beside or instead of it) against the account its username names, with its claims' roles.
  const builtIn = deps.issuer !== undefined && issuerOf(token) === deps.issuer.cfg.issuer;
  return builtIn ? currentSession(deps, claimed) : ssoSession(deps, claimed);
}

/** The `iss` of a token deps.verify has accepted (its payload is well-formed JSON, already checked). */
const issuerOf = (token: string): unknown =>
  (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { iss?: unknown }).iss;

export function requireAuth(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('principal', await authenticate(deps, c));
    await next();
  };
}
