import type { AccountabilityCase, Alert } from '@jiandu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAlert } from '../services/alerts/alerts.js';
import { writeCaseProposal } from '../services/cases/cases.js';
import { createTenure } from '../services/org/org.js';
import { Tx } from '../store/tx.js';
import { type Harness, startHarness } from '../testing/harness.js';

let h: Harness;
const system = { id: 'system', role: 'system' as const };
const at = '2025-05-15T10:00:00+08:00';

async function propose(
  id: string,
  unitId: string,
  trigger: AccountabilityCase['trigger'] = {
    kind: 'consecutive_cards',
    unitId,
    quarters: ['2024Q4', '2025Q1'],
    cardIds: ['c1', 'c2'],
  },
  decideBy?: string,
): Promise<void> {
  const c: AccountabilityCase = {
    id,
    triggerKey: `${trigger.kind}:${unitId}:${id}`,
    trigger,
    subjects: [{ personId: 'p-lead', unitId, post: 'principal', daysInPost: { '2024Q4': 92, '2025Q1': 90 } }],
    state: 'proposed',
    form: null,
    decisionNote: null,
    dismissReason: null,
    proposedAt: at,
    ...(decideBy ? { decideBy } : {}),
    version: 1,
  };
  const tx = new Tx(h.deps.tableName);
  writeCaseProposal(h.deps, tx, c, (await h.deps.units.pathOf(unitId))!, system, at);
  await tx.commit(h.deps.doc);
}

async function raise(id: string, unitId: string, raisedAt: string): Promise<void> {
  const a: Alert = {
    id,
    rule: 'rectification.overdue.alert',
    alertKey: `test:${id}`,
    subject: { kind: 'rectification', id: `r-${id}` },
    unitId,
    notifyUnitId: unitId,
    severity: 'warning',
    state: 'open',
    message: '整改逾期',
    raisedAt,
    version: 1,
  };
  const tx = new Tx(h.deps.tableName);
  writeAlert(h.deps, tx, a, (await h.deps.units.pathOf(unitId))!, system, raisedAt);
  await tx.commit(h.deps.doc);
}

type Body = { code?: string; state?: string; version?: number; current?: { version: number; state: string } };
const post = async (path: string, token: string, body: unknown) => {
  const res = await h.call('POST', path, { token, body });
  return { status: res.status, body: (await res.json()) as Body };
};

beforeAll(async () => {
  h = await startHarness();
  await createTenure(
    h.deps,
    null,
    { id: 't-lead', personId: 'p-lead', unitId: 'ds-a', post: 'principal', from: '2024-01-01', to: null },
    '李示范',
  );
});
afterAll(() => h.close());

describe('accountability cases through the API', () => {
  it('takes a proposal through review, a decision with a form and closing, version by version', async () => {
    await propose('case-1', 'ds-a');
    const inspector = await h.token('inspector');
    const reviewed = await post('/api/v1/cases/case-1/review', inspector, { expectedVersion: 1 });
    expect([reviewed.status, reviewed.body.state, reviewed.body.version]).toEqual([200, 'under_review', 2]);
    const decided = await post('/api/v1/cases/case-1/decide', inspector, {
      expectedVersion: 2,
      form: 'admonishment_talk',
      note: '对主要负责人诫勉谈话',
    });
    expect([decided.status, decided.body.state]).toEqual([200, 'decided']);
    const closed = await post('/api/v1/cases/case-1/close', inspector, { expectedVersion: 3 });
    expect([closed.status, closed.body.state, closed.body.version]).toEqual([200, 'closed', 4]);
    expect((closed.body as { subjects?: { personName: string | null }[] }).subjects?.[0]?.personName).toBe(
      '李示范',
    );
    const events = await h.call('GET', '/api/v1/cases/case-1/events', { token: inspector });
    const items = ((await events.json()) as { items: { action: string; actorName: string | null }[] }).items;
    expect(items.map((e) => e.action)).toEqual(['case.propose', 'case.review', 'case.decide', 'case.close']);
    // Answers name the people behind the ids: the system proposed, the inspector (a user) acted.
    expect(items.map((e) => e.actorName)).toEqual([
      null,
      '东山县纪检监察员',
      '东山县纪检监察员',
      '东山县纪检监察员',
    ]);
  });

  it('answers a stale version with 409 and the current case, and a wrong step with 409', async () => {
    await propose('case-2', 'ds-b');
    const inspector = await h.token('inspector');
    await post('/api/v1/cases/case-2/review', inspector, { expectedVersion: 1 });
    const stale = await post('/api/v1/cases/case-2/dismiss', inspector, {
      expectedVersion: 1,
      reason: '证据不足',
    });
    expect([stale.status, stale.body.code]).toEqual([409, 'conflict.version']);
    expect(stale.body.current).toMatchObject({ version: 2, state: 'under_review' });
    const wrong = await post('/api/v1/cases/case-2/close', inspector, { expectedVersion: 2 });
    expect([wrong.status, wrong.body.code]).toEqual([409, 'case.invalidTransition']);
    const noReason = await h.call('POST', '/api/v1/cases/case-2/dismiss', {
      token: inspector,
      body: { expectedVersion: 2, reason: ' ' },
    });
    expect([noReason.status, ((await noReason.json()) as { field: string }).field]).toEqual([400, 'reason']);
    const dismissed = await post('/api/v1/cases/case-2/dismiss', inspector, {
      expectedVersion: 2,
      reason: '证据不足',
    });
    expect([dismissed.status, dismissed.body.state]).toEqual([200, 'dismissed']);
  });

  it('sorts the cases to decide by their decision day (按时限排序), a decided one leaving the list', async () => {
    // In 西川县, so the other tests' lists of 东山县 do not see them.
    const cards = (unitId: string, n: string): AccountabilityCase['trigger'] => ({
      kind: 'consecutive_cards',
      unitId,
      quarters: ['2024Q4', '2025Q1'],
      cardIds: [n],
    });
    await propose('due-late', 'xs-a', cards('xs-a', 'x1'), '2025-06-20');
    await propose('due-early', 'xs-a', cards('xs-a', 'x2'), '2025-05-10');
    await propose('due-mid', 'xs-a', cards('xs-a', 'x3'), '2025-06-01');
    const inspector = await h.token('inspector', 'xs');
    const ids = async () => {
      const res = await h.call('GET', '/api/v1/cases?sort=deadline', { token: inspector });
      expect(res.status).toBe(200);
      return ((await res.json()) as { items: { id: string; light: string | null }[] }).items;
    };
    const sorted = await ids();
    expect(sorted.map((c) => c.id)).toEqual(['due-early', 'due-mid', 'due-late']);
    // Overdue (its decision day passed on 05-10, the clock at 05-15) is red, and first.
    expect(sorted[0]?.light).toBe('red');
    await post('/api/v1/cases/due-early/review', inspector, { expectedVersion: 1 });
    await post('/api/v1/cases/due-early/dismiss', inspector, { expectedVersion: 2, reason: '证据不足' });
    expect((await ids()).map((c) => c.id)).toEqual(['due-mid', 'due-late']);
  });

  it('lets only inspectors act, hides cases from unit officers and from other counties', async () => {
    await propose('case-3', 'ds-c');
    const sup = await post('/api/v1/cases/case-3/review', await h.token('supervisor'), {
      expectedVersion: 1,
    });
    expect([sup.status, sup.body.code]).toEqual([403, 'auth.forbidden']);
    const officer = await h.call('GET', '/api/v1/cases/case-3', {
      token: await h.token('unit_officer', 'ds-c'),
    });
    expect(officer.status).toBe(403);
    const elsewhere = await h.call('GET', '/api/v1/cases/case-3', {
      token: await h.token('inspector', 'xs'),
    });
    expect(elsewhere.status).toBe(404);
    const list = await h.call('GET', '/api/v1/cases?state=proposed', { token: await h.token('viewer') });
    const ids = ((await list.json()) as { items: { id: string }[] }).items.map((c) => c.id);
    expect(ids).toEqual(['case-3']);
  });

  it('filters the list by what proposed the case, and refuses an unknown trigger', async () => {
    await propose('case-t1', 'ds-b', {
      kind: 'rectification_overdue',
      unitId: 'ds-b',
      rectificationId: 'r-t1',
      daysOverdue: 31,
    });
    await propose('case-t2', 'ds-b');
    const token = await h.token('inspector');
    const idsOf = async (query: string) => {
      const res = await h.call('GET', `/api/v1/cases?unitId=ds-b${query}`, { token });
      expect(res.status).toBe(200);
      return ((await res.json()) as { items: { id: string }[] }).items
        .map((c) => c.id)
        .filter((id) => id.startsWith('case-t'))
        .sort();
    };
    expect(await idsOf('')).toEqual(['case-t1', 'case-t2']);
    expect(await idsOf('&trigger=rectification_overdue')).toEqual(['case-t1']);
    expect(await idsOf('&trigger=consecutive_cards')).toEqual(['case-t2']);
    expect(await idsOf('&trigger=petition_sla_missed')).toEqual([]);
    const bad = await h.call('GET', '/api/v1/cases?trigger=whatever', { token });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'request.invalid', field: 'trigger' });
  });
});

describe('alerts through the API', () => {
  it('lists open alerts first, newest first within a state, across pages', async () => {
    await raise('al-1', 'ds-a', '2025-05-01T08:00:00+08:00');
    await raise('al-2', 'ds-b', '2025-05-02T08:00:00+08:00');
    await raise('al-3', 'ds-c', '2025-05-03T08:00:00+08:00');
    await raise('al-x', 'xs-a', '2025-05-04T08:00:00+08:00');
    const sup = await h.token('supervisor');
    const ack = await post('/api/v1/alerts/al-3/acknowledge', sup, { expectedVersion: 1 });
    expect([ack.status, ack.body.state, ack.body.version]).toEqual([200, 'acknowledged', 2]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${cursor}` : '';
      const res = await h.call('GET', `/api/v1/alerts?limit=2${q}`, { token: sup });
      const page = (await res.json()) as { items: { id: string }[]; cursor: string | null };
      seen.push(...page.items.map((a) => a.id));
      cursor = page.cursor;
    } while (cursor);
    expect(seen).toEqual(['al-2', 'al-1', 'al-3']);
    const bad = await h.call('GET', '/api/v1/alerts?cursor=eyJwayI6IngifQ', { token: sup });
    expect(bad.status).toBe(400);
  });

  it('resolves an alert once: a stale version gets 409 with the current alert, a resolved one 409', async () => {
    const sup = await h.token('supervisor');
    const done = await post('/api/v1/alerts/al-1/resolve', sup, { expectedVersion: 1, note: '已督促整改' });
    expect([done.status, done.body.state]).toEqual([200, 'resolved']);
    const stale = await post('/api/v1/alerts/al-1/acknowledge', sup, { expectedVersion: 1 });
    expect([stale.status, stale.body.current?.state]).toEqual([409, 'resolved']);
    const again = await post('/api/v1/alerts/al-1/resolve', sup, { expectedVersion: 2 });
    expect([again.status, again.body.code]).toEqual([409, 'alert.invalidTransition']);
    const inspector = await post('/api/v1/alerts/al-2/resolve', await h.token('inspector'), {
      expectedVersion: 1,
    });
    expect([inspector.status, inspector.body.code]).toEqual([403, 'auth.forbidden']);
    const outside = await post('/api/v1/alerts/al-x/resolve', sup, { expectedVersion: 1 });
    expect(outside.status).toBe(404);
  });
});
