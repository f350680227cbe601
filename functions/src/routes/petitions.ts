/** 信访: register one or a batch, list, read, the workflow (accept … close) and the logged reveal. */

import {
  type PetitionStepName,
  petitionInputSchema,
  petitionListQuerySchema,
  petitionRevealRequestSchema,
  petitionRevealSchema,
  petitionStepBodies,
  petitionViewSchema,
} from '@jiandu/shared/api';
import type * as z from '@jiandu/shared/zod';
import { defineRoute } from '../app/authorize.js';
import type { Deps } from '../app/deps.js';
import { newRouter } from '../app/router.js';
import type { Principal } from '../auth/principal.js';
import {
  actOnPetition,
  createPetition,
  getPetition,
  ingestPetitions,
  listPetitions,
  type PetitionActionBody,
  type PetitionActionName,
  petitionIdemRef,
  revealPetitioner,
} from '../services/petitions/petitions.js';
import { actionRoute, idParam, ingestRoutes, json, listRoute, readRoute } from './common.js';

const TAG = 'petitions';

const list = listRoute(
  'petition.read',
  'petitions',
  petitionListQuerySchema,
  petitionViewSchema,
  'Petitions in your jurisdiction, newest receipt first, with their SLA clocks',
);

const read = readRoute('petition.read', 'petitions', petitionViewSchema, 'One petition', 'The petition');

/** The service's name of each step, by its path. */
const ACTION_OF: Record<PetitionStepName, PetitionActionName> = {
  accept: 'accept',
  'not-accept': 'notAccept',
  handle: 'handle',
  extend: 'extend',
  close: 'close',
};

const step = <B extends z.core.$ZodType>(path: PetitionStepName, body: B, summary: string) =>
  actionRoute('petition.handle', 'petitions', path, body, petitionViewSchema, {
    summary: `${summary} (supervisor; 409 with the current state when expectedVersion is stale)`,
    after: 'The petition after it',
  });

const steps = {
  accept: step('accept', petitionStepBodies.accept, 'Accept (受理): the handling clock starts'),
  'not-accept': step(
    'not-accept',
    petitionStepBodies['not-accept'],
    'Do not accept (不予受理), with a reason',
  ),
  handle: step('handle', petitionStepBodies.handle, 'Handled (办理完毕)'),
  extend: step(
    'extend',
    petitionStepBodies.extend,
    'The one approved extension of the handling period, in days',
  ),
  close: step(
    'close',
    petitionStepBodies.close,
    "Close with the petitioner's satisfaction from the follow-up call (回访)",
  ),
};

const reveal = defineRoute('petition.reveal', {
  method: 'post',
  path: '/api/v1/petitions/{id}/reveal',
  tags: [TAG],
  summary: "The petitioner's clear identity (supervisor of the jurisdiction), logged with the reason",
  request: {
    params: idParam,
    body: { required: true, content: json(petitionRevealRequestSchema) },
  },
  responses: {
    200: { description: 'The identity', content: json(petitionRevealSchema) },
  },
});

export function petitionRoutes(deps: Deps) {
  const r = newRouter();
  ingestRoutes(
    r,
    {
      access: 'petition.handle',
      collection: 'petitions',
      input: petitionInputSchema,
      view: petitionViewSchema,
      summary: 'Register a petition (supervisor); the identity is sealed, every answer shows it masked',
      created: 'Registered (a retry of the same Idempotency-Key: the first answer)',
      again: 'A known channel + externalId: the id of the petition already registered',
      batchSummary: 'Register up to 1000 petitions, answered item by item',
    },
    {
      create: (p, body, key) => createPetition(deps, p, body, petitionIdemRef(deps, key, p, body)),
      batch: (p, items) => ingestPetitions(deps, p, items),
    },
  );
  r.openapi(list, async (c) => {
    const page = await listPetitions(deps, c.get('principal'), c.req.valid('query'));
    return c.json(page, 200);
  });
  r.openapi(read, async (c) => {
    const view = await getPetition(deps, c.get('principal'), c.req.valid('param').id);
    return c.json(view, 200);
  });
  // One registration per step: each route has its own body type, which a loop would widen to a union.
  const act = (p: Principal, id: string, name: PetitionStepName, body: PetitionActionBody) =>
    actOnPetition(deps, p, id, ACTION_OF[name], body);
  r.openapi(steps.accept, async (c) =>
    c.json(await act(c.get('principal'), c.req.valid('param').id, 'accept', c.req.valid('json')), 200),
  );
  r.openapi(steps['not-accept'], async (c) =>
    c.json(await act(c.get('principal'), c.req.valid('param').id, 'not-accept', c.req.valid('json')), 200),
  );
  r.openapi(steps.handle, async (c) =>
    c.json(await act(c.get('principal'), c.req.valid('param').id, 'handle', c.req.valid('json')), 200),
  );
  r.openapi(steps.extend, async (c) =>
    c.json(await act(c.get('principal'), c.req.valid('param').id, 'extend', c.req.valid('json')), 200),
  );
  r.openapi(steps.close, async (c) =>
    c.json(await act(c.get('principal'), c.req.valid('param').id, 'close', c.req.valid('json')), 200),
  );
  r.openapi(reveal, async (c) => {
    const { id } = c.req.valid('param');
    const out = await revealPetitioner(deps, c.get('principal'), id, c.req.valid('json').reason);
    c.header('cache-control', 'no-store');
    return c.json(out, 200);
  });
  return r;
}
