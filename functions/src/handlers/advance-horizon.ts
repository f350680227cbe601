/** Lambda entry of the advance-horizon job (functions/src/jobs), run by its EventBridge schedule. */
import { lambdaDeps, once } from '../aws/lambda-deps.js';
import { observability } from '../aws/observability.js';
import { readAwsEnv } from '../env.js';
import { advanceHorizon } from '../jobs/advance-horizon.js';
import { jobHandler } from './job-handler.js';
import { HANDLERS } from './registry.js';

const env = readAwsEnv(HANDLERS['advance-horizon'].env);
const obs = observability('advance-horizon', env.LOG_LEVEL);

export const handler = jobHandler(
  advanceHorizon,
  once(() => lambdaDeps(env, { pii: false })),
  obs,
);
