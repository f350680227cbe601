import { describe, expect, it } from 'vitest';
import { ApiError, createApiClient, fieldErrorsOf, NetworkError } from './api-client.js';

const problem = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } });

function clientAnswering(res: Response | Error) {
  const calls: { url: string; init: RequestInit }[] = [];
  let signedOut = 0;
  const client = createApiClient({
    token: () => 'tok',
    onUnauthenticated: () => {
      signedOut++;
    },
    fetch: async (url, init) => {
      calls.push({ url: String(url), init: init ?? {} });
      if (res instanceof Error) throw res;
      return res;
    },
  });
  return { client, calls, signedOut: () => signedOut };
}

describe('the API client', () => {
  it('turns a problem+json 400 into field errors a form can show next to its fields', async () => {
    const { client } = clientAnswering(
      problem(400, {
        type: 'https://jiandu.example/problems/request.invalid',
        title: 'Bad request',
        status: 400,
        code: 'request.invalid',
        detail: 'invalid body: amountFen: expected an integer',
        field: 'amountFen',
        errors: [
          { field: 'amountFen', message: 'expected an integer', code: 'invalid_type' },
          { field: 'petitioner/phone', message: 'a phone number', code: 'invalid_format' },
        ],
      }),
    );
    const err = await client.post('/api/v1/findings', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    const e = err as ApiError;
    expect(e.status).toBe(400);
    expect(e.code).toBe('request.invalid');
    expect(e.field).toBe('amountFen');
    expect(fieldErrorsOf(e)).toEqual([
      { name: ['amountFen'], errors: ['expected an integer'] },
      { name: ['petitioner', 'phone'], errors: ['a phone number'] },
    ]);
  });

  it('names the field of a domain refusal that carries only `field`', async () => {
    const { client } = clientAnswering(
      problem(422, {
        status: 422,
        code: 'rectification.reasonRequired',
        field: 'reason',
        detail: 'a reason',
      }),
    );
    const e = (await client.post('/x', {}).catch((x: unknown) => x)) as ApiError;
    expect(e.code).toBe('rectification.reasonRequired');
    expect(fieldErrorsOf(e)).toEqual([{ name: ['reason'], errors: ['a reason'] }]);
  });

  it('keeps the current state of a 409 so the user can retry on it', async () => {
    const current = { id: 'r1', state: 'submitted', version: 4 };
    const { client } = clientAnswering(problem(409, { status: 409, code: 'conflict.version', current }));
    const e = (await client.post('/x', {}).catch((x: unknown) => x)) as ApiError;
    expect(e.isConflict).toBe(true);
    expect(e.current).toEqual(current);
    expect(fieldErrorsOf(e)).toEqual([]);
  });

  it('reports no answer at all as a NetworkError (the offline outbox keeps the write)', async () => {
    const { client } = clientAnswering(new TypeError('Failed to fetch'));
    await expect(client.get('/x')).rejects.toBeInstanceOf(NetworkError);
  });

  it('signs out on 401 and sends the bearer token, the JSON body and the Idempotency-Key', async () => {
    const { client, calls, signedOut } = clientAnswering(
      problem(401, { status: 401, code: 'auth.unauthenticated' }),
    );
    await client.post('/api/v1/findings', { a: 1 }, { 'idempotency-key': 'k-123456' }).catch(() => undefined);
    expect(signedOut()).toBe(1);
    const headers = calls[0]?.init.headers as Record<string, string>;
    expect(headers.authorization).toBe('Bearer tok');
    expect(headers['idempotency-key']).toBe('k-123456');
    expect(headers['content-type']).toBe('application/json');
    expect(calls[0]?.init.body).toBe('{"a":1}');
  });

  it('leaves empty filters out of the query string', async () => {
    const { client, calls } = clientAnswering(new Response('{"items":[],"cursor":null}', { status: 200 }));
    await client.get('/api/v1/findings', { unitId: 'u1', state: undefined, category: '', limit: 100 });
    expect(calls[0]?.url).toBe('/api/v1/findings?unitId=u1&limit=100');
  });
});
