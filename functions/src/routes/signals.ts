/** 舆情: ingest one or a batch (reposts counted on the original), list, read, triage and assign. */
import { createRoute, z } from '@hono/zod-openapi';
import { idSchema, signalInputSchema, signalSchema } from '@jiandu/shared';
import { newRouter } from '../app/app.js';
import type { Deps } from '../app/deps.js';
import { idemRef } from '../services/idempotency.js';
import {
  assignSignal,
  createSignal,
  getSignal,
  ingestSignals,
  listSignals,
  listTriage,
  signalListQuerySchema,
  triageQuerySchema,
} from '../services/signals.js';
import {
  batchRequestSchema,
  batchResponseSchema,
  idempotencyHeader,
  idParam,
  problemResponses,
} from './common.js';

const TAG = 'signals';
const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

export const signalViewSchema = signalSchema.extend({ version: z.number().int() }).openapi('Signal');
const pageSchema = z.object({ items: z.array(signalViewSchema), cursor: z.string().nullable() });

const create = createRoute({
  method: 'post',
  path: '/api/v1/signals',
  tags: [TAG],
  summary: 'Ingest a signal; a repost (same canonical URL or text) is counted on the original',
  security: [{ bearer: [] }],
  request: { headers: idempotencyHeader, body: { required: true, content: json(signalInputSchema) } },
  responses: {
    201: { description: 'Recorded', content: json(signalViewSchema) },
    200: {
      description: 'A duplicate ({ duplicateOf: the original id }) or a retry (the first result)',
      content: json(z.unknown()),
    },
    ...problemResponses,
  },
});

const batch = createRoute({
  method: 'post',
  path: '/api/v1/signals/batch',
  tags: [TAG],
  summary: 'Ingest up to 1000 signals, answered item by item (a repost: duplicate with the original id)',
  security: [{ bearer: [] }],
  request: { body: { required: true, content: json(batchRequestSchema) } },
  responses: {
    200: { description: 'Item by item', content: json(batchResponseSchema) },
    ...problemResponses,
  },
});

const list = createRoute({
  method: 'get',
  path: '/api/v1/signals',
  tags: [TAG],
  summary: 'Signals in your jurisdiction, newest publication first (state: triage | assigned)',
  security: [{ bearer: [] }],
  request: { query: signalListQuerySchema },
  responses: { 200: { description: 'A page', content: json(pageSchema) }, ...problemResponses },
});

const triage = createRoute({
  method: 'get',
  path: '/api/v1/signals/triage',
  tags: [TAG],
  summary: 'The triage queue: signals without a unit, in your jurisdiction',
  security: [{ bearer: [] }],
  request: { query: triageQuerySchema },
  responses: { 200: { description: 'A page', content: json(pageSchema) }, ...problemResponses },
});

const read = createRoute({
  method: 'get',
  path: '/api/v1/signals/{id}',
  tags: [TAG],
  summary: 'One signal',
  security: [{ bearer: [] }],
  request: { params: idParam },
  responses: { 200: { description: 'The signal', content: json(signalViewSchema) }, ...problemResponses },
});

const assign = createRoute({
  method: 'post',
  path: '/api/v1/signals/{id}/assign',
  tags: [TAG],
  summary: 'Give a triaged signal its unit (supervisor); a major negative one opens an alert and a task',
  security: [{ bearer: [] }],
  request: {
    params: idParam,
    body: {
      required: true,
      content: json(
        z.strictObject({ unitId: idSchema, expectedVersion: z.number().int().min(1).optional() }),
      ),
    },
  },
  responses: {
    200: { description: 'The signal after it', content: json(signalViewSchema) },
    ...problemResponses,
  },
});

export function signalRoutes(deps: Deps) {
  const r = newRouter();
  r.openapi(create, async (c) => {
    const body = c.req.valid('json');
    const p = c.get('principal');
    const res = await createSignal(
      deps,
      p,
      body,
      idemRef(c.req.header('idempotency-key'), `${p.id}:signals`, body),
    );
    return c.json(res.body as never, res.status as 201);
  });
  r.openapi(batch, async (c) => {
    const { items } = c.req.valid('json');
    return c.json({ items: await ingestSignals(deps, c.get('principal'), items) }, 200);
  });
  r.openapi(list, async (c) =>
    c.json((await listSignals(deps, c.get('principal'), c.req.valid('query'))) as never, 200),
  );
  // Registered before /{id}, so "triage" is never read as an id.
  r.openapi(triage, async (c) =>
    c.json((await listTriage(deps, c.get('principal'), c.req.valid('query'))) as never, 200),
  );
  r.openapi(read, async (c) =>
    c.json((await getSignal(deps, c.get('principal'), c.req.valid('param').id)) as never, 200),
  );
  r.openapi(assign, async (c) => {
    const view = await assignSignal(deps, c.get('principal'), c.req.valid('param').id, c.req.valid('json'));
    return c.json(view as never, 200);
  });
  return r;
}
