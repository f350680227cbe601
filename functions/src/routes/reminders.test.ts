import { type LedgerEvent, verifyChain } from '@jiandu/shared';
import type { Reminder } from '@jiandu/shared/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchOutbox } from '../outbox/dispatcher.js';
import { notificationId } from '../outbox/notification.js';
import { createTenure } from '../services/org/org.js';
import { keys } from '../store/keys.js';
import { type Harness, startHarness } from '../testing/harness.js';

let h: Harness;
let supervisor: string;
let otherSupervisor: string;
let officer: string;

beforeAll(async () => {
  // Late on 20 May, so the next morning (the new principal's first day) is within the tokens' lifetime.
  h = await startHarness({ now: Date.parse('2025-05-20T23:00:00+08:00') });
  [supervisor, otherSupervisor, officer] = await Promise.all([
    h.token('supervisor'),
    h.token('supervisor', 'xs'),
    h.token('unit_officer', 'ds-a'),
  ]);
  // 青松镇: the principal changes mid-quarter (the old one to 2025-05-20, the new one from 05-21); a
  // deputy in charge throughout. 白石乡: a principal, the deputy post vacant.
  const tenures = [
    ['t-old', 'p-old', 'ds-a', 'principal', '2024-01-01', '2025-05-20', '王旧任'],
    ['t-new', 'p-new', 'ds-a', 'principal', '2025-05-21', null, '李新任'],
    ['t-dep', 'p-dep', 'ds-a', 'deputy_in_charge', '2024-01-01', null, '赵分管'],
    ['t-b', 'p-b', 'ds-b', 'principal', '2024-01-01', null, '钱主要'],
  ] as const;
  for (const [id, personId, unitId, post, from, to, name] of tenures)
    await createTenure(h.deps, null, { id, personId, unitId, post, from, to }, name);
});
afterAll(() => h.close());

async function rectification(unitId: string, token = supervisor): Promise<{ id: string; version: number }> {
  const res = await h.call('POST', '/api/v1/rectifications', {
    token,
    body: {
      source: { kind: 'import', id: null },
      unitId,
      title: '危房改造补助资金滞留未发放',
      deadline: '2025-06-30',
    },
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; version: number };
}

const remind = (body: unknown, token = supervisor, headers: Record<string, string> = {}) =>
  h.call('POST', '/api/v1/reminders', { token, body, headers });

async function history(id: string): Promise<LedgerEvent[]> {
  const res = await h.call('GET', `/api/v1/rectifications/${id}/events`, { token: supervisor });
  return ((await res.json()) as { items: LedgerEvent[] }).items;
}

const who = (r: Reminder) => r.recipients.map((p) => `${p.post}:${p.name}`);

describe('reminders (督办单/催办) through the API', () => {
  it('reaches the post holders of the day it is issued: the old principal before the change, the new one after', async () => {
    const r = await rectification('ds-a');
    const before = await remind({
      targets: [{ type: 'rectification', id: r.id }],
      message: '请于本周内报送进展',
    });
    expect(before.status).toBe(201);
    const [first] = ((await before.json()) as { items: Reminder[] }).items;
    expect(first!.day).toBe('2025-05-20');
    expect(who(first!)).toEqual(['principal:王旧任', 'deputy_in_charge:赵分管']);
    expect(first!.vacant).toEqual([]);
    expect(first!.unitId).toBe('ds-a');

    h.setNow(Date.parse('2025-05-21T00:30:00+08:00'));
    const after = await remind({ targets: [{ type: 'rectification', id: r.id }] });
    const [second] = ((await after.json()) as { items: Reminder[] }).items;
    expect(who(second!)).toEqual(['principal:李新任', 'deputy_in_charge:赵分管']);

    // Each is an event in the record's chain (the chain still verifies), the record's version unchanged.
    const events = await history(r.id);
    expect(events.filter((e) => e.action === 'reminder.issue')).toHaveLength(2);
    expect(verifyChain(events).ok).toBe(true);
    const now = (await (
      await h.call('GET', `/api/v1/rectifications/${r.id}`, { token: supervisor })
    ).json()) as {
      version: number;
    };
    expect(now.version).toBe(r.version);
    // … a notification in the outbox for each, addressed to the unit and naming the people …
    const n = await h.deps.store.item(keys.outbox(notificationId('reminder.issued', first!.id)));
    const note = n?.notification as { unitId: string; text: string } | undefined;
    expect(note?.unitId).toBe('ds-a');
    expect(note?.text).toContain('王旧任');
    // … and a record of its own, read back and listed on the record, newest first.
    const read = await h.call('GET', `/api/v1/reminders/${first!.id}`, { token: supervisor });
    expect(((await read.json()) as Reminder).message).toBe('请于本周内报送进展');
    const listed = await h.call('GET', `/api/v1/reminders?targetType=rectification&targetId=${r.id}`, {
      token: supervisor,
    });
    expect(((await listed.json()) as { items: Reminder[] }).items.map((x) => x.id)).toEqual([
      second!.id,
      first!.id,
    ]);
  });

  it('reports a vacant deputy post with the unit above, and still reaches the principal', async () => {
    const r = await rectification('ds-b');
    const res = await remind({ targets: [{ type: 'rectification', id: r.id }] });
    const [rem] = ((await res.json()) as { items: Reminder[] }).items;
    expect(who(rem!)).toEqual(['principal:钱主要']);
    expect(rem!.vacant).toEqual([{ post: 'deputy_in_charge', reportTo: 'ds' }]);
    const stored = await h.call('GET', `/api/v1/reminders/${rem!.id}`, { token: supervisor });
    expect(((await stored.json()) as Reminder).vacant).toEqual(rem!.vacant);
  });

  it('answers a record outside the jurisdiction 404 like a missing one, and stores nothing for any target', async () => {
    const mine = await rectification('ds-a');
    const theirs = await rectification('xs-a', otherSupervisor);
    const before = (await history(mine.id)).length;
    const outside = await remind({
      targets: [
        { type: 'rectification', id: mine.id },
        { type: 'rectification', id: theirs.id },
      ],
    });
    const missing = await remind({ targets: [{ type: 'rectification', id: 'no-such-record' }] });
    expect([outside.status, missing.status]).toEqual([404, 404]);
    expect(((await outside.json()) as { code: string }).code).toBe(
      ((await missing.json()) as { code: string }).code,
    );
    expect(await history(mine.id)).toHaveLength(before);
    const listed = await h.call('GET', `/api/v1/reminders?targetId=${mine.id}`, { token: supervisor });
    expect(((await listed.json()) as { items: Reminder[] }).items).toEqual([]);
  });

  it('answers a retry with the same Idempotency-Key with the first result and writes nothing twice', async () => {
    const r = await rectification('ds-a');
    const body = { targets: [{ type: 'rectification', id: r.id }] };
    const headers = { 'idempotency-key': 'remind-retry-0001' };
    const a = await remind(body, supervisor, headers);
    const b = await remind(body, supervisor, headers);
    expect([a.status, b.status]).toEqual([201, 201]);
    const [ja, jb] = [(await a.json()) as { items: Reminder[] }, (await b.json()) as { items: Reminder[] }];
    expect(jb).toEqual(ja);
    expect((await history(r.id)).filter((e) => e.action === 'reminder.issue')).toHaveLength(1);
    const other = await remind({ targets: body.targets, message: '另一请求' }, supervisor, headers);
    expect([other.status, ((await other.json()) as { code: string }).code]).toEqual([
      422,
      'idempotency.keyReused',
    ]);
  });

  it('refuses issuing to anyone but a supervisor, and a body without targets names the field', async () => {
    const r = await rectification('ds-a');
    const byOfficer = await remind({ targets: [{ type: 'rectification', id: r.id }] }, officer);
    expect(byOfficer.status).toBe(403);
    const empty = await remind({ targets: [] });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(await empty.json())).toContain('targets');
  });
});

describe('read receipts', () => {
  it('records who read a reminder and when: marked read, or opened in the inbox; others get 404', async () => {
    const r = await rectification('ds-a');
    const res = await remind({ targets: [{ type: 'rectification', id: r.id }] });
    const [rem] = ((await res.json()) as { items: Reminder[] }).items;
    const viewer = await h.token('viewer', 'ds-a');
    await dispatchOutbox(h.deps); // the outbox delivers it to the unit's inbox
    // The unit's officer opens it in the inbox: that is the read receipt.
    const inbox = (await (await h.call('GET', '/api/v1/inbox', { token: officer })).json()) as {
      items: { id: string; kind: string; subject: { id: string } }[];
    };
    const n = inbox.items.find((i) => i.kind === 'reminder.issued' && i.subject.id === rem!.id);
    expect(n).toBeDefined();
    expect((await h.call('POST', `/api/v1/inbox/${n!.id}/read`, { token: officer, body: {} })).status).toBe(
      200,
    );
    // The unit's leader (a viewer) marks it read; a second mark changes nothing.
    const marked = await h.call('POST', `/api/v1/reminders/${rem!.id}/read`, { token: viewer, body: {} });
    const again = await h.call('POST', `/api/v1/reminders/${rem!.id}/read`, { token: viewer, body: {} });
    const after = (await again.json()) as Reminder;
    expect(marked.status).toBe(200);
    expect(after.reads.map((x) => [x.name, x.at])).toEqual([
      ['青松镇责任单位联络员', '2025-05-21T00:30:00+08:00'],
      ['青松镇领导', '2025-05-21T00:30:00+08:00'],
    ]);
    // The supervisor (another unit) is no recipient: 404, nothing recorded.
    const bySupervisor = await h.call('POST', `/api/v1/reminders/${rem!.id}/read`, {
      token: supervisor,
      body: {},
    });
    expect(bySupervisor.status).toBe(404);
    const read = (await (
      await h.call('GET', `/api/v1/reminders/${rem!.id}`, { token: supervisor })
    ).json()) as Reminder;
    expect(read.reads).toHaveLength(2);
  });
});
