/**
 * Lambda entry of the outbox dispatcher (outbox/dispatcher.ts), run every minute by its schedule: email
 * through SESv2 (raw MIME) when MAIL_FROM names a verified identity, group robots from the environment.
 */
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { lambdaDeps, once } from '../aws/lambda-deps.js';
import { observability } from '../aws/observability.js';
import { readAwsEnv } from '../env.js';
import { sesMailer } from '../outbox/ses-mailer.js';
import { jobHandler } from './job-handler.js';
import { HANDLERS } from './registry.js';

const env = readAwsEnv(HANDLERS['outbox-dispatcher'].env);
const obs = observability('outbox-dispatcher', env.LOG_LEVEL);

export const handler = jobHandler(
  'outbox-dispatch',
  once(() =>
    lambdaDeps(env, env.MAIL_FROM ? { mailer: sesMailer(new SESv2Client({}), env.MAIL_FROM, Date.now) } : {}),
  ),
  obs,
);
