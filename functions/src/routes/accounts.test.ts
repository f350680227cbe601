/**
 * Accounts that resist attack (issue 12, OWASP ASVS V2/V3), through the real app and DynamoDB Local:
 * throttling, lockout, equal work for unknown names, the password policy, resets, revocable sessions,
 * the session cookie and the operation log of it all.
 */
import type { Role } from '@jiandu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/passwords.js';
import { issueToken } from '../auth/tokens.js';
import { ensureFirstAdministrators } from '../services/accounts/first-administrators.js';
import type { AccountPolicy } from '../services/accounts/policy.js';
import { createUser, DUMMY_HASH, signIn } from '../services/accounts/users.js';
import { type Harness, startHarness } from '../testing/harness.js';

const PASSWORD = 'pass-word-1';
const STRONG = 'violet-harbour-lantern-42';

let h: Harness;
let security: string;
let admin: string;
let auditor: string;
let n = 0;

beforeAll(async () => {
  h = await startHarness();
  [security, admin, auditor] = await Promise.all([
    h.token('security_admin', 'city'),
    h.token('admin', 'city'),
    h.token('audit_admin', 'city'),
  ]);
});
afterAll(() => h.close());

/** A fresh user (its own name, so counters and sessions of one test do not touch another's). */
async function freshUser(roles: Role[] = ['inspector'], unitId = 'ds') {
  const username = `acct-${n++}-${Date.now().toString(36)}`;
  const u = await createUser(h.deps, { username, name: `用户${n}`, roles, unitId, password: PASSWORD });
  return { ...u, username };
}

async function signInAs(username: string, password = PASSWORD, address?: string) {
  return h.call('POST', '/api/v1/auth/sign-in', {
    body: { username, password },
    ...(address ? { address } : {}),
  });
}

async function tokenOf(username: string, password = PASSWORD): Promise<string> {
  const r = await signInAs(username, password);
  expect(r.status).toBe(200);
  return ((await r.json()) as { token: string }).token;
}

const body = async (r: Response) => (await r.json()) as Record<string, unknown>;

async function setPolicy(patch: Partial<AccountPolicy>) {
  const cur = (await body(await h.call('GET', '/api/v1/account-policy', { token: security }))) as {
    policy: AccountPolicy;
    version: number;
  };
  const r = await h.call('PUT', '/api/v1/account-policy', {
    token: security,
    body: { policy: { ...cur.policy, ...patch }, expectedVersion: cur.version },
  });
  expect(r.status).toBe(200);
}

/** Runs with a policy, then puts the defaults back. */
async function withPolicy(patch: Partial<AccountPolicy>, f: () => Promise<void>) {
  await setPolicy(patch);
  try {
    await f();
  } finally {
    await setPolicy({
      lockoutThreshold: 5,
      lockoutMinutes: 15,
      attemptsPerName: 10,
      attemptsPerAddress: 60,
      windowSeconds: 60,
    });
  }
}

const oplog = async (action: string) =>
  (
    (await body(
      await h.call('GET', `/api/v1/operation-log?action=${action}&limit=200`, { token: auditor }),
    )) as { items: { action: string; subject?: { username: string }; outcome: string; actorId: string }[] }
  ).items;

describe('sign-in throttling and lockout', () => {
  it('answers 429 with Retry-After once a name has used its attempts of the window, and again after it', async () => {
    await withPolicy({ attemptsPerName: 3, lockoutThreshold: 10, windowSeconds: 60 }, async () => {
      const u = await freshUser();
      for (let i = 0; i < 3; i++) expect((await signInAs(u.username, 'wrong-password-1')).status).toBe(401);
      const refused = await signInAs(u.username);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect((await body(refused)).code).toBe('auth.throttled');
      const wait = Number(refused.headers.get('retry-after'));
      expect(wait).toBeGreaterThanOrEqual(1);
      expect(wait).toBeLessThanOrEqual(60);
      h.setNow(h.deps.clock() + wait * 1000);
      expect((await signInAs(u.username)).status).toBe(200);
    });
  });

  it('throttles a client address across names', async () => {
    await withPolicy({ attemptsPerAddress: 3, windowSeconds: 60 }, async () => {
      h.setNow(Math.ceil(h.deps.clock() / 60_000) * 60_000 + 1000); // the start of a window
      const addr = '203.0.113.7';
      for (let i = 0; i < 3; i++)
        expect((await signInAs(`nobody-${i}`, 'wrong-password-1', addr)).status).toBe(401);
      const r = await signInAs('someone-else', 'wrong-password-1', addr);
      expect([r.status, (await body(r)).code]).toEqual([429, 'auth.throttled']);
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another address is not held back.
      expect((await signInAs('someone-else', 'wrong-password-1', '203.0.113.8')).status).toBe(401);
    });
  });

  it('locks a name after N consecutive failures, even for the right password, until the security administrator lifts it', async () => {
    await withPolicy({ lockoutThreshold: 3, lockoutMinutes: 15 }, async () => {
      const u = await freshUser();
      for (let i = 0; i < 3; i++) expect((await signInAs(u.username, 'wrong-password-1')).status).toBe(401);
      const locked = await signInAs(u.username);
      expect([locked.status, (await body(locked)).code]).toEqual([429, 'auth.locked']);
      const wait = Number(locked.headers.get('retry-after'));
      expect(wait).toBeGreaterThan(14 * 60);
      expect(wait).toBeLessThanOrEqual(15 * 60);
      const list = (await body(await h.call('GET', '/api/v1/users', { token: security }))) as {
        items: { id: string; lockedUntil: string | null }[];
      };
      expect(list.items.find((x) => x.id === u.id)?.lockedUntil).toEqual(expect.any(String));
      // Only the security administrator lifts it.
      expect((await h.call('POST', `/api/v1/users/${u.id}/unlock`, { token: admin, body: {} })).status).toBe(
        403,
      );
      const unlocked = await h.call('POST', `/api/v1/users/${u.id}/unlock`, { token: security, body: {} });
      expect(unlocked.status).toBe(200);
      expect((await body(unlocked)).lockedUntil).toBeNull();
      expect((await signInAs(u.username)).status).toBe(200);
      const lockouts = await oplog('lockout');
      expect(lockouts.some((e) => e.subject?.username === u.username)).toBe(true);
      const unlocks = await oplog('unlock');
      expect(unlocks.some((e) => e.subject?.username === u.username)).toBe(true);
    });
  });

  it('locks an unknown name the same way, so a lock tells nothing about which names exist', async () => {
    await withPolicy({ lockoutThreshold: 3 }, async () => {
      for (let i = 0; i < 3; i++) expect((await signInAs('ghost-name', 'wrong-password-1')).status).toBe(401);
      const r = await signInAs('ghost-name', 'wrong-password-1');
      expect([r.status, (await body(r)).code]).toEqual([429, 'auth.locked']);
    });
  });

  it('runs the password hash for an unknown name too (against a dummy hash)', async () => {
    const calls: string[] = [];
    const spy = (password: string, hash: string) => {
      calls.push(hash);
      return verifyPassword(password, hash);
    };
    await expect(signIn(h.deps, 'no-such-user', 'whatever-1234', null, spy)).rejects.toMatchObject({
      code: 'auth.invalidCredentials',
    });
    expect(calls).toEqual([DUMMY_HASH]);
    const u = await freshUser();
    await signIn(h.deps, u.username, PASSWORD, null, spy);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatch(/^scrypt\$/);
    expect(calls[1]).not.toBe(DUMMY_HASH);
  });
});

describe('the password policy', () => {
  it.each([
    ['short', 'Ab1-short', 'password.tooShort'],
    ['common', 'password1234', 'password.common'],
    ['guessable', 'aaaaaaaaaaaaaaaa', 'password.weak'],
    ['keyboard walk', 'qwertyuiop12', 'password.common'],
  ])('refuses a %s password when a user is created (422 naming password)', async (_k, password, code) => {
    const r = await h.call('POST', '/api/v1/users', {
      token: admin,
      body: { username: `weak-${n++}`, name: '弱口令', roles: ['viewer'], unitId: 'ds', password },
    });
    const b = await body(r);
    expect([r.status, b.code, b.field]).toEqual([422, code, 'password']);
  });

  it('refuses a weak new password when one changes one’s own', async () => {
    const u = await freshUser();
    const t = await tokenOf(u.username);
    const r = await h.call('PUT', '/api/v1/account/password', {
      token: t,
      body: { currentPassword: PASSWORD, password: 'password1234' },
    });
    const b = await body(r);
    expect([r.status, b.code, b.field]).toEqual([422, 'password.common', 'password']);
    const wrong = await h.call('PUT', '/api/v1/account/password', {
      token: t,
      body: { currentPassword: 'not-it-at-all', password: STRONG },
    });
    expect([wrong.status, (await body(wrong)).field]).toEqual([422, 'currentPassword']);
  });
});

describe('account changes by the administrators', () => {
  it('lets the system administrator create working users only, who must change the password at first sign-in', async () => {
    const asAdmin = await h.call('POST', '/api/v1/users', {
      token: admin,
      body: {
        username: 'new-auditor',
        name: '审计',
        roles: ['audit_admin'],
        unitId: 'city',
        password: STRONG,
      },
    });
    expect([asAdmin.status, (await body(asAdmin)).code]).toEqual([422, 'access.adminRoleByCreate']);
    const ok = await h.call('POST', '/api/v1/users', {
      token: admin,
      body: { username: 'new-worker', name: '新人', roles: ['viewer'], unitId: 'ds', password: STRONG },
    });
    expect(ok.status).toBe(201);
    const created = (await body(ok)) as { id: string; mustChangePassword: boolean };
    expect(created.mustChangePassword).toBe(true);
    const s = (await body(await signInAs('new-worker', STRONG))) as {
      token: string;
      user: { mustChangePassword: boolean };
    };
    expect(s.user.mustChangePassword).toBe(true);
    const blocked = await h.call('GET', '/api/v1/units', { token: s.token });
    expect([blocked.status, (await body(blocked)).code]).toEqual([403, 'auth.passwordChangeRequired']);
    // The security administrator grants an administrator role (alone: 三员分立).
    const mixed = await h.call('PUT', `/api/v1/users/${created.id}/roles`, {
      token: security,
      body: { roles: ['audit_admin', 'viewer'] },
    });
    expect([mixed.status, (await body(mixed)).code]).toEqual([422, 'access.adminRolesExclusive']);
    const granted = await h.call('PUT', `/api/v1/users/${created.id}/roles`, {
      token: security,
      body: { roles: ['audit_admin'] },
    });
    expect(granted.status).toBe(200);
    expect((await oplog('user-create')).some((e) => e.subject?.username === 'new-worker')).toBe(true);
    expect((await oplog('user-roles')).some((e) => e.subject?.username === 'new-worker')).toBe(true);
  });

  it('refuses a security administrator changing their own roles or state', async () => {
    const me = (await body(await h.call('GET', '/api/v1/users', { token: security }))) as {
      items: { id: string; username: string }[];
    };
    const self = me.items.find((u) => u.username === 'security_admin-city');
    expect(self).toBeDefined();
    for (const [path, b] of [
      [`/api/v1/users/${self!.id}/roles`, { roles: ['viewer'] }],
      [`/api/v1/users/${self!.id}/state`, { state: 'disabled' }],
    ] as const) {
      const r = await h.call('PUT', path, { token: security, body: b });
      expect([r.status, (await body(r)).code]).toEqual([403, 'account.self']);
    }
  });

  it('resets a password to a one-time one that may only be changed, and the new one then works', async () => {
    const u = await freshUser();
    const before = await tokenOf(u.username);
    const r = await h.call('POST', `/api/v1/users/${u.id}/password-reset`, { token: security, body: {} });
    expect(r.status).toBe(200);
    const { temporaryPassword } = (await body(r)) as { temporaryPassword: string };
    expect(temporaryPassword).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    expect((await h.call('GET', '/api/v1/units', { token: before })).status).toBe(401);
    expect((await signInAs(u.username, PASSWORD)).status).toBe(401);
    const once = (await body(await signInAs(u.username, temporaryPassword))) as {
      token: string;
      user: { mustChangePassword: boolean };
    };
    expect(once.user.mustChangePassword).toBe(true);
    const blocked = await h.call('GET', '/api/v1/findings', { token: once.token });
    expect([blocked.status, (await body(blocked)).code]).toEqual([403, 'auth.passwordChangeRequired']);
    const changed = await h.call('PUT', '/api/v1/account/password', {
      token: once.token,
      body: { currentPassword: temporaryPassword, password: STRONG },
    });
    expect(changed.status).toBe(200);
    const fresh = (await body(changed)) as { token: string; user: { mustChangePassword: boolean } };
    expect(fresh.user.mustChangePassword).toBe(false);
    expect((await h.call('GET', '/api/v1/units', { token: fresh.token })).status).toBe(200);
    expect((await h.call('GET', '/api/v1/units', { token: once.token })).status).toBe(401);
    expect((await oplog('password-reset')).some((e) => e.subject?.username === u.username)).toBe(true);
    expect((await oplog('password-change')).some((e) => e.subject?.username === u.username)).toBe(true);
  });
});

describe('revocable sessions', () => {
  it('ends every session of a user on disable, and refuses their sign-in until re-enabled', async () => {
    const u = await freshUser();
    const [a, b] = [await tokenOf(u.username), await tokenOf(u.username)];
    expect((await h.call('GET', '/api/v1/units', { token: a })).status).toBe(200);
    const off = await h.call('PUT', `/api/v1/users/${u.id}/state`, {
      token: security,
      body: { state: 'disabled' },
    });
    expect([off.status, (await body(off)).state]).toEqual([200, 'disabled']);
    for (const t of [a, b]) expect((await h.call('GET', '/api/v1/units', { token: t })).status).toBe(401);
    const refused = await signInAs(u.username);
    expect([refused.status, (await body(refused)).code]).toEqual([403, 'auth.accountDisabled']);
    await h.call('PUT', `/api/v1/users/${u.id}/state`, { token: security, body: { state: 'active' } });
    expect((await h.call('GET', '/api/v1/units', { token: a })).status).toBe(401);
    expect((await h.call('GET', '/api/v1/units', { token: await tokenOf(u.username) })).status).toBe(200);
    expect((await oplog('user-disable')).some((e) => e.subject?.username === u.username)).toBe(true);
    expect((await oplog('user-enable')).some((e) => e.subject?.username === u.username)).toBe(true);
  });

  it('ends the sessions of a user whose roles change, and of one who changes their password', async () => {
    const u = await freshUser(['inspector']);
    const t = await tokenOf(u.username);
    expect((await h.call('GET', '/api/v1/findings', { token: t })).status).toBe(200);
    await h.call('PUT', `/api/v1/users/${u.id}/roles`, { token: security, body: { roles: ['viewer'] } });
    expect((await h.call('GET', '/api/v1/findings', { token: t })).status).toBe(401);
    const other = await tokenOf(u.username);
    const mine = await tokenOf(u.username);
    const changed = await h.call('PUT', '/api/v1/account/password', {
      token: mine,
      body: { currentPassword: PASSWORD, password: STRONG },
    });
    expect(changed.status).toBe(200);
    expect((await h.call('GET', '/api/v1/units', { token: other })).status).toBe(401);
    expect((await h.call('GET', '/api/v1/units', { token: mine })).status).toBe(401);
    const next = ((await body(changed)) as { token: string }).token;
    expect((await h.call('GET', '/api/v1/units', { token: next })).status).toBe(200);
  });

  it('refuses a well-signed token of a user the store does not know', async () => {
    const { token } = await issueToken(
      h.deps.issuer!.key,
      h.deps.issuer!.cfg,
      { id: 'no-such-user', name: 'x', roles: ['admin'], unitId: 'city', sessionVersion: 0 },
      Math.floor(h.deps.clock() / 1000),
    );
    const r = await h.call('GET', '/api/v1/units', { token });
    expect([r.status, (await body(r)).code]).toEqual([401, 'auth.unauthenticated']);
  });
});

describe('the built-in issuer’s keys', () => {
  it('are public at /api/v1/auth/jwks.json, and verify the tokens it signs', async () => {
    const r = await h.call('GET', '/api/v1/auth/jwks.json');
    expect(r.status).toBe(200);
    const { keys } = (await r.json()) as { keys: { kty: string; kid?: string }[] };
    expect(keys).toHaveLength(1);
    const token = await h.token('inspector');
    const kid = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()).kid;
    expect(keys[0]!.kid).toBe(kid);
    expect(keys[0]).not.toHaveProperty('d');
  });
});

describe('the session cookie', () => {
  const cookieOf = (r: Response) => r.headers.get('set-cookie') ?? '';

  it('is HttpOnly and SameSite=Strict, not Secure on plain http://localhost, and authenticates', async () => {
    const u = await freshUser();
    const r = await h.app.request('http://localhost/api/v1/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: u.username, password: PASSWORD }),
    });
    expect(r.status).toBe(200);
    const c = cookieOf(r);
    expect(c).toMatch(/^jiandu_session=/);
    expect(c).toContain('HttpOnly');
    expect(c).toContain('SameSite=Strict');
    expect(c).toContain('Path=/');
    expect(c).not.toContain('Secure');
    const pair = c.split(';')[0]!;
    const read = await h.app.request('http://localhost/api/v1/units', { headers: { cookie: pair } });
    expect(read.status).toBe(200);
    const out = await h.app.request('http://localhost/api/v1/auth/sign-out', {
      method: 'POST',
      headers: { cookie: pair, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(out.status).toBe(204);
    expect(cookieOf(out)).toMatch(/^jiandu_session=;.*Max-Age=0/);
    // The token itself ended (ASVS 3.3.1), not only the cookie; a second sign-out is a 401 that still clears it.
    const after = await h.app.request('http://localhost/api/v1/units', { headers: { cookie: pair } });
    expect(after.status).toBe(401);
    const again = await h.app.request('http://localhost/api/v1/auth/sign-out', {
      method: 'POST',
      headers: { cookie: pair, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(again.status).toBe(401);
    expect(cookieOf(again)).toMatch(/^jiandu_session=;.*Max-Age=0/);
    expect((await oplog('sign-out')).some((e) => e.subject?.username === u.username)).toBe(true);
  });

  it('refuses a sign-out without a session, with another content type or with fields (4xx problem+json)', async () => {
    const t = await tokenOf((await freshUser()).username);
    const tries: [Record<string, string>, string, number][] = [
      [{ 'content-type': 'application/json' }, '{}', 401],
      [{ 'content-type': 'text/plain', authorization: `Bearer ${t}` }, '{}', 415],
      [{ 'content-type': 'application/json', authorization: `Bearer ${t}` }, '{"all":true}', 400],
    ];
    for (const [headers, b, status] of tries) {
      const r = await h.app.request('/api/v1/auth/sign-out', { method: 'POST', headers, body: b });
      expect(r.status).toBe(status);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await h.call('GET', '/api/v1/units', { token: t })).status).toBe(200);
  });

  it('is Secure with the __Host- prefix anywhere else', async () => {
    const u = await freshUser();
    const r = await h.app.request('https://jiandu.example.gov.cn/api/v1/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: u.username, password: PASSWORD }),
    });
    const c = cookieOf(r);
    expect(c).toMatch(/^__Host-jiandu_session=/);
    expect(c).toContain('Secure');
    expect(c).toContain('HttpOnly');
    expect(c).toContain('SameSite=Strict');
    const read = await h.app.request('https://jiandu.example.gov.cn/api/v1/units', {
      headers: { cookie: c.split(';')[0]! },
    });
    expect(read.status).toBe(200);
  });
});

describe('the operation log of accounts', () => {
  it('records sign-ins and failed sign-ins with the name, the outcome and no password', async () => {
    const u = await freshUser();
    await signInAs(u.username, 'the-wrong-one-9');
    await signInAs(u.username);
    const failed = (await oplog('sign-in-failed')).filter((e) => e.subject?.username === u.username);
    expect(failed.map((e) => e.outcome)).toEqual(['failed']);
    const ok = (await oplog('sign-in')).filter((e) => e.subject?.username === u.username);
    expect(ok).toHaveLength(1);
    expect(ok[0]!.actorId).toBe(u.id);
    const all = JSON.stringify(await oplog('sign-in-failed'));
    expect(all).not.toContain('the-wrong-one-9');
    expect(all).not.toContain(PASSWORD);
  });
});

describe('the first administrators (a start without the demo)', () => {
  it('creates a system and a security administrator once, with one-time passwords that must be changed', async () => {
    const first = await ensureFirstAdministrators(h.deps);
    expect(first.map((a) => a.username)).toEqual(['sysadmin', 'secadmin']);
    expect(await ensureFirstAdministrators(h.deps)).toEqual([]);
    const s = (await body(await signInAs('secadmin', first[1]!.password))) as {
      token: string;
      user: { roles: string[]; mustChangePassword: boolean };
    };
    expect(s.user).toMatchObject({ roles: ['security_admin'], mustChangePassword: true });
    const blocked = await h.call('GET', '/api/v1/users', { token: s.token });
    expect((await body(blocked)).code).toBe('auth.passwordChangeRequired');
  });
});
