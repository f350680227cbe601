import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../testing/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe('Cache-Control on every API answer', () => {
  it.each([
    ['health', 'GET', '/api/health', 200],
    ['the OpenAPI document', 'GET', '/api/openapi.json', 200],
    ['a list without a token', 'GET', '/api/v1/units', 401],
    ['a failed sign-in', 'POST', '/api/v1/auth/sign-in', 401],
    ['an unknown API route', 'GET', '/api/no-such-thing', 404],
  ])('is no-store on %s', async (_what, method, path, status) => {
    const body = method === 'POST' ? { username: 'nobody', password: 'wrong-password-1' } : undefined;
    const res = await h.call(method, path, body === undefined ? {} : { body });
    expect(res.status).toBe(status);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('is no-store on a signed-in answer, whatever the route', async () => {
    const res = await h.call('GET', '/api/v1/units', { token: await h.token('supervisor') });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('is no-store on a refused body', async () => {
    const res = await h.call('POST', '/api/v1/units', {
      body: 'x',
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.status).toBe(415);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
