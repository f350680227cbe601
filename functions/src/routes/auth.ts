/** Sign-in with the built-in issuer (local), and its JWKS. Public routes. */
import { z } from '@hono/zod-openapi';
import { newRouter } from '../app/app.js';
import { defineRoute } from '../app/authorize.js';
import type { Deps } from '../app/deps.js';
import { EdgeError } from '../app/edge-error.js';
import { jwksOf } from '../auth/tokens.js';
import { signIn } from '../services/users.js';

const signInRoute = defineRoute('public', {
  method: 'post',
  path: '/api/v1/auth/sign-in',
  tags: ['auth'],
  summary: 'Sign in with the built-in issuer (local development and on-premises)',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.strictObject({
            username: z.string().min(1).max(64),
            password: z.string().min(1).max(256),
          }),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'A signed JWT',
      content: {
        'application/json': {
          schema: z.object({
            token: z.string(),
            expiresAt: z.number(),
            user: z.object({
              id: z.string(),
              name: z.string(),
              roles: z.array(z.string()),
              unitId: z.string(),
            }),
          }),
        },
      },
    },
    401: { description: 'Wrong username or password' },
  },
});

export function authRoutes(deps: Deps) {
  const r = newRouter();
  r.openapi(signInRoute, async (c) => {
    if (!deps.issuer)
      throw new EdgeError('auth.forbidden', 'sign in with your identity provider', { status: 404 });
    const { username, password } = c.req.valid('json');
    return c.json(await signIn(deps, username, password), 200);
  });
  r.get('/api/v1/auth/jwks.json', (c) => {
    if (!deps.issuer) throw new EdgeError('record.notFound', 'no built-in issuer here');
    return c.json(jwksOf([deps.issuer.key]));
  });
  return r;
}
