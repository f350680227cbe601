/**
 * The middleware's decision for an OpenID provider's tokens (single sign-on, services/accounts/sso-accounts.ts):
 * the provider authenticates, Jiandu decides who is in — a token whose username names no Jiandu SSO
 * account, or a disabled one, is refused on its very next request; the roles and unit are the claims'.
 * The provider here is a key pair and a verifier of its own issuer beside the harness's built-in one.
 */
import { decodeJwt, exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVerifier, jwksOf } from '../auth/tokens.js';
import { ensureFirstSsoAdministrators } from '../services/accounts/first-administrators.js';
import { ssoUserId } from '../services/accounts/sso-accounts.js';
import { createUser } from '../services/accounts/users.js';
import { type Harness, startHarness } from '../testing/harness.js';
import type { Deps } from './deps.js';

const PROVIDER = 'https://sso.example.test/realms/jiandu';
const AUDIENCE = 'jiandu-web';

let h: Harness;
let security: string;
let providerKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
let n = 0;

beforeAll(async () => {
  const pair = await generateKeyPair('ES256');
  providerKey = pair.privateKey;
  const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'op-1', alg: 'ES256' };
  const provider = createVerifier({
    issuer: PROVIDER,
    audience: AUDIENCE,
    jwks: { keys: [jwk] },
    rolesClaim: 'groups',
    roleMap: { '/jiandu/supervisor': 'supervisor', '/jiandu/security': 'security_admin' },
    now: () => Math.floor(Date.parse('2025-05-15T02:00:00Z') / 1000),
  });
  // Both issuers at once, as `npm start` with an OIDC issuer beside the built-in one: by `iss`.
  let builtIn: Deps['verify'] = () => Promise.reject(new Error('not started'));
  h = await startHarness({
    verify: (token) => (decodeJwt(token).iss === PROVIDER ? provider(token) : builtIn(token)),
  });
  const issuer = h.deps.issuer;
  if (!issuer) throw new Error('the harness has a built-in issuer');
  builtIn = createVerifier({
    ...issuer.cfg,
    jwks: jwksOf([issuer.key]),
    now: () => Math.floor(h.deps.clock() / 1000),
  });
  security = await h.token('security_admin', 'city');
});
afterAll(() => h?.close());

/** A token of the provider, as Keycloak sends one: groups, unit and preferred_username. */
const providerToken = (claims: Record<string, unknown>) =>
  new SignJWT({ groups: ['/jiandu/supervisor'], unit: 'ds', name: '张督查', ...claims })
    .setProtectedHeader({ alg: 'ES256', kid: 'op-1' })
    .setIssuer(PROVIDER)
    .setAudience(AUDIENCE)
    .setSubject(`op-subject-${n++}`)
    .setIssuedAt(Math.floor(Date.parse('2025-05-15T01:00:00Z') / 1000))
    .setExpirationTime(Math.floor(Date.parse('2025-05-15T09:00:00Z') / 1000))
    .sign(providerKey);

const problem = async (r: Response) => [r.status, ((await r.json()) as { code?: string }).code];

/** A new SSO account made through the security administrator's route. */
async function ssoAccount(unitId = 'ds') {
  const username = `Sso.User-${n++}@example.test`;
  const r = await h.call('POST', '/api/v1/sso-accounts', {
    token: security,
    body: { username, name: '张督查', unitId },
  });
  expect(r.status).toBe(201);
  return { given: username, ...((await r.json()) as { id: string; username: string; roles: string[] }) };
}

describe('an OpenID provider’s token', () => {
  it('gives no access when its username names no Jiandu account: 403 auth.accountUnknown', async () => {
    const token = await providerToken({ preferred_username: 'nobody.here' });
    const r = await h.call('GET', '/api/v1/units', { token });
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(await problem(r)).toEqual([403, 'auth.accountUnknown']);
  });

  it('gives no access without a username claim', async () => {
    const r = await h.call('GET', '/api/v1/units', { token: await providerToken({}) });
    expect(await problem(r)).toEqual([403, 'auth.accountUnknown']);
  });

  it('gives no access through an account of the built-in issuer of the same name (it is not an SSO account)', async () => {
    await createUser(h.deps, {
      username: 'plain.user',
      name: '密码用户',
      roles: ['supervisor'],
      unitId: 'ds',
      password: 'pass-word-1',
    });
    const token = await providerToken({ preferred_username: 'plain.user' });
    expect(await problem(await h.call('GET', '/api/v1/units', { token }))).toEqual([
      403,
      'auth.accountUnknown',
    ]);
  });

  it('serves an enabled account, as that account, with the roles and unit of its claims', async () => {
    const acct = await ssoAccount();
    // Stored lower-cased, holding no roles of its own; the provider's spelling of the name still finds it.
    expect([acct.username, acct.roles]).toEqual([acct.given.toLowerCase(), []]);
    expect(acct.id).toBe(ssoUserId(acct.username));
    const token = await providerToken({ preferred_username: acct.given });
    const units = await h.call('GET', '/api/v1/units', { token });
    expect(units.status).toBe(200);
    // The claims' unit (东山县): its subtree only, not 西川县.
    const ids = (await units.json()) as { id: string }[] | { items: { id: string }[] } as unknown;
    expect(JSON.stringify(ids)).toContain('"ds-a"');
    expect(JSON.stringify(ids)).not.toContain('"xs-a"');
    // The claims' role (supervisor): the operation log stays the audit administrator's.
    expect((await h.call('GET', '/api/v1/operation-log', { token })).status).toBe(403);
  });

  it('is refused on the next request once the account is disabled, and served again once re-enabled', async () => {
    const acct = await ssoAccount();
    const token = await providerToken({ preferred_username: acct.username });
    expect((await h.call('GET', '/api/v1/units', { token })).status).toBe(200);
    const state = (s: string) =>
      h.call('PUT', `/api/v1/users/${acct.id}/state`, { token: security, body: { state: s } });
    expect((await state('disabled')).status).toBe(200);
    expect(await problem(await h.call('GET', '/api/v1/units', { token }))).toEqual([
      403,
      'auth.accountDisabled',
    ]);
    expect((await state('active')).status).toBe(200);
    expect((await h.call('GET', '/api/v1/units', { token })).status).toBe(200);
  });

  it('costs one GetItem of the account per request (its id is derived from the username)', async () => {
    const acct = await ssoAccount();
    const token = await providerToken({ preferred_username: acct.username });
    await h.call('GET', '/api/v1/units', { token }); // the unit tree is cached by now
    const sent: string[] = [];
    const doc = h.deps.doc;
    const original = doc.send.bind(doc);
    doc.send = ((command: { constructor: { name: string }; input: unknown }, ...rest: unknown[]) => {
      sent.push(`${command.constructor.name} ${JSON.stringify(command.input)}`);
      return (original as (...a: unknown[]) => unknown)(command, ...rest);
    }) as typeof doc.send;
    try {
      expect((await h.call('GET', '/api/v1/units', { token })).status).toBe(200);
    } finally {
      doc.send = original;
    }
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/^GetCommand /);
    expect(sent[0]).toContain(`"pk":"user#${acct.id}"`);
  });

  it('still refuses a claims-mapped role set that breaks 三员分立 (401), account or not', async () => {
    const acct = await ssoAccount();
    const token = await providerToken({
      preferred_username: acct.username,
      groups: ['/jiandu/supervisor', '/jiandu/security'],
    });
    expect((await h.call('GET', '/api/v1/units', { token })).status).toBe(401);
  });
});

describe('single sign-on accounts', () => {
  it('are created by the security administrator only, each name once', async () => {
    const admin = await h.token('admin', 'city');
    const body = { username: `made-${n++}`, name: '王某', unitId: 'ds' };
    expect(await problem(await h.call('POST', '/api/v1/sso-accounts', { token: admin, body }))).toEqual([
      403,
      'auth.forbidden',
    ]);
    expect((await h.call('POST', '/api/v1/sso-accounts', { token: security, body })).status).toBe(201);
    const again = await h.call('POST', '/api/v1/sso-accounts', { token: security, body });
    expect([again.status, ((await again.json()) as { field?: string }).field]).toEqual([409, 'username']);
    // A name the built-in issuer holds is taken too.
    const taken = await h.call('POST', '/api/v1/sso-accounts', {
      token: security,
      body: { ...body, username: 'security_admin-city' },
    });
    expect(taken.status).toBe(409);
  });

  it('refuse a malformed username, naming the field', async () => {
    const r = await h.call('POST', '/api/v1/sso-accounts', {
      token: security,
      body: { username: 'two words', name: '王某', unitId: 'ds' },
    });
    expect(r.status).toBe(400);
    expect(JSON.stringify(await r.json())).toContain('username');
  });

  it('have no password: no sign-in with one, no reset, no roles of their own', async () => {
    const acct = await ssoAccount();
    const signIn = await h.call('POST', '/api/v1/auth/sign-in', {
      body: { username: acct.username, password: 'anything-at-all' },
    });
    expect(await problem(signIn)).toEqual([401, 'auth.invalidCredentials']);
    const reset = await h.call('POST', `/api/v1/users/${acct.id}/password-reset`, {
      token: security,
      body: {},
    });
    expect(await problem(reset)).toEqual([422, 'account.singleSignOn']);
    const roles = await h.call('PUT', `/api/v1/users/${acct.id}/roles`, {
      token: security,
      body: { roles: ['inspector'] },
    });
    expect(await problem(roles)).toEqual([422, 'account.singleSignOn']);
  });
});

describe('the first administrators with single sign-on', () => {
  it('are created once, as SSO accounts without a password, both together', async () => {
    const h2 = await startHarness();
    try {
      const names = { sysadmin: 'Alice.Admin', secadmin: 'bob.security' };
      const first = await ensureFirstSsoAdministrators(h2.deps, names);
      expect(first.map((a) => a.username)).toEqual(['alice.admin', 'bob.security']);
      expect(await ensureFirstSsoAdministrators(h2.deps, names)).toEqual([]);
      for (const username of ['alice.admin', 'bob.security']) {
        const stored = await h2.deps.store.get<{ sso?: boolean; unitId: string; state: string }>(
          'user',
          ssoUserId(username),
        );
        expect([username, stored?.data.sso, stored?.data.state, stored?.data.unitId]).toEqual([
          username,
          true,
          'active',
          'city', // the harness's root unit (a new store gets one called `root`)
        ]);
      }
    } finally {
      h2.close();
    }
  });
});
