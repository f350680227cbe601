/** 预警: alerts in your jurisdiction, open first; supervisors acknowledge and resolve them. */
import { alertListQuerySchema, alertSchema, alertStepRequestSchema } from '@jiandu/shared/api';
import type { Deps } from '../app/deps.js';
import { newRouter } from '../app/router.js';
import { actOnAlert, getAlert, listAlerts } from '../services/alerts/alerts.js';
import { actionRoute, listRoute, readRoute } from './common.js';

const list = listRoute(
  'alert.read',
  'alerts',
  alertListQuerySchema,
  alertSchema,
  'Alerts in your jurisdiction: open first, then acknowledged, then resolved; newest first in each',
);

const read = readRoute('alert.read', 'alerts', alertSchema, 'Read one alert', 'The alert');

const step = (action: 'acknowledge' | 'resolve', summary: string) =>
  actionRoute('alert.act', 'alerts', action, alertStepRequestSchema, alertSchema, {
    summary,
    after: 'The alert after the step',
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
