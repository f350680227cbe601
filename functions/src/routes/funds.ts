/** 资金: fund projects and their ledger entries (one, or a batch), a project with its ledger, the funds view. */
import { fundEntryInputSchema, fundEntrySchema, fundProjectInputSchema } from '@jiandu/shared';
import {
  fundProjectDetailSchema,
  fundProjectListQuerySchema,
  fundProjectViewSchema,
  fundsViewQuerySchema,
  fundsViewSchema,
} from '@jiandu/shared/api';
import { defineRoute } from '../app/authorize.js';
import type { Deps } from '../app/deps.js';
import { newRouter } from '../app/router.js';
import {
  createFundEntry,
  createFundProject,
  fundsOfUnit,
  getFundProject,
  ingestFundEntries,
  ingestFundProjects,
  listFundProjects,
} from '../services/funds/funds.js';
import { idemRef } from '../services/records/idempotency.js';
import { ingestRoutes, json, listRoute, readRoute } from './common.js';

const view = defineRoute('fund.read', {
  method: 'get',
  path: '/api/v1/funds',
  tags: ['funds'],
  summary:
    'The funds of a unit (your home unit by default): projects with balances and idle money, subtree totals, a row per sub-unit',
  request: { query: fundsViewQuerySchema },
  responses: { 200: { description: 'The funds view', content: json(fundsViewSchema) } },
});

const list = listRoute(
  'fund.read',
  'fund-projects',
  fundProjectListQuerySchema,
  fundProjectViewSchema,
  'Fund projects in your jurisdiction, latest planned completion first',
);

const read = readRoute(
  'fund.read',
  'fund-projects',
  fundProjectDetailSchema,
  'Read one fund project',
  'The project and its ledger',
);

export function fundRoutes(deps: Deps) {
  const r = newRouter();
  r.openapi(view, async (c) =>
    c.json(await fundsOfUnit(deps, c.get('principal'), c.req.valid('query').unitId), 200),
  );
  ingestRoutes(
    r,
    {
      access: 'fund.project.manage',
      collection: 'fund-projects',
      input: fundProjectInputSchema,
      view: fundProjectViewSchema,
      summary: 'Open a fund project of a unit, with its first allocation (supervisor)',
      created: 'Created',
      again: 'A retry: the first result, or the original of a known source + externalId',
      batchSummary: 'Open up to 1000 fund projects, answered item by item',
    },
    {
      create: (p, body, key) => createFundProject(deps, p, body, idemRef(key, `${p.id}:fund-projects`, body)),
      batch: (p, items) => ingestFundProjects(deps, p, items),
    },
  );
  ingestRoutes(
    r,
    {
      access: 'fund.entry.create',
      collection: 'fund-entries',
      input: fundEntryInputSchema,
      view: fundEntrySchema,
      summary: 'Record an allocation or a disbursement of a fund project; it moves the project totals',
      created: 'Recorded',
      again: 'A retry: the first result, or the original of a known source + externalId',
      batchSummary: 'Record up to 1000 ledger entries, in order, answered item by item',
    },
    {
      create: (p, body, key) => createFundEntry(deps, p, body, idemRef(key, `${p.id}:fund-entries`, body)),
      batch: (p, items) => ingestFundEntries(deps, p, items),
    },
  );
  r.openapi(list, async (c) =>
    c.json(await listFundProjects(deps, c.get('principal'), c.req.valid('query')), 200),
  );
  r.openapi(read, async (c) =>
    c.json(await getFundProject(deps, c.get('principal'), c.req.valid('param').id), 200),
  );
  return r;
}
