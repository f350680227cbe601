import { type AccountabilityCase, type Alert, accountabilityCaseSchema, alertSchema } from '@jiandu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenure } from '../services/org/org.js';
import { type Harness, rectificationSteps, startHarness } from '../testing/harness.js';
import { runJob } from './index.js';

let h: Harness;
let supervisor: string;
let officer: string;

beforeAll(async () => {
  h = await startHarness({ now: Date.parse('2025-05-15T02:00:00Z') });
  supervisor = await h.token('supervisor');
  officer = await h.token('unit_officer', 'ds-a');
  const tenures = [
    ['t1', 'p-old', 'principal', '2024-01-01', '2025-05-20'],
    ['t2', 'p-new', 'principal', '2025-05-21', null],
    ['t3', 'p-deputy', 'deputy_in_charge', '2023-03-01', null],
    ['t4', 'p-gone', 'principal', '2022-01-01', '2024-12-31'],
  ] as const;
  for (const [id, personId, post, from, to] of tenures)
    await createTenure(h.deps, null, { id, personId, unitId: 'ds-a', post, from, to }, personId);
  await createTenure(
    h.deps,
    null,
    { id: 't5', personId: 'p-elsewhere', unitId: 'ds-b', post: 'principal', from: '2024-01-01', to: null },
    'p-elsewhere',
  );
});
afterAll(() => h.close());

const at = (iso: string) => Date.parse(iso);

async function create(deadline: string, unitId = 'ds-a') {
  const res = await h.call('POST', '/api/v1/rectifications', {
    token: supervisor,
    body: { source: { kind: 'import', id: null }, unitId, title: `到期 ${deadline}`, deadline },
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; version: number };
}

async function raised(type: 'alert' | 'case', rectId: string) {
  const page = await h.deps.store.list<Alert | AccountabilityCase>(type, { limit: 500, caller: 'test' });
  return page.items
    .map((s) => s.data)
    .filter(
      (d) =>
        ('subject' in d
          ? d.subject.id
          : d.trigger.kind === 'rectification_overdue' && d.trigger.rectificationId) === rectId,
    );
}

describe('the overdue sweep', () => {
  it('raises the day-1 alert once: a second run the same day changes nothing', async () => {
    const r = await create('2025-05-13');
    const notYet = await create('2025-05-15');
    const first = await runJob(h.deps, 'overdue-sweep');
    expect(first.counts).toMatchObject({ alertsRaised: 1, casesProposed: 0 });
    const alerts = (await raised('alert', r.id)) as Alert[];
    expect(alerts).toHaveLength(1);
    expect(alertSchema.parse(alerts[0])).toEqual(alerts[0]);
    expect(alerts[0]).toMatchObject({
      rule: 'rectification.overdue.alert',
      unitId: 'ds-a',
      notifyUnitId: 'ds-a',
      severity: 'warning',
      state: 'open',
    });
    expect(await raised('alert', notYet.id)).toEqual([]);
    // The second run reads nothing: the alerted one waits on the wake list for its day-15 step, the
    // other for its first.
    const second = await runJob(h.deps, 'overdue-sweep');
    expect(second.counts).toMatchObject({ scanned: 0, alertsRaised: 0, casesProposed: 0 });
    // A write puts it back on the list due now; read again, its step is found raised and not repeated.
    const started = await h.call('POST', `/api/v1/rectifications/${r.id}/actions`, {
      token: officer,
      body: { action: { type: 'start' }, expectedVersion: r.version },
    });
    expect(started.status).toBe(200);
    const third = await runJob(h.deps, 'overdue-sweep');
    expect(third.counts).toMatchObject({ scanned: 1, alertsRaised: 0, casesProposed: 0, alreadyRaised: 1 });
    expect(await raised('alert', r.id)).toHaveLength(1);
    const events = await h.deps.store.history('alert', alerts[0]!.id);
    expect(events.map((e) => [e.seq, e.action, e.role])).toEqual([[1, 'alert.raise', 'system']]);
  });

  it("raises the day-15 alert to the parent unit's supervisors and, at day 30, proposes a case for whoever led the unit while it was overdue", async () => {
    const r = await create('2025-05-13');
    h.setNow(at('2025-05-29T02:00:00Z'));
    await runJob(h.deps, 'overdue-sweep');
    const alerts = (await raised('alert', r.id)) as Alert[];
    // The day-15 step supersedes the day-1 alert: one live overdue alert per rectification.
    expect(alerts.map((a) => [a.rule, a.notifyUnitId, a.severity, a.state]).sort()).toEqual([
      ['rectification.overdue.alert', 'ds-a', 'warning', 'resolved'],
      ['rectification.overdue.escalate', 'ds', 'critical', 'open'],
    ]);
    // Facts for the reader's language: 16 days past its deadline of 05-13, with its title.
    const open = alerts.find((a) => a.state === 'open')!;
    expect(open.facts).toMatchObject({ kind: 'rectification.overdue', days: 16, due: '2025-05-13' });
    expect(open.facts!.title).toBeTruthy();
    h.setNow(at('2025-06-13T02:00:00Z'));
    await runJob(h.deps, 'overdue-sweep');
    const cases = (await raised('case', r.id)) as AccountabilityCase[];
    expect(cases).toHaveLength(1);
    const c = cases[0]!;
    expect(accountabilityCaseSchema.parse(c)).toEqual(c);
    expect(c).toMatchObject({
      state: 'proposed',
      trigger: { kind: 'rectification_overdue', unitId: 'ds-a', rectificationId: r.id, daysOverdue: 31 },
    });
    // Overdue from 2025-05-14 to 2025-06-13: 31 days, all in 2025Q2.
    expect(c.subjects).toEqual([
      { personId: 'p-deputy', unitId: 'ds-a', post: 'deputy_in_charge', daysInPost: { '2025Q2': 31 } },
      { personId: 'p-new', unitId: 'ds-a', post: 'principal', daysInPost: { '2025Q2': 24 } },
      { personId: 'p-old', unitId: 'ds-a', post: 'principal', daysInPost: { '2025Q2': 7 } },
    ]);
    const again = await runJob(h.deps, 'overdue-sweep');
    expect(again.counts).toMatchObject({ alertsRaised: 0, casesProposed: 0 });
    expect(await raised('case', r.id)).toHaveLength(1);
    expect(await raised('alert', r.id)).toHaveLength(2);
  });

  it('first swept 25 days late: raises both steps once, and the lower one is resolved as superseded, with its event', async () => {
    h.setNow(at('2025-05-15T02:00:00Z'));
    const r = await create('2025-05-13');
    h.setNow(at('2025-06-07T02:00:00Z'));
    const run = await runJob(h.deps, 'overdue-sweep');
    const alerts = (await raised('alert', r.id)) as Alert[];
    expect(alerts.map((a) => [a.rule, a.state]).sort()).toEqual([
      ['rectification.overdue.alert', 'resolved'],
      ['rectification.overdue.escalate', 'open'],
    ]);
    expect(run.counts).toMatchObject({ alertsSuperseded: expect.any(Number) });
    const lower = alerts.find((a) => a.rule === 'rectification.overdue.alert')!;
    const events = await h.deps.store.history('alert', lower.id);
    expect(events.map((e) => [e.seq, e.action, e.role])).toEqual([
      [1, 'alert.raise', 'system'],
      [2, 'alert.supersede', 'system'],
    ]);
    const again = await runJob(h.deps, 'overdue-sweep');
    expect(again.counts).toMatchObject({ alertsRaised: 0 });
    expect((await h.deps.store.history('alert', lower.id)).length).toBe(2);
  });

  it('raises nothing for a rectification that was closed, even late', async () => {
    h.setNow(at('2025-05-15T02:00:00Z')); // tokens were issued then
    const r = await create('2025-05-10');
    const step = rectificationSteps(h, r.id, r.version);
    const reviewerA = await h.token('reviewer');
    const reviewerB = await h.token('reviewer', 'city');
    await step(officer, { type: 'start' });
    await step(officer, { type: 'submit' });
    await step(reviewerA, { type: 'approve' });
    await step(reviewerB, { type: 'approve' });
    await runJob(h.deps, 'overdue-sweep');
    expect(await raised('alert', r.id)).toEqual([]);
  });
});
