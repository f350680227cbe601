/**
 * Job runs (issue 7): every scheduled run is a record (start, end, the occurrence it ran for, counts,
 * error, status) written through the RecordStore, so its history is an event chain like any other. The
 * run of one occurrence has one id (`<job>_<for ms>`): the first write of it is put only if new, so two
 * schedulers cannot both run it, and a failed occurrence is retried under the same record.
 */
import { formatInstant } from '@jiandu/shared';
import type { JobRun, JobRunListQuery, Page } from '@jiandu/shared/api';
import type { Deps } from '../app/deps.js';
import type { Principal } from '../auth/principal.js';
import { equalsFilters, pagingOf } from '../services/records/lists.js';
import { keys } from '../store/keys.js';
import { type RecordIndex, type StoredRecord, SYSTEM_ACTOR } from '../store/record-store.js';
import { Tx, TxCancelled } from '../store/tx.js';

export type { JobRun };

export const jobRunId = (job: string, forMs: number): string => `${job}_${forMs}`;

const jobRunIndex = (r: JobRun): RecordIndex => ({
  listSort: r.startedAt,
  extra: { ...keys.jobRunsOf(r.job, r.forTime, r.id), job: r.job, status: r.status },
});

/** The last occurrence `job` completed (ms), or null before its first completed run. */
export async function lastCompleted(deps: Deps, job: string): Promise<number | null> {
  const item = await deps.store.item(keys.jobCursor(job));
  return item && typeof item.lastMs === 'number' ? item.lastMs : null;
}

/** Moves the job's cursor to `forMs` in `tx`, only forward. */
function advanceCursor(tx: Tx, job: string, forMs: number): void {
  tx.update('cursor', {
    Key: keys.jobCursor(job),
    UpdateExpression: 'SET lastMs = :ms, job = :job',
    ConditionExpression: 'attribute_not_exists(pk) OR lastMs < :ms',
    ExpressionAttributeValues: { ':ms': forMs, ':job': job },
  });
}

async function commitWithCursor(deps: Deps, build: (tx: Tx, withCursor: boolean) => void): Promise<void> {
  const tx = new Tx(deps.tableName);
  build(tx, true);
  try {
    await tx.commit(deps.doc);
  } catch (e) {
    // The cursor is already past this occurrence (another scheduler): keep the record, leave the cursor.
    if (!(e instanceof TxCancelled) || e.failedLabels().join() !== 'cursor') throw e;
    const alone = new Tx(deps.tableName);
    build(alone, false);
    await alone.commit(deps.doc);
  }
}

export type JobOutcome =
  | { ran: true; run: JobRun }
  /** Done already, or being done by another scheduler: nothing to do here. */
  | { ran: false; reason: 'done' | 'claimed' };

export interface RunOptions {
  /** Record only runs that counted something or failed (every-minute jobs). */
  onlyWhenBusy?: boolean;
  /** A run left `running` longer than this is taken over (its scheduler died). */
  staleAfterMs?: number;
}

const errorText = (e: unknown): string =>
  (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).slice(0, 2000);

/**
 * Runs one occurrence of a job, recorded: claims it (a new record, or a failed / stale one by its
 * version), runs the job for the occurrence's time, then stores the outcome — and on success moves the
 * job's cursor in the same transaction. Throws nothing for a failed job: the run says `failed`.
 */
export async function runOccurrence(
  deps: Deps,
  job: string,
  forMs: number,
  work: (now: number) => Promise<{ counts: Record<string, number> }>,
  opts: RunOptions = {},
): Promise<JobOutcome> {
  const tz = (await deps.scheme()).timeZone;
  const id = jobRunId(job, forMs);
  const started = deps.clock();
  const base = { id, job, forTime: formatInstant(forMs, tz), startedAt: formatInstant(started, tz) };
  if (opts.onlyWhenBusy) return runQuietly(deps, job, forMs, work, base, tz);
  const before = await deps.store.get<JobRun>('jobrun', id);
  if (before?.data.status === 'succeeded') return { ran: false, reason: 'done' };
  const stale = opts.staleAfterMs ?? 30 * 60_000;
  if (before?.data.status === 'running' && started - Date.parse(before.data.startedAt) < stale)
    return { ran: false, reason: 'claimed' };
  const running: JobRun = {
    ...base,
    endedAt: null,
    status: 'running',
    counts: {},
    error: null,
    attempt: (before?.data.attempt ?? 0) + 1,
  };
  const claim = new Tx(deps.tableName);
  const { stored } = deps.store.write(claim, {
    type: 'jobrun',
    id,
    before,
    data: running,
    index: jobRunIndex(running),
    actor: SYSTEM_ACTOR,
    at: running.startedAt,
    action: 'jobrun.start',
  });
  try {
    await claim.commit(deps.doc);
  } catch (e) {
    if (e instanceof TxCancelled) return { ran: false, reason: 'claimed' };
    throw e;
  }
  let done: JobRun;
  try {
    const r = await work(forMs);
    done = { ...running, status: 'succeeded', counts: r.counts, endedAt: formatInstant(deps.clock(), tz) };
  } catch (e) {
    done = { ...running, status: 'failed', error: errorText(e), endedAt: formatInstant(deps.clock(), tz) };
  }
  await finish(deps, stored, done);
  return { ran: true, run: done };
}

async function finish(deps: Deps, before: StoredRecord<JobRun> | null, done: JobRun): Promise<void> {
  await commitWithCursor(deps, (tx, withCursor) => {
    deps.store.write(tx, {
      type: 'jobrun',
      id: done.id,
      before,
      data: done,
      index: jobRunIndex(done),
      actor: SYSTEM_ACTOR,
      at: done.endedAt ?? done.startedAt,
      action: done.status === 'succeeded' ? 'jobrun.succeed' : 'jobrun.fail',
      reason: done.error,
    });
    if (withCursor && done.status === 'succeeded') advanceCursor(tx, done.job, Date.parse(done.forTime));
  });
}

/** A run recorded only when it did something or failed; an idle success only moves the cursor. */
async function runQuietly(
  deps: Deps,
  job: string,
  forMs: number,
  work: (now: number) => Promise<{ counts: Record<string, number> }>,
  base: Pick<JobRun, 'id' | 'job' | 'forTime' | 'startedAt'>,
  tz: string,
): Promise<JobOutcome> {
  let done: JobRun;
  try {
    const r = await work(forMs);
    done = { ...base, status: 'succeeded', counts: r.counts, error: null, attempt: 1, endedAt: null };
  } catch (e) {
    done = { ...base, status: 'failed', counts: {}, error: errorText(e), attempt: 1, endedAt: null };
  }
  done.endedAt = formatInstant(deps.clock(), tz);
  const busy = done.status === 'failed' || Object.values(done.counts).some((n) => n > 0);
  if (!busy) {
    const tx = new Tx(deps.tableName);
    advanceCursor(tx, job, forMs);
    await tx.commit(deps.doc).catch((e: unknown) => {
      if (!(e instanceof TxCancelled)) throw e;
    });
    return { ran: true, run: done };
  }
  const before = await deps.store.get<JobRun>('jobrun', done.id);
  if (before) done.attempt = before.data.attempt + 1;
  try {
    await finish(deps, before, done);
  } catch (e) {
    if (!(e instanceof TxCancelled)) throw e;
  }
  return { ran: true, run: done };
}

/** Job runs, newest start first, optionally of one job or one status. */
export async function listJobRuns(deps: Deps, p: Principal, q: JobRunListQuery): Promise<Page<JobRun>> {
  const page = await deps.store.list<JobRun>('jobrun', {
    filters: equalsFilters({ job: q.job, status: q.status }),
    limit: q.limit,
    ...pagingOf(p, q),
  });
  return { items: page.items.map((s) => s.data), cursor: page.cursor };
}
