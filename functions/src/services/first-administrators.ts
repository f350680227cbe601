/**
 * A start without the demo (JIANDU_DEMO=0) on an empty store: the first system administrator (units,
 * users) and the first security administrator (roles, account states) — two people (三员分立) — each
 * with a one-time password printed once and changed at first sign-in. They need a home unit: a root
 * unit is created if there is none, which the system administrator then renames and fills.
 */
import { randomBytes } from 'node:crypto';
import type { Deps } from '../app/deps.js';
import { oneTimePassword } from '../auth/password-policy.js';
import { keys } from '../store/keys.js';
import { logAccountEvent, rootUnitId, SYSTEM_ACCOUNT_ACTOR } from './account-log.js';
import { createUnits } from './org.js';
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
  let root = await rootUnitId(deps);
  if (!root) {
    await createUnits(deps, [
      { id: 'root', name: '本级', kind: 'city', parentId: null, code: 'ROOT', aliases: [] },
    ]);
    root = 'root';
  }
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
