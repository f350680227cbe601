/** 单位: the unit tree in your jurisdiction; admins add units. */
import { unitSchema } from '@jiandu/shared';
import {
  idParam,
  unitListSchema,
  unitMergeInputSchema,
  unitMoveInputSchema,
  unitMoveSchema,
} from '@jiandu/shared/api';
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

const move = defineRoute('unit.manage', {
  method: 'post',
  path: '/api/v1/units/{id}/move',
  tags: ['units'],
  summary:
    'Move a unit under another parent from a day on (撤县设区; admin): its records follow, earlier quarters keep the old tree. The same request again resumes or answers the move.',
  request: { params: idParam, body: { required: true, content: json(unitMoveInputSchema) } },
  responses: { 200: { description: 'The move, done', content: json(unitMoveSchema) } },
});

const merge = defineRoute('unit.manage', {
  method: 'post',
  path: '/api/v1/units/merge',
  tags: ['units'],
  summary:
    'Merge units into one from a day on (撤乡并镇; admin): the sources end, their records and children pass to the target. The same request again resumes or answers the merge.',
  request: { body: { required: true, content: json(unitMergeInputSchema) } },
  responses: { 200: { description: 'The merge, done', content: json(unitMoveSchema) } },
});

/** Moves and merges, an administrator's rare operations: loaded on first use (DESIGN §8's bundle bar). */
const moves = () => import('../services/org/moves.js');

export function unitRoutes(deps: Deps) {
  const r = newRouter();
  r.openapi(list, async (c) => c.json({ items: await listUnits(deps, c.get('principal')) }, 200));
  r.openapi(create, async (c) =>
    c.json(await createUnit(deps, c.get('principal'), c.req.valid('json')), 201),
  );
  r.openapi(move, async (c) =>
    c.json(
      await (await moves()).moveUnit(deps, c.get('principal'), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  );
  r.openapi(merge, async (c) =>
    c.json(await (await moves()).mergeUnits(deps, c.get('principal'), c.req.valid('json')), 200),
  );
  return r;
}
