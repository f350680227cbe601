/** 整改: assign, list, read (with the caller's allowed actions), and every action of the workflow. */
import { z } from '@hono/zod-openapi';
import {
  rectificationActionSchema,
  rectificationActionTypes,
  rectificationInputSchema,
  rectificationSchema,
} from '@jiandu/shared';
import { newRouter } from '../app/app.js';
import { defineRoute } from '../app/authorize.js';
import type { Deps } from '../app/deps.js';
import { idemRef } from '../services/idempotency.js';
import { rectificationListQuerySchema } from '../services/rectification-list.js';
import {
  actOnRectification,
  createRectification,
  getRectification,
  listRectifications,
} from '../services/rectifications.js';
import { actionRoute, idempotencyHeader, json, pageOf, readRoute } from './common.js';

const viewSchema = rectificationSchema
  .extend({
    allowedActions: z.array(z.enum(rectificationActionTypes)),
    daysOverdue: z.number().int().min(0),
    /** The current names of the users the record names, by id. */
    names: z.record(z.string(), z.string()),
  })
  .openapi('RectificationView');

const actionBodySchema = z
  .strictObject({
    action: rectificationActionSchema,
    /** The version the client last saw: a stale one is refused with the current state. */
    expectedVersion: z.number().int().min(1),
  })
  .openapi('RectificationActionRequest');

const create = defineRoute('rectification.assign', {
  method: 'post',
  path: '/api/v1/rectifications',
  tags: ['rectifications'],
  summary: 'Assign a rectification (supervisors and inspectors); the deadline is required',
  request: {
    headers: idempotencyHeader,
    body: { required: true, content: json(rectificationInputSchema) },
  },
  responses: {
    201: { description: 'Assigned', content: json(viewSchema) },
    200: {
      description: 'A retry: the first result, or `duplicateOf` for a known source + externalId',
      content: json(z.unknown()),
    },
  },
});

const list = defineRoute('rectification.read', {
  method: 'get',
  path: '/api/v1/rectifications',
  tags: ['rectifications'],
  summary: 'Rectifications in your jurisdiction, newest first; from/to filter the deadline',
  request: { query: rectificationListQuerySchema },
  responses: {
    200: {
      description: 'A page',
      content: json(pageOf(rectificationSchema.extend({ daysOverdue: z.number().int().min(0) }))),
    },
  },
});

const read = readRoute(
  'rectification.read',
  'rectifications',
  viewSchema,
  'One rectification, with the actions you may take now and its days overdue',
  'The rectification',
);

const act = actionRoute(
  ['rectification.work', 'rectification.review', 'rectification.reopen', 'rectification.decideExtension'],
  'rectifications',
  'actions',
  actionBodySchema,
  viewSchema,
  {
    summary: 'Apply one workflow action to the version you saw',
    description: [
      'Actions: start, addMeasure, addProgress, addEvidence (metadata of an uploaded file), submit (unit',
      'officer); approve, reject with a reason (reviewers: two different ones, neither the submitter);',
      'requestExtension with a reason (unit officer), decideExtension (supervisor); reopen with a reason',
      '(inspector or supervisor). A stale `expectedVersion`, or losing a race, answers 409 `conflict.version`',
      'with `current`: the record as it is now.',
    ].join(' '),
    after: 'The record after the action',
  },
);

export function rectificationRoutes(deps: Deps) {
  const r = newRouter();
  r.openapi(create, async (c) => {
    const body = c.req.valid('json');
    const p = c.get('principal');
    const idem = idemRef(c.req.header('idempotency-key'), `${p.id}:rectifications`, body);
    const res = await createRectification(deps, p, body, idem);
    return c.json(res.body as never, res.status as 201);
  });
  r.openapi(list, async (c) => {
    const page = await listRectifications(deps, c.get('principal'), c.req.valid('query'));
    return c.json(page as never, 200);
  });
  r.openapi(read, async (c) => {
    const view = await getRectification(deps, c.get('principal'), c.req.valid('param').id);
    return c.json(view as never, 200);
  });
  r.openapi(act, async (c) => {
    const { action, expectedVersion } = c.req.valid('json');
    const view = await actOnRectification(
      deps,
      c.get('principal'),
      c.req.valid('param').id,
      action,
      expectedVersion,
    );
    return c.json(view as never, 200);
  });
  return r;
}
