import { type AccountabilityCase, type Alert, acceptanceDue, DEFAULT_SCHEME } from '@jiandu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenure } from '../services/org/org.js';
import { BACKDATING_SCHEME, type Harness, startHarness } from '../testing/harness.js';
import { recordsOf, scanAll, storedAndRebuilt } from '../testing/stored.js';

let h: Harness;
let sup: string;
beforeAll(async () => {
  // Months of petitions are registered live here to test repeats and SLAs, not the live look-back.
  h = await startHarness({ scheme: BACKDATING_SCHEME });
  sup = await h.token('supervisor');
});
afterAll(() => h.close());

const CLEAR = { name: '张三丰', phone: '13812345678', idNumber: '11010519491231002X' };
const FULL_WIDTH_ID = '１１０１０５１９４９１２３１００２ｘ';
/** Every way the clear identity could show up in a body or an item. */
const CLEAR_FORMS = [CLEAR.name, CLEAR.phone, CLEAR.idNumber, FULL_WIDTH_ID, '110105194912310', '张 三 丰'];

let seq = 0;
const petition = (over: Record<string, unknown> = {}) => ({
  petitioner: CLEAR,
  channel: 'visit',
  levelReceived: 'county',
  unitId: 'ds-a',
  category: 'embezzling',
  matter: '低保金被村干部截留',
  receivedAt: '2025-05-10T09:00:00+08:00',
  externalId: `X-${++seq}`,
  ...over,
});

interface View {
  id: string;
  version: number;
  state: string;
  repeatOf: string | null;
  escalated: boolean;
  petitioner: Record<string, string>;
  acceptDue: string;
  handleDue: string | null;
  sla: { accept: { status: string; due: string } };
}

async function post(body: unknown, token = sup, headers: Record<string, string> = {}) {
  const res = await h.call('POST', '/api/v1/petitions', { token, body, headers });
  return { status: res.status, text: await res.text() };
}
async function create(over: Record<string, unknown> = {}): Promise<View> {
  const r = await post(petition(over));
  expect(r.status).toBe(201);
  return JSON.parse(r.text) as View;
}
async function get(id: string, token = sup): Promise<View> {
  const res = await h.call('GET', `/api/v1/petitions/${id}`, { token });
  expect(res.status).toBe(200);
  return (await res.json()) as View;
}
const act = (id: string, action: string, body: Record<string, unknown>, token = sup) =>
  h.call('POST', `/api/v1/petitions/${id}/${action}`, { token, body });
const expectNoClearIdentity = (text: string) => {
  for (const f of CLEAR_FORMS) expect(text).not.toContain(f);
};
const rejectionCode = async (res: Response) => ((await res.json()) as { code: string }).code;

describe('petitions through the API', () => {
  it('registers a petition masked in every answer, event and stored item, never storing the identity in clear', async () => {
    const r = await post(petition(), sup, { 'idempotency-key': 'petition-key-0001' });
    expect(r.status).toBe(201);
    const created = JSON.parse(r.text) as View;
    expect(created.petitioner).toEqual({
      name: '张**',
      phone: '138****5678',
      idNumber: '1101**********002X',
    });
    expect(created.state).toBe('received');
    expect(created.acceptDue).toBe(acceptanceDue('2025-05-10T09:00:00+08:00', DEFAULT_SCHEME));
    expect(created.sla.accept.status).toBe('pending');
    expectNoClearIdentity(r.text);
    const again = await post(petition({ externalId: 'X-1' }), sup, {
      'idempotency-key': 'petition-key-0001',
    });
    expect(JSON.parse(again.text).id).toBe(created.id);
    for (const path of [
      '/api/v1/petitions',
      `/api/v1/petitions/${created.id}`,
      `/api/v1/petitions/${created.id}/events`,
    ]) {
      const res = await h.call('GET', path, { token: sup });
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).toContain('138****5678');
      expectNoClearIdentity(text);
    }
    const items = await scanAll(h.deps);
    expect(items.length).toBeGreaterThan(0);
    expectNoClearIdentity(JSON.stringify(items));
  });

  it('reveals the identity only to a supervisor of the jurisdiction, logging the reason without the identity', async () => {
    const { id } = await create();
    const body = { reason: '核实信访人身份以便回访' };
    const inspector = await h.token('inspector');
    expect((await act(id, 'reveal', body, inspector)).status).toBe(403);
    expect((await act(id, 'reveal', body, await h.token('unit_officer', 'ds-a'))).status).toBe(403);
    expect((await act(id, 'reveal', body, await h.token('supervisor', 'xs'))).status).toBe(404);
    const noReason = await act(id, 'reveal', {});
    expect(noReason.status).toBe(400);
    expect(((await noReason.json()) as { field: string }).field).toBe('reason');
    const res = await act(id, 'reveal', body);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ id, petitioner: CLEAR });
    const events = await h.call('GET', `/api/v1/petitions/${id}/events`, { token: sup });
    const text = await events.text();
    const list = (JSON.parse(text) as { items: { action: string; reason: string | null; actorId: string }[] })
      .items;
    expect(list.map((e) => e.action)).toEqual(['petition.create', 'petition.reveal']);
    expect(list[1]!.reason).toBe(body.reason);
    expectNoClearIdentity(text);
    expectNoClearIdentity(JSON.stringify(await scanAll(h.deps)));
  });

  it('classifies the same petitioner (ID in full-width digits) with the same matter within 180 days as repeated, also out of order', async () => {
    const first = await create({ unitId: 'ds-c', receivedAt: '2025-01-10T09:00:00+08:00' });
    const second = await create({
      unitId: 'ds-c',
      receivedAt: '2025-03-01T09:00:00+08:00',
      petitioner: { name: '张 三丰', idNumber: FULL_WIDTH_ID },
    });
    expect(first.repeatOf).toBeNull();
    expect(second.repeatOf).toBe(first.id);
    expect(second.petitioner.idNumber).toBe('1101**********002X');
    const otherMatter = await create({
      unitId: 'ds-c',
      category: 'inaction',
      receivedAt: '2025-03-02T09:00:00+08:00',
    });
    expect(otherMatter.repeatOf).toBeNull();
    // Another petitioner (no ID number: name + phone), the later petition ingested first.
    const who = { name: '李四', phone: '+86 139-0000-1111' };
    const later = await create({ unitId: 'ds-c', petitioner: who, receivedAt: '2025-04-20T09:00:00+08:00' });
    expect(later.repeatOf).toBeNull();
    const earlier = await create({
      unitId: 'ds-c',
      petitioner: { name: '李 四', phone: '13900001111' },
      receivedAt: '2025-04-01T09:00:00+08:00',
    });
    expect(earlier.repeatOf).toBeNull();
    const updated = await get(later.id);
    expect(updated.repeatOf).toBe(earlier.id);
    expect(updated.version).toBe(2);
    const events = (await (
      await h.call('GET', `/api/v1/petitions/${later.id}/events`, { token: sup })
    ).json()) as {
      items: { action: string }[];
    };
    expect(events.items.map((e) => e.action)).toEqual(['petition.create', 'petition.repeatOf']);
    const beyond = await create({ unitId: 'ds-c', petitioner: who, receivedAt: '2024-10-02T09:00:00+08:00' });
    expect(beyond.repeatOf).toBeNull();
    expect((await get(earlier.id)).repeatOf).toBeNull(); // 181 days after 2024-10-02
    const repeated = (await (
      await h.call('GET', '/api/v1/petitions?repeated=true&unitId=ds-c', { token: sup })
    ).json()) as {
      items: { id: string }[];
    };
    expect(repeated.items.map((i) => i.id).sort()).toEqual([second.id, later.id].sort());
    const { stored, rebuilt } = await storedAndRebuilt(h.deps);
    expect(stored).toEqual(rebuilt);
  });

  it('classifies petitions of one petitioner sent at the same moment as a chain of repeats', async () => {
    const who = { name: '蒋五', phone: '13500000000' };
    const days = ['2025-02-01', '2025-02-11', '2025-02-21', '2025-03-03', '2025-03-13'];
    const views = await Promise.all(
      days.map((d) =>
        create({ unitId: 'ds-b', category: 'inaction', petitioner: who, receivedAt: `${d}T09:00:00+08:00` }),
      ),
    );
    const now = await Promise.all(views.map((v) => get(v.id)));
    expect(now.map((v) => v.repeatOf)).toEqual([null, ...now.slice(0, -1).map((v) => v.id)]);
    const { stored, rebuilt } = await storedAndRebuilt(h.deps);
    expect(stored).toEqual(rebuilt);
  });

  it('marks a petition received more than one level above its unit as escalated', async () => {
    const cases: [string, string, boolean][] = [
      ['ds-a', 'city', true],
      ['ds-a', 'county', false],
      ['ds-a-1', 'county', true],
      ['ds-a-1', 'township', false],
      ['ds-fpb', 'city', false],
      ['ds-fpb', 'province', true],
    ];
    for (const [unitId, levelReceived, escalated] of cases) {
      const v = await create({ unitId, levelReceived, petitioner: { name: `王${unitId}${levelReceived}` } });
      expect([unitId, levelReceived, v.escalated]).toEqual([unitId, levelReceived, escalated]);
    }
  });

  it('walks the workflow with expectedVersion, answering a stale version with 409 and the current state', async () => {
    const p = await create({ petitioner: { name: '赵六', phone: '13700000000' } });
    const accepted = await act(p.id, 'accept', { expectedVersion: 1 });
    expect(accepted.status).toBe(200);
    const a = (await accepted.json()) as View;
    expect([a.state, a.version]).toEqual(['accepted', 2]);
    expect(a.handleDue).not.toBeNull();
    const stale = await act(p.id, 'accept', { expectedVersion: 1 });
    expect(stale.status).toBe(409);
    const problem = (await stale.json()) as { code: string; current: View };
    expect(problem.code).toBe('conflict.version');
    expect([problem.current.version, problem.current.state]).toEqual([2, 'accepted']);
    expect(problem.current.petitioner.name).toBe('赵*');
    expect((await act(p.id, 'handle', { expectedVersion: 2 }, await h.token('inspector'))).status).toBe(403);
    const extended = (await (await act(p.id, 'extend', { expectedVersion: 2, days: 10 })).json()) as View;
    expect(extended.version).toBe(3);
    expect(extended.handleDue! > a.handleDue!).toBe(true);
    expect(await rejectionCode(await act(p.id, 'extend', { expectedVersion: 3, days: 5 }))).toBe(
      'petition.extensionUsed',
    );
    expect((await act(p.id, 'close', { expectedVersion: 3, satisfaction: 'satisfied' })).status).toBe(409);
    expect((await act(p.id, 'handle', { expectedVersion: 3 })).status).toBe(200);
    const noSatisfaction = await act(p.id, 'close', { expectedVersion: 4 });
    expect(noSatisfaction.status).toBe(422);
    expect(await rejectionCode(noSatisfaction)).toBe('petition.satisfactionRequired');
    const closed = (await (
      await act(p.id, 'close', { expectedVersion: 4, satisfaction: 'basically_satisfied' })
    ).json()) as View & {
      satisfaction: string;
    };
    expect([closed.state, closed.satisfaction, closed.version]).toEqual(['closed', 'basically_satisfied', 5]);

    const q = await create({ petitioner: { name: '钱七' } });
    const noReason = await act(q.id, 'not-accept', { expectedVersion: 1, reason: '  ' });
    expect([noReason.status, await rejectionCode(noReason)]).toEqual([422, 'petition.reasonRequired']);
    const refused = (await (
      await act(q.id, 'not-accept', { expectedVersion: 1, reason: '不属于信访事项' })
    ).json()) as View;
    expect(refused.state).toBe('not_accepted');
    expect((await act(q.id, 'accept', { expectedVersion: 2 })).status).toBe(409);

    const r = await create({ petitioner: { name: '孙八' } });
    const race = await Promise.all([1, 2, 3, 4, 5].map(() => act(r.id, 'accept', { expectedVersion: 1 })));
    expect(race.map((x) => x.status).sort()).toEqual([200, 409, 409, 409, 409]);
    for (const loser of race.filter((x) => x.status === 409)) {
      expect(((await loser.json()) as { current: View }).current.version).toBe(2);
    }
  });

  it('raises the alert and proposes the case once when a repeat reveals an earlier petition that missed its SLA', async () => {
    const tenure = (
      id: string,
      personId: string,
      post: 'principal' | 'deputy_in_charge',
      from: string,
      to: string | null,
    ) => createTenure(h.deps, null, { id, personId, unitId: 'ds-b', post, from, to }, personId);
    await tenure('t-b-1', 'pp-1', 'principal', '2023-01-01', null);
    await tenure('t-b-2', 'pp-2', 'deputy_in_charge', '2024-10-01', null);
    await tenure('t-b-3', 'pp-3', 'deputy_in_charge', '2022-01-01', '2024-06-30');
    const who = { name: '周九', idNumber: '110101199003071233' };
    const missed = await create({ unitId: 'ds-b', petitioner: who, receivedAt: '2025-01-05T09:00:00+08:00' });
    const repeat = await create({ unitId: 'ds-b', petitioner: who, receivedAt: '2025-03-01T09:00:00+08:00' });
    expect(repeat.repeatOf).toBe(missed.id);
    // An out-of-order petition between them repeats the same missed one: nothing is raised twice for it.
    await create({ unitId: 'ds-b', petitioner: who, receivedAt: '2025-02-01T09:00:00+08:00' });
    const items = await scanAll(h.deps);
    const alerts = recordsOf<Alert>(items, 'alert').filter((a) => a.rule === 'petition.slaMissed');
    const cases = recordsOf<AccountabilityCase>(items, 'case');
    const forMissed = alerts.filter((a) => a.subject.id === missed.id);
    expect(forMissed).toHaveLength(1);
    expect(forMissed[0]).toMatchObject({ unitId: 'ds-b', state: 'open', severity: 'critical' });
    const caseForMissed = cases.filter(
      (c) => c.trigger.kind === 'petition_sla_missed' && c.trigger.earlierPetitionId === missed.id,
    );
    expect(caseForMissed).toHaveLength(1);
    expect(caseForMissed[0]!.state).toBe('proposed');
    expect(caseForMissed[0]!.subjects.map((s) => [s.personId, s.post])).toEqual([
      ['pp-1', 'principal'],
      ['pp-2', 'deputy_in_charge'],
    ]);
    expect(new Set(alerts.map((a) => a.alertKey)).size).toBe(alerts.length);
    expect(new Set(cases.map((c) => c.triggerKey)).size).toBe(cases.length);
  });

  it('answers a batch item by item: accepted, duplicate with the original id, rejected with the field', async () => {
    const who = { name: '吴十', phone: '13600000000' };
    const items = [
      petition({ petitioner: who, externalId: 'B-1', receivedAt: '2025-04-01T09:00:00+08:00' }),
      petition({ petitioner: who, externalId: 'B-1', receivedAt: '2025-04-01T09:00:00+08:00' }),
      petition({ channel: 'pigeon' }),
      petition({ petitioner: { ...who, idNumber: '110101199003071234' } }),
      petition({ unitId: 'xs-a' }),
      petition({ petitioner: who, externalId: 'B-2', receivedAt: '2025-04-15T09:00:00+08:00' }),
      petition({ receivedAt: '2026-01-01T09:00:00+08:00' }),
    ];
    const res = await h.call('POST', '/api/v1/petitions/batch', { token: sup, body: { items } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expectNoClearIdentity(text);
    const out = (
      JSON.parse(text) as { items: { status: string; id?: string; field?: string; code?: string }[] }
    ).items;
    expect(out.map((o) => o.status)).toEqual([
      'accepted',
      'duplicate',
      'rejected',
      'rejected',
      'rejected',
      'accepted',
      'rejected',
    ]);
    expect(out[1]!.id).toBe(out[0]!.id);
    expect([out[2]!.field, out[3]!.field, out[4]!.field, out[6]!.field]).toEqual([
      'channel',
      'petitioner/idNumber',
      'unitId',
      'receivedAt',
    ]);
    expect(out[3]!.code).toBe('petition.invalidIdNumber');
    expect(out[6]!.code).toBe('instant.future');
    expect((await get(out[5]!.id!)).repeatOf).toBe(out[0]!.id);
    const again = await h.call('POST', '/api/v1/petitions/batch', {
      token: sup,
      body: { items: [items[0], items[5]] },
    });
    const second = (await again.json()) as { items: { status: string; id?: string }[] };
    expect(second.items.map((o) => [o.status, o.id])).toEqual([
      ['duplicate', out[0]!.id],
      ['duplicate', out[5]!.id],
    ]);
    const forbidden = await h.call('POST', '/api/v1/petitions/batch', {
      token: await h.token('inspector'),
      body: { items },
    });
    expect(forbidden.status).toBe(403);
  });

  it('keeps petitions from roles that do not handle them and from other jurisdictions', async () => {
    const p = await create({ petitioner: { name: '郑一' } });
    for (const role of ['unit_officer', 'viewer', 'reviewer', 'admin'] as const) {
      const token = await h.token(role);
      expect((await h.call('GET', '/api/v1/petitions', { token })).status).toBe(403);
      expect((await h.call('GET', `/api/v1/petitions/${p.id}`, { token })).status).toBe(403);
      expect((await post(petition(), token)).status).toBe(403);
    }
    for (const role of ['inspector'] as const) {
      const token = await h.token(role);
      const res = await h.call('GET', `/api/v1/petitions/${p.id}`, { token });
      expect(res.status).toBe(200);
      expect(((await res.json()) as View).petitioner.name).toBe('郑*');
      expect((await post(petition(), token)).status).toBe(403);
    }
    const other = await h.token('supervisor', 'xs');
    expect((await h.call('GET', `/api/v1/petitions/${p.id}`, { token: other })).status).toBe(404);
    expect((await act(p.id, 'accept', { expectedVersion: 1 }, other)).status).toBe(404);
    const page = (await (await h.call('GET', '/api/v1/petitions', { token: other })).json()) as {
      items: unknown[];
    };
    expect(page.items).toEqual([]);
  });

  it('lists by SLA state: a petition past its acceptance due is overdue', async () => {
    const old = await create({
      unitId: 'ds-fpb',
      petitioner: { name: '冯二' },
      receivedAt: '2025-04-01T09:00:00+08:00',
    });
    const fresh = await create({
      unitId: 'ds-fpb',
      petitioner: { name: '陈三' },
      receivedAt: '2025-05-14T09:00:00+08:00',
    });
    const ids = async (sla: string) =>
      (
        (await (
          await h.call('GET', `/api/v1/petitions?unitId=ds-fpb&sla=${sla}`, { token: sup })
        ).json()) as {
          items: { id: string; sla: { accept: { status: string } } }[];
        }
      ).items;
    const overdue = await ids('overdue');
    expect(overdue.map((i) => i.id)).toContain(old.id);
    expect(overdue.map((i) => i.id)).not.toContain(fresh.id);
    expect(overdue.find((i) => i.id === old.id)!.sla.accept.status).toBe('missed');
    expect((await ids('pending')).map((i) => i.id)).toContain(fresh.id);
    const bad = await h.call('GET', '/api/v1/petitions?sla=late', { token: sup });
    expect(bad.status).toBe(400);
  });

  it('keeps the aggregates equal to a rebuild from the stored records', async () => {
    const { stored, rebuilt } = await storedAndRebuilt(h.deps);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored).toEqual(rebuilt);
    expectNoClearIdentity(JSON.stringify(await scanAll(h.deps)));
  });
});
