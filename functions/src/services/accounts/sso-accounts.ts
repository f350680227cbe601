/**
 * Single sign-on accounts. The decision (issue 18): the identity provider authenticates, Jiandu decides
 * who is in. A provider's token gives access only if its username claim (AUTH_USERNAME_CLAIM, default
 * `preferred_username`) names a Jiandu account that is enabled: the security administrator creates the
 * account (it has no password, and cannot sign in with one) and disables it to revoke — on the very next
 * request, as a disable ends a built-in session (users.ts currentSession).
 *
 * Roles and home unit still come from the claims (tokens.ts, claims.ts): the provider stays the source
 * of truth of who does what, a claims-mapped role set that breaks 三员分立 is refused there, and the stored
 * account's roles are not consulted (an SSO account stores none; setting them is refused, users.ts). The
 * stored home unit places the account in a security administrator's jurisdiction (who may disable it).
 *
 * The per-request check is one strongly consistent GetItem: an SSO account's id is derived from its
 * username, so the user record is read directly, without the username → id login item in between.
 */
import { createHash } from 'node:crypto';
import { type Deps, nowIso } from '../../app/deps.js';
import { EdgeError } from '../../app/edge-error.js';
import type { Principal } from '../../auth/principal.js';
import { keys } from '../../store/keys.js';
import { type Actor, SYSTEM_ACTOR } from '../../store/record-store.js';
import { Tx, TxCancelled } from '../../store/tx.js';
import { logAccountEvent } from './log.js';
import {
  type AccountChangeContext,
  type AccountView,
  accountView,
  DUMMY_HASH,
  type PublicUser,
  publicUser,
  type User,
} from './users.js';

/** The id of the SSO account of `username` (lower-cased): `sso-` and its SHA-256, base64url (47 characters). */
export const ssoUserId = (username: string): string =>
  `sso-${createHash('sha256').update(username.toLowerCase()).digest('base64url')}`;

/**
 * The session a provider's token stands for: its account must exist (else 403 auth.accountUnknown) and be
 * enabled (else 403 auth.accountDisabled). The principal is the account (its id in every event), with
 * the roles and home unit of the claims.
 */
export async function ssoSession(deps: Deps, p: Principal): Promise<Principal> {
  if (p.username === undefined)
    throw new EdgeError(
      'auth.accountUnknown',
      'the token names no username; ask the security administrator',
      {},
    );
  const stored = await deps.store.get<User>('user', ssoUserId(p.username));
  // The username is compared too: the record must be this name's SSO account, not merely share its id.
  if (!stored || stored.data.username !== p.username || !stored.data.sso)
    throw new EdgeError(
      'auth.accountUnknown',
      'you have no Jiandu account; ask the security administrator to create one',
    );
  if ((stored.data.state ?? 'active') !== 'active')
    throw new EdgeError('auth.accountDisabled', 'this account is disabled; ask the security administrator');
  const { username: _claimed, ...claims } = p;
  return { ...claims, id: stored.id, name: stored.data.name };
}

export interface SsoAccountInput {
  /** The provider's username (its AUTH_USERNAME_CLAIM value); stored lower-cased. */
  username: string;
  name: string;
  /** Home unit: whose security administrator may disable it. */
  unitId: string;
}

/**
 * Creates single sign-on accounts, all in one transaction (the first administrators come together or
 * not at all). The username is unique across both kinds of account (the same login item as users.ts);
 * a taken one cancels the transaction (TxCancelled).
 */
export async function createSsoUsers(
  deps: Deps,
  inputs: readonly SsoAccountInput[],
  actor: Actor = SYSTEM_ACTOR,
): Promise<PublicUser[]> {
  const tx = new Tx(deps.tableName);
  const at = await nowIso(deps);
  const created: PublicUser[] = [];
  for (const input of inputs) {
    const username = input.username.toLowerCase();
    const user: User = {
      id: ssoUserId(username),
      username,
      name: input.name,
      // The claims give the roles on each request; the account holds none of its own.
      roles: [],
      unitId: input.unitId,
      passwordHash: DUMMY_HASH,
      state: 'active',
      sessionVersion: 0,
      mustChangePassword: false,
      sso: true,
    };
    deps.store.write(tx, {
      type: 'user',
      id: user.id,
      before: null,
      data: user,
      index: { listSort: username, unitPath: await deps.units.pathOf(user.unitId) },
      actor,
      at,
      action: 'user.create',
      eventAfter: publicUser(user),
    });
    tx.putNew('login', { ...keys.username(username), userId: user.id });
    created.push(publicUser(user));
  }
  await tx.commit(deps.doc);
  return created;
}

/**
 * The security administrator creates a single sign-on account of their jurisdiction (the provider's
 * username, a display name, a home unit): from then its provider's tokens give access, until disabled
 * (PUT /users/{id}/state). A taken username is 409, naming the field.
 */
export async function createSsoAccount(
  deps: Deps,
  ctx: AccountChangeContext,
  input: SsoAccountInput,
): Promise<AccountView> {
  await ctx.inJurisdiction(input.unitId);
  const [u] = await createSsoUsers(deps, [input], { id: ctx.p.id, role: ctx.role }).catch((e: unknown) => {
    if (e instanceof TxCancelled)
      throw new EdgeError('conflict.duplicate', 'that username is taken', { field: 'username' });
    throw e;
  });
  if (!u) throw new Error('the account was not created');
  await logAccountEvent(
    deps,
    { id: ctx.p.id, name: ctx.p.name, unitId: ctx.p.unitId, role: ctx.role },
    {
      action: 'user-create',
      subject: { id: u.id, username: u.username },
      unitId: u.unitId,
      detail: { singleSignOn: 'true' },
    },
  );
  return accountView(deps, u);
}
