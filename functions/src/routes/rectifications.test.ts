import { type LedgerEvent, type RectificationAction, verifyChain } from '@jiandu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../services/accounts/users.js';
import { uploadEvidence } from '../testing/evidence.js';
import { type Harness, startHarness } from '../testing/harness.js';
import { storedAndRebuiltAggregates } from '../testing/stored.js';

interface View {
  id: string;
  state: string;
  version: number;
  deadline: string;
  deadlines: { deadline: string }[];
  allowedActions: string[];
  daysOverdue: number;
  submittedBy: string | null;
  firstReviewerId: string | null;
  secondReviewerId: string | null;
  lastRejection: { reason: string } | null;
  evidence: { id: string; sha256: string }[];
  names: Record<string, string>;
}
interface Problem {
  status: number;
  code: string;
  field?: string;
  current?: View;
}

let h: Harness;
let supervisor: string;
let inspector: string;
let officer: string;
let reviewerA: string;
let reviewerB: string;
let otherCounty: string;

beforeAll(async () => {
  h = await startHarness();
  [supervisor, inspector, officer, reviewerA, reviewerB, otherCounty] = await Promise.all([
    h.token('supervisor'),
    h.token('inspector'),
    h.token('unit_officer', 'ds-a'),
    h.token('reviewer'),
    h.token('reviewer', 'city'),
    h.token('unit_officer', 'xs'),
  ]);
});
afterAll(() => h.close());

const input = (over: Record<string, unknown> = {}) => ({
  source: { kind: 'import', id: null },
  unitId: 'ds-a',
  title: '危房改造补助资金滞留未发放',
  deadline: '2025-06-30',
  ...over,
});

async function create(over: Record<string, unknown> = {}, token = supervisor): Promise<View> {
  const res = await h.call('POST', '/api/v1/rectifications', { token, body: input(over) });
  expect(res.status).toBe(201);
  return (await res.json()) as View;
}

async function act(id: string, token: string, action: RectificationAction, expectedVersion: number) {
  const res = await h.call('POST', `/api/v1/rectifications/${id}/actions`, {
    token,
    body: { action, expectedVersion },
  });
  return { status: res.status, body: (await res.json()) as View & Problem };
}

/** Applies the action and expects it to succeed; returns the record after it. */
async function ok(r: View, token: string, action: RectificationAction): Promise<View> {
  const { status, body } = await act(r.id, token, action, r.version);
  expect([status, body.code]).toEqual([200, undefined]);
  return body;
}

async function toSubmitted(by = officer): Promise<View> {
  let r = await create();
  r = await ok(r, by, { type: 'start' });
  r = await ok(r, by, { type: 'addMeasure', text: '逐户核实并发放补助' });
  return ok(r, by, { type: 'submit' });
}

async function history(id: string): Promise<LedgerEvent[]> {
  const res = await h.call('GET', `/api/v1/rectifications/${id}/events`, { token: supervisor });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: LedgerEvent[] }).items;
}

describe('the rectification lifecycle through the API', () => {
  it('goes assigned → in_progress → submitted → first_approved → closed with two different reviewers', async () => {
    const created = await create();
    expect([created.state, created.version, created.daysOverdue]).toEqual(['assigned', 1, 0]);
    expect(created.allowedActions).toEqual([]); // a supervisor may not start the unit's work
    const seen = (await (
      await h.call('GET', `/api/v1/rectifications/${created.id}`, { token: officer })
    ).json()) as View;
    expect(seen.allowedActions).toEqual(
      expect.arrayContaining(['start', 'addMeasure', 'addProgress', 'addEvidence', 'requestExtension']),
    );
    let r = await ok(created, officer, { type: 'start' });
    r = await ok(r, officer, { type: 'addProgress', text: '已发放 30 户' });
    const file = await uploadEvidence(h, officer, new TextEncoder().encode('发放清单：30 户'));
    r = await ok(r, officer, { type: 'addEvidence', ...file });
    expect(r.evidence.map((e) => e.sha256)).toEqual([file.sha256]);
    r = await ok(r, officer, { type: 'submit' });
    expect(r.state).toBe('submitted');
    r = await ok(r, reviewerA, { type: 'approve' });
    expect(r.state).toBe('first_approved');
    const forB = (await (
      await h.call('GET', `/api/v1/rectifications/${r.id}`, { token: reviewerB })
    ).json()) as View;
    expect(forB.allowedActions).toContain('approve');
    r = await ok(r, reviewerB, { type: 'approve' });
    expect([r.state, r.version, r.allowedActions]).toEqual(['closed', 7, []]);
    expect(r.firstReviewerId).not.toBe(r.secondReviewerId);
    // The view names the people behind the ids it carries.
    expect([r.names[r.firstReviewerId!], r.names[r.secondReviewerId!], r.names[r.submittedBy!]]).toEqual([
      '东山县复核人',
      '示范市复核人',
      '青松镇责任单位联络员',
    ]);
    const events = await history(r.id);
    expect(events.map((e) => e.action)).toEqual([
      'rectification.create',
      'rectification.start',
      'rectification.addProgress',
      'rectification.addEvidence',
      'rectification.submit',
      'rectification.approve',
      'rectification.approve',
    ]);
    expect(events.map((e) => e.role)).toEqual([
      'supervisor',
      'unit_officer',
      'unit_officer',
      'unit_officer',
      'unit_officer',
      'reviewer',
      'reviewer',
    ]);
    expect(verifyChain(events, `rectification#${r.id}`)).toMatchObject({ ok: true });
  });

  it('refuses the submitter and the same reviewer approving, with their codes', async () => {
    const both = await createUser(h.deps, {
      username: 'officer-reviewer',
      name: '兼任复核',
      roles: ['unit_officer', 'reviewer'],
      unitId: 'ds-a',
      password: 'pass-word-1',
    });
    const signIn = await h.call('POST', '/api/v1/auth/sign-in', {
      body: { username: 'officer-reviewer', password: 'pass-word-1' },
    });
    const dual = ((await signIn.json()) as { token: string }).token;
    const r = await toSubmitted(dual);
    expect(r.submittedBy).toBe(both.id);
    const own = await act(r.id, dual, { type: 'approve' }, r.version);
    expect([own.status, own.body.code]).toEqual([422, 'rectification.reviewerIsSubmitter']);
    const first = await ok(r, reviewerA, { type: 'approve' });
    const again = await act(r.id, reviewerA, { type: 'approve' }, first.version);
    expect([again.status, again.body.code]).toEqual([422, 'rectification.sameReviewer']);
    const bySubmitter = await act(r.id, dual, { type: 'approve' }, first.version);
    expect(bySubmitter.body.code).toBe('rectification.reviewerIsSubmitter');
    const stillThere = (await (
      await h.call('GET', `/api/v1/rectifications/${r.id}`, { token: supervisor })
    ).json()) as View;
    expect([stillThere.state, stillThere.version]).toEqual(['first_approved', first.version]);
  });

  it('needs a reason to reject, and a rejection sends the work back to in_progress', async () => {
    const r = await toSubmitted();
    const bare = await act(r.id, reviewerA, { type: 'reject' }, r.version);
    expect([bare.status, bare.body.code, bare.body.field]).toEqual([
      422,
      'rectification.reasonRequired',
      'reason',
    ]);
    const blank = await act(r.id, reviewerA, { type: 'reject', reason: '   ' }, r.version);
    expect(blank.body.code).toBe('rectification.reasonRequired');
    const rejected = await ok(r, reviewerA, { type: 'reject', reason: '缺少发放签收单' });
    expect([rejected.state, rejected.lastRejection?.reason, rejected.submittedBy]).toEqual([
      'in_progress',
      '缺少发放签收单',
      null,
    ]);
    const events = await history(r.id);
    expect(events.at(-1)).toMatchObject({ action: 'rectification.reject', reason: '缺少发放签收单' });
  });

  it('changes the deadline only when a supervisor approves an extension, and keeps both deadlines', async () => {
    let r = await create({ deadline: '2025-05-31' });
    const early = await act(r.id, officer, { type: 'requestExtension', deadline: '2025-05-30' }, r.version);
    expect(early.body.code).toBe('rectification.reasonRequired');
    r = await ok(r, officer, { type: 'requestExtension', deadline: '2025-07-31', reason: '汛期道路中断' });
    expect(r.deadline).toBe('2025-05-31');
    const byOfficer = await act(r.id, officer, { type: 'decideExtension', approve: true }, r.version);
    expect([byOfficer.status, byOfficer.body.code]).toEqual([403, 'rectification.forbiddenRole']);
    r = await ok(r, supervisor, { type: 'decideExtension', approve: true });
    expect(r.deadline).toBe('2025-07-31');
    expect(r.deadlines.map((d) => d.deadline)).toEqual(['2025-05-31', '2025-07-31']);
    const events = await history(r.id);
    expect(events.at(-1)).toMatchObject({
      action: 'rectification.decideExtension',
      role: 'supervisor',
      before: { deadline: '2025-05-31' },
      after: { deadline: '2025-07-31' },
    });
    const none = await act(r.id, supervisor, { type: 'decideExtension', approve: false }, r.version);
    expect([none.status, none.body.code, none.body.current?.version]).toEqual([
      409,
      'rectification.noExtensionPending',
      r.version,
    ]);
  });

  it('reopens a closed rectification (回头看) only with a reason', async () => {
    let r = await toSubmitted();
    r = await ok(r, reviewerA, { type: 'approve' });
    r = await ok(r, reviewerB, { type: 'approve' });
    const closedAction = await act(r.id, officer, { type: 'addProgress', text: 'x' }, r.version);
    expect([closedAction.status, closedAction.body.code]).toEqual([409, 'rectification.closed']);
    const noReason = await act(r.id, inspector, { type: 'reopen' }, r.version);
    expect([noReason.status, noReason.body.code]).toEqual([422, 'rectification.reasonRequired']);
    r = await ok(r, inspector, { type: 'reopen', reason: '回头看发现仍有 3 户未发放' });
    expect([r.state, r.firstReviewerId, r.secondReviewerId]).toEqual(['in_progress', null, null]);
    expect((await history(r.id)).at(-1)).toMatchObject({
      action: 'rectification.reopen',
      role: 'inspector',
      reason: '回头看发现仍有 3 户未发放',
    });
  });

  it('answers a stale version with 409 and the current record', async () => {
    const r = await create();
    const started = await ok(r, officer, { type: 'start' });
    const stale = await act(r.id, officer, { type: 'addMeasure', text: '重复提交' }, r.version);
    expect([stale.status, stale.body.code]).toEqual([409, 'conflict.version']);
    expect(stale.body.current).toMatchObject({ id: r.id, version: started.version, state: 'in_progress' });
  });

  it('lets exactly one of 20 concurrent approvals of the same version win; the others get 409 with the current state', async () => {
    const r = await toSubmitted();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        act(r.id, i % 2 === 0 ? reviewerA : reviewerB, { type: 'approve' }, r.version),
      ),
    );
    const winners = results.filter((x) => x.status === 200);
    const losers = results.filter((x) => x.status !== 200);
    expect(winners).toHaveLength(1);
    expect(losers.map((x) => [x.status, x.body.code])).toEqual(losers.map(() => [409, 'conflict.version']));
    for (const l of losers)
      expect(l.body.current).toMatchObject({ version: r.version + 1, state: 'first_approved' });
    const events = await history(r.id);
    expect(events.filter((e) => e.action === 'rectification.approve')).toHaveLength(1);
    expect(verifyChain(events, `rectification#${r.id}`)).toMatchObject({ ok: true });
  });
});

describe('assigning, reading and listing rectifications', () => {
  it('refuses a unit officer assigning, a missing deadline, and a source outside the jurisdiction, storing nothing', async () => {
    const before = await h.call('GET', '/api/v1/rectifications?limit=500', { token: supervisor });
    const count = ((await before.json()) as { items: unknown[] }).items.length;
    const byOfficer = await h.call('POST', '/api/v1/rectifications', { token: officer, body: input() });
    expect(byOfficer.status).toBe(403);
    const { deadline: _d, ...noDeadline } = input();
    const missing = await h.call('POST', '/api/v1/rectifications', { token: supervisor, body: noDeadline });
    expect([missing.status, ((await missing.json()) as Problem).field]).toEqual([400, 'deadline']);
    const badDate = await h.call('POST', '/api/v1/rectifications', {
      token: supervisor,
      body: input({ deadline: '2025-02-30' }),
    });
    expect(badDate.status).toBe(400);
    const outside = await h.call('POST', '/api/v1/rectifications', {
      token: supervisor,
      body: input({ unitId: 'xs-a' }),
    });
    expect([outside.status, ((await outside.json()) as Problem).code]).toEqual([404, 'unit.notFound']);
    const noSource = await h.call('POST', '/api/v1/rectifications', {
      token: inspector,
      body: input({ source: { kind: 'petition', id: 'no-such-petition' } }),
    });
    expect([noSource.status, ((await noSource.json()) as Problem).field]).toEqual([404, 'source/id']);
    const badAction = await h.call('POST', '/api/v1/rectifications/x/actions', {
      token: officer,
      body: { action: { type: 'launch' }, expectedVersion: 1 },
    });
    expect(badAction.status).toBe(400);
    const after = await h.call('GET', '/api/v1/rectifications?limit=500', { token: supervisor });
    expect(((await after.json()) as { items: unknown[] }).items).toHaveLength(count);
  });

  it('assigns from a finding and answers a retry with the same Idempotency-Key with the first result', async () => {
    const f = await h.call('POST', '/api/v1/findings', {
      token: inspector,
      body: {
        unitId: 'ds-a',
        category: 'formalism',
        severity: 'general',
        source: 'inspection',
        description: '帮扶手册填写不实',
        amountFen: 0,
        discoveredOn: '2025-05-10',
      },
    });
    expect(f.status).toBe(201);
    const findingId = ((await f.json()) as { id: string }).id;
    const body = input({ source: { kind: 'finding', id: findingId }, title: '补充整改：帮扶手册' });
    const headers = { 'idempotency-key': 'rect-create-0001' };
    const a = await h.call('POST', '/api/v1/rectifications', { token: inspector, body, headers });
    const b = await h.call('POST', '/api/v1/rectifications', { token: inspector, body, headers });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(((await b.json()) as View).id).toBe(((await a.json()) as View).id);
  });

  it('keeps another county out of sight: 404 on read and action, absent from lists', async () => {
    const r = await create();
    const read = await h.call('GET', `/api/v1/rectifications/${r.id}`, { token: otherCounty });
    expect([read.status, ((await read.json()) as Problem).code]).toEqual([404, 'record.notFound']);
    const acted = await act(r.id, otherCounty, { type: 'start' }, r.version);
    expect(acted.status).toBe(404);
    const list = await h.call('GET', '/api/v1/rectifications?limit=500', { token: otherCounty });
    expect(((await list.json()) as { items: View[] }).items.map((i) => i.id)).not.toContain(r.id);
    const history = await h.call('GET', `/api/v1/rectifications/${r.id}/events`, { token: otherCounty });
    expect(history.status).toBe(404);
  });

  it('lists by unit subtree, state, deadline range and overdue', async () => {
    const late = await create({ unitId: 'ds-a-1', deadline: '2025-05-01', title: '逾期未整改' });
    const onTime = await create({ unitId: 'ds-b', deadline: '2025-09-30', title: '按期整改' });
    const ids = async (query: string) => {
      const res = await h.call('GET', `/api/v1/rectifications?limit=500&${query}`, { token: supervisor });
      expect(res.status).toBe(200);
      return ((await res.json()) as { items: View[] }).items;
    };
    const overdue = await ids('overdue=true');
    expect(overdue.map((i) => i.id)).toContain(late.id);
    expect(overdue.map((i) => i.id)).not.toContain(onTime.id);
    expect(overdue.find((i) => i.id === late.id)?.daysOverdue).toBe(14);
    expect((await ids('overdue=false')).map((i) => i.id)).toContain(onTime.id);
    const inA = (await ids('unitId=ds-a')).map((i) => i.id);
    expect(inA).toContain(late.id);
    expect(inA).not.toContain(onTime.id);
    const q3 = (await ids('from=2025-07-01&to=2025-09-30')).map((i) => i.id);
    expect(q3).toContain(onTime.id);
    expect(q3).not.toContain(late.id);
    expect((await ids('state=open')).every((i) => i.state !== 'closed')).toBe(true);
    expect((await ids('state=assigned')).every((i) => i.state === 'assigned')).toBe(true);
    const bad = await h.call('GET', '/api/v1/rectifications?overdue=maybe', { token: supervisor });
    expect([bad.status, ((await bad.json()) as Problem).field]).toEqual([400, 'overdue']);
  });

  it('carries a light and filters by it: red overdue, yellow in the 7-day window or not started in time, green', async () => {
    // Now is 2025-05-15 10:00 in Shanghai: the window of a 20 May deadline opened on 14 May.
    const red = await create({ unitId: 'ds-a-1', deadline: '2025-05-10', title: '红灯整改' });
    const yellow = await create({ unitId: 'ds-a-1', deadline: '2025-05-20', title: '黄灯整改' });
    const green = await create({ unitId: 'ds-a-1', deadline: '2025-05-22', title: '绿灯整改' });
    const idle = await create({ unitId: 'ds-a-1', deadline: '2025-08-31', title: '未按计划启动' });
    const started = (await act(green.id, officer, { type: 'start' }, green.version)).body as View;
    const lightOf = async (id: string) =>
      (
        (await (await h.call('GET', `/api/v1/rectifications/${id}`, { token: supervisor })).json()) as {
          light: string;
        }
      ).light;
    expect(await Promise.all([red, yellow, green, idle].map((r) => lightOf(r.id)))).toEqual([
      'red',
      'yellow',
      'green',
      'green',
    ]);
    const byLight = async (light: string, token = supervisor) => {
      const res = await h.call('GET', `/api/v1/rectifications?limit=500&unitId=ds-a-1&light=${light}`, {
        token,
      });
      expect(res.status).toBe(200);
      const items = ((await res.json()) as { items: (View & { light: string })[] }).items;
      expect(items.every((i) => i.light === light)).toBe(true);
      return items.map((i) => i.id);
    };
    expect(await byLight('red')).toContain(red.id);
    expect(await byLight('yellow')).toEqual(expect.arrayContaining([yellow.id]));
    expect(await byLight('green')).toEqual(expect.arrayContaining([started.id, idle.id]));
    // 21 May: the one still not started 5 days after it was opened is behind its plan, whatever its deadline.
    const now = Date.parse('2025-05-15T02:00:00Z');
    h.setNow(Date.parse('2025-05-20T16:00:00Z'));
    try {
      const later = await h.token('supervisor', 'ds-a'); // signed in that day (tokens expire)
      expect(await byLight('yellow', later)).toContain(idle.id);
      expect(await byLight('green', later)).not.toContain(idle.id);
      expect(await byLight('red', later)).toEqual(expect.arrayContaining([red.id, yellow.id])); // its deadline day, 20 May, ended at 16:00Z
    } finally {
      h.setNow(now);
    }
    const bad = await h.call('GET', '/api/v1/rectifications?light=blue', { token: supervisor });
    expect([bad.status, ((await bad.json()) as Problem).field]).toEqual([400, 'light']);
  });

  it('describes every rectification route in the OpenAPI document', async () => {
    const doc = (await (await h.call('GET', '/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(doc.paths['/api/v1/rectifications'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/v1/rectifications/{id}'] ?? {})).toEqual(['get']);
    expect(Object.keys(doc.paths['/api/v1/rectifications/{id}/actions'] ?? {})).toEqual(['post']);
  });

  it('leaves the aggregates equal to a rebuild from the stored records', async () => {
    const { stored, rebuilt } = await storedAndRebuiltAggregates(h.deps);
    expect(Object.keys(stored).length).toBeGreaterThan(0);
    expect(stored).toEqual(rebuilt);
  });
});
