/**
 * A Lambda entry of the HTTP API: one route group (app/route-groups.ts) of the one Hono app, built by
 * composeApp on the first invocation and kept. Every group's function is the same but for its routes:
 * the origin check, the token verifier, the first administrators, the middleware. The `api` group's
 * function also serves the whole API's OpenAPI document, made at build time (handlers/api.ts).
 */
import { composeApp } from '../app/compose.js';
import type { RouteGroup } from '../app/groups/group.js';
import { jwtVerifier } from '../aws/jwt-verifier.js';
import { lambdaDeps, once } from '../aws/lambda-deps.js';
import { observability } from '../aws/observability.js';
import { cachedSecret, originSecret, secretsManagerSource } from '../aws/secrets.js';
import { readAwsEnv } from '../env.js';
import { ensureFirstSsoAdministrators } from '../services/accounts/first-administrators.js';
import { apiHandler } from './api-handler.js';
import { HANDLERS } from './registry.js';

/**
 * A group's function, serving the API's whole OpenAPI document if given it (the `api` function: see
 * api.ts) or its own routes' otherwise.
 */
export function apiGroupHandler(group: RouteGroup, document?: () => Promise<unknown>) {
  const env = readAwsEnv(HANDLERS[group.name].env);
  const obs = observability(group.name, env.LOG_LEVEL);
  const origin = env.ORIGIN_SECRET_ARN
    ? cachedSecret(secretsManagerSource(), env.ORIGIN_SECRET_ARN, originSecret, { raw: true })
    : undefined;
  return apiHandler(
    once(async () => {
      const deps = await lambdaDeps(env, { verify: jwtVerifier(env) });
      // Single sign-on: without the first administrators' accounts no one could get in to make others.
      // Two reads per cold start once they exist; idempotent under concurrent cold starts. The stack gives
      // the names to the `api` function only (the one serving sign-in and accounts).
      if (env.JIANDU_FIRST_ADMINS) {
        const created = await ensureFirstSsoAdministrators(deps, env.JIANDU_FIRST_ADMINS);
        if (created.length > 0)
          obs.logger.info('first administrators created', { usernames: created.map((a) => a.username) });
      }
      return composeApp(deps, [group], {
        log: (e) => obs.logger.error('unhandled error', e as Error),
        ...(document ? { document } : {}),
      });
    }),
    obs,
    origin ? { originSecret: origin } : {},
  );
}
