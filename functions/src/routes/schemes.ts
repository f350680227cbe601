/** 考核方案: the scheme in force, its versions, and new versions (admin). */
import {
  schemePreviewQuery,
  schemePreviewSchema,
  schemeSchema,
  schemeStoreQuery,
  schemeVersionParam,
  schemeVersionsSchema,
} from '@jiandu/shared/api';
import { defineRoute } from '../app/authorize.js';
import type { Deps } from '../app/deps.js';
import { newRouter } from '../app/router.js';
import { schemeVersion, schemeVersions, storeScheme } from '../services/schemes/schemes.js';
import { json } from './common.js';

const current = defineRoute('scheme.read', {
  method: 'get',
  path: '/api/v1/schemes/current',
  tags: ['schemes'],
  summary: 'The assessment scheme in force',
  responses: { 200: { description: 'The scheme', content: json(schemeSchema) } },
});

const versions = defineRoute('scheme.read', {
  method: 'get',
  path: '/api/v1/schemes',
  tags: ['schemes'],
  summary: 'Every stored version of the scheme, newest first',
  responses: {
    200: {
      description: 'Versions',
      content: json(schemeVersionsSchema),
    },
  },
});

const one = defineRoute('scheme.read', {
  method: 'get',
  path: '/api/v1/schemes/{version}',
  tags: ['schemes'],
  summary: 'One version of the scheme',
  request: { params: schemeVersionParam },
  responses: { 200: { description: 'The scheme', content: json(schemeSchema) } },
});

const create = defineRoute('scheme.manage', {
  method: 'post',
  path: '/api/v1/schemes',
  tags: ['schemes'],
  summary: 'Store a new version of the scheme (admin); it is in force from then on',
  request: { query: schemeStoreQuery, body: { required: true, content: json(schemeSchema) } },
  responses: { 201: { description: 'Stored', content: json(schemeSchema) } },
});

const preview = defineRoute('scheme.manage', {
  method: 'post',
  path: '/api/v1/schemes/preview',
  tags: ['schemes'],
  summary:
    'What a proposed scheme would change (admin, stores nothing): open rectifications whose light or overdue step moves, and one quarter’s scores and ranks recomputed per peer group',
  request: { query: schemePreviewQuery, body: { required: true, content: json(schemeSchema) } },
  responses: { 200: { description: 'The changes', content: json(schemePreviewSchema) } },
});

export function schemeRoutes(deps: Deps) {
  const r = newRouter();
  r.openapi(current, async (c) => c.json(await deps.scheme(), 200));
  r.openapi(versions, async (c) => c.json({ items: await schemeVersions(deps) }, 200));
  r.openapi(one, async (c) => c.json(await schemeVersion(deps, c.req.valid('param').version), 200));
  r.openapi(preview, async (c) =>
    c.json(
      await (await import('../services/schemes/preview.js')).previewScheme(
        deps,
        c.get('principal'),
        c.req.valid('json'),
        c.req.valid('query').quarter,
      ),
      200,
    ),
  );
  r.openapi(create, async (c) =>
    c.json(
      await storeScheme(deps, c.get('principal'), c.req.valid('json'), c.req.valid('query').reason ?? null),
      201,
    ),
  );
  return r;
}
