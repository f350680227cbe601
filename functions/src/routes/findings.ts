/** 督查发现: log one, ingest a batch, list, read. */
import { createRoute, z } from '@hono/zod-openapi';
import { findingInputSchema, findingSchema } from '@jiandu/shared';
import { newRouter } from '../app/app.js';
import type { Deps } from '../app/deps.js';
import { createFinding, ingestFindings } from '../services/findings.js';
import { idemRef } from '../services/idempotency.js';
import { listQuerySchema, listRecords } from '../services/lists.js';
import { batchRequestSchema, batchResponseSchema, idempotencyHeader, problemResponses } from './common.js';

const create = createRoute({
  method: 'post',
  path: '/api/v1/findings',
  tags: ['findings'],
  summary: 'Log a finding; it opens a rectification',
  security: [{ bearer: [] }],
  request: {
    headers: idempotencyHeader,
    body: { required: true, content: { 'application/json': { schema: findingInputSchema } } },
  },
  responses: {
    201: { description: 'Created', content: { 'application/json': { schema: findingSchema } } },
    200: {
      description: 'A retry: the first result',
      content: { 'application/json': { schema: z.unknown() } },
    },
    ...problemResponses,
  },
});

const batch = createRoute({
  method: 'post',
  path: '/api/v1/findings/batch',
  tags: ['findings'],
  summary: 'Ingest up to 1000 findings, answered item by item',
  security: [{ bearer: [] }],
  request: { body: { required: true, content: { 'application/json': { schema: batchRequestSchema } } } },
  responses: {
    200: { description: 'Item by item', content: { 'application/json': { schema: batchResponseSchema } } },
    ...problemResponses,
  },
});

const list = createRoute({
  method: 'get',
  path: '/api/v1/findings',
  tags: ['findings'],
  summary: 'Findings in your jurisdiction, newest first',
  security: [{ bearer: [] }],
  request: { query: listQuerySchema },
  responses: {
    200: {
      description: 'A page',
      content: {
        'application/json': {
          schema: z.object({ items: z.array(findingSchema), cursor: z.string().nullable() }),
        },
      },
    },
    ...problemResponses,
  },
});

export function findingRoutes(deps: Deps) {
  const r = newRouter();
  r.openapi(create, async (c) => {
    const body = c.req.valid('json');
    const p = c.get('principal');
    const res = await createFinding(
      deps,
      p,
      body,
      idemRef(c.req.header('idempotency-key'), `${p.id}:findings`, body),
    );
    return c.json(res.body as never, res.status as 201);
  });
  r.openapi(batch, async (c) => {
    const { items } = c.req.valid('json');
    return c.json({ items: await ingestFindings(deps, c.get('principal'), items) }, 200);
  });
  r.openapi(list, async (c) => {
    const page = await listRecords(deps, c.get('principal'), 'finding', c.req.valid('query'));
    return c.json(page as never, 200);
  });
  return r;
}
