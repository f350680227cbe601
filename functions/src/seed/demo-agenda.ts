/**
 * The seed's calendar: what happens on which day of the demo period. Every kind of activity puts its
 * calls on the days they happen (a petition's acceptance weeks after its receipt, a quarter's actuals at
 * its end, the ranking ten days later); the day loop moves the clock and runs each day's tasks in
 * stages: the scheduled jobs first, then the day's work, then publications, then the closing jobs.
 * The day's work is grouped in lanes, one per scored unit: a lane runs its tasks in phase order
 * (workflow steps, then new findings, petitions, signals, reports), and a few lanes run side by side —
 * units do not share the records or aggregates they write, so their calls commute.
 */

export const PHASES = [
  'jobs',
  'workflow',
  'findings',
  'petitions',
  'signals',
  'indicators',
  'rankings',
  'close',
] as const;
export type Phase = (typeof PHASES)[number];

/** The stage of each phase: stages run one after the other, phases of one stage interleave by lane. */
const STAGE: Record<Phase, number> = {
  jobs: 0,
  workflow: 1,
  findings: 1,
  petitions: 1,
  signals: 1,
  indicators: 1,
  rankings: 2,
  close: 3,
};

interface Task {
  phase: number;
  stage: number;
  seq: number;
  lane: string;
  run: () => Promise<void>;
}

/** How many lanes run at once (DynamoDB Local on a 2-core machine gains little beyond). */
const LANES_AT_ONCE = 4;

/** The lane of a unit's work: its scored unit (a village's work is its township's). */
export const laneOf = (unitId: string | null): string => (unitId ?? '').replace(/-v\d+$/, '');

export class Agenda {
  private readonly byDate = new Map<string, Task[]>();
  private seq = 0;
  private today: string | null = null;

  /** `last`: the demo's last day; anything planned after it does not happen. */
  constructor(private readonly last: string) {}

  /** Plans `run` on `date` in `phase`, in `lane` (a unit's, see laneOf; '' for everything else). */
  on(date: string, phase: Phase, lane: string, run: () => Promise<void>): void {
    if (date > this.last) return;
    if (this.today !== null && date < this.today)
      throw new Error(`cannot plan on ${date}: the demo is already at ${this.today}`);
    const tasks = this.byDate.get(date) ?? [];
    tasks.push({ phase: PHASES.indexOf(phase), stage: STAGE[phase], seq: this.seq++, lane, run });
    this.byDate.set(date, tasks);
  }

  /** Runs the tasks of `date` (including those planned for it while it runs), stage by stage. */
  async runDay(date: string): Promise<void> {
    this.today = date;
    for (;;) {
      const tasks = this.byDate.get(date) ?? [];
      if (tasks.length === 0) break;
      const stage = Math.min(...tasks.map((t) => t.stage));
      this.byDate.set(
        date,
        tasks.filter((t) => t.stage !== stage),
      );
      await runLanes(tasks.filter((t) => t.stage === stage));
    }
    this.byDate.delete(date);
  }
}

async function runLanes(tasks: Task[]): Promise<void> {
  const lanes = new Map<string, Task[]>();
  for (const t of tasks) lanes.set(t.lane, [...(lanes.get(t.lane) ?? []), t]);
  const queue = [...lanes.values()].map((lane) => lane.sort((a, b) => a.phase - b.phase || a.seq - b.seq));
  const worker = async () => {
    for (let lane = queue.shift(); lane; lane = queue.shift()) for (const t of lane) await t.run();
  };
  await Promise.all(Array.from({ length: Math.min(LANES_AT_ONCE, queue.length) }, worker));
}
