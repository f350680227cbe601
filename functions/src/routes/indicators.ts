/** 考核指标: targets (supervisors), plans and actuals (unit officers report their own), listed by year. */
import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../app/app.js';
import type { Deps } from '../app/deps.js';
import { idemRef } from '../services/idempotency.js';
import {
  changeIndicator,
  createIndicator,
  getIndicator,
  indicatorChangeSchema,
  indicatorInputSchema,
  indicatorListSchema,
  indicatorViewSchema,
  listIndicators,
} from '../services/indicators.js';
import { idempotencyHeader, idParam, problemResponses } from './common.js';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

const create = createRoute({
  method: 'post',
  path: '/api/v1/indicators',
  tags: ['indicators'],
  summary: 'Set an indicator of a unit and year: target, quarterly cumulative plan, actuals (supervisor)',
  security: [{ bearer: [] }],
  request: { headers: idempotencyHeader, body: { required: true, content: json(indicatorInputSchema) } },
  responses: { 201: { description: 'Created', content: json(indicatorViewSchema) }, ...problemResponses },
});

const change = createRoute({
  method: 'put',
  path: '/api/v1/indicators/{id}',
  tags: ['indicators'],
  summary: 'Change an indicator (supervisor), or report its actuals (the unit’s officer), at a version',
  security: [{ bearer: [] }],
  request: { params: idParam, body: { required: true, content: json(indicatorChangeSchema) } },
  responses: { 200: { description: 'Changed', content: json(indicatorViewSchema) }, ...problemResponses },
});

const read = createRoute({
  method: 'get',
  path: '/api/v1/indicators/{id}',
  tags: ['indicators'],
  summary: 'Read one indicator',
  security: [{ bearer: [] }],
  request: { params: idParam },
  responses: {
    200: { description: 'The indicator', content: json(indicatorViewSchema) },
    ...problemResponses,
  },
});

const list = createRoute({
  method: 'get',
  path: '/api/v1/indicators',
  tags: ['indicators'],
  summary: 'Indicators in your jurisdiction, newest year first',
  security: [{ bearer: [] }],
  request: { query: indicatorListSchema },
  responses: {
    200: {
      description: 'A page',
      content: json(z.object({ items: z.array(indicatorViewSchema), cursor: z.string().nullable() })),
    },
    ...problemResponses,
  },
});

export function indicatorRoutes(deps: Deps) {
  const r = newRouter();
  r.openapi(create, async (c) => {
    const body = c.req.valid('json');
    const p = c.get('principal');
    const res = await createIndicator(
      deps,
      p,
      body,
      idemRef(c.req.header('idempotency-key'), `${p.id}:indicators`, body),
    );
    return c.json(res.body as never, res.status as 201);
  });
  r.openapi(change, async (c) =>
    c.json(
      await changeIndicator(deps, c.get('principal'), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  );
  r.openapi(read, async (c) =>
    c.json(await getIndicator(deps, c.get('principal'), c.req.valid('param').id), 200),
  );
  r.openapi(list, async (c) =>
    c.json(await listIndicators(deps, c.get('principal'), c.req.valid('query')), 200),
  );
  return r;
}
