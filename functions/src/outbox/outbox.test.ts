import { createHmac } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Alert, formatInstant } from '@jiandu/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeAlert } from '../services/alerts/alerts.js';
import { keys, partitions } from '../store/keys.js';
import { SYSTEM_ACTOR } from '../store/record-store.js';
import { Tx } from '../store/tx.js';
import { type Harness, startHarness } from '../testing/harness.js';
import type { Delivery } from './deliveries.js';
import { dispatchOutbox } from './dispatcher.js';
import { emlMailer } from './mail.js';
import { DEFAULT_SETTINGS, type NotificationSettings } from './subscriptions.js';

/** A local robot endpoint: records every request; `answer` decides the reply. */
interface Received {
  path: string;
  query: URLSearchParams;
  body: unknown;
}
let server: Server;
let base: string;
const received: Received[] = [];
let answer: (r: Received) => { status: number; body: unknown } = () => ({
  status: 200,
  body: { errcode: 0, errmsg: 'ok' },
});

let h: Harness;
let mailDir: string;
const SECRET = 'SEC-test-secret-示范';
const NOW = Date.parse('2025-05-15T02:00:00Z');

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => {
      raw += c;
    });
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const r: Received = { path: url.pathname, query: url.searchParams, body: JSON.parse(raw) };
      received.push(r);
      const a = answer(r);
      res.writeHead(a.status, { 'content-type': 'application/json' }).end(JSON.stringify(a.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  h = await startHarness({ now: NOW });
  mailDir = mkdtempSync(join(tmpdir(), 'jiandu-mail-'));
  h.deps.mailer = emlMailer(mailDir, 'jiandu@test.invalid', h.deps.clock);
  h.deps.webhooks = {
    dingtalk: { url: `${base}/robot/send?access_token=dt-token`, secret: SECRET },
    wecom: { url: `${base}/cgi-bin/webhook/send?key=wc-key` },
  };
});
afterAll(async () => {
  h.close();
  rmSync(mailDir, { recursive: true, force: true });
  await new Promise<void>((r) => server.close(() => r()));
});
afterEach(() => {
  answer = () => ({ status: 200, body: { errcode: 0, errmsg: 'ok' } });
});

let n = 0;
/** Raises an alert through writeAlert (its notification in the same transaction), as the rules do. */
async function raise(unitId = 'ds-a', message = '整改逾期1天：村道硬化'): Promise<Alert> {
  const at = formatInstant(h.deps.clock(), 'Asia/Shanghai');
  const a: Alert = {
    id: h.deps.newId(),
    rule: 'test.rule',
    alertKey: `test.rule|${n++}|${unitId}`,
    subject: { kind: 'rectification', id: 'r1' },
    unitId,
    notifyUnitId: unitId,
    severity: 'warning',
    state: 'open',
    message,
    raisedAt: at,
    version: 1,
  };
  const tx = new Tx(h.deps.tableName);
  writeAlert(h.deps, tx, a, (await h.deps.units.pathOf(unitId)) ?? '', SYSTEM_ACTOR, at);
  await tx.commit(h.deps.doc);
  return a;
}

async function configure(settings: NotificationSettings) {
  const admin = await h.token('admin', 'city');
  const cur = await h.call('GET', '/api/v1/notifications/subscriptions', { token: admin });
  const { version } = (await cur.json()) as { version: number };
  const res = await h.call('PUT', '/api/v1/notifications/subscriptions', {
    token: admin,
    body: { ...settings, expectedVersion: version },
  });
  expect(res.status).toBe(200);
}

const robotsOnly = (maxAttempts = 5): NotificationSettings => ({
  rules: [
    {
      id: 'robots',
      kinds: ['alert.raised'],
      unitId: 'ds',
      roles: [],
      levelsUp: 0,
      channels: ['dingtalk', 'wecom'],
      emails: [],
    },
  ],
  retry: { maxAttempts, baseDelaySeconds: 60, maxDelaySeconds: 3600 },
});

async function deliveriesOf(alertId: string): Promise<Delivery[]> {
  const out: Delivery[] = [];
  for (const state of ['pending', 'sending', 'sent', 'dead'])
    for (const d of await h.deps.store.queryIndex<Delivery>(partitions.byState('delivery', state)))
      if (d.data.notification.subject.id === alertId || d.data.notificationId.endsWith(alertId))
        out.push(d.data);
  return out;
}

describe('the outbox', () => {
  it('writes the notification with the alert, and delivers it to the inboxes of the supervisors above', async () => {
    await configure(DEFAULT_SETTINGS);
    const a = await raise('ds-a');
    const pending = await h.deps.store.item(keys.outbox(`alert_raised-${a.id}`));
    expect(pending).toMatchObject({ gsi2pk: keys.outboxPendingPartition });
    const counts = await dispatchOutbox(h.deps);
    expect(counts).toMatchObject({ expanded: 1, deliveriesCreated: 2, sent: 2 });
    // The township's supervisors and the county's (levelsUp 1) get it; a county inspector does not.
    const supervisor = await h.token('supervisor', 'ds');
    const res = await h.call('GET', '/api/v1/inbox', { token: supervisor });
    const inbox = (await res.json()) as { items: { id: string; read: boolean }[]; unread: number };
    expect(inbox.items.map((i) => [i.id, i.read])).toEqual([[`alert_raised-${a.id}`, false]]);
    expect(inbox.unread).toBe(1);
    const inspector = await h.token('inspector', 'ds');
    const none = await h.call('GET', '/api/v1/inbox', { token: inspector });
    expect(((await none.json()) as { unread: number }).unread).toBe(0);
    // A second dispatch finds nothing to do.
    expect(await dispatchOutbox(h.deps)).toMatchObject({ expanded: 0, deliveriesCreated: 0, sent: 0 });
  });

  it('keeps read and unread per user', async () => {
    const a = await raise('ds-b', '整改逾期1天：饮水工程');
    await dispatchOutbox(h.deps);
    const id = `alert_raised-${a.id}`;
    const supervisor = await h.token('supervisor', 'ds');
    const read = await h.call('POST', `/api/v1/inbox/${id}/read`, { token: supervisor, body: {} });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { read: boolean }).read).toBe(true);
    expect((await h.call('POST', `/api/v1/inbox/${id}/read`, { token: supervisor, body: {} })).status).toBe(
      200,
    );
    const after = (await (await h.call('GET', '/api/v1/inbox', { token: supervisor })).json()) as {
      items: { id: string; read: boolean }[];
      unread: number;
    };
    expect(after.items.find((i) => i.id === id)?.read).toBe(true);
    expect(after.unread).toBe(1);
    const unreadOnly = await h.call('GET', '/api/v1/inbox?unread=true', { token: supervisor });
    expect(((await unreadOnly.json()) as { items: unknown[] }).items).toHaveLength(1);
    // The township supervisor has not read it; another county's supervisor never had it.
    const township = await h.token('supervisor', 'ds-b');
    const theirs = await h.call('GET', '/api/v1/inbox', { token: township });
    expect(((await theirs.json()) as { items: { id: string; read: boolean }[] }).items).toEqual([
      expect.objectContaining({ id, read: false }),
    ]);
    const other = await h.token('supervisor', 'xs');
    expect((await h.call('POST', `/api/v1/inbox/${id}/read`, { token: other, body: {} })).status).toBe(404);
  });

  it('sends DingTalk signed and WeCom in their formats, and email as an .eml file', async () => {
    await configure({
      ...robotsOnly(),
      rules: [
        {
          ...robotsOnly().rules[0]!,
          channels: ['dingtalk', 'wecom', 'email'],
          emails: ['duban@example.com'],
        },
      ],
    });
    received.length = 0;
    const a = await raise('ds-c', '重大负面舆情：红岭镇补助发放');
    const counts = await dispatchOutbox(h.deps);
    expect(counts).toMatchObject({ deliveriesCreated: 3, sent: 3, failed: 0 });
    const ding = received.find((r) => r.path === '/robot/send')!;
    expect(ding.query.get('access_token')).toBe('dt-token');
    const ts = ding.query.get('timestamp')!;
    expect(Number(ts)).toBe(h.deps.clock());
    const expected = createHmac('sha256', SECRET).update(`${ts}\n${SECRET}`).digest('base64');
    expect(ding.query.get('sign')).toBe(expected);
    expect(ding.body).toEqual({
      msgtype: 'markdown',
      markdown: { title: expect.stringContaining('红岭镇补助发放'), text: expect.stringContaining('### ') },
    });
    const wecom = received.find((r) => r.path === '/cgi-bin/webhook/send')!;
    expect(wecom.query.get('key')).toBe('wc-key');
    expect(wecom.body).toEqual({
      msgtype: 'markdown',
      markdown: { content: expect.stringContaining('红岭镇补助发放') },
    });
    const files = readdirSync(mailDir);
    expect(files).toHaveLength(1);
    const eml = readFileSync(join(mailDir, files[0]!), 'utf8');
    expect(eml).toMatch(/^To: duban@example\.com$/m);
    expect(eml).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(eml).toMatch(new RegExp(`Message-ID:\\s+<alert_raised-${a.id}\\.`));
  });

  it('retries with exponential back-off, then sends', async () => {
    await configure(robotsOnly());
    let calls = 0;
    answer = (r) => {
      if (r.path !== '/robot/send') return { status: 200, body: { errcode: 0 } };
      calls++;
      return calls <= 2 ? { status: 500, body: { errcode: -1 } } : { status: 200, body: { errcode: 0 } };
    };
    const t0 = NOW + 3_600_000;
    const a = await raise('ds-a', '整改逾期15天');
    expect(await dispatchOutbox(h.deps, t0)).toMatchObject({ sent: 1, failed: 1 });
    const ding = () => deliveriesOf(a.id).then((ds) => ds.find((d) => d.channel === 'dingtalk')!);
    expect(await ding()).toMatchObject({ state: 'pending', attempts: 1, dueMs: t0 + 60_000 });
    expect(await dispatchOutbox(h.deps, t0 + 59_000)).toMatchObject({ sent: 0, failed: 0 });
    expect(await dispatchOutbox(h.deps, t0 + 60_000)).toMatchObject({ failed: 1 });
    expect(await ding()).toMatchObject({ state: 'pending', attempts: 2, dueMs: t0 + 60_000 + 120_000 });
    expect(await dispatchOutbox(h.deps, t0 + 180_000)).toMatchObject({ sent: 1 });
    const done = await ding();
    expect(done).toMatchObject({ state: 'sent', attempts: 3, lastError: null });
    const history = await h.deps.store.history('delivery', done.id);
    expect(history.map((e) => e.action)).toEqual([
      'delivery.create',
      'delivery.claim',
      'delivery.fail',
      'delivery.claim',
      'delivery.fail',
      'delivery.claim',
      'delivery.send',
    ]);
  });

  it('dead-letters after the last try, and an admin retry sends it', async () => {
    await configure(robotsOnly(3));
    answer = (r) =>
      r.path === '/cgi-bin/webhook/send'
        ? { status: 502, body: 'bad gateway' }
        : { status: 200, body: { errcode: 0 } };
    const t0 = NOW + 2 * 3_600_000;
    const a = await raise('ds-a', '资金趴账');
    await dispatchOutbox(h.deps, t0);
    await dispatchOutbox(h.deps, t0 + 60_000);
    expect(await dispatchOutbox(h.deps, t0 + 180_000)).toMatchObject({ deadLettered: 1 });
    expect(await dispatchOutbox(h.deps, t0 + 3_600_000)).toMatchObject({ sent: 0, failed: 0 });
    const admin = await h.token('admin', 'city');
    const list = await h.call('GET', '/api/v1/notifications/dead-letters', { token: admin });
    expect(list.status).toBe(200);
    const dead = ((await list.json()) as { items: (Delivery & { version: number })[] }).items.find(
      (d) => d.notification.subject.id === a.id,
    )!;
    expect(dead).toMatchObject({ channel: 'wecom', state: 'dead', attempts: 3 });
    expect(dead.lastError).toContain('502');
    const stale = await h.call('POST', `/api/v1/notifications/dead-letters/${dead.id}/retry`, {
      token: admin,
      body: { expectedVersion: dead.version - 1 },
    });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { current: { state: string } }).current.state).toBe('dead');
    const supervisor = await h.token('supervisor', 'ds');
    const forbidden = await h.call('POST', `/api/v1/notifications/dead-letters/${dead.id}/retry`, {
      token: supervisor,
      body: { expectedVersion: dead.version },
    });
    expect(forbidden.status).toBe(403);
    const retried = await h.call('POST', `/api/v1/notifications/dead-letters/${dead.id}/retry`, {
      token: admin,
      body: { expectedVersion: dead.version },
    });
    expect(retried.status).toBe(200);
    expect(await retried.json()).toMatchObject({ state: 'pending', attempts: 0 });
    answer = () => ({ status: 200, body: { errcode: 0 } });
    expect(await dispatchOutbox(h.deps, t0 + 3_600_000)).toMatchObject({ sent: 1 });
    const again = await h.call('POST', `/api/v1/notifications/dead-letters/${dead.id}/retry`, {
      token: admin,
      body: { expectedVersion: dead.version + 3 },
    });
    expect([again.status, ((await again.json()) as { code: string }).code]).toEqual([
      409,
      'delivery.notDead',
    ]);
  });

  it('sends once when two dispatchers race for the same deliveries', async () => {
    await configure(robotsOnly());
    received.length = 0;
    const t0 = NOW + 4 * 3_600_000;
    const alerts = [];
    for (let i = 0; i < 5; i++) alerts.push(await raise('ds-a', `并发通知 ${i}`));
    const [x, y] = await Promise.all([dispatchOutbox(h.deps, t0), dispatchOutbox(h.deps, t0)]);
    expect(x.sent + y.sent).toBe(10);
    expect(received).toHaveLength(10);
    const texts = received.map((r) => JSON.stringify(r.body));
    expect(new Set(texts).size).toBe(10);
    expect(await dispatchOutbox(h.deps, t0 + 600_000)).toMatchObject({ sent: 0 });
    expect(received).toHaveLength(10);
  });

  it('tells the unit officers of an assigned rectification, then the reviewers when it is submitted', async () => {
    await configure(DEFAULT_SETTINGS);
    const sup = await h.token('supervisor', 'ds');
    const created = await h.call('POST', '/api/v1/rectifications', {
      token: sup,
      body: {
        source: { kind: 'import', id: null },
        unitId: 'ds-a',
        title: '危房改造资料补齐',
        deadline: '2025-06-30',
      },
    });
    expect(created.status).toBe(201);
    const rect = (await created.json()) as { id: string; version: number };
    await dispatchOutbox(h.deps, NOW + 5 * 3_600_000);
    const officer = await h.token('unit_officer', 'ds-a');
    const inboxOf = async (token: string) =>
      (
        (await (await h.call('GET', '/api/v1/inbox', { token })).json()) as {
          items: { kind: string; subject: { id: string } }[];
        }
      ).items
        .filter((i) => i.subject.id === rect.id)
        .map((i) => i.kind);
    expect(await inboxOf(officer)).toEqual(['rectification.assigned']);
    let version = rect.version;
    for (const action of [{ type: 'start' }, { type: 'submit' }]) {
      const res = await h.call('POST', `/api/v1/rectifications/${rect.id}/actions`, {
        token: officer,
        body: { action, expectedVersion: version },
      });
      expect(res.status).toBe(200);
      version = ((await res.json()) as { version: number }).version;
    }
    await dispatchOutbox(h.deps, NOW + 5 * 3_600_000);
    expect(await inboxOf(await h.token('reviewer', 'ds'))).toEqual(['rectification.submitted']);
    expect(await inboxOf(officer)).toEqual(['rectification.assigned']);
  });

  it("tells the unit officers of the rectification a finding opens, in the finding's transaction", async () => {
    const res = await h.call('POST', '/api/v1/findings', {
      token: await h.token('inspector', 'ds'),
      body: {
        unitId: 'ds-b',
        category: 'inaction',
        severity: 'serious',
        source: 'inspection',
        description: '白石乡危房改造台账不全',
        discoveredOn: '2025-05-10',
      },
    });
    expect(res.status).toBe(201);
    const { rectificationId } = (await res.json()) as { rectificationId: string };
    expect(
      await h.deps.store.item(keys.outbox(`rectification_assigned-${rectificationId}-1`)),
    ).not.toBeNull();
    await dispatchOutbox(h.deps, NOW + 5 * 3_600_000);
    const inbox = await h.call('GET', '/api/v1/inbox', { token: await h.token('unit_officer', 'ds-b') });
    const items = ((await inbox.json()) as { items: { kind: string; subject: { id: string } }[] }).items;
    expect(items.map((i) => [i.kind, i.subject.id])).toEqual([['rectification.assigned', rectificationId]]);
  });

  it('refuses bad settings with the field named, and stores nothing', async () => {
    const admin = await h.token('admin', 'city');
    const cur = (await (
      await h.call('GET', '/api/v1/notifications/subscriptions', { token: admin })
    ).json()) as {
      version: number;
    };
    const bad = await h.call('PUT', '/api/v1/notifications/subscriptions', {
      token: admin,
      body: {
        ...robotsOnly(),
        rules: [{ ...robotsOnly().rules[0]!, channels: ['fax'] }],
        expectedVersion: cur.version,
      },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { field: string }).field).toContain('channels');
    const unknownUnit = await h.call('PUT', '/api/v1/notifications/subscriptions', {
      token: admin,
      body: {
        ...robotsOnly(),
        rules: [{ ...robotsOnly().rules[0]!, unitId: 'nowhere' }],
        expectedVersion: cur.version,
      },
    });
    expect(unknownUnit.status).toBe(404);
    expect(((await unknownUnit.json()) as { field: string }).field).toBe('rules/0/unitId');
    const stale = await h.call('PUT', '/api/v1/notifications/subscriptions', {
      token: admin,
      body: { ...robotsOnly(), expectedVersion: cur.version - 1 },
    });
    expect(stale.status).toBe(409);
    const after = (await (
      await h.call('GET', '/api/v1/notifications/subscriptions', { token: admin })
    ).json()) as {
      version: number;
    };
    expect(after.version).toBe(cur.version);
  });
});
