import type { Alert } from '@jiandu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overdueSweep } from '../jobs/overdue-sweep.js';
import { type Harness, startHarness } from '../testing/harness.js';
import { runDueJobs } from './catch-up.js';
import type { JobRun } from './job-runs.js';

let h: Harness;

const at = (iso: string) => Date.parse(iso);
const sweepOnly = { 'overdue-sweep': overdueSweep };

beforeAll(async () => {
  h = await startHarness({ now: at('2025-05-09T02:00:00Z') });
});
afterAll(() => h.close());

/** A token signed now (the harness caches tokens, which expire while the test's clock moves on). */
async function fresh(role: 'supervisor' | 'admin' | 'unit_officer', unitId = 'ds'): Promise<string> {
  await h.token(role, unitId);
  const res = await h.call('POST', '/api/v1/auth/sign-in', {
    body: { username: `${role}-${unitId}`, password: 'pass-word-1' },
  });
  return ((await res.json()) as { token: string }).token;
}

async function alerts(): Promise<Alert[]> {
  const res = await h.call('GET', '/api/v1/alerts?limit=100', { token: await fresh('supervisor') });
  return ((await res.json()) as { items: Alert[] }).items;
}

describe('schedules with catch-up', () => {
  it('does the work of every day a stopped stack missed, once each, in order, as of each day', async () => {
    const res = await h.call('POST', '/api/v1/rectifications', {
      token: await fresh('supervisor'),
      body: {
        source: { kind: 'import', id: null },
        unitId: 'ds-a',
        title: '村道硬化整改',
        deadline: '2025-05-10',
      },
    });
    expect(res.status).toBe(201);
    // First start on 9 May: the day's occurrence runs; nothing is overdue yet.
    h.setNow(at('2025-05-09T02:00:00Z'));
    const first = await runDueJobs(h.deps, { jobs: sweepOnly });
    expect(first.map((r) => [r.forTime, r.status])).toEqual([['2025-05-09T00:30:00+08:00', 'succeeded']]);
    // The stack is off until 26 May: 17 daily occurrences are due, run oldest first.
    h.setNow(at('2025-05-26T02:00:00Z'));
    const missed = await runDueJobs(h.deps, { jobs: sweepOnly });
    expect(missed).toHaveLength(17);
    expect(missed[0]?.forTime).toBe('2025-05-10T00:30:00+08:00');
    expect(missed.at(-1)?.forTime).toBe('2025-05-26T00:30:00+08:00');
    expect(missed.every((r) => r.status === 'succeeded')).toBe(true);
    expect(missed.map((r) => r.counts.alertsRaised)).toEqual([0, 1, ...Array(13).fill(0), 1, 0]);
    // Each alert carries the day it was due, not the day the stack came back.
    const raised = (await alerts()).map((a) => [a.rule, a.raisedAt]).sort();
    expect(raised).toEqual([
      ['rectification.overdue.alert', '2025-05-11T00:30:00+08:00'],
      ['rectification.overdue.escalate', '2025-05-25T00:30:00+08:00'],
    ]);
  });

  it('changes nothing when it runs again the same day', async () => {
    const before = await alerts();
    expect(await runDueJobs(h.deps, { jobs: sweepOnly })).toEqual([]);
    // The job itself, run again for a day it already did, raises nothing either.
    const again = await overdueSweep(h.deps, { now: at('2025-05-25T16:30:00Z') });
    expect(again.counts).toMatchObject({ alertsRaised: 0, casesProposed: 0 });
    const sameDayTwice = await overdueSweep(h.deps, { now: at('2025-05-26T08:00:00Z') });
    expect(sameDayTwice.counts).toMatchObject({ alertsRaised: 0, casesProposed: 0 });
    expect(await alerts()).toEqual(before);
  });

  it('retries a failed occurrence at the next tick, and later days wait for it', async () => {
    let fail = true;
    const flaky = {
      flaky: async () => {
        if (fail) throw new Error('store unavailable');
        return { job: 'flaky', counts: { done: 1 } };
      },
    };
    // A job with a schedule: borrow the daily sweep's slot name.
    const jobs = { 'overdue-sweep': flaky.flaky };
    h.setNow(at('2025-05-28T02:00:00Z'));
    const failed = await runDueJobs(h.deps, { jobs });
    expect(failed.map((r) => [r.forTime, r.status, r.attempt])).toEqual([
      ['2025-05-27T00:30:00+08:00', 'failed', 1],
    ]);
    expect(failed[0]?.error).toContain('store unavailable');
    fail = false;
    h.setNow(at('2025-05-28T02:01:00Z'));
    const retried = await runDueJobs(h.deps, { jobs });
    expect(retried.map((r) => [r.forTime, r.status, r.attempt])).toEqual([
      ['2025-05-27T00:30:00+08:00', 'succeeded', 2],
      ['2025-05-28T00:30:00+08:00', 'succeeded', 1],
    ]);
  });

  it('lists the runs for admins and supervisors, newest first, and refuses other roles', async () => {
    const admin = await fresh('admin');
    const supervisor = await fresh('supervisor');
    const res = await h.call('GET', '/api/v1/job-runs?job=overdue-sweep&limit=5', { token: admin });
    expect(res.status).toBe(200);
    const page = (await res.json()) as { items: JobRun[]; cursor: string | null };
    expect(page.items).toHaveLength(5);
    expect(page.items[0]).toMatchObject({ job: 'overdue-sweep', status: 'succeeded' });
    expect(page.cursor).not.toBeNull();
    const failed = await h.call('GET', '/api/v1/job-runs?status=failed', { token: supervisor });
    expect(((await failed.json()) as { items: JobRun[] }).items).toHaveLength(0);
    const schedules = await h.call('GET', '/api/v1/job-runs/schedules', { token: admin });
    const items = ((await schedules.json()) as { items: { job: string; lastCompleted: string | null }[] })
      .items;
    expect(items.find((s) => s.job === 'overdue-sweep')?.lastCompleted).toBe('2025-05-27T16:30:00.000Z');
    const officer = await fresh('unit_officer', 'ds-a');
    expect((await h.call('GET', '/api/v1/job-runs', { token: officer })).status).toBe(403);
    const bad = await h.call('GET', '/api/v1/job-runs?status=exploded', { token: admin });
    expect(bad.status).toBe(400);
  });
});
