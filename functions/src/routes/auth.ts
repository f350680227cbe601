/**
 * Sign-in and sign-out with the built-in issuer (local and on-premises) and its JWKS (public routes;
 * changing one's password is in accounts.ts). Sign-in answers the token (API clients send it as a bearer header) and sets it as the
 * SPA's HttpOnly session cookie (app/session-cookie.ts); sign-out clears the cookie.
 */
import { emptyBodySchema, signedInSchema, signInRequestSchema } from '@jiandu/shared/api';
import * as z from '@jiandu/shared/zod';
import { authenticate } from '../app/auth-middleware.js';
import { defineRoute } from '../app/authorize.js';
import { clientAddress } from '../app/client-address.js';
import type { Deps } from '../app/deps.js';
import { EdgeError } from '../app/edge-error.js';
import { PROBLEM_RESPONSES } from '../app/problem-responses.js';
import { newRouter } from '../app/router.js';
import { clearSessionCookie, setSessionCookie } from '../app/session-cookie.js';
import { jwksOf } from '../auth/tokens.js';
import { signIn, signOut } from '../services/accounts/users.js';
import { json } from './common.js';

const problemContent = PROBLEM_RESPONSES[400].content;

const signInRoute = defineRoute('public', {
  method: 'post',
  path: '/api/v1/auth/sign-in',
  tags: ['auth'],
  summary: 'Sign in with the built-in issuer (local development and on-premises)',
  request: {
    body: { required: true, content: json(signInRequestSchema) },
  },
  responses: {
    200: {
      description:
        'A signed JWT (also set as the HttpOnly session cookie). `user.mustChangePassword`: the session may only change the password.',
      content: json(signedInSchema),
    },
    401: { description: 'Wrong username or password', content: problemContent },
    403: { description: 'The account is disabled', content: problemContent },
    429: {
      description: 'Too many attempts, or the account is locked (see Retry-After)',
      content: problemContent,
    },
  },
});

const signOutRoute = defineRoute('public', {
  method: 'post',
  path: '/api/v1/auth/sign-out',
  tags: ['auth'],
  summary:
    'Sign out: ends every session of the user (their tokens stop working) and clears the session cookie (send `{}`). Without a live session: 401, and the cookie is cleared too.',
  request: { body: { required: true, content: json(emptyBodySchema) } },
  responses: {
    204: { description: 'Signed out' },
    401: { description: 'No live session', content: problemContent },
  },
});

/** The built-in issuer's public keys (RFC 7517), as a client's JWT library reads them. */
const jwksSchema = z
  .object({
    keys: z.array(
      z.looseObject({ kty: z.string(), kid: z.optional(z.string()), alg: z.optional(z.string()) }),
    ),
  })
  .apply(z.withMeta, { id: 'JsonWebKeySet' });

const jwksRoute = defineRoute('public', {
  method: 'get',
  path: '/api/v1/auth/jwks.json',
  tags: ['auth'],
  summary:
    'The built-in issuer’s public keys (JWKS), to verify its tokens; 404 where tokens come from an identity provider',
  responses: {
    200: { description: 'The key set', content: json(jwksSchema) },
  },
});

export function authRoutes(deps: Deps) {
  const r = newRouter();
  r.openapi(signInRoute, async (c) => {
    if (!deps.issuer) throw new EdgeError('auth.noBuiltInIssuer', 'sign in with your identity provider');
    const { username, password } = c.req.valid('json');
    const s = await signIn(deps, username, password, clientAddress(c));
    setSessionCookie(c, s.token, s.expiresAt, deps.clock());
    return c.json(s, 200);
  });
  r.openapi(signOutRoute, async (c) => {
    // Public as a route (a revoked or expired session must be able to clear its cookie), so it
    // authenticates here: the cookie goes either way, the answer says whether a session was live.
    clearSessionCookie(c);
    await signOut(deps, await authenticate(deps, c));
    return c.body(null, 204);
  });
  r.openapi(jwksRoute, (c) => {
    if (!deps.issuer) throw new EdgeError('record.notFound', 'no built-in issuer here');
    return c.json(jwksOf([deps.issuer.key]), 200);
  });
  return r;
}
