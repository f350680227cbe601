/**
 * Schedules as data (issue 7): when each job of the registry runs, as a cron pattern in the scheme's
 * time zone, derived from the scheme — so a new scheme version (another zone, another publication delay)
 * moves the schedules with it. The local scheduler (croner) and the catch-up read this table; the AWS
 * stack's EventBridge schedules run the same jobs daily in the same zone.
 */
import { autoPublishOn, type Scheme } from '@jiandu/shared';
import type { ScheduleEntry } from '@jiandu/shared/api';

export type { ScheduleEntry };

/** Local times of the daily jobs: the horizon first, then the sweeps that read it, the digest last. */
const DAILY: Record<string, string> = {
  'advance-horizon': '5 0 * * *',
  'overdue-sweep': '30 0 * * *',
  'petition-sla-sweep': '40 0 * * *',
  'signal-response-sweep': '50 0 * * *',
  'idle-funds': '10 1 * * *',
  'daily-digest': '0 3 * * *',
};

/**
 * publish-quarter on the scheme's day after each quarter ends (autoPublishOn: the last day + the delay).
 * Quarters end on a month's last day, so the day falls on the same day-of-month of the months after
 * each quarter when the delay is 1–28 days; any other delay runs it daily (the job itself publishes only
 * quarters whose day has come, looking back two quarters).
 */
export function publishQuarterCron(scheme: Pick<Scheme, 'publishing'>): string {
  const days = ['2025Q1', '2025Q2', '2025Q3', '2025Q4'].map((q) => autoPublishOn(q, scheme));
  const dayOfMonth = new Set(days.map((d) => Number(d.slice(8, 10))));
  const months = days.map((d) => Number(d.slice(5, 7)));
  const [day] = [...dayOfMonth];
  if (dayOfMonth.size === 1 && day !== undefined && day <= 28 && new Set(months).size === 4)
    return `0 1 ${day} ${months.sort((a, b) => a - b).join(',')} *`;
  return '0 1 * * *';
}

/** The monthly bulletin: on the 1st of each month, for the month before (chosen; DESIGN is silent). */
const MONTHLY_BULLETIN = '0 2 1 * *';

/** The schedule of every job in `jobNames` that has one (a job without an entry runs by hand only). */
export function scheduleTable(
  scheme: Pick<Scheme, 'timeZone' | 'publishing'>,
  jobNames: readonly string[],
): ScheduleEntry[] {
  const tz = scheme.timeZone;
  const out: ScheduleEntry[] = [];
  for (const job of jobNames) {
    const daily = DAILY[job];
    if (daily) out.push({ job, cron: daily, timeZone: tz, catchUp: 'every', record: 'always' });
    else if (job === 'publish-quarter')
      out.push({ job, cron: publishQuarterCron(scheme), timeZone: tz, catchUp: 'every', record: 'always' });
    else if (job === 'monthly-bulletin')
      out.push({ job, cron: MONTHLY_BULLETIN, timeZone: tz, catchUp: 'every', record: 'always' });
    else if (job === 'outbox-dispatch')
      out.push({ job, cron: '* * * * *', timeZone: tz, catchUp: 'latest', record: 'whenBusy' });
  }
  return out;
}
