/** 操作日志: the operation log of exports and imports, for admins and supervisors, in their jurisdiction. */
import { operationLogQuerySchema, operationPageSchema } from '@jiandu/shared/api';
import { defineRoute } from '../app/authorize.js';
import type { Deps } from '../app/deps.js';
import { newRouter } from '../app/router.js';
import { listOperations } from '../sheets/oplog.js';
import { json } from './common.js';

const list = defineRoute('oplog.read', {
  method: 'get',
  path: '/api/v1/operation-log',
  tags: ['operation-log'],
  summary: 'Exports and imports (who, what, which filter, how many rows), newest first',
  request: { query: operationLogQuerySchema },
  responses: {
    200: { description: 'A page', content: json(operationPageSchema) },
  },
});

export function operationLogRoutes(deps: Deps) {
  const r = newRouter();
  r.openapi(list, async (c) =>
    c.json(await listOperations(deps, c.get('principal'), c.req.valid('query')), 200),
  );
  return r;
}
