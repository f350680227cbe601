/** Lambda entry of the overdue-sweep job (functions/src/jobs), run by its EventBridge schedule. */
import { lambdaDeps, once } from '../aws/lambda-deps.js';
import { observability } from '../aws/observability.js';
import { readAwsEnv } from '../env.js';
import { overdueSweep } from '../jobs/overdue-sweep.js';
import { jobHandler } from './job-handler.js';
import { HANDLERS } from './registry.js';

const env = readAwsEnv(HANDLERS['overdue-sweep'].env);
const obs = observability('overdue-sweep', env.LOG_LEVEL);

export const handler = jobHandler(
  overdueSweep,
  once(() => lambdaDeps(env, { pii: false })),
  obs,
);
