/**
 * The job registry: every scheduled job as a plain function of its dependencies and the time it runs
 * for (DESIGN §5: called by its Lambda handler in AWS, by the local scheduler or `npm run job -- <name>`
 * locally). Add a job by adding one line to `jobs`.
 */
import type { Deps } from '../app/deps.js';
import { advanceHorizon } from './advance-horizon.js';
import { dailyDigest } from './daily-digest.js';
import { idleFundsSweep } from './idle-funds.js';
import type { Job, JobResult } from './job.js';
import { monthlyBulletinJob } from './monthly-bulletin.js';
import { outboxDispatch } from './outbox-dispatch.js';
import { overdueSweep } from './overdue-sweep.js';
import { petitionSlaSweep } from './petition-sla-sweep.js';
import { publishQuarter } from './publish-quarter.js';
import { signalResponseSweep } from './signal-response-sweep.js';

export type { Job, JobContext, JobResult } from './job.js';

export const jobs = {
  'advance-horizon': advanceHorizon,
  'daily-digest': dailyDigest,
  'idle-funds': idleFundsSweep,
  'monthly-bulletin': monthlyBulletinJob,
  'overdue-sweep': overdueSweep,
  'outbox-dispatch': outboxDispatch,
  'petition-sla-sweep': petitionSlaSweep,
  'publish-quarter': publishQuarter,
  'signal-response-sweep': signalResponseSweep,
} as const satisfies Record<string, Job>;

export type JobName = keyof typeof jobs;

export const isJobName = (name: string): name is JobName => Object.hasOwn(jobs, name);

/** Runs a job by name, for now or for the given time. */
export function runJob(deps: Deps, name: JobName, now: number = deps.clock()): Promise<JobResult> {
  return jobs[name](deps, { now });
}
