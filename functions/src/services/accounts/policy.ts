/**
 * The password and lockout policy (安全管理员 sets it): data, not code. Stored as the `setting` record
 * `account-policy` (versioned, hash-chained like every change); the defaults stand until one is stored.
 */
import { MIN_PASSWORD_LENGTH } from '@jiandu/shared';
import type { AccountPolicy, AccountPolicyView } from '@jiandu/shared/api';
import type { Deps } from '../../app/deps.js';
import { EdgeError } from '../../app/edge-error.js';
import type { Actor, StoredRecord } from '../../store/record-store.js';
import { Tx } from '../../store/tx.js';

export type { AccountPolicy };

/**
 * Defaults: 5 failures lock a name for 15 minutes (ASVS 2.2.1 asks for "no more than 100 failed attempts
 * per hour"); a name may try 10 times a minute; an address 60 times (an office behind one NAT signing in
 * at nine o'clock).
 */
export const DEFAULT_ACCOUNT_POLICY: AccountPolicy = {
  minPasswordLength: MIN_PASSWORD_LENGTH,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  attemptsPerName: 10,
  attemptsPerAddress: 60,
  windowSeconds: 60,
};

const POLICY_ID = 'account-policy';

export async function readAccountPolicy(
  deps: Deps,
): Promise<{ policy: AccountPolicy; version: number; before: StoredRecord<AccountPolicy> | null }> {
  const rec = await deps.store.get<AccountPolicy>('setting', POLICY_ID);
  return rec
    ? { policy: { ...DEFAULT_ACCOUNT_POLICY, ...rec.data }, version: rec.version, before: rec }
    : { policy: DEFAULT_ACCOUNT_POLICY, version: 0, before: null };
}

export async function writeAccountPolicy(
  deps: Deps,
  policy: AccountPolicy,
  expectedVersion: number,
  actor: Actor,
  at: string,
): Promise<AccountPolicyView> {
  const { before, version } = await readAccountPolicy(deps);
  if (version !== expectedVersion) {
    throw new EdgeError('conflict.version', 'the policy changed since it was read; reload and retry', {
      field: 'expectedVersion',
    });
  }
  const tx = new Tx(deps.tableName);
  deps.store.write(tx, {
    type: 'setting',
    id: POLICY_ID,
    before,
    data: policy,
    index: {},
    actor,
    at,
    action: 'account.policy',
  });
  await tx.commit(deps.doc);
  return { policy, version: version + 1 };
}
