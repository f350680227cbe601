/**
 * Lambda entry of the catch-up scheduler (scheduler/catch-up.ts), run every 15 minutes by its schedule:
 * every job of the schedule table whose occurrence is due runs once, recorded — the same table and the
 * same catch-up as the local in-process scheduler, so the sweeps that have no function of their own
 * (petition SLA, first response, idle funds, the monthly bulletin) run in AWS too, and a missed day is
 * made up. Jobs that also have their own function are idempotent: a second run changes nothing.
 */
import { lambdaDeps, once } from '../aws/lambda-deps.js';
import { awsMailer, awsWebhooks, withWebhooks } from '../aws/notify-deps.js';
import { observability } from '../aws/observability.js';
import { readAwsEnv, webhookTargetsOf } from '../env.js';
import { scheduledHandler } from './job-handler.js';
import { HANDLERS } from './registry.js';

const env = readAwsEnv(HANDLERS.scheduler.env);
const obs = observability('scheduler', env.LOG_LEVEL);
const mailer = awsMailer(env);
const robots = awsWebhooks(env, webhookTargetsOf(env));

export const handler = scheduledHandler(
  async (deps, now) => {
    // The schedule table, croner and the catch-up load on the first run: a chunk of their own.
    const { runDueJobs } = await import('../scheduler/catch-up.js');
    const runs = await runDueJobs(await withWebhooks(deps, robots), { now });
    const failed = runs.filter((r) => r.status === 'failed');
    if (failed.length > 0)
      obs.logger.error('job runs failed', { failed: failed.map((r) => [r.job, r.error]) });
    return { job: 'scheduler', counts: { runs: runs.length, failed: failed.length } };
  },
  once(() => lambdaDeps(env, mailer ? { mailer } : {})),
  obs,
);
