/** The contract validator catches what drift looks like: a wrong type, a missing field, an undocumented status. */
import { describe, expect, it } from 'vitest';
import { type Answer, contractOf, type OpenApiDocument } from './contract.js';

const doc: OpenApiDocument = {
  paths: {
    '/api/v1/things/{id}': {
      get: {
        operationId: 'getThingsId',
        responses: {
          200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
          404: {
            content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
          },
        },
      },
    },
    '/api/v1/things/export.xlsx': {
      get: {
        responses: { 200: { content: { 'application/vnd.ms-excel': { schema: { type: 'string' } } } } },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          count: { type: 'integer' },
          at: { type: 'string', format: 'date-time' },
        },
        required: ['id', 'count'],
      },
      Problem: {
        type: 'object',
        properties: { code: { type: 'string' }, status: { type: 'integer' } },
        required: ['code', 'status'],
      },
    },
  },
};

const contract = contractOf(doc);
const answer = (a: Partial<Answer>): Answer => ({
  method: 'GET',
  path: '/api/v1/things/t1',
  status: 200,
  contentType: 'application/json',
  hasBody: true,
  ...a,
});

describe('the contract of an answer', () => {
  it('takes an answer that matches its documented status and schema', () => {
    expect(contract.check(answer({ body: { id: 't1', count: 2, at: '2025-05-15T02:00:00Z' } }))).toEqual([]);
    const notFound = answer({
      status: 404,
      contentType: 'application/problem+json',
      body: { code: 'x', status: 404 },
    });
    expect(contract.check(notFound)).toEqual([]);
  });

  it('refuses a field of the wrong type, naming the operation, the status and the field', () => {
    const [problem, ...rest] = contract.check(answer({ body: { id: 't1', count: 'two' } }));
    expect(rest).toEqual([]);
    expect(problem).toMatch(/GET \/api\/v1\/things\/\{id\} \(getThingsId\) answered 200/);
    expect(problem).toMatch(/\/count must be integer/);
  });

  it('refuses a missing required field and a malformed format', () => {
    expect(contract.check(answer({ body: { id: 't1' } })).join()).toMatch(
      /must have required property 'count'/,
    );
    expect(contract.check(answer({ body: { id: 't1', count: 1, at: 'yesterday' } })).join()).toMatch(
      /\/at must match format "date-time"/,
    );
  });

  it('refuses a status the operation does not document, and a content type it does not declare', () => {
    expect(contract.check(answer({ status: 409, body: { code: 'x', status: 409 } })).join()).toMatch(
      /answered 409: the status is not documented \(documented: 200, 404\)/,
    );
    expect(contract.check(answer({ contentType: 'text/html', body: undefined })).join()).toMatch(
      /content type text\/html is not one of application\/json/,
    );
  });

  it('checks a file by status and type only, prefers a literal path to a template, and ignores other paths', () => {
    const xlsx = answer({ path: '/api/v1/things/export.xlsx?x=1', contentType: 'application/vnd.ms-excel' });
    expect(contract.check(xlsx)).toEqual([]);
    expect(contract.check(answer({ path: '/api/health', status: 418, body: {} }))).toEqual([]);
  });

  it('reads a fetch Response without consuming it', async () => {
    const res = new Response(JSON.stringify({ id: 't1' }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
    expect((await contract.checkResponse('GET', '/api/v1/things/t1', res)).join()).toMatch(
      /required property 'count'/,
    );
    expect(await res.json()).toEqual({ id: 't1' });
  });
});
