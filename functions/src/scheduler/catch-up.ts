/**
 * Catch-up (issue 7): for every scheduled job, every occurrence due since the last one it completed runs
 * now, once, oldest first — so a stack that was off on a due day does that day's work at its next start
 * or tick. A failed occurrence stops its job's catch-up (later days wait for it); it is tried again at the
 * next tick under the same run record.
 */
import type { Schedule } from '@jiandu/shared/api';
import { Cron } from 'croner';
import type { Deps } from '../app/deps.js';
import { type Job, jobs as registry } from '../jobs/index.js';
import { dueTimes } from './due.js';
import { type JobRun, lastCompleted, runOccurrence } from './job-runs.js';
import { scheduleTable } from './schedule-table.js';

export interface CatchUpOptions {
  /** The time to catch up to (default deps.clock()). */
  now?: number;
  /** The jobs to run by name (default: the registry). */
  jobs?: Readonly<Record<string, Job>>;
}

/** Runs every due occurrence of every scheduled job; returns the runs made (recorded or not). */
export async function runDueJobs(deps: Deps, opts: CatchUpOptions = {}): Promise<JobRun[]> {
  const now = opts.now ?? deps.clock();
  const jobs: Readonly<Record<string, Job>> = opts.jobs ?? registry;
  const out: JobRun[] = [];
  for (const entry of scheduleTable(await deps.scheme(), Object.keys(jobs))) {
    const job = jobs[entry.job];
    if (!job) continue;
    const due = dueTimes(entry, await lastCompleted(deps, entry.job), now);
    for (const t of due) {
      const r = await runOccurrence(deps, entry.job, t, (forMs) => job(deps, { now: forMs }), {
        onlyWhenBusy: entry.record === 'whenBusy',
      });
      if (!r.ran) continue;
      out.push(r.run);
      if (r.run.status === 'failed') break;
    }
  }
  return out;
}

/** The schedule of each job with its last completed occurrence and its next one (the admin screen). */
export async function scheduleStatus(
  deps: Deps,
  jobs: Readonly<Record<string, Job>> = registry,
): Promise<Schedule[]> {
  const now = deps.clock();
  const out: Schedule[] = [];
  for (const e of scheduleTable(await deps.scheme(), Object.keys(jobs))) {
    const last = await lastCompleted(deps, e.job);
    const next = new Cron(e.cron, { timezone: e.timeZone, paused: true }).nextRun(new Date(now));
    out.push({
      ...e,
      lastCompleted: last === null ? null : new Date(last).toISOString(),
      nextRun: next ? next.toISOString() : null,
    });
  }
  return out;
}
