/**
 * The job registry: every scheduled job as a plain function of its dependencies and the time it runs
 * for (DESIGN §5: called by its Lambda handler in AWS, by the local scheduler or `npm run job -- <name>`
 * locally). Add a job by adding one line to `jobs`.
 */
import type { Deps } from '../app/deps.js';
import { advanceHorizon } from './advance-horizon.js';
import { idleFundsSweep } from './idle-funds.js';
import { monthlyBulletinJob } from './monthly-bulletin.js';
import { overdueSweep } from './overdue-sweep.js';
import { publishQuarter } from './publish-quarter.js';

export interface JobContext {
  /** The time the run is for, in milliseconds since the epoch (the caller reads deps.clock()). */
  now: number;
}

export interface JobResult {
  job: string;
  /** What the run did, counted (e.g. scanned, raised, skipped). */
  counts: Record<string, number>;
}

export type Job = (deps: Deps, ctx: JobContext) => Promise<JobResult>;

export const jobs = {
  'advance-horizon': advanceHorizon,
  'idle-funds': idleFundsSweep,
  'monthly-bulletin': monthlyBulletinJob,
  'overdue-sweep': overdueSweep,
  'publish-quarter': publishQuarter,
} as const satisfies Record<string, Job>;

export type JobName = keyof typeof jobs;

export const isJobName = (name: string): name is JobName => Object.hasOwn(jobs, name);

/** Runs a job by name, for now or for the given time. */
export function runJob(deps: Deps, name: JobName, now: number = deps.clock()): Promise<JobResult> {
  return jobs[name](deps, { now });
}
