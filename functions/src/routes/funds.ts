/** 资金: fund projects and their ledger entries (one, or a batch), a project with its ledger, the funds view. */
import { z } from '@hono/zod-openapi';
import {
  fundEntryInputSchema,
  fundEntrySchema,
  fundProjectInputSchema,
  fundProjectRecordSchema,
} from '@jiandu/shared';
import { newRouter } from '../app/app.js';
import { defineRoute } from '../app/authorize.js';
import type { Deps } from '../app/deps.js';
import {
  createFundEntry,
  createFundProject,
  fundProjectListSchema,
  fundsOfUnit,
  fundsViewQuerySchema,
  getFundProject,
  ingestFundEntries,
  ingestFundProjects,
  listFundProjects,
} from '../services/funds.js';
import { idemRef } from '../services/idempotency.js';
import { ingestRoutes, json, listRoute, readRoute } from './common.js';

const projectView = fundProjectRecordSchema
  .extend({ version: z.number().int().min(1) })
  .openapi('FundProject');
const projectWithLedger = projectView.extend({ ledger: z.array(fundEntrySchema) });

const totals = z.object({
  projects: z.number(),
  allocatedFen: z.number(),
  disbursedFen: z.number(),
  unspentFen: z.number(),
  idleProjects: z.number(),
  idleFen: z.number(),
});

const fundsViewSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  asOf: z.string(),
  thresholdFen: z.number(),
  totals,
  rows: z.array(z.object({ unitId: z.string(), own: z.boolean(), totals })),
  projects: z.array(
    z.object({
      id: z.string(),
      unitId: z.string(),
      name: z.string(),
      allocatedFen: z.number(),
      disbursedFen: z.number(),
      plannedCompletion: z.string(),
      unspentFen: z.number(),
      idle: z.boolean(),
      version: z.number(),
    }),
  ),
});

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
  fundProjectListSchema,
  projectView,
  'Fund projects in your jurisdiction, latest planned completion first',
);

const read = readRoute(
  'fund.read',
  'fund-projects',
  projectWithLedger,
  'Read one fund project',
  'The project and its ledger',
);

export function fundRoutes(deps: Deps) {
  const r = newRouter();
  r.openapi(view, async (c) =>
    c.json((await fundsOfUnit(deps, c.get('principal'), c.req.valid('query').unitId)) as never, 200),
  );
  ingestRoutes(
    r,
    {
      access: 'fund.project.manage',
      collection: 'fund-projects',
      input: fundProjectInputSchema,
      view: projectView,
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
    c.json((await listFundProjects(deps, c.get('principal'), c.req.valid('query'))) as never, 200),
  );
  r.openapi(read, async (c) =>
    c.json((await getFundProject(deps, c.get('principal'), c.req.valid('param').id)) as never, 200),
  );
  return r;
}
