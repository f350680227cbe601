/** What every job is: a plain function of its dependencies and the time it runs for. */
import type { Deps } from '../app/deps.js';

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
