/**
 * The local scheduler (DESIGN §5 "schedules run in-process"): croner ticks every minute in the scheme's
 * time zone and each tick — and the start — runs the catch-up, one tick at a time (a slow run delays the
 * next tick; it never overlaps it). In AWS, EventBridge Scheduler invokes the same jobs.
 */
import { Cron } from 'croner';
import type { Deps } from '../app/deps.js';
import type { Job } from '../jobs/index.js';
import { runDueJobs } from './catch-up.js';
import type { JobRun } from './job-runs.js';

export interface LocalScheduler {
  /** Runs the catch-up now (after any tick in progress); resolves with the runs it made. */
  tick(): Promise<JobRun[]>;
  stop(): void;
}

export async function startScheduler(
  deps: Deps,
  opts: { log?: (line: string) => void; jobs?: Readonly<Record<string, Job>>; ticking?: boolean } = {},
): Promise<LocalScheduler> {
  const log = opts.log ?? (() => {});
  let chain: Promise<unknown> = Promise.resolve();
  const tick = (): Promise<JobRun[]> => {
    const next = chain.then(async () => {
      const runs = await runDueJobs(deps, opts.jobs ? { jobs: opts.jobs } : {});
      for (const r of runs) {
        const counts = Object.entries(r.counts)
          .filter(([, n]) => n > 0)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ');
        log(
          `job ${r.job} for ${r.forTime}: ${r.status}${r.error ? ` (${r.error})` : ''}${counts ? ` — ${counts}` : ''}`,
        );
      }
      return runs;
    });
    chain = next.catch((e: unknown) => log(`scheduler: ${e instanceof Error ? e.message : String(e)}`));
    return next;
  };
  const cron =
    opts.ticking === false
      ? null
      : new Cron('* * * * *', { timezone: (await deps.scheme()).timeZone, protect: true }, () => {
          void tick().catch(() => {});
        });
  void tick().catch(() => {});
  return {
    tick,
    stop() {
      cron?.stop();
    },
  };
}
