/**
 * Single sign-on against a real OpenID Provider run by the test (issue 18): the API finds the provider's
 * keys through its discovery document, maps its group and unit claims to roles and jurisdiction by
 * configuration, follows a key rotation, refuses claims that map to no role, and answers 503 (not 401)
 * while the provider cannot be reached.
 */
import { createVerifier } from '@jiandu/functions/auth';
import { type Harness, ingestFindings, startHarness } from '@jiandu/functions/testing';
import type { JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT, signingKey, startProvider, type TestProvider } from './provider.js';

const ACCOUNTS = {
  'zhang.sup': { name: '张督查', groups: ['/jiandu/supervisor'], unit: 'ds' },
  'li.west': { name: '李督查', groups: ['/jiandu/supervisor'], unit: 'xs' },
  'wang.none': { name: '王无权', groups: ['/other-app/user'], unit: 'ds' },
  'zhao.two': { name: '赵两职', groups: ['/jiandu/admin', '/jiandu/auditor'], unit: 'city' },
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

beforeAll(async () => {
  k1 = await signingKey('k1');
  op = await startProvider(ACCOUNTS, [k1]);
  h = await startHarness({
    verify: createVerifier({
      issuer: op.issuer,
      audience: CLIENT.id,
      jwks: 'discover',
      rolesClaim: 'groups',
      roleMap: ROLE_MAP,
      unitClaim: 'unit',
      jwksCooldownMs: 0,
    }),
  });
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
