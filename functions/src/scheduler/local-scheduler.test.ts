import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../jobs/index.js';
import { type Harness, startHarness } from '../testing/harness.js';
import { startScheduler } from './local-scheduler.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: Date.parse('2025-05-15T02:00:00Z') });
});
afterAll(() => h.close());

describe('the local scheduler', () => {
  it('catches up at start, then runs a tick only when an occurrence is due, one tick at a time', async () => {
    const calls: number[] = [];
    const job: Job = async (_deps, { now }) => {
      calls.push(now);
      return { job: 'overdue-sweep', counts: { scanned: 1 } };
    };
    const lines: string[] = [];
    const s = await startScheduler(h.deps, {
      jobs: { 'overdue-sweep': job },
      ticking: false,
      log: (l) => lines.push(l),
    });
    // The start's own tick runs the day's occurrence; a tick right after finds nothing due.
    expect(await s.tick()).toEqual([]);
    expect(calls).toEqual([Date.parse('2025-05-14T16:30:00Z')]);
    expect(lines).toEqual(['job overdue-sweep for 2025-05-15T00:30:00+08:00: succeeded — scanned 1']);
    h.setNow(Date.parse('2025-05-16T17:00:00Z'));
    const runs = await Promise.all([s.tick(), s.tick()]);
    expect(runs.map((r) => r.length)).toEqual([2, 0]);
    expect(calls).toHaveLength(3);
    s.stop();
  });
});
