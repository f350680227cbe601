/** 预警: alerts in your jurisdiction, open first; supervisors acknowledge and resolve them. */
import { createRoute } from '@hono/zod-openapi';
import { alertSchema } from '@jiandu/shared';
import { newRouter } from '../app/app.js';
import type { Deps } from '../app/deps.js';
import { actOnAlert, alertActionBody, alertListSchema, getAlert, listAlerts } from '../services/alerts.js';
import { idParam, json, listRoute, problemResponses, readRoute } from './common.js';

const list = listRoute(
  'alerts',
  alertListSchema,
  alertSchema,
  'Alerts in your jurisdiction: open first, then acknowledged, then resolved; newest first in each',
);

const read = readRoute('alerts', alertSchema, 'Read one alert', 'The alert');

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
