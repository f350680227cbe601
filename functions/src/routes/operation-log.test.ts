/**
 * Issue 12, finding 6 (operation log): identity reveals and every read of the log are in the log; the
 * `action` filter covers every action; entries never expire; only the audit administrator reads it.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { operationAction } from '@jiandu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../testing/harness.js';

let h: Harness;
let sup: string;
let audit: string;
beforeAll(async () => {
  h = await startHarness();
  sup = await h.token('supervisor');
  audit = await h.token('audit_admin');
});
afterAll(() => h.close());

const CLEAR = { name: '张三丰', phone: '13812345678', idNumber: '11010519491231002X' };

interface Entry {
  id: string;
  action: string;
  target: string;
  filter: Record<string, string>;
  reason?: string;
  rows: number;
  actorId: string;
  role: string;
  scopeUnitId: string;
}

async function log(query: string, token = audit) {
  const res = await h.call('GET', `/api/v1/operation-log${query}`, { token });
  expect(res.status).toBe(200);
  return (await res.json()) as { items: Entry[]; cursor: string | null };
}

describe('the operation log', () => {
  it('records each identity reveal — who, which petition, why — in the same write, without the identity', async () => {
    const created = await h.call('POST', '/api/v1/petitions', {
      token: sup,
      body: {
        petitioner: CLEAR,
        channel: 'visit',
        levelReceived: 'county',
        unitId: 'ds-a',
        category: 'embezzling',
        matter: '低保金被村干部截留',
        receivedAt: '2025-05-10T09:00:00+08:00',
      },
    });
    const { id } = (await created.json()) as { id: string };
    const reason = '核实信访人身份以便回访';
    const res = await h.call('POST', `/api/v1/petitions/${id}/reveal`, { token: sup, body: { reason } });
    expect(res.status).toBe(200);
    // A refused reveal (another county's supervisor) reveals nothing and logs nothing.
    const refused = await h.call('POST', `/api/v1/petitions/${id}/reveal`, {
      token: await h.token('supervisor', 'xs'),
      body: { reason },
    });
    expect(refused.status).toBe(404);

    const { items } = await log('?action=identity.reveal');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      action: 'identity.reveal',
      target: 'petition',
      filter: { id, fields: 'idNumber,name,phone' },
      reason,
      rows: 1,
      role: 'supervisor',
      scopeUnitId: 'ds-a',
    });
    const text = JSON.stringify(items);
    for (const clear of Object.values(CLEAR)) expect(text).not.toContain(clear);
    // The audit administrator of the other county does not see it.
    expect((await log('?action=identity.reveal', await h.token('audit_admin', 'xs'))).items).toEqual([]);
  });

  it('records every read of itself: who, with which filter, how many entries, and each further page', async () => {
    const reader = await h.token('audit_admin', 'ds-a');
    const first = await log('?action=identity.reveal&limit=1', reader);
    expect(first.items).toHaveLength(1);
    await log('?target=findings&from=2025-01-01', reader);
    const reads = (await log('?action=oplog.read&unitId=ds-a', reader)).items;
    // Newest first; the read that answered this page is logged after its answer.
    expect(reads.map((e) => [e.target, e.filter, e.rows])).toEqual([
      ['operation-log', { target: 'findings', from: '2025-01-01' }, 0],
      ['operation-log', { action: 'identity.reveal' }, 1],
    ]);
    expect(reads.every((e) => e.role === 'audit_admin' && e.scopeUnitId === 'ds-a')).toBe(true);
    const again = await log('?action=oplog.read&unitId=ds-a&limit=1', reader);
    expect(again.items[0]?.filter).toEqual({ action: 'oplog.read', unitId: 'ds-a' });
    expect(again.cursor).not.toBeNull();
    await log(`?action=oplog.read&unitId=ds-a&limit=1&cursor=${again.cursor}`, reader);
    const last = (await log('?action=oplog.read&unitId=ds-a&limit=1', reader)).items[0];
    expect(last?.filter).toEqual({ action: 'oplog.read', unitId: 'ds-a', page: 'next' });
  });

  it('is filterable by each of its actions, and refuses an action it does not know, naming the field', async () => {
    for (const action of operationAction.codes) {
      const { items } = await log(`?action=${action}&limit=500`);
      expect(
        items.every((e) => e.action === action),
        action,
      ).toBe(true);
    }
    expect((await log('?action=oplog.read')).items.length).toBeGreaterThan(0);
    const bad = await h.call('GET', '/api/v1/operation-log?action=delete', { token: audit });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { field: string }).field).toBe('action');
  });

  it('is read by the audit administrator alone', async () => {
    for (const role of ['supervisor', 'admin', 'inspector', 'security_admin', 'viewer'] as const) {
      const res = await h.call('GET', '/api/v1/operation-log', { token: await h.token(role) });
      expect([role, res.status]).toEqual([role, 403]);
    }
  });

  it('keeps its entries: no item of the log carries a TTL (kept beyond the 180 days of art. 21)', async () => {
    const r = await h.deps.doc.send(
      new ScanCommand({
        TableName: h.deps.tableName,
        FilterExpression: 'begins_with(pk, :p)',
        ExpressionAttributeValues: { ':p': 'oplog' },
      }),
    );
    const items = r.Items ?? [];
    expect(items.length).toBeGreaterThan(3);
    expect(items.filter((i) => 'ttl' in i)).toEqual([]);
  });
});
