import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../testing/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const finding = (over: Record<string, unknown> = {}) => ({
  unitId: 'ds-a',
  category: 'formalism',
  severity: 'serious',
  source: 'inspection',
  description: '扶贫台账填报流于形式',
  amountFen: 0,
  discoveredOn: '2025-05-10',
  ...over,
});

describe('findings through the API', () => {
  it('logs a finding that opens a rectification, and lists it', async () => {
    const token = await h.token('inspector');
    const res = await h.call('POST', '/api/v1/findings', { token, body: finding() });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; rectificationId: string };
    expect(body.rectificationId).toBeTruthy();
    const list = await h.call('GET', '/api/v1/findings?limit=10', { token });
    const page = (await list.json()) as { items: { id: string }[] };
    expect(page.items.map((i) => i.id)).toContain(body.id);
    const hist = await h.call('GET', `/api/v1/findings/${body.id}/events`, { token });
    const events = (await hist.json()) as { items: { seq: number; action: string; hash: string }[] };
    expect(events.items.map((e) => [e.seq, e.action])).toEqual([[1, 'finding.create']]);
    // Read back, it names the rectification it opened by that rectification's title (对应整改), not only its id.
    const read = await h.call('GET', `/api/v1/findings/${body.id}`, { token });
    const rect = await h.call('GET', `/api/v1/rectifications/${body.rectificationId}`, { token });
    const title = ((await rect.json()) as { title: string }).title;
    expect(title).toBeTruthy();
    expect(((await read.json()) as { rectificationTitle: string }).rectificationTitle).toBe(title);
  });

  it('answers a retry with the same Idempotency-Key with the first result and stores nothing twice', async () => {
    const token = await h.token('inspector');
    const headers = { 'idempotency-key': 'retry-key-0001' };
    const a = await h.call('POST', '/api/v1/findings', {
      token,
      body: finding({ description: '重复提交' }),
      headers,
    });
    const b = await h.call('POST', '/api/v1/findings', {
      token,
      body: finding({ description: '重复提交' }),
      headers,
    });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(((await b.json()) as { id: string }).id).toBe(((await a.json()) as { id: string }).id);
    const other = await h.call('POST', '/api/v1/findings', {
      token,
      body: finding({ description: '另一个' }),
      headers,
    });
    expect(other.status).toBe(422);
    expect(((await other.json()) as { code: string }).code).toBe('idempotency.keyReused');
  });

  it('answers a batch item by item: accepted, duplicate with the original id, rejected with the field', async () => {
    const token = await h.token('inspector');
    const items = [
      finding({ externalId: 'A-1' }),
      finding({ externalId: 'A-1' }),
      finding({ severity: 'catastrophic' }),
      finding({ unitId: 'xs-a' }),
      finding({ externalId: 'A-2', unitId: 'ds-a-1' }),
    ];
    const res = await h.call('POST', '/api/v1/findings/batch', { token, body: { items } });
    expect(res.status).toBe(200);
    const { items: out } = (await res.json()) as { items: { status: string; id?: string; field?: string }[] };
    expect(out.map((o) => o.status)).toEqual(['accepted', 'duplicate', 'rejected', 'rejected', 'accepted']);
    expect(out[1]!.id).toBe(out[0]!.id);
    expect(out[2]!.field).toBe('severity');
    expect(out[3]!.field).toBe('unitId');
    const again = await h.call('POST', '/api/v1/findings/batch', {
      token,
      body: { items: [items[0], items[4]] },
    });
    const second = (await again.json()) as { items: { status: string; id?: string }[] };
    expect(second.items.map((o) => [o.status, o.id])).toEqual([
      ['duplicate', out[0]!.id],
      ['duplicate', out[4]!.id],
    ]);
  });

  it('refuses bad input with problem+json naming the field, and stores nothing', async () => {
    const token = await h.token('inspector');
    const res = await h.call('POST', '/api/v1/findings', { token, body: finding({ amountFen: 1.5 }) });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(((await res.json()) as { field: string }).field).toBe('amountFen');
    const unknown = await h.call('POST', '/api/v1/findings', { token, body: finding({ extra: 1 }) });
    expect(unknown.status).toBe(400);
    const notJson = await h.call('POST', '/api/v1/findings', { token, body: '{"unitId": ' });
    expect(notJson.status).toBe(400);
    const wrongType = await h.call('POST', '/api/v1/findings', {
      token,
      body: 'x',
      headers: { 'content-type': 'text/plain' },
    });
    expect(wrongType.status).toBe(415);
  });

  it('refuses a token signed by another key, and a request without one', async () => {
    const { generateSigningKey } = await import('../auth/signing-key.js');
    const { issueToken } = await import('../auth/tokens.js');
    const other = await generateSigningKey('intruder');
    const { token } = await issueToken(
      other,
      { issuer: 'jiandu-test', audience: 'jiandu' },
      { id: 'x', name: 'x', roles: ['admin'], unitId: 'city' },
      Math.floor(Date.parse('2025-05-15T02:00:00Z') / 1000),
    );
    const res = await h.call('GET', '/api/v1/findings', { token });
    expect(res.status).toBe(401);
    expect((await h.call('GET', '/api/v1/findings')).status).toBe(401);
  });

  it('keeps another county out of sight', async () => {
    const mine = await h.token('inspector');
    const created = await h.call('POST', '/api/v1/findings', {
      token: mine,
      body: finding({ description: '东山县问题' }),
    });
    const { id } = (await created.json()) as { id: string };
    const theirs = await h.token('inspector', 'xs');
    const list = (await (await h.call('GET', '/api/v1/findings', { token: theirs })).json()) as {
      items: { id: string }[];
    };
    expect(list.items.map((i) => i.id)).not.toContain(id);
    expect((await h.call('GET', `/api/v1/findings/${id}`, { token: theirs })).status).toBe(404);
    expect((await h.call('GET', `/api/v1/findings/${id}`, { token: mine })).status).toBe(200);
  });
});
