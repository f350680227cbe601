/** 舆情: ingest one or a batch (reposts counted on the original), list, read, triage and assign. */
import {
  signalAssignRequestSchema,
  signalInputSchema,
  signalListQuerySchema,
  signalPageSchema,
  signalViewSchema,
  triageQuerySchema,
} from '@jiandu/shared/api';
import { defineRoute } from '../app/authorize.js';
import type { Deps } from '../app/deps.js';
import { newRouter } from '../app/router.js';
import { idemRef } from '../services/records/idempotency.js';
import {
  assignSignal,
  createSignal,
  getSignal,
  ingestSignals,
  listSignals,
  listTriage,
} from '../services/signals/signals.js';
import { actionRoute, ingestRoutes, json, listRoute, readRoute } from './common.js';

const TAG = 'signals';

const list = listRoute(
  'signal.read',
  'signals',
  signalListQuerySchema,
  signalViewSchema,
  'Signals in your jurisdiction, newest publication first (state: triage | assigned)',
);

const triage = defineRoute('signal.triage.read', {
  method: 'get',
  path: '/api/v1/signals/triage',
  tags: [TAG],
  summary: 'The triage queue: signals without a unit, in your jurisdiction',
  request: { query: triageQuerySchema },
  responses: { 200: { description: 'A page', content: json(signalPageSchema) } },
});

const read = readRoute('signal.read', 'signals', signalViewSchema, 'One signal', 'The signal');

const assign = actionRoute(
  'signal.assign',
  'signals',
  'assign',
  signalAssignRequestSchema,
  signalViewSchema,
  {
    summary: 'Give a triaged signal its unit (supervisor); a major negative one opens an alert and a task',
    after: 'The signal after it',
  },
);

export function signalRoutes(deps: Deps) {
  const r = newRouter();
  ingestRoutes(
    r,
    {
      access: 'signal.ingest',
      collection: 'signals',
      input: signalInputSchema,
      view: signalViewSchema,
      summary: 'Ingest a signal; a repost (same canonical URL or text) is counted on the original',
      created: 'Recorded (a retry of the same Idempotency-Key: the first answer)',
      again: 'A repost or a known platform + externalId: the id of the original',
      batchSummary:
        'Ingest up to 1000 signals, answered item by item (a repost: duplicate with the original id)',
    },
    {
      create: (p, body, key) => createSignal(deps, p, body, idemRef(key, `${p.id}:signals`, body)),
      batch: (p, items) => ingestSignals(deps, p, items),
    },
  );
  r.openapi(list, async (c) =>
    c.json(await listSignals(deps, c.get('principal'), c.req.valid('query')), 200),
  );
  // Registered before /{id}, so "triage" is never read as an id.
  r.openapi(triage, async (c) =>
    c.json(await listTriage(deps, c.get('principal'), c.req.valid('query')), 200),
  );
  r.openapi(read, async (c) =>
    c.json(await getSignal(deps, c.get('principal'), c.req.valid('param').id), 200),
  );
  r.openapi(assign, async (c) => {
    const view = await assignSignal(deps, c.get('principal'), c.req.valid('param').id, c.req.valid('json'));
    return c.json(view, 200);
  });
  return r;
}
