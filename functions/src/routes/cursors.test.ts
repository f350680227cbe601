/**
 * Issue 12, finding 4: a cursor is good only for the list, filter and caller it was given to; any other
 * (another list's, another filter's, another caller's, forged or truncated) is a 400 naming `cursor`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../testing/harness.js';

let h: Harness;
let sup: string;
let cursor: string;

const finding = (i: number) => ({
  unitId: 'ds-a',
  category: 'formalism',
  severity: 'serious',
  source: 'inspection',
  description: `台账流于形式 ${i}`,
  amountFen: 0,
  discoveredOn: '2025-05-10',
});

async function page(path: string, token = sup) {
  const res = await h.call('GET', path, { token });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  h = await startHarness();
  sup = await h.token('supervisor');
  const inspector = await h.token('inspector');
  for (let i = 0; i < 3; i++) {
    const res = await h.call('POST', '/api/v1/findings', { token: inspector, body: finding(i) });
    expect(res.status).toBe(201);
  }
  const first = await page('/api/v1/findings?limit=1');
  cursor = String(first.body.cursor);
});
afterAll(() => h.close());

const refusedAsCursor = (r: { status: number; body: Record<string, unknown> }) =>
  expect({ status: r.status, code: r.body.code, field: r.body.field }).toEqual({
    status: 400,
    code: 'cursor.invalid',
    field: 'cursor',
  });

describe('list cursors', () => {
  it('are opaque and continue their own list for their own caller', async () => {
    expect(cursor).toMatch(/^c1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(cursor).not.toContain('finding');
    const next = await page(`/api/v1/findings?limit=1&cursor=${cursor}`);
    expect(next.status).toBe(200);
    expect((next.body.items as unknown[]).length).toBe(1);
  });

  it.each([
    '/api/v1/rectifications',
    '/api/v1/petitions',
    '/api/v1/signals',
    '/api/v1/signals/triage',
    '/api/v1/cases',
    '/api/v1/alerts',
    '/api/v1/fund-projects',
    '/api/v1/indicators',
    '/api/v1/cards',
    '/api/v1/bulletins',
    '/api/v1/job-runs',
  ])('from /findings are refused by %s with a 400 naming the cursor', async (path) => {
    refusedAsCursor(await page(`${path}?cursor=${cursor}`));
  });

  it('are refused under another filter or another page range', async () => {
    refusedAsCursor(await page(`/api/v1/findings?state=open&cursor=${cursor}`));
    refusedAsCursor(await page(`/api/v1/findings?unitId=ds-a&cursor=${cursor}`));
    refusedAsCursor(await page(`/api/v1/findings?from=2025-01-01&cursor=${cursor}`));
  });

  it('are refused for another caller, even one who may read the same list', async () => {
    refusedAsCursor(await page(`/api/v1/findings?limit=1&cursor=${cursor}`, await h.token('inspector')));
    refusedAsCursor(
      await page(`/api/v1/findings?limit=1&cursor=${cursor}`, await h.token('supervisor', 'city')),
    );
  });

  it('are refused forged, truncated or in the old unsigned form', async () => {
    const [v, payload, mac] = cursor.split('.') as [string, string, string];
    const forged = Buffer.from(JSON.stringify({ pk: 'finding#x', sk: 'state' })).toString('base64url');
    for (const bad of [
      `${v}.${forged}.${mac}`,
      cursor.slice(0, -3),
      `${v}.${payload}`,
      Buffer.from(Buffer.from(payload, 'base64url').toString()).toString('base64url'),
    ]) {
      refusedAsCursor(await page(`/api/v1/findings?limit=1&cursor=${encodeURIComponent(bad)}`));
    }
  });
});
