/**
 * The router's declared routes (app/router.ts): what a route module declares is mounted with its
 * validators and kept as data — for the query guard, the access check at start, and the document,
 * which is made from the declarations alone.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { assertEveryRouteDeclared, defineRoute } from './authorize.js';
import { openApiDocument } from './openapi-document.js';
import { manifestRoutes } from './route-manifest.js';
import { RouteTable } from './route-table.js';
import { newRouter } from './router.js';

const body = z.strictObject({ name: z.string().min(2), size: z.number().int().optional() });

const post = defineRoute('public', {
  method: 'post',
  path: '/api/v1/things/{id}',
  request: {
    params: z.object({ id: z.string().regex(/^t\d+$/) }),
    query: z.object({ dryRun: z.enum(['true', 'false']).optional() }),
    body: { required: true, content: { 'application/json': { schema: body } } },
  },
  responses: { 200: { description: 'done', content: { 'application/json': { schema: body } } } },
});

const optionalBody = defineRoute('public', {
  method: 'post',
  path: '/api/v1/things',
  request: { body: { content: { 'application/json': { schema: z.object({ n: z.number().optional() }) } } } },
  responses: { 200: { description: 'done' } },
});

function thingRouter() {
  const r = newRouter();
  r.openapi(post, (c) => c.json({ ...c.req.valid('json'), name: `${c.req.valid('param').id}` }, 200));
  r.openapi(optionalBody, (c) => c.json(c.req.valid('json'), 200));
  return r;
}

const send = (app: ReturnType<typeof newRouter>, path: string, json?: unknown) =>
  app.request(path, {
    method: 'POST',
    ...(json === undefined
      ? {}
      : { body: JSON.stringify(json), headers: { 'content-type': 'application/json' } }),
  });

describe('the router', () => {
  it('runs the handler with the validated parts of a request', async () => {
    const res = await send(thingRouter(), '/api/v1/things/t1?dryRun=true', { name: 'ab', size: 3 });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ name: 't1', size: 3 });
  });

  it('answers a problem naming the field of each invalid part, without running the handler', async () => {
    const app = thingRouter();
    const cases: [string, unknown, string][] = [
      ['/api/v1/things/t1', { name: 'a' }, 'name'],
      ['/api/v1/things/t1', { name: 'ab', extra: 1 }, 'body'],
      ['/api/v1/things/x1', { name: 'ab' }, 'id'],
      ['/api/v1/things/t1?dryRun=maybe', { name: 'ab' }, 'dryRun'],
    ];
    for (const [path, json, field] of cases) {
      const res = await send(app, path, json);
      expect(res.status, path).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(((await res.json()) as { field: string }).field, path).toBe(field);
    }
  });

  it('takes an optional JSON body as absent when none is sent, and validates one that is', async () => {
    const app = thingRouter();
    expect(await (await send(app, '/api/v1/things')).json()).toEqual({});
    expect((await send(app, '/api/v1/things', { n: 'x' })).status).toBe(400);
    expect(await (await send(app, '/api/v1/things', { n: 2 })).json()).toEqual({ n: 2 });
  });

  it('keeps every declaration of the routers it includes, in order', () => {
    const app = newRouter().include(thingRouter());
    expect(app.declared.map((d) => `${d.method} ${d.path}`)).toEqual([
      'post /api/v1/things/{id}',
      'post /api/v1/things',
    ]);
    const table = new RouteTable(manifestRoutes(app.declared));
    const [entry] = table.all();
    expect(entry).toMatchObject({ method: 'POST', template: '/api/v1/things', paramNames: [] });
    expect([...table.match('POST', '/api/v1/things/t9')!.route.queryNames]).toEqual(['dryRun']);
  });

  it('refuses to start with a route declared without an access rule', () => {
    const app = thingRouter();
    expect(() => assertEveryRouteDeclared(app.declared)).not.toThrow();
    app.openapi({ method: 'get', path: '/api/v1/open', responses: { 200: { description: 'x' } } }, (c) =>
      c.json({}, 200),
    );
    expect(() => assertEveryRouteDeclared(app.declared)).toThrow('GET /api/v1/open');
  });

  it('describes its routes in the document from the declarations alone', () => {
    const doc = openApiDocument(thingRouter().declared);
    const paths = doc.paths as Record<string, { post: { parameters: { name: string }[] } }>;
    const op = paths['/api/v1/things/{id}']!.post;
    expect(op.parameters.map((p) => p.name).sort()).toEqual(['dryRun', 'id']);
    expect(doc.components?.securitySchemes).toHaveProperty('bearer');
  });
});
