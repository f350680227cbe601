/** Users of the built-in issuer: hashed passwords, roles and home unit. */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { assertRoleSet, type Role } from '@jiandu/shared';
import { type Deps, nowIso } from '../app/deps.js';
import { EdgeError } from '../app/edge-error.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { issueToken } from '../auth/tokens.js';
import { keys } from '../store/keys.js';
import { type Actor, SYSTEM_ACTOR } from '../store/record-store.js';
import { Tx } from '../store/tx.js';

export interface User {
  id: string;
  username: string;
  name: string;
  roles: Role[];
  unitId: string;
  passwordHash: string;
}

export type PublicUser = Omit<User, 'passwordHash'>;

export const publicUser = ({ passwordHash: _h, ...u }: User): PublicUser => u;

export async function createUser(
  deps: Deps,
  input: { username: string; name: string; roles: Role[]; unitId: string; password: string },
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

export async function signIn(deps: Deps, username: string, password: string) {
  const wrong = () => new EdgeError('auth.invalidCredentials', 'wrong username or password', { status: 401 });
  const login = await deps.doc.send(
    new GetCommand({ TableName: deps.tableName, Key: keys.username(username) }),
  );
  const userId = login.Item?.userId as string | undefined;
  const stored = userId ? await deps.store.get<User>('user', userId) : null;
  // Verify against a dummy hash when the user is unknown, so timing does not tell which names exist.
  const ok = await verifyPassword(password, stored?.data.passwordHash ?? DUMMY_HASH);
  if (!stored || !ok || !deps.issuer) throw wrong();
  const u = stored.data;
  const { token, expiresAt } = await issueToken(
    deps.issuer.key,
    deps.issuer.cfg,
    { id: u.id, name: u.name, roles: u.roles, unitId: u.unitId },
    Math.floor(deps.clock() / 1000),
  );
  return { token, expiresAt, user: publicUser(u) };
}

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
