/**
 * The due occurrences of a schedule (pure: times in, times out): every occurrence after the last one a
 * job completed, up to now, oldest first — what a stack that was off must still do, once each.
 */
import { Cron } from 'croner';
import type { ScheduleEntry } from './schedule-table.js';

/** At most this many occurrences are caught up at once (a daily job: more than a year). */
export const MAX_CATCH_UP = 400;

const cronOf = (e: Pick<ScheduleEntry, 'cron' | 'timeZone'>) =>
  new Cron(e.cron, { timezone: e.timeZone, paused: true });

/** The newest occurrence at or before `nowMs` (null when there is none within `MAX_CATCH_UP` … days). */
export function latestOccurrence(e: Pick<ScheduleEntry, 'cron' | 'timeZone'>, nowMs: number): number | null {
  const prev = cronOf(e).previousRuns(1, new Date(nowMs + 1));
  const t = prev[0]?.getTime();
  return t === undefined ? null : t;
}

/**
 * Occurrences in (sinceMs, nowMs], oldest first. With no completed run yet (`sinceMs` null) only the
 * newest due occurrence counts (a new stack does today's work, not the history's). `latest` entries
 * run only their newest occurrence. At most `max`, the newest ones kept.
 */
export function dueTimes(
  e: Pick<ScheduleEntry, 'cron' | 'timeZone' | 'catchUp'>,
  sinceMs: number | null,
  nowMs: number,
  max = MAX_CATCH_UP,
): number[] {
  const latest = latestOccurrence(e, nowMs);
  if (latest === null || (sinceMs !== null && latest <= sinceMs)) return [];
  if (sinceMs === null || e.catchUp === 'latest') return [latest];
  const cron = cronOf(e);
  const out: number[] = [];
  let t = cron.nextRun(new Date(sinceMs));
  while (t && t.getTime() <= nowMs) {
    out.push(t.getTime());
    if (out.length > max) out.shift();
    t = cron.nextRun(t);
  }
  return out;
}
