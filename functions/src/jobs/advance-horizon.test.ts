import { type Role, verifyChain } from '@jiandu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../services/accounts/users.js';
import { readRectification } from '../services/rectifications/read.js';
import { type Harness, startHarness } from '../testing/harness.js';
import { storedAndRebuiltAggregates } from '../testing/stored.js';
import { runJob } from './index.js';

let h: Harness;
let n = 0;
beforeAll(async () => {
  h = await startHarness({ now: Date.parse('2025-05-15T02:00:00Z') });
});
afterAll(() => h.close());

const tokens = new Map<string, string>();

/**
 * A token issued at the harness's current time (the harness's cached tokens expire when a test moves
 * the clock); `person` tells two users of one role apart.
 */
async function tokenNow(role: Role, unitId = 'ds', person = 0): Promise<string> {
  const key = `${role}@${unitId}#${person}@${h.deps.clock()}`;
  const hit = tokens.get(key);
  if (hit) return hit;
  const username = `${role}-${unitId}-${n++}`;
  await createUser(h.deps, { username, name: username, roles: [role], unitId, password: 'pass-word-1' });
  const res = await h.call('POST', '/api/v1/auth/sign-in', { body: { username, password: 'pass-word-1' } });
  const { token } = (await res.json()) as { token: string };
  tokens.set(key, token);
  return token;
}

interface View {
  id: string;
  version: number;
  state: string;
}

async function create(deadline: string): Promise<View> {
  const res = await h.call('POST', '/api/v1/rectifications', {
    token: await tokenNow('supervisor'),
    body: { source: { kind: 'import', id: null }, unitId: 'ds-a', title: `到期 ${deadline}`, deadline },
  });
  expect(res.status).toBe(201);
  return (await res.json()) as View;
}

async function close(r: View): Promise<View> {
  const officer = await tokenNow('unit_officer', 'ds-a');
  const steps: [string, Record<string, unknown>][] = [
    [officer, { type: 'start' }],
    [officer, { type: 'submit' }],
    [await tokenNow('reviewer', 'ds', 1), { type: 'approve' }],
    [await tokenNow('reviewer', 'ds', 2), { type: 'approve' }],
  ];
  let cur = r;
  for (const [token, action] of steps) {
    const res = await h.call('POST', `/api/v1/rectifications/${r.id}/actions`, {
      token,
      body: { action, expectedVersion: cur.version },
    });
    expect(res.status).toBe(200);
    cur = (await res.json()) as View;
  }
  expect(cur.state).toBe('closed');
  return cur;
}

const horizonOf = async (id: string) => (await readRectification(h.deps, id))?.horizon;

async function expectAggregatesEqualRebuild() {
  const { stored, rebuilt } = await storedAndRebuiltAggregates(h.deps);
  expect(stored).toEqual(rebuilt);
  return stored as Record<string, { rectOpenOverdue: number }>;
}

describe('advancing the overdue horizon', () => {
  it('moves every open rectification to the new quarter, keeping the aggregates equal to a rebuild', async () => {
    const overdue = await create('2025-05-01');
    const dueAtQuarterEnd = await create('2025-06-30');
    const closed = await close(await create('2025-05-02'));
    expect(await horizonOf(overdue.id)).toBe('2025Q2');
    const sameQuarter = await runJob(h.deps, 'advance-horizon');
    expect(sameQuarter.counts).toMatchObject({ scanned: 2, advanced: 0 });

    h.setNow(Date.parse('2025-07-05T02:00:00Z'));
    const run = await runJob(h.deps, 'advance-horizon');
    expect(run.counts).toEqual({ scanned: 2, advanced: 2, conflicts: 0 });
    expect(await horizonOf(overdue.id)).toBe('2025Q3');
    expect(await horizonOf(dueAtQuarterEnd.id)).toBe('2025Q3');
    expect(await horizonOf(closed.id)).toBe('2025Q2');
    const aggs = await expectAggregatesEqualRebuild();
    expect(aggs['ds-a|2025Q2']?.rectOpenOverdue).toBe(1); // due on the last day: not overdue at Q2 end
    expect(aggs['ds-a|2025Q3']?.rectOpenOverdue).toBe(2);

    const again = await runJob(h.deps, 'advance-horizon');
    expect(again.counts).toMatchObject({ advanced: 0 });

    const events = await h.deps.store.history('rectification', overdue.id);
    expect(events.at(-1)).toMatchObject({
      action: 'rectification.advanceHorizon',
      role: 'system',
      before: { horizon: '2025Q2' },
      after: { horizon: '2025Q3' },
    });
    expect(verifyChain(events, `rectification#${overdue.id}`)).toMatchObject({ ok: true });
  });

  it("leaves the record's own version alone, so a client's expectedVersion stays valid", async () => {
    h.setNow(Date.parse('2025-07-05T02:00:00Z'));
    const r = await create('2025-07-01');
    h.setNow(Date.parse('2025-10-02T02:00:00Z'));
    await runJob(h.deps, 'advance-horizon');
    expect(await horizonOf(r.id)).toBe('2025Q4');
    const closed = await close(r);
    expect(closed.version).toBe(r.version + 4);
    const aggs = await expectAggregatesEqualRebuild();
    expect(aggs['ds-a|2025Q3']?.rectOpenOverdue).toBe(3); // open at the end of Q3
    expect(aggs['ds-a|2025Q4']?.rectOpenOverdue).toBe(2); // closed in Q4: only the two of the first test
  });

  it('is done by any workflow write too, so a record closed before the job ran still counts the quarter ends it was overdue at', async () => {
    h.setNow(Date.parse('2025-07-05T02:00:00Z'));
    const r = await create('2025-07-10');
    expect(await horizonOf(r.id)).toBe('2025Q3');
    h.setNow(Date.parse('2026-01-03T02:00:00Z'));
    await close(r); // no advance-horizon run since Q3
    expect(await horizonOf(r.id)).toBe('2026Q1');
    const aggs = await expectAggregatesEqualRebuild();
    expect(aggs['ds-a|2025Q4']?.rectOpenOverdue).toBe(3); // it, with the two of the first test
  });

  it('races a workflow action without losing it: the action retries when only the horizon moved', async () => {
    h.setNow(Date.parse('2026-01-03T02:00:00Z'));
    const records = await Promise.all(['2026-01-01', '2026-02-01', '2026-03-01'].map(create));
    h.setNow(Date.parse('2026-04-02T02:00:00Z'));
    const officer = await tokenNow('unit_officer', 'ds-a');
    const [, ...answers] = await Promise.all([
      runJob(h.deps, 'advance-horizon'),
      ...records.map((r) =>
        h.call('POST', `/api/v1/rectifications/${r.id}/actions`, {
          token: officer,
          body: { action: { type: 'start' }, expectedVersion: r.version },
        }),
      ),
    ]);
    expect(answers.map((a) => (a as Response).status)).toEqual([200, 200, 200]);
    for (const r of records) expect(await horizonOf(r.id)).toBe('2026Q2');
    await expectAggregatesEqualRebuild();
  });
});
