/** 考核指标: targets (supervisors), plans and actuals (unit officers report their own), listed by year. */

import {
  duplicateOfSchema,
  idParam,
  indicatorChangeSchema,
  indicatorInputSchema,
  indicatorListQuerySchema,
  indicatorViewSchema,
} from '@jiandu/shared/api';
import { defineRoute } from '../app/authorize.js';
import type { Deps } from '../app/deps.js';
import { newRouter } from '../app/router.js';
import {
  changeIndicator,
  createIndicator,
  getIndicator,
  listIndicators,
} from '../services/indicators/indicators.js';
import { idemRef } from '../services/records/idempotency.js';
import { idempotencyHeader, json, listRoute, readRoute } from './common.js';

const create = defineRoute('indicator.manage', {
  method: 'post',
  path: '/api/v1/indicators',
  tags: ['indicators'],
  summary: 'Set an indicator of a unit and year: target, quarterly cumulative plan, actuals (supervisor)',
  request: { headers: idempotencyHeader, body: { required: true, content: json(indicatorInputSchema) } },
  responses: {
    201: {
      description: 'Created (a retry with the same Idempotency-Key answers the same)',
      content: json(indicatorViewSchema),
    },
    200: { description: 'A duplicate of a stored indicator: its id', content: json(duplicateOfSchema) },
  },
});

const change = defineRoute('indicator.report', {
  method: 'put',
  path: '/api/v1/indicators/{id}',
  tags: ['indicators'],
  summary: 'Change an indicator (supervisor), or report its actuals (the unit’s officer), at a version',
  request: { params: idParam, body: { required: true, content: json(indicatorChangeSchema) } },
  responses: { 200: { description: 'Changed', content: json(indicatorViewSchema) } },
});

const read = readRoute(
  'indicator.read',
  'indicators',
  indicatorViewSchema,
  'Read one indicator',
  'The indicator',
);

const list = listRoute(
  'indicator.read',
  'indicators',
  indicatorListQuerySchema,
  indicatorViewSchema,
  'Indicators in your jurisdiction, newest year first',
);

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
    return res.status === 201 ? c.json(res.body, 201) : c.json(res.body, 200);
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
