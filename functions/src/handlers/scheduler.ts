/**
 * Lambda entry of the catch-up scheduler (scheduler/catch-up.ts), run every 15 minutes by its schedule:
 * every job of the schedule table whose occurrence is due runs once, recorded — the same table and the
 * same catch-up as the local in-process scheduler, so the sweeps that have no function of their own
 * (petition SLA, first response, idle funds, the monthly bulletin) run in AWS too, and a missed day is
 * made up. Jobs that also have their own function are idempotent: a second run changes nothing.
 */
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { lambdaDeps, once } from '../aws/lambda-deps.js';
import { observability } from '../aws/observability.js';
import { readAwsEnv } from '../env.js';
import { sesMailer } from '../outbox/ses-mailer.js';
import { scheduledHandler } from './job-handler.js';
import { HANDLERS } from './registry.js';

const env = readAwsEnv(HANDLERS.scheduler.env);
const obs = observability('scheduler', env.LOG_LEVEL);

export const handler = scheduledHandler(
  async (deps, now) => {
    // The schedule table, croner and the catch-up load on the first run: a chunk of their own.
    const { runDueJobs } = await import('../scheduler/catch-up.js');
    const runs = await runDueJobs(deps, { now });
    const failed = runs.filter((r) => r.status === 'failed');
    if (failed.length > 0)
      obs.logger.error('job runs failed', { failed: failed.map((r) => [r.job, r.error]) });
    return { job: 'scheduler', counts: { runs: runs.length, failed: failed.length } };
  },
  once(() =>
    lambdaDeps(env, env.MAIL_FROM ? { mailer: sesMailer(new SESv2Client({}), env.MAIL_FROM, Date.now) } : {}),
  ),
  obs,
);
