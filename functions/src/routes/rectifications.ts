/** 整改: assign, list, read (with the caller's allowed actions), and every action of the workflow. */
import {
  duplicateOfSchema,
  rectificationActionRequestSchema,
  rectificationInputSchema,
  rectificationListQuerySchema,
  rectificationPageSchema,
  rectificationViewSchema,
} from '@jiandu/shared/api';
import { defineRoute } from '../app/authorize.js';
import type { Deps } from '../app/deps.js';
import { newRouter } from '../app/router.js';
import { idemRef } from '../services/records/idempotency.js';
import {
  actOnRectification,
  createRectification,
  getRectification,
  listRectifications,
} from '../services/rectifications/rectifications.js';
import { actionRoute, idempotencyHeader, json, readRoute } from './common.js';

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
    201: {
      description: 'Assigned (a retry of the same Idempotency-Key: the first answer)',
      content: json(rectificationViewSchema),
    },
    200: {
      description: 'A known source + externalId: the id of the rectification already assigned',
      content: json(duplicateOfSchema),
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
      content: json(rectificationPageSchema),
    },
  },
});

const read = readRoute(
  'rectification.read',
  'rectifications',
  rectificationViewSchema,
  'One rectification, with the actions you may take now and its days overdue',
  'The rectification',
);

const act = actionRoute(
  ['rectification.work', 'rectification.review', 'rectification.reopen', 'rectification.decideExtension'],
  'rectifications',
  'actions',
  rectificationActionRequestSchema,
  rectificationViewSchema,
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
    return res.status === 201 ? c.json(res.body, 201) : c.json(res.body, 200);
  });
  r.openapi(list, async (c) => {
    const page = await listRectifications(deps, c.get('principal'), c.req.valid('query'));
    return c.json(page, 200);
  });
  r.openapi(read, async (c) => {
    const view = await getRectification(deps, c.get('principal'), c.req.valid('param').id);
    return c.json(view, 200);
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
    return c.json(view, 200);
  });
  return r;
}
