/** 迁移记录: what each migration import did, and a check of its quarters' aggregates against a rebuild. */
import { idParam, importRunCheckSchema, importRunPageSchema, importRunQuerySchema } from '@jiandu/shared/api';
import { defineRoute } from '../app/authorize.js';
import type { Deps } from '../app/deps.js';
import { newRouter } from '../app/router.js';

const importRuns = () => import('../services/migrations/import-runs.js');

import { json } from './common.js';

const list = defineRoute('migration.read', {
  method: 'get',
  path: '/api/v1/migrations',
  tags: ['migrations'],
  summary: 'Committed migration imports in the jurisdiction, newest first',
  request: { query: importRunQuerySchema },
  responses: { 200: { description: 'A page of runs', content: json(importRunPageSchema) } },
});

const check = defineRoute('migration.read', {
  method: 'get',
  path: '/api/v1/migrations/{id}/check',
  tags: ['migrations'],
  summary: "Compares the stored aggregates of the run's quarters with a rebuild from the records",
  request: { params: idParam },
  responses: {
    200: {
      description: 'Per quarter, the units whose aggregate differs',
      content: json(importRunCheckSchema),
    },
  },
});

export function migrationRoutes(deps: Deps) {
  const r = newRouter();
  r.openapi(list, async (c) =>
    c.json(await (await importRuns()).listImportRuns(deps, c.get('principal'), c.req.valid('query')), 200),
  );
  r.openapi(check, async (c) =>
    c.json(await (await importRuns()).checkImportRun(deps, c.get('principal'), c.req.valid('param').id), 200),
  );
  return r;
}
