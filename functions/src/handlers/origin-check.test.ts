import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { ApiApp } from '../app/app.js';
import { ORIGIN_HEADER } from '../aws/secrets.js';
import { apiGatewayEvent, lambdaContext } from './api-gateway-event.js';
import { apiHandler } from './api-handler.js';

const SECRET = 'cloudfront-and-the-api-share-this-0123456789abcdef';
const app = new Hono().get('/api/health', (c) => c.json({ ok: true })) as unknown as ApiApp;

const call = async (handler: ReturnType<typeof apiHandler>, headers: Record<string, string> = {}) =>
  (await handler(
    apiGatewayEvent('GET', '/api/health', { headers }),
    lambdaContext(),
  )) as APIGatewayProxyStructuredResultV2;

describe('the API behind CloudFront', () => {
  const handler = apiHandler(async () => app, undefined, { originSecret: async () => SECRET });

  it('serves a request that carries the origin secret CloudFront adds', async () => {
    const res = await call(handler, { [ORIGIN_HEADER]: SECRET });
    expect(res.statusCode).toBe(200);
  });

  it.each([
    ['without the header (straight to execute-api)', {}],
    ['with a wrong value', { [ORIGIN_HEADER]: 'guess' }],
    ['with the value one character short', { [ORIGIN_HEADER]: SECRET.slice(1) }],
  ])('refuses a request %s with 403 auth.originRequired, before the app runs', async (_what, headers) => {
    const res = await call(handler, headers);
    expect(res.statusCode).toBe(403);
    expect(res.headers?.['content-type']).toBe('application/problem+json');
    expect(JSON.parse(String(res.body)).code).toBe('auth.originRequired');
  });

  it('serves every request when no CloudFront is in front (no origin secret: the China stack)', async () => {
    const res = await call(apiHandler(async () => app));
    expect(res.statusCode).toBe(200);
  });
});
