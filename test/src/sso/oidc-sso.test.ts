/**
 * Single sign-on against a real OpenID Provider run by the test (issue 18): the API finds the provider's
 * keys through its discovery document, maps its group and unit claims to roles and jurisdiction by
 * configuration, follows a key rotation, refuses claims that map to no role, and answers 503 (not 401)
 * while the provider cannot be reached. The provider authenticates, Jiandu decides who is in: a provider
 * user without a Jiandu account gets 403, and one the security administrator disables is refused on the
 * next call with the same, still valid, token.
 */
import { createVerifier, jwksOf } from '@jiandu/functions/auth';
import { type Harness, ingestFindings, startHarness } from '@jiandu/functions/testing';
import { decodeJwt, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT, signingKey, startProvider, type TestProvider } from './provider.js';

const ACCOUNTS = {
  'zhang.sup': { name: '张督查', groups: ['/jiandu/supervisor'], unit: 'ds' },
  'li.west': { name: '李督查', groups: ['/jiandu/supervisor'], unit: 'xs' },
  'wang.none': { name: '王无权', groups: ['/other-app/user'], unit: 'ds' },
  'zhao.two': { name: '赵两职', groups: ['/jiandu/admin', '/jiandu/auditor'], unit: 'city' },
  'chen.nojiandu': { name: '陈无账号', groups: ['/jiandu/supervisor'], unit: 'ds' },
  'sun.sup': { name: '孙督查', groups: ['/jiandu/supervisor'], unit: 'ds' },
};
const ROLE_MAP = {
  '/jiandu/supervisor': 'supervisor',
  '/jiandu/inspector': 'inspector',
  '/jiandu/admin': 'admin',
  '/jiandu/auditor': 'audit_admin',
} as const;

let op: TestProvider;
let h: Harness;
let k1: JWK;
let findingId: string;
let security: string;
/** The Jiandu account ids of the provider's users, by username. */
const accountIds = new Map<string, string>();

beforeAll(async () => {
  k1 = await signingKey('k1');
  op = await startProvider(ACCOUNTS, [k1]);
  const provider = createVerifier({
    issuer: op.issuer,
    audience: CLIENT.id,
    jwks: 'discover',
    rolesClaim: 'groups',
    roleMap: ROLE_MAP,
    unitClaim: 'unit',
    jwksCooldownMs: 0,
  });
  // The provider's tokens and the built-in issuer's side by side (as `npm start` with an OIDC issuer), told
  // apart by `iss`: the security administrator here is a built-in account.
  let builtIn: (token: string) => ReturnType<typeof provider> = () => Promise.reject(new Error('not yet'));
  h = await startHarness({
    verify: (token) => (decodeJwt(token).iss === op.issuer ? provider(token) : builtIn(token)),
  });
  const issuer = h.deps.issuer;
  if (!issuer) throw new Error('the harness has a built-in issuer');
  builtIn = createVerifier({
    ...issuer.cfg,
    jwks: jwksOf([issuer.key]),
    now: () => Math.floor(h.deps.clock() / 1000),
  });
  // The security administrator creates the Jiandu accounts of the provider's
  // users who may come in — not chen.nojiandu's.
  security = await h.token('security_admin', 'city');
  for (const username of ['zhang.sup', 'li.west', 'wang.none', 'zhao.two', 'sun.sup']) {
    const { name, unit } = ACCOUNTS[username as keyof typeof ACCOUNTS];
    const res = await h.call('POST', '/api/v1/sso-accounts', {
      token: security,
      body: { username, name, unitId: unit },
    });
    if (res.status !== 201) throw new Error(`${username}: ${res.status} ${await res.text()}`);
    accountIds.set(username, ((await res.json()) as { id: string }).id);
  }
  // A finding of 东山县 (ds), logged by one of its inspectors straight through the service.
  const inspector = { id: 'insp-ds', name: '东山县纪委', roles: ['inspector' as const], unitId: 'ds' };
  const [done] = await ingestFindings(h.deps, inspector, [
    {
      unitId: 'ds-a',
      category: 'inaction',
      severity: 'general',
      source: 'inspection',
      description: '单点登录测试',
      discoveredOn: '2025-05-02',
    },
  ]);
  if (done?.status !== 'accepted') throw new Error(`the finding was not logged: ${JSON.stringify(done)}`);
  findingId = done.id;
});
afterAll(async () => {
  h?.close();
  await op?.close();
});

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

describe('single sign-on with an OpenID Provider', () => {
  it('signs a user in through the provider and serves the API with its token, in the jurisdiction its claims give', async () => {
    const token = await op.signIn('zhang.sup');
    const mine = await h.call('GET', `/api/v1/findings/${findingId}`, bearer(token));
    expect(mine.status).toBe(200);
    const list = await h.call('GET', '/api/v1/findings', bearer(token));
    expect(((await list.json()) as { items: { id: string }[] }).items.map((f) => f.id)).toContain(findingId);
    // A supervisor of the next county, signed in the same way, does not see it.
    const west = await op.signIn('li.west');
    expect((await h.call('GET', `/api/v1/findings/${findingId}`, bearer(west))).status).toBe(404);
    // Mapped to supervisor: the operation log stays the audit administrator's.
    expect((await h.call('GET', '/api/v1/operation-log', bearer(token))).status).toBe(403);
  });

  it('gives no access to claims that map to no role, or to two administrator roles', async () => {
    for (const account of ['wang.none', 'zhao.two']) {
      const res = await h.call('GET', '/api/v1/units', bearer(await op.signIn(account)));
      expect([account, res.status]).toEqual([account, 401]);
    }
  });

  it('gives no access to a provider user with a mapped group but no Jiandu account (403 auth.accountUnknown)', async () => {
    const res = await h.call('GET', '/api/v1/units', bearer(await op.signIn('chen.nojiandu')));
    expect([res.status, ((await res.json()) as { code: string }).code]).toEqual([403, 'auth.accountUnknown']);
  });

  it('refuses a user the security administrator disables on the next call with the same token, and admits them again when re-enabled', async () => {
    const token = await op.signIn('sun.sup');
    const call = async () => {
      const res = await h.call('GET', `/api/v1/findings/${findingId}`, bearer(token));
      return [res.status, res.status === 200 ? 'ok' : ((await res.json()) as { code: string }).code];
    };
    expect(await call()).toEqual([200, 'ok']);
    const setState = (state: string) =>
      h.call('PUT', `/api/v1/users/${accountIds.get('sun.sup')}/state`, { token: security, body: { state } });
    expect((await setState('disabled')).status).toBe(200);
    expect(await call()).toEqual([403, 'auth.accountDisabled']);
    expect((await setState('active')).status).toBe(200);
    expect(await call()).toEqual([200, 'ok']);
  });

  it('follows a rotated key: new tokens are accepted, tokens of the retired key no longer', async () => {
    const before = await op.signIn('zhang.sup');
    expect((await h.call('GET', '/api/v1/units', bearer(before))).status).toBe(200);
    op.rotate([await signingKey('k2')]);
    const after = await op.signIn('zhang.sup');
    expect((await h.call('GET', '/api/v1/units', bearer(after))).status).toBe(200);
    expect((await h.call('GET', '/api/v1/units', bearer(before))).status).toBe(401);
  });

  it('answers 503 while the provider cannot be reached, so clients retry rather than sign in again', async () => {
    const down = await startProvider(ACCOUNTS, [k1]);
    const token = await down.signIn('zhang.sup');
    const issuer = down.issuer;
    await down.close();
    const h2 = await startHarness({
      verify: createVerifier({
        issuer,
        audience: CLIENT.id,
        jwks: 'discover',
        rolesClaim: 'groups',
        roleMap: ROLE_MAP,
      }),
    });
    try {
      const res = await h2.call('GET', '/api/v1/units', bearer(token));
      expect([res.status, ((await res.json()) as { code: string }).code]).toEqual([
        503,
        'auth.issuerUnavailable',
      ]);
    } finally {
      h2.close();
    }
  });
});
