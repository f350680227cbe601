/**
 * Lambda entry of the daily verify: the hash chains the change feed marked since the last run recomputed
 * (every chain once a week, or with no checkpoint), the digest of all chain heads written to the Object
 * Lock bucket (locally `npm run verify` recomputes every chain and appends it to a file).
 */
import { S3Client } from '@aws-sdk/client-s3';
import { verifyAndWriteDigest } from '../aws/digest-writer.js';
import { lambdaDeps, once } from '../aws/lambda-deps.js';
import { observability } from '../aws/observability.js';
import { readAwsEnv } from '../env.js';
import { scheduledHandler } from './job-handler.js';
import { HANDLERS } from './registry.js';

const env = readAwsEnv(HANDLERS['verify-digest'].env);
const obs = observability('verify-digest', env.LOG_LEVEL);
const s3 = new S3Client({});

export const handler = scheduledHandler(
  async (deps, now) => {
    const r = await verifyAndWriteDigest(deps, s3, env.DIGEST_BUCKET, now);
    if (r.broken.length > 0) obs.logger.error('broken hash chains', { broken: r.broken });
    return r;
  },
  once(() => lambdaDeps(env, { pii: false })),
  obs,
);
