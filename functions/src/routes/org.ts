/** People, posts (任职) and users: admins manage them; everyone reads posts in their jurisdiction. */
import { tenureSchema } from '@jiandu/shared';
import {
  accountListSchema,
  accountSchema,
  idParam,
  tenureInputSchema,
  tenureListSchema,
  tenureUpdateSchema,
  userInputSchema,
} from '@jiandu/shared/api';
import { defineRoute } from '../app/authorize.js';
import type { Deps } from '../app/deps.js';
import { EdgeError } from '../app/edge-error.js';
import { newRouter } from '../app/router.js';
import { assertPasswordAllowed } from '../auth/password-policy.js';
import { actingRole } from '../auth/principal.js';
import { readAccountPolicy } from '../services/accounts/policy.js';
import {
  accountView,
  accountViews,
  assertCreatableRoles,
  createUser,
  logUserCreated,
  publicUser,
  type User,
} from '../services/accounts/users.js';
import { writableUnitPath } from '../services/org/jurisdiction.js';
import { namesOf } from '../services/org/names.js';
import { createTenure, tenuresOf, updateTenure } from '../services/org/org.js';
import { json } from './common.js';

const createTenureRoute = defineRoute('unit.manage', {
  method: 'post',
  path: '/api/v1/tenures',
  tags: ['org'],
  summary: 'Record a person holding a principal or deputy-in-charge post (admin)',
  request: { body: { required: true, content: json(tenureInputSchema) } },
  responses: {
    201: { description: 'Created', content: json(tenureSchema) },
  },
});

const updateTenureRoute = defineRoute('unit.manage', {
  method: 'patch',
  path: '/api/v1/tenures/{id}',
  tags: ['org'],
  summary: 'End a post (its last day) or correct its title, with the reason (admin)',
  request: { params: idParam, body: { required: true, content: json(tenureUpdateSchema) } },
  responses: {
    200: { description: 'The tenure as it now stands', content: json(tenureSchema) },
  },
});

const unitPosts = defineRoute('unit.read', {
  method: 'get',
  path: '/api/v1/units/{id}/tenures',
  tags: ['org'],
  summary: 'Who held the posts of a unit, with dates',
  request: { params: idParam },
  responses: {
    200: {
      description: 'Tenures',
      content: json(tenureListSchema),
    },
  },
});

const createUserRoute = defineRoute('user.create', {
  method: 'post',
  path: '/api/v1/users',
  tags: ['org'],
  summary:
    'Create a user of the built-in issuer (system administrator; working roles only — administrator roles are granted by the security administrator). The password must be changed at first sign-in.',
  request: { body: { required: true, content: json(userInputSchema) } },
  responses: {
    201: { description: 'Created', content: json(accountSchema) },
  },
});

const listUsers = defineRoute('user.read', {
  method: 'get',
  path: '/api/v1/users',
  tags: ['org'],
  summary: 'Users of your jurisdiction (admin)',
  responses: {
    200: {
      description: 'Users',
      content: json(accountListSchema),
    },
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
    const items = await tenuresOf(deps, id);
    const names = await namesOf(
      deps,
      'person',
      items.map((t) => t.personId),
    );
    return c.json({ items, names: Object.fromEntries(names) }, 200);
  });
  r.openapi(updateTenureRoute, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await updateTenure(deps, c.get('principal'), id, c.req.valid('json')), 200);
  });
  r.openapi(createUserRoute, async (c) => {
    const p = c.get('principal');
    const input = c.req.valid('json');
    const role = actingRole(p, 'user.create');
    assertCreatableRoles(input.roles);
    await writableUnitPath(deps, p, input.unitId);
    const { policy } = await readAccountPolicy(deps);
    await assertPasswordAllowed(input.password, {
      minLength: policy.minPasswordLength,
      userInputs: [input.username, input.name],
    });
    try {
      const u = await createUser(deps, { ...input, mustChangePassword: true }, { id: p.id, role });
      await logUserCreated(deps, { p, role, inJurisdiction: async () => {} }, u);
      return c.json(await accountView(deps, u), 201);
    } catch (e) {
      if ((e as Error).name === 'TxCancelled') {
        throw new EdgeError('conflict.duplicate', 'that username is taken', {
          field: 'username',
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
    const items = await accountViews(
      deps,
      page.items.map((s) => publicUser(s.data)),
    );
    return c.json({ items }, 200);
  });
  return r;
}
