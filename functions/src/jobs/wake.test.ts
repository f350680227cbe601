/**
 * The sweeps read what is due, not every open record (issue 15, ACCESS-PATTERNS "Sweeps"): a write puts
 * a matter on the wake list due now; a sweep keys it at the instant it next has something to do with it;
 * a closed matter leaves the list; a new scheme makes the next run read every open matter once.
 */
import { DEFAULT_SCHEME, overdueKey } from '@jiandu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dueMatters } from '../services/sweeps/wake.js';
import { keys, ROOT_SHARD_IDS } from '../store/keys.js';
import { putItem } from '../store/table-ops.js';
import { type Harness, rectificationSteps, startHarness } from '../testing/harness.js';
import { runJob } from './index.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ now: Date.parse('2025-05-15T02:00:00Z') }); // 15 May, 10:00 in Shanghai
});
afterAll(() => h.close());

async function create(deadline: string) {
  const res = await h.call('POST', '/api/v1/rectifications', {
    token: await h.freshToken('supervisor'),
    body: { source: { kind: 'import', id: null }, unitId: 'ds-a', title: `到期 ${deadline}`, deadline },
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; version: number };
}

const sweep = async (iso: string) => {
  h.setNow(Date.parse(iso));
  return (await runJob(h.deps, 'overdue-sweep')).counts;
};

/** The wake list entry of a rectification: the instant (ms) it is keyed at, or null when off the list. */
async function wakeOf(id: string): Promise<number | null> {
  const item = await h.deps.store.getItem('rectification', id);
  return typeof item?.jwsk === 'string' ? Number(item.jwsk.split('#')[0]) : null;
}

describe('the sweeps’ wake list', () => {
  it('reads only what is due: a write, a step falling due, every open one once after a scheme change', async () => {
    const late = await create('2025-05-13');
    const later = [await create('2025-07-01'), await create('2025-08-01'), await create('2025-09-01')];
    // Written now: all four are due for the next run, which is also the first (no scheme keyed yet).
    expect(await wakeOf(late.id)).toBe(Date.parse('2025-05-15T02:00:00Z'));
    expect(await sweep('2025-05-15T02:00:00Z')).toMatchObject({ scanned: 4, alertsRaised: 1 });
    // Each is keyed at its next step: the late one at its day 15 (the start of 28 May in Shanghai), the
    // others at their day 1.
    expect(await wakeOf(late.id)).toBe(Date.parse('2025-05-27T16:00:00Z'));
    expect(await wakeOf(later[0]!.id)).toBe(Date.parse('2025-07-01T16:00:00Z'));
    // The days between read nothing, whatever the number of open rectifications.
    expect(await sweep('2025-05-16T02:00:00Z')).toMatchObject({ scanned: 0 });
    expect(await sweep('2025-05-27T15:59:59Z')).toMatchObject({ scanned: 0 });
    // A write (the officer starts one) makes it due at once; the run after keys it back, raising nothing.
    const started = await h.call('POST', `/api/v1/rectifications/${later[1]!.id}/actions`, {
      token: await h.freshToken('unit_officer', 'ds-a'),
      body: { action: { type: 'start' }, expectedVersion: later[1]!.version },
    });
    expect(started.status).toBe(200);
    expect(await sweep('2025-05-27T15:59:59Z')).toMatchObject({ scanned: 1, alertsRaised: 0 });
    expect(await wakeOf(later[1]!.id)).toBe(Date.parse('2025-08-01T16:00:00Z'));
    // The late one's day 15: read alone, escalated, keyed at its day 30.
    expect(await sweep('2025-05-28T02:00:00Z')).toMatchObject({ scanned: 1, alertsRaised: 1 });
    expect(await wakeOf(late.id)).toBe(Date.parse('2025-06-11T16:00:00Z'));
    // Day 30: the case is its last step — it leaves the list.
    expect(await sweep('2025-06-13T02:00:00Z')).toMatchObject({ scanned: 1, casesProposed: 1 });
    expect(await wakeOf(late.id)).toBeNull();
    expect(await sweep('2025-06-14T02:00:00Z')).toMatchObject({ scanned: 0 });

    // A new scheme (day 1 / 10 / 20): the next run reads every open rectification once and re-keys it.
    const admin = await h.freshToken('admin', 'city');
    const saved = await h.call('POST', '/api/v1/schemes', {
      token: admin,
      body: {
        ...DEFAULT_SCHEME,
        version: 2,
        rectification: {
          ...DEFAULT_SCHEME.rectification,
          overdueEscalateDays: 10,
          overdueAccountabilityDays: 20,
        },
      },
    });
    expect(saved.status).toBe(201);
    expect(await sweep('2025-06-14T02:00:00Z')).toMatchObject({ scanned: 4 });
    expect(await sweep('2025-06-15T02:00:00Z')).toMatchObject({ scanned: 0 });
  });

  it('reads a full pass a page at a time: the first matter comes before the other shards are read', async () => {
    for (let i = 0; i < 3; i++) await create(`2025-10-0${i + 1}`);
    let queries = 0;
    h.deps.doc.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'QueryCommand') queries++;
        return next(args);
      },
      { step: 'initialize', name: 'countWakeQueries' },
    );
    try {
      // A fingerprint no scheme has: the next sweep's pass is the full one over every open rectification.
      await putItem(h.deps, { ...keys.sweepKeyed('paging-probe'), scheme: 'none' });
      const due = await dueMatters(h.deps, 'rectification', 'paging-probe', h.deps.clock());
      expect(due.full).toBe(true);
      const seen: string[] = [];
      for await (const item of due.items) {
        // Shard by shard, page by page: when the first item arrives only the shards up to its own were read.
        if (seen.length === 0) expect(queries).toBeLessThan(ROOT_SHARD_IDS.length);
        seen.push(String(item.id));
      }
      expect(queries).toBe(ROOT_SHARD_IDS.length);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBeGreaterThanOrEqual(3);
    } finally {
      h.deps.doc.middlewareStack.remove('countWakeQueries');
    }
  });

  it('takes a closed rectification off the list in the write that closes it', async () => {
    h.setNow(Date.parse('2025-06-15T02:00:00Z'));
    const r = await create('2025-07-10');
    const step = rectificationSteps(h, r.id, r.version);
    const officerNow = await h.freshToken('unit_officer', 'ds-a');
    await step(officerNow, { type: 'start' });
    await step(officerNow, { type: 'submit' });
    await step(await h.freshToken('reviewer'), { type: 'approve' });
    expect(await wakeOf(r.id)).not.toBeNull();
    await step(await h.freshToken('reviewer', 'city'), { type: 'approve' });
    expect(await wakeOf(r.id)).toBeNull();
    const item = await h.deps.store.getItem('rectification', r.id);
    expect(item).not.toHaveProperty('jwpk');
    // The sweep's marker names the scheme it keyed the list with (a hash, not a copy).
    expect(await h.deps.store.item(keys.sweepKeyed('overdue-sweep'))).toMatchObject({
      scheme: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('keeps a signal task due for the overdue sweep after the first-response sweep has raised its alert', async () => {
    h.setNow(Date.parse('2025-07-01T02:00:00Z'));
    const res = await h.call('POST', '/api/v1/signals', {
      token: await h.freshToken('supervisor'),
      body: {
        platform: '微博',
        url: 'https://weibo.com/u/wake-major',
        title: '青松镇危房改造补助被挪用',
        excerpt: '网友反映',
        publishedAt: '2025-07-01T08:00:00+08:00',
        reach: { reads: 90000, reposts: 800, comments: 300 },
        polarity: 'negative',
        severity: 'major',
        unitId: 'ds-a',
      },
    });
    expect(res.status).toBe(201);
    const { rectificationId } = (await res.json()) as { rectificationId: string };
    const task = await h.deps.store.get<{ deadline: string }>('rectification', rectificationId);
    // The day after its first-response day: the response is missed and day 1 of its ladder is reached,
    // both at the same instant. The first-response sweep runs first and keys the task; the overdue sweep
    // must still find it due (one answer for both sweeps), and after both it waits for its escalation day.
    const dayAfter = Date.parse(`${task!.data.deadline}T00:00:00+08:00`) + 86_400_000;
    h.setNow(dayAfter + 3_600_000);
    expect((await runJob(h.deps, 'signal-response-sweep')).counts).toMatchObject({ alertsRaised: 1 });
    expect(await wakeOf(rectificationId)).toBe(dayAfter);
    await sweep(new Date(dayAfter + 3_600_000).toISOString());
    expect(
      await h.deps.store.item(keys.trigger('alert', overdueKey(rectificationId, 'alert'))),
    ).not.toBeNull();
    // Its next step: the escalation day of the scheme in force (the one saved above: day 10).
    const escalate = (await h.deps.scheme()).rectification.overdueEscalateDays;
    expect(await wakeOf(rectificationId)).toBe(dayAfter + (escalate - 1) * 86_400_000);
    expect((await runJob(h.deps, 'signal-response-sweep')).counts).toMatchObject({ scanned: 0 });
  });
});
