/** 通报: the monthly bulletin of a unit (your home unit by default), as JSON, computed on read. */
import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../app/app.js';
import type { Deps } from '../app/deps.js';
import { monthlyBulletin } from '../services/bulletins.js';
import { json, problemResponses } from './common.js';

const month = createRoute({
  method: 'get',
  path: '/api/v1/bulletins/{month}',
  tags: ['bulletins'],
  summary:
    'The monthly bulletin: progress against targets, overdue rectifications, cards and proposals, petitions and signals, satisfaction',
  security: [{ bearer: [] }],
  request: {
    params: z.object({
      month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'a month like 2025-05' }),
    }),
    query: z.strictObject({
      unitId: z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,64}$/)
        .optional(),
    }),
  },
  responses: {
    200: { description: 'The bulletin', content: json(z.unknown()) },
    ...problemResponses,
  },
});

export function bulletinRoutes(deps: Deps) {
  const r = newRouter();
  r.openapi(month, async (c) => {
    const { month: m } = c.req.valid('param');
    const { unitId } = c.req.valid('query');
    return c.json((await monthlyBulletin(deps, c.get('principal'), m, unitId)) as never, 200);
  });
  return r;
}
