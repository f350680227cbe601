/**
 * 季度排名 and 预黄牌: compute a draft (anyone), publish and amend (supervisors), read snapshots, a
 * unit's history, and cards.
 */
import {
  amendRequestSchema,
  cardListQuerySchema,
  cardPageSchema,
  draftRequestSchema,
  draftResponseSchema,
  idParam,
  publicationSchema,
  publishRequestSchema,
  snapshotListQuerySchema,
  snapshotListSchema,
  snapshotViewSchema,
  unitHistorySchema,
} from '@jiandu/shared/api';
import { defineRoute } from '../app/authorize.js';
import { type Deps, nowIso } from '../app/deps.js';
import { newRouter } from '../app/router.js';
import { listCards } from '../services/rankings/cards.js';
import {
  amendSnapshot,
  getSnapshot,
  listSnapshots,
  publishGroup,
  unitHistory,
} from '../services/rankings/publication.js';
import { computeDrafts } from '../services/rankings/rankings.js';
import { json } from './common.js';

const compute = defineRoute('ranking.read', {
  method: 'post',
  path: '/api/v1/rankings/compute',
  tags: ['rankings'],
  summary: 'Compute a draft ranking of a quarter from its aggregates (not stored)',
  request: { body: { required: true, content: json(draftRequestSchema) } },
  responses: { 200: { description: 'Draft rankings', content: json(draftResponseSchema) } },
});

const draft = defineRoute('ranking.read', {
  method: 'get',
  path: '/api/v1/rankings/draft',
  tags: ['rankings'],
  summary: 'The draft ranking of a quarter, computed now (same as compute)',
  request: { query: draftRequestSchema },
  responses: { 200: { description: 'Draft rankings', content: json(draftResponseSchema) } },
});

const publish = defineRoute('ranking.publish', {
  method: 'post',
  path: '/api/v1/rankings/publish',
  tags: ['rankings'],
  summary: 'Publish a quarter of a peer group: freeze a snapshot, issue cards, propose cases (supervisor)',
  request: { body: { required: true, content: json(publishRequestSchema) } },
  responses: { 201: { description: 'Published', content: json(publicationSchema) } },
});

const amend = defineRoute('ranking.publish', {
  method: 'post',
  path: '/api/v1/rankings/amend',
  tags: ['rankings'],
  summary: 'Amend a published snapshot: a new snapshot that supersedes it, with the reason (supervisor)',
  request: { body: { required: true, content: json(amendRequestSchema) } },
  responses: { 201: { description: 'Amended', content: json(publicationSchema) } },
});

const snapshots = defineRoute('ranking.read', {
  method: 'get',
  path: '/api/v1/rankings/snapshots',
  tags: ['rankings'],
  summary: 'Published snapshots of a quarter (one group or every group you see), amendments included',
  request: { query: snapshotListQuerySchema },
  responses: { 200: { description: 'Summaries', content: json(snapshotListSchema) } },
});

const snapshot = defineRoute('ranking.read', {
  method: 'get',
  path: '/api/v1/rankings/snapshots/{id}',
  tags: ['rankings'],
  summary: 'One published snapshot: frozen inputs, ranking, content hash, what it supersedes',
  request: { params: idParam },
  responses: { 200: { description: 'The snapshot', content: json(snapshotViewSchema) } },
});

const history = defineRoute('ranking.read', {
  method: 'get',
  path: '/api/v1/rankings/units/{id}/history',
  tags: ['rankings'],
  summary: 'A unit’s published ranks across quarters',
  request: { params: idParam },
  responses: { 200: { description: 'History', content: json(unitHistorySchema) } },
});

const cards = defineRoute('ranking.read', {
  method: 'get',
  path: '/api/v1/cards',
  tags: ['rankings'],
  summary: 'Pre-yellow cards in your jurisdiction, newest first (withdrawn ones marked)',
  request: { query: cardListQuerySchema },
  responses: { 200: { description: 'A page', content: json(cardPageSchema) } },
});

export function rankingRoutes(deps: Deps) {
  const r = newRouter();
  r.openapi(compute, async (c) => {
    const { quarter, groupKey: g } = c.req.valid('json');
    return c.json(await computeDrafts(deps, c.get('principal'), quarter, g), 200);
  });
  r.openapi(draft, async (c) => {
    const { quarter, groupKey: g } = c.req.valid('query');
    return c.json(await computeDrafts(deps, c.get('principal'), quarter, g), 200);
  });
  r.openapi(publish, async (c) => {
    const { quarter, groupKey: g, sanctions } = c.req.valid('json');
    const at = await nowIso(deps);
    return c.json(await publishGroup(deps, c.get('principal'), quarter, g, at, sanctions), 201);
  });
  r.openapi(amend, async (c) => {
    const { snapshotId, reason, sanctions } = c.req.valid('json');
    const at = await nowIso(deps);
    return c.json(await amendSnapshot(deps, c.get('principal'), snapshotId, reason, at, sanctions), 201);
  });
  r.openapi(snapshots, async (c) => {
    const { quarter, groupKey: g } = c.req.valid('query');
    return c.json(await listSnapshots(deps, c.get('principal'), quarter, g), 200);
  });
  r.openapi(snapshot, async (c) =>
    c.json(await getSnapshot(deps, c.get('principal'), c.req.valid('param').id), 200),
  );
  r.openapi(history, async (c) =>
    c.json(await unitHistory(deps, c.get('principal'), c.req.valid('param').id), 200),
  );
  r.openapi(cards, async (c) => c.json(await listCards(deps, c.get('principal'), c.req.valid('query')), 200));
  return r;
}
