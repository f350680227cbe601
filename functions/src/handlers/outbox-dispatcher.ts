/**
 * Lambda entry of the outbox dispatcher (outbox/dispatcher.ts), run every minute by its schedule: email
 * by SMTP or SES as MAIL_TRANSPORT says, the group robots from their secret (aws/notify-deps.ts).
 */
import { lambdaDeps, once } from '../aws/lambda-deps.js';
import { awsMailer, awsWebhooks, withWebhooks } from '../aws/notify-deps.js';
import { observability } from '../aws/observability.js';
import { readAwsEnv, webhookTargetsOf } from '../env.js';
import { outboxDispatch } from '../jobs/outbox-dispatch.js';
import { scheduledHandler } from './job-handler.js';
import { HANDLERS } from './registry.js';

const env = readAwsEnv(HANDLERS['outbox-dispatcher'].env);
const obs = observability('outbox-dispatcher', env.LOG_LEVEL);
const mailer = awsMailer(env);
const robots = awsWebhooks(env, webhookTargetsOf(env));

export const handler = scheduledHandler(
  async (deps, now) => outboxDispatch(await withWebhooks(deps, robots), { now }),
  once(() => lambdaDeps(env, { pii: false, ...(mailer ? { mailer } : {}) })),
  obs,
);
