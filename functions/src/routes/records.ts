/** Any record's event history (the timeline, with its hashes), inside the caller's jurisdiction. */
import type { Capability, Finding, Rectification } from '@jiandu/shared';
import {
  type HistoryCollection,
  historyParamsSchema,
  historySchema,
  recordParamsSchema,
  recordSchema,
} from '@jiandu/shared/api';
import { type AccessRule, defineRoute } from '../app/authorize.js';
import type { Deps } from '../app/deps.js';
import { newRouter } from '../app/router.js';
import { readVisible } from '../services/org/jurisdiction.js';
import { namesOf, withActorNames } from '../services/org/names.js';
import type { RecordType } from '../store/keys.js';
import { json } from './common.js';

/** Record types whose history a caller may read (users' histories stay with admins). */
export const HISTORY_TYPES = {
  findings: 'finding',
  petitions: 'petition',
  signals: 'signal',
  rectifications: 'rectification',
  cases: 'case',
  alerts: 'alert',
  units: 'unit',
  indicators: 'indicator',
  cards: 'card',
  snapshots: 'snapshot',
  'fund-projects': 'fund',
  bulletins: 'bulletin',
} as const satisfies Record<HistoryCollection, RecordType>;

/** A record's history is read with the capability that reads its collection. */
const historyAccess = {
  param: 'collection',
  of: {
    findings: 'finding.read',
    petitions: 'petition.read',
    signals: 'signal.read',
    rectifications: 'rectification.read',
    cases: 'case.read',
    alerts: 'alert.read',
    units: 'unit.read',
    indicators: 'indicator.read',
    cards: 'ranking.read',
    snapshots: 'ranking.read',
    'fund-projects': 'fund.read',
    bulletins: 'bulletin.read',
  },
} as const satisfies AccessRule & { of: Record<HistoryCollection, Capability> };

const readAccess = { param: 'collection', of: { findings: 'finding.read' } } as const satisfies AccessRule;

const history = defineRoute(historyAccess, {
  method: 'get',
  path: '/api/v1/{collection}/{id}/events',
  tags: ['history'],
  summary: "A record's event history, oldest first, with its hash chain",
  request: { params: historyParamsSchema },
  responses: { 200: { description: 'Events', content: json(historySchema) } },
});

const read = defineRoute(readAccess, {
  method: 'get',
  path: '/api/v1/{collection}/{id}',
  tags: ['records'],
  summary: 'Read one record',
  request: { params: recordParamsSchema },
  responses: { 200: { description: 'The record', content: json(recordSchema) } },
});

export function recordRoutes(deps: Deps) {
  const r = newRouter();
  r.openapi(history, async (c) => {
    const { collection, id } = c.req.valid('param');
    const type = HISTORY_TYPES[collection];
    await readVisible(deps, c.get('principal'), type, id);
    return c.json({ items: await withActorNames(deps, await deps.store.history(type, id)) }, 200);
  });
  r.openapi(read, async (c) => {
    const { collection, id } = c.req.valid('param');
    const type = HISTORY_TYPES[collection];
    const rec = await readVisible<Finding>(deps, c.get('principal'), type, id);
    const [rect, names] = await Promise.all([
      rec.data.rectificationId
        ? deps.store.get<Rectification>('rectification', rec.data.rectificationId)
        : null,
      namesOf(deps, 'user', [rec.data.inspectorId]),
    ]);
    return c.json(
      {
        ...rec.data,
        rectificationTitle: rect?.data.title ?? null,
        inspectorName: names.get(rec.data.inspectorId) ?? null,
      },
      200,
    );
  });
  return r;
}
