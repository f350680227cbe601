/** Lambda entry of the HTTP API: API Gateway HTTP API → the one Hono app (createApp). */
import { createApp } from '../app/app.js';
import { jwtVerifier } from '../aws/jwt-verifier.js';
import { lambdaDeps, once } from '../aws/lambda-deps.js';
import { observability } from '../aws/observability.js';
import { cachedSecret, originSecret, secretsManagerSource } from '../aws/secrets.js';
import { readAwsEnv } from '../env.js';
import { apiHandler } from './api-handler.js';
import { HANDLERS } from './registry.js';

const env = readAwsEnv(HANDLERS.api.env);
const obs = observability('api', env.LOG_LEVEL);
const origin = env.ORIGIN_SECRET_ARN
  ? cachedSecret(secretsManagerSource(), env.ORIGIN_SECRET_ARN, originSecret, { raw: true })
  : undefined;

export const handler = apiHandler(
  once(async () =>
    createApp(await lambdaDeps(env, { verify: jwtVerifier(env) }), {
      log: (e) => obs.logger.error('unhandled error', e as Error),
    }),
  ),
  obs,
  origin ? { originSecret: origin } : {},
);
