/** 预警: alerts in your jurisdiction, open first; supervisors acknowledge and resolve them. */
import { createRoute, z } from '@hono/zod-openapi';
import { alertSchema } from '@jiandu/shared';
import { newRouter } from '../app/app.js';
import type { Deps } from '../app/deps.js';
import { actOnAlert, alertActionBody, alertListSchema, getAlert, listAlerts } from '../services/alerts.js';
import { idParam, problemResponses } from './common.js';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

const list = createRoute({
  method: 'get',
  path: '/api/v1/alerts',
  tags: ['alerts'],
  summary: 'Alerts in your jurisdiction: open first, then acknowledged, then resolved; newest first in each',
  security: [{ bearer: [] }],
  request: { query: alertListSchema },
  responses: {
    200: {
      description: 'A page',
      content: json(z.object({ items: z.array(alertSchema), cursor: z.string().nullable() })),
    },
    ...problemResponses,
  },
});

const read = createRoute({
  method: 'get',
  path: '/api/v1/alerts/{id}',
  tags: ['alerts'],
  summary: 'Read one alert',
  security: [{ bearer: [] }],
  request: { params: idParam },
  responses: { 200: { description: 'The alert', content: json(alertSchema) }, ...problemResponses },
});

const step = (action: 'acknowledge' | 'resolve', summary: string) =>
  createRoute({
    method: 'post',
    path: `/api/v1/alerts/{id}/${action}`,
    tags: ['alerts'],
    summary,
    security: [{ bearer: [] }],
    request: { params: idParam, body: { required: true, content: json(alertActionBody) } },
    responses: {
      200: { description: 'The alert after the step', content: json(alertSchema) },
      ...problemResponses,
    },
  });

export function alertRoutes(deps: Deps) {
  const r = newRouter();
  r.openapi(list, async (c) => c.json(await listAlerts(deps, c.get('principal'), c.req.valid('query')), 200));
  r.openapi(read, async (c) =>
    c.json(await getAlert(deps, c.get('principal'), c.req.valid('param').id), 200),
  );
  for (const [action, summary] of [
    ['acknowledge', 'Acknowledge an open alert (supervisor)'],
    ['resolve', 'Resolve an alert, with an optional note (supervisor)'],
  ] as const) {
    r.openapi(step(action, summary), async (c) =>
      c.json(
        await actOnAlert(deps, c.get('principal'), c.req.valid('param').id, action, c.req.valid('json')),
        200,
      ),
    );
  }
  return r;
}
