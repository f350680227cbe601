/** Lambda entry of the publish-quarter job (functions/src/jobs), run by its EventBridge schedule. */
import { lambdaDeps, once } from '../aws/lambda-deps.js';
import { observability } from '../aws/observability.js';
import { readAwsEnv } from '../env.js';
import { publishQuarter } from '../jobs/publish-quarter.js';
import { jobHandler } from './job-handler.js';
import { HANDLERS } from './registry.js';

const env = readAwsEnv(HANDLERS['publish-quarter'].env);
const obs = observability('publish-quarter', env.LOG_LEVEL);

export const handler = jobHandler(
  publishQuarter,
  once(() => lambdaDeps(env, { pii: false })),
  obs,
);
