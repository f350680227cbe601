/**
 * A start without the demo (JIANDU_DEMO=0) on an empty store: the first system administrator (units,
 * users) and the first security administrator (roles, account states) — two people (三员分立) — each
 * with a one-time password printed once and changed at first sign-in. They need a home unit: a root
 * unit is created if there is none, which the system administrator then renames and fills.
 *
 * With single sign-on (JIANDU_FIRST_ADMINS), the two are accounts of the identity provider instead
 * (sso-accounts.ts): no password is made or printed; the provider authenticates them and its claims give
 * their roles (admin, security_admin) and home unit (the root unit's id, `root` on a new store).
 */
import { randomBytes } from 'node:crypto';
import type { Deps } from '../../app/deps.js';
import { oneTimePassword } from '../../auth/password-policy.js';
import { keys } from '../../store/keys.js';
import { TxCancelled } from '../../store/tx.js';
import { createUnits } from '../org/org.js';
import { logAccountEvent, rootUnitId, SYSTEM_ACCOUNT_ACTOR } from './log.js';
import { createSsoUsers, ssoUserId } from './sso-accounts.js';
import { createUser } from './users.js';

export const FIRST_ADMINISTRATORS = [
  { username: 'sysadmin', name: '系统管理员', role: 'admin' },
  { username: 'secadmin', name: '安全管理员', role: 'security_admin' },
] as const;

/** Creates the first administrators unless any exists; answers their one-time passwords (to print once). */
export async function ensureFirstAdministrators(
  deps: Deps,
): Promise<{ username: string; name: string; password: string }[]> {
  const existing = await Promise.all(
    FIRST_ADMINISTRATORS.map((a) => deps.store.item(keys.username(a.username))),
  );
  if (existing.some((e) => e !== null)) return [];
  const root = await ensureRootUnit(deps);
  const created = [];
  for (const a of FIRST_ADMINISTRATORS) {
    const password = oneTimePassword(randomBytes);
    const u = await createUser(deps, {
      username: a.username,
      name: a.name,
      roles: [a.role],
      unitId: root,
      password,
      mustChangePassword: true,
    });
    await logAccountEvent(deps, SYSTEM_ACCOUNT_ACTOR(root), {
      action: 'user-create',
      subject: { id: u.id, username: u.username },
      unitId: root,
      detail: { roles: a.role, firstAdministrator: 'true' },
    });
    created.push({ username: a.username, name: a.name, password });
  }
  return created;
}

/** The root unit's id; one is created (`root`, named 本级) on a store without units. */
async function ensureRootUnit(deps: Deps): Promise<string> {
  const root = await rootUnitId(deps);
  if (root) return root;
  await createUnits(deps, [
    { id: 'root', name: '本级', kind: 'city', parentId: null, code: 'ROOT', aliases: [] },
  ]).catch((e: unknown) => {
    // Another start (a concurrent Lambda cold start) made it first: the same unit.
    if (!(e instanceof TxCancelled)) throw e;
    deps.units.invalidate();
  });
  return 'root';
}

/** The provider's usernames of the first administrators (env JIANDU_FIRST_ADMINS). */
export interface FirstSsoAdministrators {
  sysadmin: string;
  secadmin: string;
}

/**
 * Creates the first administrators as single sign-on accounts unless either name has an account already
 * (both are made in one transaction, so it is both or neither): cheap enough for every start (two reads).
 * Answers who was created; [] when they existed, or when a concurrent start made them first.
 */
export async function ensureFirstSsoAdministrators(
  deps: Deps,
  names: FirstSsoAdministrators,
): Promise<{ username: string; name: string }[]> {
  const wanted = FIRST_ADMINISTRATORS.map((a) => ({ ...a, username: names[a.username].toLowerCase() }));
  const existing = await Promise.all(wanted.map((a) => deps.store.item(keys.username(a.username))));
  if (existing.some((e) => e !== null)) return [];
  const root = await ensureRootUnit(deps);
  try {
    await createSsoUsers(
      deps,
      wanted.map((a) => ({ username: a.username, name: a.name, unitId: root })),
    );
  } catch (e) {
    if (e instanceof TxCancelled) return [];
    throw e;
  }
  for (const a of wanted)
    await logAccountEvent(deps, SYSTEM_ACCOUNT_ACTOR(root), {
      action: 'user-create',
      subject: { id: ssoUserId(a.username), username: a.username },
      unitId: root,
      detail: { roles: a.role, firstAdministrator: 'true', singleSignOn: 'true' },
    });
  return wanted.map((a) => ({ username: a.username, name: a.name }));
}
