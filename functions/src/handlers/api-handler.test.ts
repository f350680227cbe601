import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../testing/harness.js';
import { apiGatewayEvent, type EventInit, lambdaContext } from './api-gateway-event.js';
import { apiHandler } from './api-handler.js';

let h: Harness;
let handler: ReturnType<typeof apiHandler>;
beforeAll(async () => {
  h = await startHarness();
  handler = apiHandler(async () => h.app);
});
afterAll(() => h.close());

async function send(method: string, url: string, init?: EventInit) {
  const res = (await handler(
    apiGatewayEvent(method, url, init),
    lambdaContext(),
  )) as APIGatewayProxyStructuredResultV2;
  const text = res.isBase64Encoded
    ? Buffer.from(res.body ?? '', 'base64').toString('utf8')
    : (res.body ?? '');
  return {
    status: res.statusCode,
    headers: res.headers ?? {},
    json: (text ? JSON.parse(text) : {}) as Record<string, unknown>,
  };
}

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

describe('the HTTP API Lambda handler (API Gateway v2 events, DynamoDB Local)', () => {
  it('answers the public health route with the security headers of the app', async () => {
    const res = await send('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ok: true });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves the OpenAPI document without a token', async () => {
    const res = await send('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ openapi: '3.1.0' });
  });

  it('creates a record with a bearer token, then reads it back by id and in a filtered list', async () => {
    const token = await h.token('inspector');
    const created = await send('POST', '/api/v1/findings', { token, body: finding() });
    expect(created.status).toBe(201);
    const id = String(created.json.id);
    const read = await send('GET', `/api/v1/findings/${id}`, { token });
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({ id, unitId: 'ds-a' });
    const list = await send('GET', '/api/v1/findings?unitId=ds-a&limit=10', { token });
    expect(list.status).toBe(200);
    expect((list.json.items as { id: string }[]).map((i) => i.id)).toContain(id);
  });

  it('takes a base64-encoded body and honours the Idempotency-Key across retries', async () => {
    const token = await h.token('inspector');
    const init = {
      token,
      body: finding({ description: '经网关重试的提交' }),
      headers: { 'Idempotency-Key': 'lambda-retry-0001' },
      base64: true,
    };
    const first = await send('POST', '/api/v1/findings', init);
    const retry = await send('POST', '/api/v1/findings', init);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.json.id).toBe(first.json.id);
  });

  it('answers bad input with problem+json naming the field, and stores nothing', async () => {
    const token = await h.token('inspector');
    const before = await send('GET', '/api/v1/findings?limit=100', { token });
    const res = await send('POST', '/api/v1/findings', {
      token,
      body: finding({ severity: 'catastrophic' }),
    });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.stringify(res.json)).toContain('severity');
    const after = await send('GET', '/api/v1/findings?limit=100', { token });
    expect((after.json.items as unknown[]).length).toBe((before.json.items as unknown[]).length);
  });

  it('refuses a protected route without a token, and answers an unknown route with 404', async () => {
    const anonymous = await send('GET', '/api/v1/findings');
    expect(anonymous.status).toBe(401);
    expect(anonymous.json.code).toBe('auth.unauthenticated');
    const missing = await send('GET', '/api/nowhere');
    expect(missing.status).toBe(404);
    expect(missing.json.code).toBe('route.notFound');
  });
});
