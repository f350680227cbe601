/**
 * 通报: the monthly bulletin of a unit (your home unit by default) computed on read as a draft; issued
 * bulletins (frozen records) listed and opened — opening records who read it (已读), listed to the issuer.
 */
import {
  bulletinQuerySchema,
  bulletinReadsSchema,
  draftBulletinSchema,
  idParam,
  issueBodySchema,
  issuedBulletinSchema,
  issuedListQuerySchema,
  issuedPageSchema,
  monthParam,
  openedBulletinSchema,
} from '@jiandu/shared/api';
import { defineRoute } from '../app/authorize.js';
import type { Deps } from '../app/deps.js';
import { newRouter } from '../app/router.js';
import { monthlyBulletin } from '../services/bulletins/bulletins.js';
import { issueBulletinAs, listIssued, openIssued, readsOf } from '../services/bulletins/issue.js';
import { json } from './common.js';

const month = defineRoute('bulletin.read', {
  method: 'get',
  path: '/api/v1/bulletins/{month}',
  tags: ['bulletins'],
  summary:
    'The monthly bulletin: progress against targets, overdue rectifications, cards and proposals, petitions and signals, satisfaction, funds',
  request: {
    params: monthParam,
    query: bulletinQuerySchema,
  },
  responses: {
    200: {
      description: 'The bulletin (a draft; issuedId names the issued one, if any)',
      content: json(draftBulletinSchema),
    },
  },
});

const issue = defineRoute('bulletin.issue', {
  method: 'post',
  path: '/api/v1/bulletins/{month}/issue',
  tags: ['bulletins'],
  summary: 'Issue (freeze) the bulletin of an ended month for a unit (supervisor); once per month and unit',
  request: { params: monthParam, body: { required: true, content: json(issueBodySchema) } },
  responses: { 201: { description: 'Issued', content: json(issuedBulletinSchema) } },
});

const issued = defineRoute('bulletin.read', {
  method: 'get',
  path: '/api/v1/bulletins',
  tags: ['bulletins'],
  summary: 'Issued bulletins in your jurisdiction, newest month first, with when you read each',
  request: { query: issuedListQuerySchema },
  responses: { 200: { description: 'A page', content: json(issuedPageSchema) } },
});

const open = defineRoute('bulletin.read', {
  method: 'get',
  path: '/api/v1/issued-bulletins/{id}',
  tags: ['bulletins'],
  summary: 'Open an issued bulletin; your first opening is recorded (已读)',
  request: { params: idParam },
  responses: { 200: { description: 'The issued bulletin', content: json(openedBulletinSchema) } },
});

const reads = defineRoute('bulletin.issue', {
  method: 'get',
  path: '/api/v1/issued-bulletins/{id}/reads',
  tags: ['bulletins'],
  summary: 'Who has read an issued bulletin and when (its issuer; the scope’s supervisors for the job’s)',
  request: { params: idParam },
  responses: { 200: { description: 'Read receipts', content: json(bulletinReadsSchema) } },
});

export function bulletinRoutes(deps: Deps) {
  const r = newRouter();
  r.openapi(issued, async (c) =>
    c.json(await listIssued(deps, c.get('principal'), c.req.valid('query')), 200),
  );
  r.openapi(month, async (c) => {
    const { month: m } = c.req.valid('param');
    const { unitId } = c.req.valid('query');
    return c.json(await monthlyBulletin(deps, c.get('principal'), m, unitId), 200);
  });
  r.openapi(issue, async (c) => {
    const { month: m } = c.req.valid('param');
    const { unitId } = c.req.valid('json');
    return c.json(await issueBulletinAs(deps, c.get('principal'), m, unitId), 201);
  });
  r.openapi(open, async (c) =>
    c.json(await openIssued(deps, c.get('principal'), c.req.valid('param').id), 200),
  );
  r.openapi(reads, async (c) =>
    c.json(await readsOf(deps, c.get('principal'), c.req.valid('param').id), 200),
  );
  return r;
}
