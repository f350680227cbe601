/**
 * 梯度督办 lands on people (issue 16): each step of the ladder lands on whoever held the target unit's
 * principal and deputy-in-charge posts on the day the step was reached — by name, in the alert, its
 * notifications and an event in the matter's chain — once; a post nobody held that day is reported to the
 * unit above. The petition ladder does the same against a petition's time limit.
 */
import { type Alert, DEFAULT_SCHEME, type LedgerEvent, type Scheme, schemeSchema } from '@jiandu/shared';
import type { Notification } from '@jiandu/shared/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationId } from '../outbox/notification.js';
import { createTenure } from '../services/org/org.js';
import { keys } from '../store/keys.js';
import { BACKDATING_SCHEME, type Harness, startHarness } from '../testing/harness.js';
import { runJob } from './index.js';

const scheme: Scheme = {
  ...BACKDATING_SCHEME,
  escalation: {
    rectification: [
      { id: 'remind', at: { percentOfLimit: 80 }, action: 'remind_leaders' },
      { id: 'parent', at: { afterDeadlineDays: 1 }, action: 'alert_parent' },
    ],
    petition: [
      { id: 'half', at: { percentOfLimit: 50 }, action: 'remind_leaders' },
      { id: 'late', at: { afterDeadlineDays: 1 }, action: 'alert_parent' },
    ],
  },
};

let h: Harness;
let supervisor: string;
beforeAll(async () => {
  // 2025-05-01 00:00 in Shanghai.
  h = await startHarness({ scheme, now: Date.parse('2025-04-30T16:00:00Z') });
  supervisor = await h.token('supervisor');
  // 青松镇 (ds-a): the principal changes on 2025-05-09 (the old one to 05-08), a deputy throughout.
  // 白石乡 (ds-b): a principal only — its deputy post is vacant. 东山县 (ds): a principal.
  const tenures = [
    ['t-old', 'p-old', 'ds-a', 'principal', '2024-01-01', '2025-05-08', '王旧任'],
    ['t-new', 'p-new', 'ds-a', 'principal', '2025-05-09', null, '李新任'],
    ['t-dep', 'p-dep', 'ds-a', 'deputy_in_charge', '2024-01-01', null, '赵分管'],
    ['t-b', 'p-b', 'ds-b', 'principal', '2024-01-01', null, '钱主要'],
    ['t-ds', 'p-ds', 'ds', 'principal', '2024-01-01', null, '孙县长'],
  ] as const;
  for (const [id, personId, unitId, post, from, to, name] of tenures)
    await createTenure(h.deps, null, { id, personId, unitId, post, from, to }, name);
});
afterAll(() => h.close());

/** Opened on 2025-05-01 (the clock set back there, a fresh sign-in): the ladder counts from that day. */
async function rectification(unitId: string, deadline: string): Promise<string> {
  h.setNow(Date.parse('2025-04-30T16:00:00Z'));
  supervisor = await h.freshToken('supervisor');
  const res = await h.call('POST', '/api/v1/rectifications', {
    token: supervisor,
    body: { source: { kind: 'import', id: null }, unitId, title: `梯度督办 ${unitId}`, deadline },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const sweep = async (job: 'overdue-sweep' | 'petition-sla-sweep', iso: string) => {
  h.setNow(Date.parse(iso));
  return (await runJob(h.deps, job)).counts;
};

async function alertsOf(id: string): Promise<Alert[]> {
  const page = await h.deps.store.list<Alert>('alert', { limit: 500, caller: 'test' });
  return page.items.map((s) => s.data).filter((a) => a.subject.id === id);
}

async function outbox(id: string): Promise<Notification | null> {
  const item = await h.deps.store.item(keys.outbox(id));
  return (item?.notification as Notification | undefined) ?? null;
}

async function events(type: 'rectification' | 'petition', id: string): Promise<LedgerEvent[]> {
  return h.deps.store.history(type, id);
}

describe('an escalation step lands on the post holders of the day it is reached', () => {
  it('names the principal of that day — the new one after a change — and the deputy, once, with an event', async () => {
    // Opened 05-01, due at the end of 05-10: 80 % is reached on 05-09, the new principal's first day.
    const id = await rectification('ds-a', '2025-05-10');
    expect(await sweep('overdue-sweep', '2025-05-08T02:00:00Z')).toMatchObject({ alertsRaised: 0 });
    expect(await sweep('overdue-sweep', '2025-05-09T02:00:00Z')).toMatchObject({ alertsRaised: 1 });
    const [remind] = await alertsOf(id);
    expect(remind?.landing).toMatchObject({
      unitId: 'ds-a',
      day: '2025-05-09',
      step: 'remind',
      recipients: [
        { personId: 'p-new', name: '李新任', post: 'principal' },
        { personId: 'p-dep', name: '赵分管', post: 'deputy_in_charge' },
      ],
      vacant: [],
    });
    // The unit's own people get the step naming them; the supervisors' alert names them too.
    const step = await outbox(notificationId('ladder.step', remind!.id));
    expect(step).toMatchObject({ kind: 'ladder.step', unitId: 'ds-a' });
    expect(step?.text).toContain('李新任（主要负责人）');
    expect(step?.text).not.toContain('王旧任');
    expect((await outbox(notificationId('alert.raised', remind!.id)))?.text).toContain(
      '赵分管（分管负责人）',
    );
    // The step is an event in the rectification's chain.
    const ladder = (await events('rectification', id)).filter((e) => e.action === 'ladder.step');
    expect(ladder.map((e) => (e.after as { step: string }).step)).toEqual(['remind']);
    // Once: a later run adds nothing.
    expect(await sweep('overdue-sweep', '2025-05-10T02:00:00Z')).toMatchObject({ alertsRaised: 0 });
    expect((await events('rectification', id)).filter((e) => e.action === 'ladder.step')).toHaveLength(1);
  });

  it('lands on the holders of the day it was reached even when the sweep runs days later', async () => {
    // Due 05-05 (opened 05-01): 80 % was reached on 05-05, before the change; the sweep first runs on 05-12.
    const id = await rectification('ds-a', '2025-05-05');
    await sweep('overdue-sweep', '2025-05-12T02:00:00Z');
    const remind = (await alertsOf(id)).find((a) => a.rule === 'rectification.overdue.remind');
    expect(remind?.landing?.day).toBe('2025-05-05');
    expect(remind?.landing?.recipients.map((r) => r.name)).toEqual(['王旧任', '赵分管']);
  });

  it('reports a vacant post to the unit above and still reaches the principal', async () => {
    const id = await rectification('ds-b', '2025-05-20');
    await sweep('overdue-sweep', '2025-05-21T02:00:00Z'); // 05-21: past the deadline, both steps
    const remind = (await alertsOf(id)).find((a) => a.rule === 'rectification.overdue.remind');
    expect(remind?.landing).toMatchObject({
      unitId: 'ds-b',
      recipients: [{ personId: 'p-b', name: '钱主要', post: 'principal' }],
      vacant: [{ post: 'deputy_in_charge', reportTo: 'ds' }],
    });
    const report = await outbox(`${notificationId('alert.raised', remind!.id)}-vacant`);
    expect(report).toMatchObject({ kind: 'alert.raised', unitId: 'ds' });
    expect(report?.title).toContain('白石乡分管负责人空缺');
    // The parent step lands on the county's principal; the county's deputy is vacant, reported above it.
    const parent = (await alertsOf(id)).find((a) => a.rule === 'rectification.overdue.parent');
    expect(parent?.landing).toMatchObject({
      unitId: 'ds',
      recipients: [{ name: '孙县长', post: 'principal' }],
      vacant: [{ post: 'deputy_in_charge', reportTo: 'city' }],
    });
  });
});

describe('the petition ladder', () => {
  it('reminds at half its time limit and alerts the parent the day after, each once, landing on people', async () => {
    h.setNow(Date.parse('2025-05-01T02:00:00Z'));
    supervisor = await h.freshToken('supervisor');
    const res = await h.call('POST', '/api/v1/petitions', {
      token: supervisor,
      body: {
        petitioner: { name: '周示范', phone: '13600000001' },
        channel: 'visit',
        levelReceived: 'county',
        unitId: 'ds-a',
        category: 'embezzling',
        matter: '低保金发放不及时',
        receivedAt: '2025-05-01T09:00:00+08:00',
        externalId: 'LADDER-1',
      },
    });
    expect(res.status).toBe(201);
    const p = (await res.json()) as { id: string; acceptDue: string };
    // Its acceptance day (15 days) ends with 05-16: half of the limit from 05-01 09:00 to 05-17 00:00 falls
    // on 05-09 at 04:30 — the new principal's first day.
    expect(p.acceptDue).toBe('2025-05-16');
    expect(await sweep('petition-sla-sweep', '2025-05-08T00:00:00Z')).toMatchObject({ ladderSteps: 0 });
    expect(await sweep('petition-sla-sweep', '2025-05-09T02:00:00Z')).toMatchObject({ ladderSteps: 1 });
    expect(await sweep('petition-sla-sweep', '2025-05-10T02:00:00Z')).toMatchObject({ ladderSteps: 0 });
    const [half] = await alertsOf(p.id);
    expect(half).toMatchObject({
      rule: 'petition.ladder.half',
      severity: 'info',
      notifyUnitId: 'ds-a',
      facts: { kind: 'petition.near', due: '2025-05-16' },
    });
    expect(half?.message).not.toContain(p.id);
    expect(half?.landing).toMatchObject({ day: '2025-05-09', step: 'half' });
    expect(half?.landing?.recipients.map((r) => r.name)).toEqual(['李新任', '赵分管']);
    expect(await sweep('petition-sla-sweep', '2025-05-17T02:00:00Z')).toMatchObject({ ladderSteps: 1 });
    const late = (await alertsOf(p.id)).find((a) => a.rule === 'petition.ladder.late');
    expect(late).toMatchObject({ notifyUnitId: 'ds', severity: 'critical', landing: { unitId: 'ds' } });
    const steps = (await events('petition', p.id)).filter((e) => e.action === 'ladder.step');
    expect(steps.map((e) => (e.after as { step: string }).step)).toEqual(['half', 'late']);
  });

  it('is scheme data that may not propose cases (DESIGN §4.3 proposes on repeats)', () => {
    const bad = {
      ...DEFAULT_SCHEME,
      escalation: { petition: [{ id: 'case', at: { afterDeadlineDays: 5 }, action: 'propose_case' }] },
    };
    expect(schemeSchema.safeParse(bad).success).toBe(false);
    expect(schemeSchema.safeParse(scheme).success).toBe(true);
  });
});
