/** 信访: register one or a batch, list, read, the workflow (accept … close) and the logged reveal. */
import { z } from '@hono/zod-openapi';
import { longText, petitionInputSchema, petitionSchema, plainText, satisfaction } from '@jiandu/shared';
import { newRouter } from '../app/app.js';
import { defineRoute } from '../app/authorize.js';
import type { Deps } from '../app/deps.js';
import {
  actOnPetition,
  createPetition,
  getPetition,
  ingestPetitions,
  listPetitions,
  type PetitionActionName,
  petitionIdemRef,
  petitionListQuerySchema,
  revealPetitioner,
} from '../services/petitions.js';
import { actionRoute, idParam, ingestRoutes, json, listRoute, readRoute } from './common.js';

const TAG = 'petitions';

const maskedPetitionerSchema = z
  .object({ name: z.string(), phone: z.string().optional(), idNumber: z.string().optional() })
  .openapi('MaskedPetitioner', { description: 'Always masked: 张*, 138****1234, 1101**********1234' });

const slaClockSchema = z.object({
  status: z.enum(['met', 'pending', 'missed']),
  due: z.string(),
  daysLeft: z.number().optional(),
  daysOver: z.number().optional(),
  doneAt: z.string().nullable().optional(),
});

export const petitionViewSchema = petitionSchema
  .extend({
    petitioner: maskedPetitionerSchema,
    version: z.number().int(),
    sla: z.object({ accept: slaClockSchema, handle: slaClockSchema.nullable() }),
  })
  .openapi('Petition');

const list = listRoute(
  'petition.read',
  'petitions',
  petitionListQuerySchema,
  petitionViewSchema,
  'Petitions in your jurisdiction, newest receipt first, with their SLA clocks',
);

const read = readRoute('petition.read', 'petitions', petitionViewSchema, 'One petition', 'The petition');

const expectedVersion = z.number().int().min(1).openapi({ description: 'The version you read' });

const ACTIONS = [
  ['accept', 'accept', 'Accept (受理): the handling clock starts', z.strictObject({ expectedVersion })],
  [
    'not-accept',
    'notAccept',
    'Do not accept (不予受理), with a reason',
    z.strictObject({ expectedVersion, reason: plainText().max(1000).nullish() }),
  ],
  ['handle', 'handle', 'Handled (办理完毕)', z.strictObject({ expectedVersion })],
  [
    'extend',
    'extend',
    'The one approved extension of the handling period, in days',
    z.strictObject({ expectedVersion, days: z.number().int().min(-100_000).max(100_000) }),
  ],
  [
    'close',
    'close',
    "Close with the petitioner's satisfaction from the follow-up call (回访)",
    z.strictObject({ expectedVersion, satisfaction: satisfaction.schema.nullish() }),
  ],
] as const;

const step = (path: string, summary: string, body: z.ZodType) =>
  actionRoute('petition.handle', 'petitions', path, body, petitionViewSchema, {
    summary: `${summary} (supervisor; 409 with the current state when expectedVersion is stale)`,
    after: 'The petition after it',
  });

const reveal = defineRoute('petition.reveal', {
  method: 'post',
  path: '/api/v1/petitions/{id}/reveal',
  tags: [TAG],
  summary: "The petitioner's clear identity (supervisor of the jurisdiction), logged with the reason",
  request: {
    params: idParam,
    body: { required: true, content: json(z.strictObject({ reason: longText(1000) })) },
  },
  responses: {
    200: {
      description: 'The identity',
      content: json(
        z.object({
          id: z.string(),
          petitioner: z.object({
            name: z.string(),
            phone: z.string().optional(),
            idNumber: z.string().optional(),
          }),
        }),
      ),
    },
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
      created: 'Registered',
      again: 'A retry (the first result) or a duplicate natural key (channel + externalId)',
      batchSummary: 'Register up to 1000 petitions, answered item by item',
    },
    {
      create: (p, body, key) => createPetition(deps, p, body, petitionIdemRef(deps, key, p, body)),
      batch: (p, items) => ingestPetitions(deps, p, items),
    },
  );
  r.openapi(list, async (c) => {
    const page = await listPetitions(deps, c.get('principal'), c.req.valid('query'));
    return c.json(page as never, 200);
  });
  r.openapi(read, async (c) => {
    const view = await getPetition(deps, c.get('principal'), c.req.valid('param').id);
    return c.json(view as never, 200);
  });
  for (const [path, action, summary, body] of ACTIONS) {
    r.openapi(step(path, summary, body), async (c) => {
      const input = c.req.valid('json' as never) as { expectedVersion: number };
      const { id } = c.req.valid('param' as never) as { id: string };
      const view = await actOnPetition(deps, c.get('principal'), id, action as PetitionActionName, input);
      return c.json(view as never, 200);
    });
  }
  r.openapi(reveal, async (c) => {
    const { id } = c.req.valid('param');
    const out = await revealPetitioner(deps, c.get('principal'), id, c.req.valid('json').reason);
    c.header('cache-control', 'no-store');
    return c.json(out, 200);
  });
  return r;
}
