/**
 * The scheduled jobs, run on their days at the seed clock's time, as the scheduler would run them: the
 * overdue horizon moves on the first day of every quarter (so each quarter's ranking counts the
 * rectifications still open and overdue at its end), and the overdue sweep runs on the first of every
 * month and on the demo's last day, raising the alerts and proposing the cases of overdue rectifications.
 */
import { addDays, fromEpochDay, toEpochDay } from '@jiandu/shared';
import type { Deps } from '../app/deps.js';
import { runJob } from '../jobs/index.js';
import type { Agenda } from './demo-agenda.js';
import { DEMO_END, DEMO_START } from './demo-story.js';

export interface JobTally {
  sweeps: number;
  alertsRaised: number;
  casesProposed: number;
  horizons: number;
  advanced: number;
}

export function planJobs(agenda: Agenda, deps: Deps): JobTally {
  const tally: JobTally = { sweeps: 0, alertsRaised: 0, casesProposed: 0, horizons: 0, advanced: 0 };
  const sweep = async () => {
    const { counts } = await runJob(deps, 'overdue-sweep', deps.clock());
    tally.sweeps++;
    tally.alertsRaised += counts.alertsRaised ?? 0;
    tally.casesProposed += counts.casesProposed ?? 0;
  };
  // The first sweep is a month in, when the first rectifications can be overdue.
  for (let day = toEpochDay(addDays(DEMO_START, 1)); day <= toEpochDay(DEMO_END); day++) {
    const date = fromEpochDay(day);
    if (/-(01|04|07|10)-01$/.test(date))
      agenda.on(date, 'jobs', '', async () => {
        const { counts } = await runJob(deps, 'advance-horizon', deps.clock());
        tally.horizons++;
        tally.advanced += counts.advanced ?? 0;
      });
    if (date.endsWith('-01')) agenda.on(date, 'jobs', '', sweep);
  }
  agenda.on(DEMO_END, 'close', '', sweep);
  return tally;
}
