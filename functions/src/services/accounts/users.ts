/**
 * Users of the built-in issuer: hashed passwords, roles, home unit, and the account's state (OWASP ASVS
 * V2/V3): active or disabled, a session version every token carries (bumped to end every session of
 * the user at once), and whether the password must be changed before anything else.
 */

import { randomBytes } from 'node:crypto';
import { ADMINISTRATOR_ROLES, assertRoleSet, type Role } from '@jiandu/shared';
import type { AccountState, AccountView, PublicUser, SignedIn } from '@jiandu/shared/api';
import { type Deps, nowIso } from '../../app/deps.js';
import { EdgeError } from '../../app/edge-error.js';
import { assertPasswordAllowed, oneTimePassword } from '../../auth/password-policy.js';
import { hashPassword, verifyPassword } from '../../auth/passwords.js';
import type { Principal } from '../../auth/principal.js';
import { issueToken } from '../../auth/tokens.js';
import { keys } from '../../store/keys.js';
import { type Actor, type StoredRecord, SYSTEM_ACTOR } from '../../store/record-store.js';
import { getItem } from '../../store/table-ops.js';
import { Tx } from '../../store/tx.js';
import { type AccountActor, logAccountEvent } from './log.js';
import { readAccountPolicy } from './policy.js';
import { admitAttempt, clearFailures, lockOf, recordFailure } from './sign-in-guard.js';

// The API's shapes of a user, an account and a session are declared once, in @jiandu/shared/api.
export type { AccountState, AccountView, PublicUser, SignedIn };

export interface User {
  id: string;
  username: string;
  name: string;
  roles: Role[];
  unitId: string;
  passwordHash: string;
  /** Absent on users stored before accounts had states: active. */
  state?: AccountState;
  /** Absent: 0. */
  sessionVersion?: number;
  mustChangePassword?: boolean;
  /**
   * A single sign-on account (services/accounts/sso-accounts.ts): its identity provider authenticates it; it has
   * no password (passwordHash is the unusable dummy) and cannot sign in with one.
   */
  sso?: true;
}

export const publicUser = (u: User): PublicUser => ({
  id: u.id,
  username: u.username,
  name: u.name,
  roles: u.roles,
  unitId: u.unitId,
  state: u.state ?? 'active',
  sessionVersion: u.sessionVersion ?? 0,
  mustChangePassword: u.mustChangePassword ?? false,
});

export async function createUser(
  deps: Deps,
  input: {
    username: string;
    name: string;
    roles: Role[];
    unitId: string;
    password: string;
    /** A password someone else chose (an administrator, a start-up): changed at first sign-in. */
    mustChangePassword?: boolean;
  },
  actor: Actor = SYSTEM_ACTOR,
): Promise<PublicUser> {
  assertRoleSet(input.roles);
  const id = deps.newId();
  const user: User = {
    id,
    username: input.username.toLowerCase(),
    name: input.name,
    roles: input.roles,
    unitId: input.unitId,
    passwordHash: await hashPassword(input.password),
    state: 'active',
    sessionVersion: 0,
    mustChangePassword: input.mustChangePassword ?? false,
  };
  const tx = new Tx(deps.tableName);
  const at = await nowIso(deps);
  deps.store.write(tx, {
    type: 'user',
    id,
    before: null,
    data: user,
    index: { listSort: user.username, unitPath: await deps.units.pathOf(user.unitId) },
    actor,
    at,
    action: 'user.create',
    eventAfter: publicUser(user),
  });
  tx.putNew('login', { ...keys.username(user.username), userId: id });
  await tx.commit(deps.doc);
  return publicUser(user);
}

/**
 * The system administrator creates users with working roles only: an administrator role (系统/安全/审计
 * 管理员) is granted by the security administrator (PUT /users/{id}/roles), so that no one
 * administrator can make another administrator on their own (三员分立).
 */
export function assertCreatableRoles(roles: readonly Role[]): void {
  const admins = roles.filter((r) => ADMINISTRATOR_ROLES.includes(r));
  if (admins.length > 0)
    throw new EdgeError(
      'access.adminRoleByCreate',
      `${admins.join(', ')} is granted by the security administrator, not at creation`,
      { field: 'roles' },
    );
}

async function userByName(deps: Deps, username: string): Promise<StoredRecord<User> | null> {
  const login = await getItem(deps, keys.username(username));
  const userId = login?.userId as string | undefined;
  // The same reads for an unknown name (a user id no record has): equal work, as with the hash.
  return deps.store.get<User>('user', userId ?? '-');
}

const actorOf = (u: PublicUser | User): AccountActor => ({
  id: u.id,
  name: u.name,
  unitId: u.unitId,
  role: u.roles[0] ?? 'system',
});

async function tokenFor(deps: Deps, u: PublicUser) {
  if (!deps.issuer) throw new EdgeError('auth.noBuiltInIssuer', 'sign in with your identity provider');
  return issueToken(
    deps.issuer.key,
    deps.issuer.cfg,
    { id: u.id, name: u.name, roles: u.roles, unitId: u.unitId, sessionVersion: u.sessionVersion },
    Math.floor(deps.clock() / 1000),
  );
}

/**
 * Signs in: throttled and lockable (sign-in-guard.ts); an unknown name costs the same scrypt work as a
 * known one (verified against a dummy hash), so timing does not tell which names exist; every outcome
 * is in the operation log.
 */
export async function signIn(
  deps: Deps,
  username: string,
  password: string,
  address: string | null = null,
  verify: (password: string, hash: string) => Promise<boolean> = verifyPassword,
): Promise<SignedIn> {
  const name = username.toLowerCase();
  const { policy } = await readAccountPolicy(deps);
  const stored = await userByName(deps, name);
  const subject = { id: stored?.id ?? null, username: name };
  const unitId = stored?.data.unitId ?? null;
  const anonymous = stored
    ? actorOf(stored.data)
    : { id: 'unknown', name, unitId: '', role: 'system' as const };
  await admitAttempt(deps, policy, name, address, async (r) => {
    if (r.firstInWindow)
      await logAccountEvent(deps, anonymous, {
        action: 'sign-in-failed',
        subject,
        unitId,
        outcome: 'refused',
        detail: { reason: r.reason },
      });
  });
  // Verify against a dummy hash when the user is unknown, so timing does not tell which names exist.
  // A single sign-on account has no password: refused like a wrong one, after the same work.
  const ok = (await verify(password, stored?.data.passwordHash ?? DUMMY_HASH)) && !stored?.data.sso;
  if (!stored || !ok) {
    const locked = await recordFailure(deps, policy, name);
    await logAccountEvent(deps, anonymous, {
      action: 'sign-in-failed',
      subject,
      unitId,
      outcome: 'failed',
      detail: { reason: !stored ? 'unknown-name' : stored.data.sso ? 'single-sign-on' : 'password' },
    });
    if (locked)
      await logAccountEvent(deps, anonymous, {
        action: 'lockout',
        subject,
        unitId,
        detail: { minutes: String(policy.lockoutMinutes) },
      });
    throw new EdgeError('auth.invalidCredentials', 'wrong username or password');
  }
  const u = publicUser(stored.data);
  await clearFailures(deps, name);
  if (u.state === 'disabled') {
    await logAccountEvent(deps, actorOf(u), {
      action: 'sign-in-failed',
      subject,
      unitId,
      outcome: 'refused',
      detail: { reason: 'disabled' },
    });
    throw new EdgeError('auth.accountDisabled', 'this account is disabled; ask the security administrator');
  }
  const { token, expiresAt } = await tokenFor(deps, u);
  await logAccountEvent(deps, actorOf(u), {
    action: 'sign-in',
    subject,
    unitId,
    ...(u.mustChangePassword ? { detail: { mustChangePassword: 'true' } } : {}),
  });
  return { token, expiresAt, user: u };
}

/**
 * The session a built-in token stands for, checked against the stored user on every request (one
 * strongly consistent read, no cache: a disable or a reset ends a session on its very next request, on
 * every Lambda instance). Unknown, disabled or re-versioned users' tokens are refused.
 */
export async function currentSession(deps: Deps, p: Principal): Promise<Principal> {
  const stored = await deps.store.get<User>('user', p.id);
  const u = stored ? publicUser(stored.data) : null;
  if (u?.state !== 'active' || u.sessionVersion !== (p.sessionVersion ?? -1))
    throw new EdgeError('auth.unauthenticated', 'this session has ended; sign in again');
  // Roles and unit come from the store too (equal to the token's while its version holds).
  return {
    id: u.id,
    name: u.name,
    roles: u.roles,
    unitId: u.unitId,
    sessionVersion: u.sessionVersion,
    ...(u.mustChangePassword ? { mustChangePassword: true } : {}),
  };
}

/** Writes a changed user (same indexes), the event showing no password hash. */
async function saveUser(
  deps: Deps,
  before: StoredRecord<User>,
  data: User,
  actor: Actor,
  action: string,
): Promise<PublicUser> {
  const tx = new Tx(deps.tableName);
  deps.store.write(tx, {
    type: 'user',
    id: data.id,
    before,
    data,
    index: { listSort: data.username, unitPath: before.unitPath },
    actor,
    at: await nowIso(deps),
    action,
    eventBefore: publicUser(before.data),
    eventAfter: publicUser(data),
  });
  await tx.commit(deps.doc);
  return publicUser(data);
}

const bumped = (u: User): number => (u.sessionVersion ?? 0) + 1;

/**
 * What only an account of the built-in issuer has: a password (a reset would give a single sign-on
 * account one to sign in with, around its provider) and stored roles (an SSO account's come from its
 * provider's claims, so setting them here would change nothing).
 */
function assertPasswordAccount(u: User, why: string): void {
  if (u.sso)
    throw new EdgeError('account.singleSignOn', `a single sign-on account: ${why}`, {
      field: 'id',
    });
}

/** Changes one's own password (the current one is needed); ends one's other sessions, returns a new one. */
export async function changeOwnPassword(
  deps: Deps,
  p: Principal,
  currentPassword: string,
  password: string,
): Promise<SignedIn> {
  const stored = await deps.store.get<User>('user', p.id);
  if (!stored) throw new EdgeError('auth.unauthenticated', 'this session has ended; sign in again');
  const u = stored.data;
  assertPasswordAccount(u, 'its password is the identity provider’s');
  const { policy } = await readAccountPolicy(deps);
  if (!(await verifyPassword(currentPassword, u.passwordHash))) {
    // A stolen session may not guess the password either: it counts as a failed sign-in of the name.
    if (await recordFailure(deps, policy, u.username))
      await logAccountEvent(deps, actorOf(u), {
        action: 'lockout',
        subject: { id: u.id, username: u.username },
        unitId: u.unitId,
      });
    throw new EdgeError('auth.currentPasswordWrong', 'the current password is wrong', {
      field: 'currentPassword',
    });
  }
  await assertPasswordAllowed(password, {
    minLength: policy.minPasswordLength,
    userInputs: [u.username, u.name],
  });
  if (await verifyPassword(password, u.passwordHash))
    throw new EdgeError('password.weak', 'choose a password other than the current one', {
      field: 'password',
    });
  const saved = await saveUser(
    deps,
    stored,
    {
      ...u,
      passwordHash: await hashPassword(password),
      sessionVersion: bumped(u),
      mustChangePassword: false,
    },
    { id: p.id, role: u.roles[0] ?? 'system' },
    'user.changePassword',
  );
  await logAccountEvent(deps, actorOf(u), {
    action: 'password-change',
    subject: { id: u.id, username: u.username },
    unitId: u.unitId,
  });
  const { token, expiresAt } = await tokenFor(deps, saved);
  return { token, expiresAt, user: saved };
}

/**
 * Signs a user out everywhere (ASVS 3.3.1: a sign-out invalidates the token, not only the cookie): the
 * session version moves on, so every token of the user — this browser's, another device's — ends.
 */
export async function signOut(deps: Deps, p: Principal): Promise<void> {
  const stored = await deps.store.get<User>('user', p.id);
  if (!stored) return;
  const u = stored.data;
  await saveUser(
    deps,
    stored,
    { ...u, sessionVersion: bumped(u) },
    { id: u.id, role: u.roles[0] ?? 'system' },
    'user.signOut',
  );
  await logAccountEvent(deps, actorOf(u), {
    action: 'sign-out',
    subject: { id: u.id, username: u.username },
    unitId: u.unitId,
  });
}

export async function accountView(deps: Deps, u: PublicUser): Promise<AccountView> {
  const lock = await lockOf(deps, u.username);
  return {
    ...u,
    lockedUntil: lock.lockedUntil === null ? null : new Date(lock.lockedUntil).toISOString(),
    failures: lock.failures,
  };
}

/** Account views of many users: their locks read in batches (one BatchGetItem per 100 users). */
export async function accountViews(deps: Deps, users: readonly PublicUser[]): Promise<AccountView[]> {
  const items = await deps.store.itemsByKey(users.map((u) => keys.signInFailures(u.username)));
  const now = deps.clock();
  return users.map((u) => {
    const item = items.get(keys.signInFailures(u.username).pk);
    const until = Number(item?.lockedUntil ?? 0);
    return {
      ...u,
      lockedUntil: until > now ? new Date(until).toISOString() : null,
      failures: Number(item?.failures ?? 0),
    };
  });
}

/** The account a security administrator acts on: in their jurisdiction, and never their own. */
async function targetOf(
  deps: Deps,
  p: Principal,
  userId: string,
  inJurisdiction: (unitId: string) => Promise<unknown>,
): Promise<StoredRecord<User>> {
  const stored = await deps.store.get<User>('user', userId);
  if (!stored) throw new EdgeError('record.notFound', 'user not found');
  await inJurisdiction(stored.data.unitId).catch(() => {
    throw new EdgeError('record.notFound', 'user not found');
  });
  if (userId === p.id)
    throw new EdgeError('account.self', 'an administrator does not change their own roles or state', {
      field: 'id',
    });
  return stored;
}

export interface AccountChangeContext {
  p: Principal;
  role: Role;
  inJurisdiction: (unitId: string) => Promise<unknown>;
}

const adminActor = (ctx: AccountChangeContext): AccountActor => ({
  id: ctx.p.id,
  name: ctx.p.name,
  unitId: ctx.p.unitId,
  role: ctx.role,
});

/** Sets a user's roles (三员分立: assertRoleSet); their sessions end, so the new roles hold at once. */
export async function setRoles(deps: Deps, ctx: AccountChangeContext, userId: string, roles: Role[]) {
  assertRoleSet(roles);
  const stored = await targetOf(deps, ctx.p, userId, ctx.inJurisdiction);
  const u = stored.data;
  assertPasswordAccount(u, 'its roles are given by the identity provider’s claims');
  const saved = await saveUser(
    deps,
    stored,
    { ...u, roles: [...new Set(roles)], sessionVersion: bumped(u) },
    { id: ctx.p.id, role: ctx.role },
    'user.setRoles',
  );
  await logAccountEvent(deps, adminActor(ctx), {
    action: 'user-roles',
    subject: { id: u.id, username: u.username },
    unitId: u.unitId,
    detail: { from: u.roles.join(','), to: saved.roles.join(',') },
  });
  return accountView(deps, saved);
}

/** Disables (every session ends) or re-enables a user. */
export async function setState(deps: Deps, ctx: AccountChangeContext, userId: string, state: AccountState) {
  const stored = await targetOf(deps, ctx.p, userId, ctx.inJurisdiction);
  const u = stored.data;
  const saved = await saveUser(
    deps,
    stored,
    { ...u, state, sessionVersion: bumped(u) },
    { id: ctx.p.id, role: ctx.role },
    state === 'disabled' ? 'user.disable' : 'user.enable',
  );
  await logAccountEvent(deps, adminActor(ctx), {
    action: state === 'disabled' ? 'user-disable' : 'user-enable',
    subject: { id: u.id, username: u.username },
    unitId: u.unitId,
  });
  return accountView(deps, saved);
}

/**
 * Resets a password to a one-time one, generated here (the administrator never chooses it) and shown
 * once: every session ends, and the next sign-in may only change it.
 */
export async function resetPassword(deps: Deps, ctx: AccountChangeContext, userId: string) {
  const stored = await targetOf(deps, ctx.p, userId, ctx.inJurisdiction);
  const u = stored.data;
  assertPasswordAccount(u, 'it has no password; its identity provider authenticates it');
  const temporaryPassword = oneTimePassword(randomBytes);
  const saved = await saveUser(
    deps,
    stored,
    {
      ...u,
      passwordHash: await hashPassword(temporaryPassword),
      sessionVersion: bumped(u),
      mustChangePassword: true,
    },
    { id: ctx.p.id, role: ctx.role },
    'user.resetPassword',
  );
  await logAccountEvent(deps, adminActor(ctx), {
    action: 'password-reset',
    subject: { id: u.id, username: u.username },
    unitId: u.unitId,
  });
  return { user: await accountView(deps, saved), temporaryPassword };
}

/** Lifts a lockout (and forgets the failures counted so far). */
export async function unlock(deps: Deps, ctx: AccountChangeContext, userId: string) {
  const stored = await targetOf(deps, ctx.p, userId, ctx.inJurisdiction);
  const u = publicUser(stored.data);
  await clearFailures(deps, u.username);
  await logAccountEvent(deps, adminActor(ctx), {
    action: 'unlock',
    subject: { id: u.id, username: u.username },
    unitId: u.unitId,
  });
  return accountView(deps, u);
}

/** Logs the creation of a user by an administrator (the route's; seeds and tests create users quietly). */
export async function logUserCreated(deps: Deps, ctx: AccountChangeContext, u: PublicUser) {
  await logAccountEvent(deps, adminActor(ctx), {
    action: 'user-create',
    subject: { id: u.id, username: u.username },
    unitId: u.unitId,
    detail: { roles: u.roles.join(',') },
  });
}

export const DUMMY_HASH =
  'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
