/** 单位: the unit tree in your jurisdiction; admins add units. */
import { unitSchema } from '@jiandu/shared';
import { unitListSchema } from '@jiandu/shared/api';
import { defineRoute } from '../app/authorize.js';
import type { Deps } from '../app/deps.js';
import { newRouter } from '../app/router.js';
import { createUnit, listUnits } from '../services/org/org.js';
import { json } from './common.js';

const list = defineRoute('unit.read', {
  method: 'get',
  path: '/api/v1/units',
  tags: ['units'],
  summary: 'Units of your jurisdiction (your home unit and everything below it)',
  responses: {
    200: {
      description: 'Units',
      content: json(unitListSchema),
    },
  },
});

const create = defineRoute('unit.manage', {
  method: 'post',
  path: '/api/v1/units',
  tags: ['units'],
  summary: 'Add a unit (admin)',
  request: { body: { required: true, content: json(unitSchema) } },
  responses: {
    201: { description: 'Created', content: json(unitSchema) },
  },
});

export function unitRoutes(deps: Deps) {
  const r = newRouter();
  r.openapi(list, async (c) => c.json({ items: await listUnits(deps, c.get('principal')) }, 200));
  r.openapi(create, async (c) =>
    c.json(await createUnit(deps, c.get('principal'), c.req.valid('json')), 201),
  );
  return r;
}
