/**
 * 公示与异议: put a quarter's draft on notice (supervisor), read it (every unit of the peer group, with
 * the breakdown), file an objection against one's own unit's score with evidence (the unit's officers
 * and leaders), decide one (a reviewer outside the unit's subtree), and the reviewer's queue.
 * Publication stays POST /rankings/publish, which publishes from the notice.
 */

import { objectionSchema } from '@jiandu/shared';
import {
  decideObjectionRequestSchema,
  evidenceDownloadQuerySchema,
  fileObjectionRequestSchema,
  idParam,
  noticeListQuerySchema,
  noticeListSchema,
  noticeViewSchema,
  objectionEvidenceParamsSchema,
  objectionListQuerySchema,
  objectionListSchema,
  signedUrlSchema,
  startNoticeRequestSchema,
} from '@jiandu/shared/api';
import { defineRoute } from '../app/authorize.js';
import { type Deps, nowIso } from '../app/deps.js';
import { newRouter } from '../app/router.js';
import { signedDownload } from '../evidence/uploaded.js';
import {
  decideObjection,
  fileObjection,
  getNotice,
  getObjection,
  listNotices,
  noticeView,
  objectionQueue,
  startNotice,
} from '../services/rankings/notices.js';
import { json } from './common.js';

const start = defineRoute('ranking.notice', {
  method: 'post',
  path: '/api/v1/rankings/notices',
  tags: ['rankings'],
  summary:
    'Put a quarter’s draft of a peer group on notice (公示) for the scheme’s working days (supervisor)',
  request: { body: { required: true, content: json(startNoticeRequestSchema) } },
  responses: { 201: { description: 'On notice', content: json(noticeViewSchema) } },
});

const list = defineRoute('ranking.read', {
  method: 'get',
  path: '/api/v1/rankings/notices',
  tags: ['rankings'],
  summary: 'Notices of a quarter whose peer groups you see',
  request: { query: noticeListQuerySchema },
  responses: { 200: { description: 'Notice heads', content: json(noticeListSchema) } },
});

const read = defineRoute('ranking.read', {
  method: 'get',
  path: '/api/v1/rankings/notices/{id}',
  tags: ['rankings'],
  summary: 'A notice: the frozen draft with every unit’s breakdown, its corrections and your objections',
  request: { params: idParam },
  responses: { 200: { description: 'The notice', content: json(noticeViewSchema) } },
});

const object = defineRoute('ranking.object', {
  method: 'post',
  path: '/api/v1/rankings/notices/{id}/objections',
  tags: ['rankings'],
  summary: 'Object (异议) to an input of your own unit’s score during the notice period, with evidence',
  request: { params: idParam, body: { required: true, content: json(fileObjectionRequestSchema) } },
  responses: { 201: { description: 'Filed', content: json(objectionSchema) } },
});

const queue = defineRoute('ranking.decideObjection', {
  method: 'get',
  path: '/api/v1/objections',
  tags: ['rankings'],
  summary: 'The reviewer’s queue: objections of a state in your jurisdiction (pending by default)',
  request: { query: objectionListQuerySchema },
  responses: { 200: { description: 'Objections', content: json(objectionListSchema) } },
});

const readObjection = defineRoute('ranking.read', {
  method: 'get',
  path: '/api/v1/objections/{id}',
  tags: ['rankings'],
  summary: 'One objection of a unit in your jurisdiction',
  request: { params: idParam },
  responses: { 200: { description: 'The objection', content: json(objectionSchema) } },
});

const decide = defineRoute('ranking.decideObjection', {
  method: 'post',
  path: '/api/v1/objections/{id}/decision',
  tags: ['rankings'],
  summary: 'Uphold (correcting the input, re-ranking the draft) or reject an objection, with the reason',
  request: { params: idParam, body: { required: true, content: json(decideObjectionRequestSchema) } },
  responses: { 200: { description: 'The notice after the decision', content: json(noticeViewSchema) } },
});

const evidence = defineRoute('ranking.read', {
  method: 'get',
  path: '/api/v1/objections/{id}/evidence/{evidenceId}',
  tags: ['evidence'],
  summary: 'A short-lived URL to download one evidence file of an objection you can see',
  request: { params: objectionEvidenceParamsSchema, query: evidenceDownloadQuerySchema },
  responses: { 200: { description: 'Where to download', content: json(signedUrlSchema) } },
});

export function noticeRoutes(deps: Deps) {
  const r = newRouter();
  r.openapi(start, async (c) => {
    const { quarter, groupKey } = c.req.valid('json');
    const p = c.get('principal');
    const n = await startNotice(deps, p, quarter, groupKey, await nowIso(deps));
    return c.json(await noticeView(deps, p, n.data), 201);
  });
  r.openapi(list, async (c) => {
    const { quarter, groupKey } = c.req.valid('query');
    return c.json(await listNotices(deps, c.get('principal'), quarter, groupKey), 200);
  });
  r.openapi(read, async (c) =>
    c.json(await getNotice(deps, c.get('principal'), c.req.valid('param').id), 200),
  );
  r.openapi(object, async (c) => {
    const at = await nowIso(deps);
    const o = await fileObjection(deps, c.get('principal'), c.req.valid('param').id, c.req.valid('json'), at);
    return c.json(o, 201);
  });
  r.openapi(queue, async (c) =>
    c.json(await objectionQueue(deps, c.get('principal'), c.req.valid('query').state), 200),
  );
  r.openapi(readObjection, async (c) =>
    c.json(await getObjection(deps, c.get('principal'), c.req.valid('param').id), 200),
  );
  r.openapi(decide, async (c) => {
    const at = await nowIso(deps);
    const p = c.get('principal');
    return c.json(await decideObjection(deps, p, c.req.valid('param').id, c.req.valid('json'), at), 200);
  });
  r.openapi(evidence, async (c) => {
    const { id, evidenceId } = c.req.valid('param');
    const o = await getObjection(deps, c.get('principal'), id);
    const { disposition } = c.req.valid('query');
    return c.json(await signedDownload(deps, o.evidence, evidenceId, disposition), 200);
  });
  return r;
}
