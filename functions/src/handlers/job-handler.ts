/**
 * A scheduled job in Lambda: EventBridge Scheduler invokes it (asynchronously) with the time the run was
 * scheduled for, and the job runs for that time, so a retry an hour later still does that day's work.
 * A failure is thrown: Lambda retries, then the event goes to the function's dead-letter queue.
 */

import * as z from '@jiandu/shared/zod';
import type { Context } from 'aws-lambda';
import type { Deps } from '../app/deps.js';
import { addCounts, type Observability, observed } from '../aws/observability.js';
import type { Job, JobResult } from '../jobs/job.js';

/** The schedule's input: `{"scheduledTime":"<aws.scheduler.scheduled-time>"}` (absent when run by hand). */
export const scheduledEvent = z.looseObject({ scheduledTime: z.optional(z.iso.datetime({ offset: true })) });

export type ScheduledEvent = z.infer<typeof scheduledEvent>;

/** The run's time: the scheduled time when given, else now; a malformed event fails the run. */
export function runTime(deps: Pick<Deps, 'clock'>, event: unknown): number {
  const { scheduledTime } = scheduledEvent.parse(event ?? {});
  return scheduledTime ? Date.parse(scheduledTime) : deps.clock();
}

export function scheduledHandler(
  run: (deps: Deps, now: number) => Promise<JobResult>,
  deps: () => Promise<Deps>,
  obs?: Observability,
) {
  return (event: unknown, context: Context) => {
    const go = async () => {
      const d = await deps();
      const result = await run(d, runTime(d, event));
      if (obs) {
        addCounts(obs, result.counts);
        obs.logger.info('job done', { job: result.job, counts: result.counts });
      }
      return result;
    };
    return obs ? observed(obs, context, go) : go();
  };
}

/**
 * A job (functions/src/jobs) as a scheduled handler. The entry imports its job's own module, not the
 * registry (jobs/index.ts): the registry imports every job, and a bundle would carry them all.
 */
export const jobHandler = (job: Job, deps: () => Promise<Deps>, obs?: Observability) =>
  scheduledHandler((d, now) => job(d, { now }), deps, obs);
