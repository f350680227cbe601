/**
 * Accounts (OWASP ASVS V2/V3): one's own password, and the security administrator's (安全管理员) work —
 * roles, disable and re-enable, unlock, password reset — on users of their jurisdiction, never on
 * their own account; and the password and lockout policy.
 */
import type { Capability } from '@jiandu/shared';
import {
  accountPolicyChangeSchema,
  accountPolicyViewSchema,
  accountSchema,
  changePasswordSchema,
  createSsoAccountSchema,
  emptyBodySchema,
  idParam,
  passwordResetSchema,
  setRolesSchema,
  setStateSchema,
  signedInSchema,
} from '@jiandu/shared/api';
import { defineRoute } from '../app/authorize.js';
import { type Deps, nowIso } from '../app/deps.js';
import { newRouter } from '../app/router.js';
import { setSessionCookie } from '../app/session-cookie.js';
import { actingRole, type Principal } from '../auth/principal.js';
import { readAccountPolicy, writeAccountPolicy } from '../services/accounts/policy.js';
import { createSsoAccount } from '../services/accounts/sso-accounts.js';
import {
  type AccountChangeContext,
  changeOwnPassword,
  resetPassword,
  setRoles,
  setState,
  unlock,
} from '../services/accounts/users.js';
import { writableUnitPath } from '../services/org/jurisdiction.js';
import { json } from './common.js';

/** Actions without data still send `{}` (every write is JSON: app.ts, and the CSRF argument of session-cookie.ts). */
const emptyBody = { required: false, content: json(emptyBodySchema) };

const changePassword = defineRoute('self.account', {
  method: 'put',
  path: '/api/v1/account/password',
  tags: ['accounts'],
  summary: 'Change your own password (needs the current one); ends your other sessions, answers a new one',
  request: {
    body: { required: true, content: json(changePasswordSchema) },
  },
  responses: {
    200: { description: 'Changed; a new session', content: json(signedInSchema) },
  },
});

const setRolesRoute = defineRoute('user.roles', {
  method: 'put',
  path: '/api/v1/users/{id}/roles',
  tags: ['accounts'],
  summary: "Set a user's roles (security administrator; 三员分立); their sessions end",
  request: {
    params: idParam,
    body: { required: true, content: json(setRolesSchema) },
  },
  responses: { 200: { description: 'The account', content: json(accountSchema) } },
});

const setStateRoute = defineRoute('user.state', {
  method: 'put',
  path: '/api/v1/users/{id}/state',
  tags: ['accounts'],
  summary: 'Disable (every session ends) or re-enable a user (security administrator)',
  request: {
    params: idParam,
    body: { required: true, content: json(setStateSchema) },
  },
  responses: { 200: { description: 'The account', content: json(accountSchema) } },
});

const unlockRoute = defineRoute('user.state', {
  method: 'post',
  path: '/api/v1/users/{id}/unlock',
  tags: ['accounts'],
  summary: 'Lift the lockout of a user (security administrator)',
  request: { params: idParam, body: emptyBody },
  responses: { 200: { description: 'The account', content: json(accountSchema) } },
});

const resetRoute = defineRoute('user.state', {
  method: 'post',
  path: '/api/v1/users/{id}/password-reset',
  tags: ['accounts'],
  summary:
    'Reset a password to a one-time one, shown once (security administrator); it must be changed at the next sign-in',
  request: { params: idParam, body: emptyBody },
  responses: {
    200: {
      description: 'The account and its one-time password',
      content: json(passwordResetSchema),
    },
  },
});

/**
 * Single sign-on (services/accounts/sso-accounts.ts): the identity provider authenticates, the security
 * administrator decides who is in — the same capability as disabling and re-enabling an account.
 */
const createSsoAccountRoute = defineRoute('user.state', {
  method: 'post',
  path: '/api/v1/sso-accounts',
  tags: ['accounts'],
  summary:
    "Create a single sign-on account (security administrator): the identity provider's username, no password; its tokens give access while the account is enabled, with the roles and unit of their claims",
  request: {
    body: {
      required: true,
      content: json(createSsoAccountSchema),
    },
  },
  responses: { 201: { description: 'The account', content: json(accountSchema) } },
});

const readPolicy = defineRoute('account.policy', {
  method: 'get',
  path: '/api/v1/account-policy',
  tags: ['accounts'],
  summary: 'The password and lockout policy (security administrator)',
  responses: {
    200: {
      description: 'The policy and its version',
      content: json(accountPolicyViewSchema),
    },
  },
});

const writePolicy = defineRoute('account.policy', {
  method: 'put',
  path: '/api/v1/account-policy',
  tags: ['accounts'],
  summary: 'Set the password and lockout policy (security administrator)',
  request: {
    body: { required: true, content: json(accountPolicyChangeSchema) },
  },
  responses: {
    200: {
      description: 'The policy and its version',
      content: json(accountPolicyViewSchema),
    },
  },
});

export function accountRoutes(deps: Deps) {
  const r = newRouter();
  const ctx = (p: Principal, cap: Capability): AccountChangeContext => ({
    p,
    role: actingRole(p, cap),
    inJurisdiction: (unitId) => writableUnitPath(deps, p, unitId),
  });
  r.openapi(changePassword, async (c) => {
    const { currentPassword, password } = c.req.valid('json');
    const s = await changeOwnPassword(deps, c.get('principal'), currentPassword, password);
    setSessionCookie(c, s.token, s.expiresAt, deps.clock());
    return c.json(s, 200);
  });
  r.openapi(setRolesRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { roles } = c.req.valid('json');
    return c.json(await setRoles(deps, ctx(c.get('principal'), 'user.roles'), id, roles), 200);
  });
  r.openapi(setStateRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { state } = c.req.valid('json');
    return c.json(await setState(deps, ctx(c.get('principal'), 'user.state'), id, state), 200);
  });
  r.openapi(unlockRoute, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await unlock(deps, ctx(c.get('principal'), 'user.state'), id), 200);
  });
  r.openapi(resetRoute, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await resetPassword(deps, ctx(c.get('principal'), 'user.state'), id), 200);
  });
  r.openapi(createSsoAccountRoute, async (c) => {
    const input = c.req.valid('json');
    return c.json(await createSsoAccount(deps, ctx(c.get('principal'), 'user.state'), input), 201);
  });
  r.openapi(readPolicy, async (c) => {
    const { policy, version } = await readAccountPolicy(deps);
    return c.json({ policy, version }, 200);
  });
  r.openapi(writePolicy, async (c) => {
    const p = c.get('principal');
    const { policy, expectedVersion } = c.req.valid('json');
    const actor = { id: p.id, role: actingRole(p, 'account.policy') };
    return c.json(await writeAccountPolicy(deps, policy, expectedVersion, actor, await nowIso(deps)), 200);
  });
  return r;
}
