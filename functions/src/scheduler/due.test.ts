import { DEFAULT_SCHEME } from '@jiandu/shared';
import { describe, expect, it } from 'vitest';
import { dueTimes, latestOccurrence } from './due.js';
import { publishQuarterCron, scheduleTable } from './schedule-table.js';

const daily = { cron: '30 0 * * *', timeZone: 'Asia/Shanghai', catchUp: 'every' as const };
const at = (iso: string) => Date.parse(iso);

describe('due times', () => {
  it('reads the cron in the scheme zone: 00:30 in Shanghai is 16:30 UTC the day before', () => {
    expect(new Date(latestOccurrence(daily, at('2025-05-15T02:00:00Z'))!).toISOString()).toBe(
      '2025-05-14T16:30:00.000Z',
    );
  });

  it('lists every missed day since the last completed run, oldest first, once each', () => {
    const due = dueTimes(daily, at('2025-05-11T16:30:00Z'), at('2025-05-15T02:00:00Z'));
    expect(due.map((t) => new Date(t).toISOString())).toEqual([
      '2025-05-12T16:30:00.000Z',
      '2025-05-13T16:30:00.000Z',
      '2025-05-14T16:30:00.000Z',
    ]);
  });

  it('has nothing due when the newest occurrence already ran', () => {
    expect(dueTimes(daily, at('2025-05-14T16:30:00Z'), at('2025-05-15T02:00:00Z'))).toEqual([]);
  });

  it('runs only the newest occurrence on a stack that never ran the job', () => {
    expect(dueTimes(daily, null, at('2025-05-15T02:00:00Z'))).toEqual([at('2025-05-14T16:30:00Z')]);
  });

  it('runs only the newest occurrence of a latest-only schedule', () => {
    const minute = { cron: '* * * * *', timeZone: 'Asia/Shanghai', catchUp: 'latest' as const };
    expect(dueTimes(minute, at('2025-05-15T01:00:00Z'), at('2025-05-15T02:00:30Z'))).toEqual([
      at('2025-05-15T02:00:00Z'),
    ]);
  });

  it('keeps at most the newest occurrences when a stack was off for very long', () => {
    const due = dueTimes(daily, at('2020-01-01T00:00:00Z'), at('2025-05-15T02:00:00Z'), 10);
    expect(due).toHaveLength(10);
    expect(due.at(-1)).toBe(at('2025-05-14T16:30:00Z'));
  });
});

describe('the schedule table', () => {
  it('publishes a quarter on the scheme day after it ends: the 10th of January, April, July, October', () => {
    expect(publishQuarterCron(DEFAULT_SCHEME)).toBe('0 1 10 1,4,7,10 *');
    const q = { ...DEFAULT_SCHEME, publishing: { autoPublishDelayDays: 40 } };
    expect(publishQuarterCron(q)).toBe('0 1 * * *');
  });

  it('schedules only the jobs it knows, in the scheme zone', () => {
    const t = scheduleTable(DEFAULT_SCHEME, ['overdue-sweep', 'outbox-dispatch', 'no-such-job']);
    expect(t.map((e) => [e.job, e.timeZone, e.catchUp])).toEqual([
      ['overdue-sweep', 'Asia/Shanghai', 'every'],
      ['outbox-dispatch', 'Asia/Shanghai', 'latest'],
    ]);
  });

  it('publishes 2025-Q1 on 2025-04-10 local time', () => {
    const e = scheduleTable(DEFAULT_SCHEME, ['publish-quarter'])[0]!;
    expect(new Date(latestOccurrence(e, at('2025-05-15T00:00:00Z'))!).toISOString()).toBe(
      '2025-04-09T17:00:00.000Z',
    );
  });
});
