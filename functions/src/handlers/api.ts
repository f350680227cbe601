/** Lambda entry of the HTTP API: API Gateway HTTP API → the one Hono app (createApp). */
import { createApp } from '../app/app.js';
import { jwtVerifier } from '../aws/jwt-verifier.js';
import { lambdaDeps, once } from '../aws/lambda-deps.js';
import { observability } from '../aws/observability.js';
import { cachedSecret, originSecret, secretsManagerSource } from '../aws/secrets.js';
import { readAwsEnv } from '../env.js';
import { ensureFirstSsoAdministrators } from '../services/accounts/first-administrators.js';
import { apiHandler } from './api-handler.js';
import { HANDLERS } from './registry.js';

const env = readAwsEnv(HANDLERS.api.env);
const obs = observability('api', env.LOG_LEVEL);
const origin = env.ORIGIN_SECRET_ARN
  ? cachedSecret(secretsManagerSource(), env.ORIGIN_SECRET_ARN, originSecret, { raw: true })
  : undefined;

export const handler = apiHandler(
  once(async () => {
    const deps = await lambdaDeps(env, { verify: jwtVerifier(env) });
    // Single sign-on: without the first administrators' accounts no one could get in to make others.
    // Two reads per cold start once they exist; idempotent under concurrent cold starts.
    if (env.JIANDU_FIRST_ADMINS) {
      const created = await ensureFirstSsoAdministrators(deps, env.JIANDU_FIRST_ADMINS);
      if (created.length > 0)
        obs.logger.info('first administrators created', { usernames: created.map((a) => a.username) });
    }
    return createApp(deps, { log: (e) => obs.logger.error('unhandled error', e as Error) });
  }),
  obs,
  origin ? { originSecret: origin } : {},
);
