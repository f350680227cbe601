/** People, posts (任职) and users: admins manage them; everyone reads posts in their jurisdiction. */
import { z } from '@hono/zod-openapi';
import { role, shortText, tenureSchema } from '@jiandu/shared';
import { newRouter } from '../app/app.js';
import { defineRoute } from '../app/authorize.js';
import type { Deps } from '../app/deps.js';
import { EdgeError } from '../app/edge-error.js';
import { actingRole } from '../auth/principal.js';
import { writableUnitPath } from '../services/jurisdiction.js';
import { createTenure, tenuresOf } from '../services/org.js';
import { createUser, publicUser, type User } from '../services/users.js';
import { idParam, json, problemResponses } from './common.js';

const tenureInput = z.strictObject({
  tenure: tenureSchema,
  personName: shortText(50),
});

const createTenureRoute = defineRoute('unit.manage', {
  method: 'post',
  path: '/api/v1/tenures',
  tags: ['org'],
  summary: 'Record a person holding a principal or deputy-in-charge post (admin)',
  security: [{ bearer: [] }],
  request: { body: { required: true, content: json(tenureInput) } },
  responses: {
    201: { description: 'Created', content: json(tenureSchema) },
    ...problemResponses,
  },
});

const unitPosts = defineRoute('unit.read', {
  method: 'get',
  path: '/api/v1/units/{id}/tenures',
  tags: ['org'],
  summary: 'Who held the posts of a unit, with dates',
  security: [{ bearer: [] }],
  request: { params: idParam },
  responses: {
    200: {
      description: 'Tenures',
      content: json(z.object({ items: z.array(tenureSchema) })),
    },
    ...problemResponses,
  },
});

const userInput = z.strictObject({
  username: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,63}$/),
  name: shortText(50),
  roles: z.array(role.schema).min(1).max(6),
  unitId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  password: z.string().min(8).max(256),
});

const publicUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  roles: z.array(z.string()),
  unitId: z.string(),
});

const createUserRoute = defineRoute('user.create', {
  method: 'post',
  path: '/api/v1/users',
  tags: ['org'],
  summary: 'Create a user of the built-in issuer (admin)',
  security: [{ bearer: [] }],
  request: { body: { required: true, content: json(userInput) } },
  responses: {
    201: { description: 'Created', content: json(publicUserSchema) },
    ...problemResponses,
  },
});

const listUsers = defineRoute('user.read', {
  method: 'get',
  path: '/api/v1/users',
  tags: ['org'],
  summary: 'Users of your jurisdiction (admin)',
  security: [{ bearer: [] }],
  responses: {
    200: {
      description: 'Users',
      content: json(z.object({ items: z.array(publicUserSchema) })),
    },
    ...problemResponses,
  },
});

export function orgRoutes(deps: Deps) {
  const r = newRouter();
  r.openapi(createTenureRoute, async (c) => {
    const { tenure, personName } = c.req.valid('json');
    return c.json(await createTenure(deps, c.get('principal'), tenure, personName), 201);
  });
  r.openapi(unitPosts, async (c) => {
    const { id } = c.req.valid('param');
    await writableUnitPath(deps, c.get('principal'), id, 'id').catch(() => {
      throw new EdgeError('record.notFound', 'unit not found');
    });
    return c.json({ items: await tenuresOf(deps, id) }, 200);
  });
  r.openapi(createUserRoute, async (c) => {
    const p = c.get('principal');
    const input = c.req.valid('json');
    await writableUnitPath(deps, p, input.unitId);
    try {
      return c.json(await createUser(deps, input, { id: p.id, role: actingRole(p, 'user.create') }), 201);
    } catch (e) {
      if ((e as Error).name === 'TxCancelled') {
        throw new EdgeError('conflict.duplicate', 'that username is taken', {
          field: 'username',
          status: 409,
        });
      }
      throw e;
    }
  });
  r.openapi(listUsers, async (c) => {
    const p = c.get('principal');
    const scope = await deps.units.pathOf(p.unitId);
    const page = await deps.store.list<User>('user', {
      limit: 1000,
      caller: p.id,
      ...(scope ? { unitPathPrefix: scope } : {}),
    });
    return c.json({ items: page.items.map((s) => publicUser(s.data)) }, 200);
  });
  return r;
}
