/** 督查发现: log one, ingest a batch, list, read. */
import { type Finding, findingInputSchema, findingListQuerySchema, findingSchema } from '@jiandu/shared/api';
import type { Deps } from '../app/deps.js';
import { newRouter } from '../app/router.js';
import { createFinding, ingestFindings } from '../services/findings/findings.js';
import { idemRef } from '../services/records/idempotency.js';
import { listRecords } from '../services/records/lists.js';
import { ingestRoutes, listRoute } from './common.js';

const list = listRoute(
  'finding.read',
  'findings',
  findingListQuerySchema,
  findingSchema,
  'Findings in your jurisdiction, newest first',
);

export function findingRoutes(deps: Deps) {
  const r = newRouter();
  ingestRoutes(
    r,
    {
      access: 'finding.create',
      collection: 'findings',
      input: findingInputSchema,
      view: findingSchema,
      summary: 'Log a finding; it opens a rectification',
      created: 'Created (a retry of the same Idempotency-Key: the first answer)',
      again: 'A known source + externalId: the id of the finding already logged',
      batchSummary: 'Ingest up to 1000 findings, answered item by item',
    },
    {
      create: (p, body, key) => createFinding(deps, p, body, idemRef(key, `${p.id}:findings`, body)),
      batch: (p, items) => ingestFindings(deps, p, items),
    },
  );
  r.openapi(list, async (c) => {
    const page = await listRecords<Finding>(deps, c.get('principal'), 'finding', c.req.valid('query'));
    return c.json(page, 200);
  });
  return r;
}
